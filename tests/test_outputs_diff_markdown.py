"""The pull-request summary as GitHub shows it: rendered with cmark-gfm (GitHub's own parser), HTML checked.

GitHub renders the Markdown with cmark-gfm and then keeps an allowed set of
tags (`ins` and `del` among them); `render` does the first step with raw
HTML kept, so what the tests see is what a reviewer's browser gets.
"""

from __future__ import annotations

import re

import cmarkgfm
import pytest
from cmarkgfm.cmark import Options

from .repos import GitRepo

FRANCE = "id: fr\nname: France\nparent: eu\nlocale: fr-FR\n"
REMOVE_MONITORING = """\
clause: monitoring
action: remove
reason: French law forbids monitoring public posts without telling the CSE first.
references:
  - title: Code du travail, article L2312-38
    cite: C. trav. art. L2312-38
"""
NOTE_IN_BOLD = """\
clause: confidentiality
action: amend
reason: The CSE must be told about client confidentiality rules.
append: |
  **En France.** The CSE is informed of these rules.
"""


def render(markdown: str) -> str:
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


@pytest.fixture
def french_pull_request(git_repo: GitRepo, run) -> GitRepo:
    """main with France; a branch that removes monitoring in France and adds a French note in bold."""
    git_repo.commit("Base policy", {"jurisdictions/fr/jurisdiction.yaml": FRANCE}, base=True,
                    date="2025-01-06T09:00:00+00:00")
    assert run("--root", git_repo.root, "codeowners").code == 0
    git_repo.commit("CODEOWNERS", date="2025-01-06T10:00:00+00:00")
    git_repo.repo.git.checkout("-b", "french-rules")
    git_repo.commit("French rules", {
        "jurisdictions/fr/overlays/monitoring.yaml": REMOVE_MONITORING,
        "jurisdictions/fr/overlays/confidentiality.yaml": NOTE_IN_BOLD,
    }, date="2025-02-03T09:00:00+00:00")
    return git_repo


def test_the_redline_uses_ins_and_del_and_the_clause_bold_renders(run, git_repo):
    git_repo.commit("Base policy", base=True, date="2025-01-06T09:00:00+00:00")
    git_repo.commit("Edit", {"policy/social-media/confidentiality.yaml": (
        "id: confidentiality\ntitle: Confidentiality\nsection: scope\nlevel: must\nowner: legal\n"
        "body: You should keep **client** information confidential.\n")}, date="2025-02-03T09:00:00+00:00")
    html = render(run("--root", git_repo.root, "diff", "HEAD~1", "HEAD", "--format", "markdown").out)
    assert "<del>must</del> <ins>should</ins>" in html
    assert "<strong>client</strong>" in html
    assert "**" not in text_of(html) and "~~" not in html


def test_a_removal_names_france_and_gives_its_reason_and_law(run, french_pull_request):
    result = run("--root", french_pull_request.root, "ci", "--base", "main")
    html = render(result.out)
    plain = text_of(html)
    assert "Why, in France" in plain
    assert "French law forbids monitoring public posts without telling the CSE first." in plain
    assert "Law relied on: Code du travail, article L2312-38 — C. trav. art. L2312-38" in plain
    removal = plain[plain.index("Monitoring (monitoring)\n"):]
    # What stops applying, not its bookkeeping.
    assert "Text (as it was)" in removal
    assert "Order in section" not in removal and "Tags" not in removal and "Owner (as it was)" not in removal
    assert "| fr |" not in result.out and "France" in plain


def test_a_new_note_in_bold_renders_bold_inside_the_insertion(run, french_pull_request):
    html = render(run("--root", french_pull_request.root, "ci", "--base", "main").out)
    assert "<ins>Note from France (after the text): <strong>En France.</strong> The CSE" in html
    assert "**" not in text_of(html) and "\\*" not in html


def test_the_header_names_the_head_commit_when_the_branch_is_committed(run, french_pull_request):
    head = french_pull_request.repo.head.commit.hexsha
    out = run("--root", french_pull_request.root, "ci", "--base", "main").out
    assert f"→ `{head[:10]}`" in out and "worktree" not in out
    (french_pull_request.root / "policy/social-media/monitoring.yaml").write_text(
        (french_pull_request.root / "policy/social-media/monitoring.yaml").read_text().replace("reviews", "reads"))
    assert "→ the working tree" in run("--root", french_pull_request.root, "ci", "--base", "main").out


def test_the_codeowners_hint_shows_the_command_as_code(run, french_pull_request):
    result = run("--root", french_pull_request.root, "ci", "--base", "main")
    assert result.code == 1  # the new overlay files have no CODEOWNERS line yet
    html = render(result.out)
    assert "<code>clausebook codeowners</code>" in html
    assert "\\`" not in result.out.split("### Code owners")[1].split("```")[0]


def test_the_codeowners_annotation_carries_the_lines_to_change(run, french_pull_request, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    out = run("--root", french_pull_request.root, "ci", "--base", "main", "--summary", "/dev/null").out
    annotation = next(line for line in out.splitlines() if line.startswith("::error file=.github/CODEOWNERS"))
    assert not annotation.endswith("expected):")
    assert "%0A+/jurisdictions/fr/overlays/monitoring.yaml @example/privacy" in annotation
