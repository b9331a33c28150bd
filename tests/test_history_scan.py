"""The one-pass history scan, on real git repositories built commit by commit at fixed dates."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from clausebook.core.loader import parse
from clausebook.git import NotAGitRepository
from clausebook.history.model import History
from clausebook.history.scan import blob_keys, content_key_of_blob, document_key, scan
from clausebook.workspace import load_worktree

from .repos import GitRepo, clause

CONF = "policy/social-media/confidentiality.yaml"
MON = "policy/social-media/monitoring.yaml"
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def history_of(repo: GitRepo) -> History:
    return scan(repo.root, load_worktree(repo.root))


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_reformatting_only_is_not_a_change(git_repo: GitRepo) -> None:
    created = git_repo.commit("Base", base=True, date="2025-01-10T09:00:00+00:00")
    # Same content: keys reordered, a comment, the body folded over two lines and quoted differently.
    git_repo.commit("Reformat", {CONF: """\
# Reviewed wording; no change in meaning.
owner: legal
level: must
id: confidentiality
section: "scope"
title: 'Confidentiality'
body: >
  You must keep client
  information confidential.
examples:
  dont: [Post a client's roadmap.]
  do: [Talk about public releases.]
"""}, date="2025-03-01T09:00:00+00:00")
    history = history_of(git_repo)
    last = history.last_change("confidentiality")
    assert last is not None and last.commit == created and last.date == d("2025-01-10")
    assert [e.commit for e in history.events if e.clause == "confidentiality"] == [created]


def test_a_content_edit_is_a_change_with_commit_date_author_and_path(git_repo: GitRepo) -> None:
    git_repo.commit("Base", base=True, date="2025-01-10T09:00:00+00:00")
    # 23:30 at UTC-05:00 is the next day in UTC.
    edited = git_repo.commit("Tighten confidentiality",
                             {CONF: clause("confidentiality", body="Never share client data.")},
                             date="2025-04-01T23:30:00-05:00", author="Ada Editor <ada@example.com>")
    last = history_of(git_repo).last_change("confidentiality")
    assert last is not None
    assert (last.commit, last.date, last.author, last.email) == (edited, d("2025-04-02"), "Ada Editor",
                                                                  "ada@example.com")
    assert (last.kind, last.jurisdictions, last.path, last.subject) == ("change", ("global",), CONF,
                                                                       "Tighten confidentiality")


def test_a_moved_clause_keeps_its_history_and_the_move_is_no_change(git_repo: GitRepo) -> None:
    git_repo.commit("Base", base=True, files={
        "policy/conduct/policy.yaml": "id: conduct\ntitle: Conduct\nowner: legal\nreview_months: 12\n"
                                      "sections:\n  - {id: scope, title: Scope}\n",
    }, date="2025-01-10T09:00:00+00:00")
    first_edit = git_repo.commit("Edit", {MON: clause("monitoring", section="privacy", level="info", owner="privacy",
                                                      body="Security reviews public posts.", tags=["monitoring"])},
                                 date="2025-02-01T09:00:00+00:00")
    git_repo.move(MON, "policy/conduct/monitoring.yaml", "Move monitoring to conduct", date="2025-03-01T09:00:00+00:00")
    history = history_of(git_repo)
    assert history.last_change("monitoring").commit == first_edit  # the move alone is no change
    later = git_repo.commit("Edit again", {"policy/conduct/monitoring.yaml": clause(
        "monitoring", section="scope", level="info", owner="privacy", body="Security reads public posts.",
        tags=["monitoring"])}, date="2025-05-01T09:00:00+00:00")
    history = history_of(git_repo)
    changes = [e for e in history.events if e.clause == "monitoring"]
    assert [e.commit for e in changes] == [later, first_edit, changes[-1].commit]
    assert [e.path for e in changes] == ["policy/conduct/monitoring.yaml", MON, MON]


def test_a_renamed_clause_is_followed_through_the_rename(git_repo: GitRepo) -> None:
    created = git_repo.commit("Base", base=True, date="2025-01-10T09:00:00+00:00")
    new = "policy/social-media/client-confidentiality.yaml"
    renamed = git_repo.move(CONF, new, "Rename", date="2025-02-01T09:00:00+00:00")
    text = (git_repo.root / new).read_text().replace("id: confidentiality", "id: client-confidentiality")
    git_repo.commit("Fix the id", {new: text}, date="2025-02-01T10:00:00+00:00")
    edited = git_repo.commit("Edit", {new: text.replace("keep client", "always keep client")},
                             date="2025-06-01T09:00:00+00:00")
    history = history_of(git_repo)
    assert history.last_change("client-confidentiality").commit == edited
    events = [e for e in history.events if e.clause == "client-confidentiality"]
    # The edit, the id fix, and the creation under its old name: one history.
    assert [e.commit for e in events][0] == edited
    assert events[-1].commit == created and events[-1].path == CONF
    assert renamed not in [e.commit for e in events]  # the rename itself changed nothing


def test_overlays_are_changes_of_the_clause_in_their_jurisdiction(git_repo: GitRepo) -> None:
    git_repo.commit("Base", base=True, date="2025-01-10T09:00:00+00:00")
    overlay = "jurisdictions/de/overlays/monitoring.yaml"
    git_repo.commit("German monitoring", {overlay: (
        "clause: monitoring\naction: amend\nreason: Works council co-determination.\n"
        "append: The works council agrees to any monitoring.\n")}, date="2025-02-01T09:00:00+00:00")
    git_repo.commit("EU monitoring", {"jurisdictions/eu/overlays/monitoring.yaml": (
        "clause: monitoring\naction: amend\nreason: GDPR.\nappend: Monitoring follows the GDPR.\n")},
        date="2025-03-01T09:00:00+00:00")
    history = history_of(git_repo)
    last = history.last_change("monitoring")
    assert last.jurisdictions == ("eu",) and last.date == d("2025-03-01")
    assert [e.jurisdictions for e in history.changes(jurisdiction="de") if e.clause == "monitoring"] == [
        ("eu",), ("de",), ("global",)]
    assert [e.jurisdictions for e in history.changes(jurisdiction="eu") if e.clause == "monitoring"] == [
        ("eu",), ("global",)]
    assert len(history.changes(limit=2)) == 2
    # Removing the overlay changes the clause in Germany again.
    removed = git_repo.commit("Drop the German note", {overlay: None}, date="2025-04-01T09:00:00+00:00")
    last = history_of(git_repo).last_change("monitoring")
    assert (last.commit, last.jurisdictions, last.path) == (removed, ("de",), overlay)


def test_review_trailers_are_events_and_empty_commits_are_seen(git_repo: GitRepo) -> None:
    git_repo.commit("Base", base=True, date="2025-01-10T09:00:00+00:00")
    review = git_repo.commit("Quarterly review\n\nPolicy-Reviewed: confidentiality\nPolicy-Reviewed: monitoring\n",
                             allow_empty=True, date="2025-02-01T09:00:00+00:00",
                             author="Rita Reviewer <rita@example.com>")
    git_repo.commit("Docs", {"README.md": "Hello\n"}, date="2025-03-01T09:00:00+00:00")
    history = history_of(git_repo)
    for clause_id in ("confidentiality", "monitoring"):
        last = history.last_review(clause_id)
        assert (last.commit, last.date, last.author, last.kind, last.path) == (
            review, d("2025-02-01"), "Rita Reviewer", "review", "")
    # A file outside policy/ and jurisdictions/ is no change of any clause.
    assert history.last_change("confidentiality").date == d("2025-01-10")


def test_a_review_on_a_merged_branch_counts(git_repo: GitRepo) -> None:
    git_repo.commit("Base", base=True, date="2025-01-10T09:00:00+00:00")
    git = git_repo.repo.git
    git.checkout("-b", "review-branch")
    git_repo.commit("Branch edit", {MON: clause("monitoring", section="privacy", level="info", owner="privacy",
                                                body="Security reads posts.", tags=["monitoring"])},
                    date="2025-01-20T09:00:00+00:00")
    review = git_repo.commit("Review\n\nPolicy-Reviewed: monitoring\n", allow_empty=True,
                             date="2025-02-01T09:00:00+00:00")
    git.checkout("main")
    git_repo.commit("Edit confidentiality", {CONF: clause("confidentiality", body="Say nothing about clients.")},
                    date="2025-02-02T09:00:00+00:00")
    env = {"GIT_AUTHOR_DATE": "2025-02-03T09:00:00+00:00", "GIT_COMMITTER_DATE": "2025-02-03T09:00:00+00:00"}
    git.merge("--no-ff", "-m", "Merge review", "review-branch", env=env)
    history = history_of(git_repo)
    last = history.last_review("monitoring")
    assert last is not None and last.commit == review and last.date == d("2025-02-01")
    # The branch's edit reaches the first-parent line with the merge, on the merge's date.
    merged = history.last_change("monitoring")
    assert (merged.subject, merged.date) == ("Merge review", d("2025-02-03"))
    assert history.last_change("confidentiality").subject == "Edit confidentiality"


def test_a_file_that_does_not_parse_counts_as_a_change(git_repo: GitRepo) -> None:
    git_repo.commit("Base", base=True, date="2025-01-10T09:00:00+00:00")
    broken = git_repo.commit("Broken", {CONF: "id: [unclosed\n"}, date="2025-02-01T09:00:00+00:00")
    fixed = git_repo.commit("Fixed", {CONF: clause("confidentiality", examples={
        "do": ["Talk about public releases."], "dont": ["Post a client's roadmap."]})},
        date="2025-03-01T09:00:00+00:00")
    history = history_of(git_repo)
    assert [e.commit for e in history.events if e.clause == "confidentiality"][:2] == [fixed, broken]


def test_dates_in_clauses_compare_as_the_loader_reads_them(git_repo: GitRepo) -> None:
    git_repo.commit("Base", base=True, files={CONF: clause("confidentiality") + "effective: 2025-01-01\n"},
                    date="2025-01-10T09:00:00+00:00")
    git_repo.commit("Quote the date", {CONF: clause("confidentiality") + "effective: '2025-01-01'\n"},
                    date="2025-02-01T09:00:00+00:00")
    assert history_of(git_repo).last_change("confidentiality").date == d("2025-01-10")


def test_a_repository_root_below_the_git_top_level(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "top")
    (tmp_path / "top" / "handbook").mkdir()
    repo.commit("Outside", {"notes.md": "x\n"}, date="2025-01-01T09:00:00+00:00")
    from .repos import BASE_FILES
    files = {f"handbook/{path}": text for path, text in BASE_FILES.items()}
    repo.commit("Base", files, date="2025-01-10T09:00:00+00:00")
    root = tmp_path / "top" / "handbook"
    history = scan(root, load_worktree(root))
    assert history.last_change("confidentiality").path == CONF
    repo.close()


def test_not_a_git_repository(repo_dir: Path) -> None:
    with pytest.raises(NotAGitRepository, match="not inside a git work tree"):
        scan(repo_dir, load_worktree(repo_dir))


def test_no_commits_yet(git_repo: GitRepo) -> None:
    from .repos import write_repo

    write_repo(git_repo.root)
    history = history_of(git_repo)
    assert history.head is None and history.events == [] and not history.shallow


def test_a_shallow_clone_gives_no_dates_it_cannot_see(git_repo: GitRepo, tmp_path: Path) -> None:
    git_repo.commit("Base", base=True, date="2025-01-10T09:00:00+00:00")
    git_repo.commit("Edit monitoring", {MON: clause("monitoring", section="privacy", level="info", owner="privacy",
                                                   body="Security reads public posts.", tags=["monitoring"])},
                    date="2025-02-01T09:00:00+00:00")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{git_repo.root}", str(clone)], check=True)
    history = scan(clone, load_worktree(clone))
    assert history.shallow and history.boundary == d("2025-02-01")
    # The boundary commit "adds" every file; none of that is a change we can date.
    assert history.events == []
    assert {"confidentiality", "monitoring"} <= history.truncated


# --- content keys: the history reads blobs with the one loader -----------------------

TRICKY = """\
id: confidentiality
title: Confidentiality
section: scope
level: must
owner: legal
effective: 2025-01-01
updated: 2025-01-01 10:00:00
no: unquoted key that YAML 1.1 reads as a boolean
on: yes
body: >
  You must keep client
  information confidential.
examples:
  do: [Talk about public releases.]
  dont: [Post a client's roadmap.]
"""

# The same content, written differently: quoted dates and keys, a literal block, other order.
TRICKY_REWRITTEN = """\
"on": yes
"no": unquoted key that YAML 1.1 reads as a boolean
id: confidentiality
title: Confidentiality
section: scope
level: must
owner: legal
effective: "2025-01-01"
updated: '2025-01-01T10:00:00'
body: |
  You must keep client information confidential.
examples:
  dont:
    - Post a client's roadmap.
  do:
    - Talk about public releases.
"""


def loaded_key(path: str, raw: bytes) -> str:
    """The content key of the document the loader gives for these bytes."""
    document, _ = parse(path, raw)
    assert document is not None
    return document_key(document.data)


def test_shipped_files_have_the_same_key_from_history_as_loaded() -> None:
    repo = load_worktree(PROJECT_ROOT)
    documents = [c.doc for c in repo.clauses().values()]
    documents += [o.doc for j in repo.jurisdictions.values() for o in j.overlays]
    assert len(documents) > 10
    for doc in documents:
        raw = (PROJECT_ROOT / doc.path).read_bytes()
        assert content_key_of_blob(raw, "sha") == document_key(doc.data), doc.path


@pytest.mark.parametrize("text", [
    TRICKY,
    TRICKY_REWRITTEN,
    "id: a\nowner: legal\nowner: privacy\n",  # a duplicate key: the loader keeps the first
    "id: a\nwhen: 2025-02-30\n",  # not a date after all
    "id: a\nbody: >-\n  folded\n\n  paragraphs\n",
])
def test_tricky_yaml_has_the_same_key_from_history_as_loaded(text: str) -> None:
    raw = text.encode("utf-8")
    assert content_key_of_blob(raw, "sha") == loaded_key("policy/p/a.yaml", raw)


def test_tricky_yaml_read_from_git_has_the_loaded_key_and_rewriting_it_is_no_change(git_repo: GitRepo) -> None:
    created = git_repo.commit("Base", base=True, files={CONF: TRICKY}, date="2025-01-10T09:00:00+00:00")
    git_repo.commit("Rewrite", {CONF: TRICKY_REWRITTEN}, date="2025-02-01T09:00:00+00:00")
    blob = subprocess.run(["git", "-C", str(git_repo.root), "rev-parse", f"{created}:{CONF}"], check=True,
                          capture_output=True, text=True).stdout.strip()
    assert blob_keys(git_repo.root, [blob])[blob] == loaded_key(CONF, TRICKY.encode("utf-8"))
    assert loaded_key(CONF, TRICKY.encode("utf-8")) == loaded_key(CONF, TRICKY_REWRITTEN.encode("utf-8"))
    assert history_of(git_repo).last_change("confidentiality").commit == created


def test_a_file_that_does_not_load_has_a_key_of_its_own() -> None:
    assert content_key_of_blob(b"id: [unclosed\n", "abc") == "unparsed abc"
    assert content_key_of_blob(b"- a list\n", "abc") == "unparsed abc"
    assert content_key_of_blob(b"\xff\xfe", "abc") == "unparsed abc"
