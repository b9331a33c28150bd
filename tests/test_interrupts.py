"""Nothing lost: every writing command completes or leaves everything as it was, under SIGINT and SIGTERM too.

Real processes get real signals at several points of their run: the site
build (`mkdocs build`), `clausebook codeowners` and `clausebook review
record`. Afterwards the old result is intact, or the new one is complete,
and nothing half-written is left behind.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from .repos import GitRepo, write_repo
from .site_build import write_mkdocs

SIGNALS = [signal.SIGINT, signal.SIGTERM]
MKDOCS = Path(sys.executable).with_name("mkdocs")


def _default_signals() -> None:
    # A child of a shell job may inherit SIGINT ignored; a user's Ctrl-C is not ignored.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def _interrupted(command: list[str], cwd: Path, delay: float, signum: int) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=_default_signals)
    time.sleep(delay)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=120)
    assert b"Traceback" not in err or proc.returncode != 0  # a cancelled mkdocs may print its own
    return proc.returncode


def _snapshot(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".building-" in p.name or ".old-" in p.name
                  or p.name.endswith(".tmp"))


# --- the site build -------------------------------------------------------------


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = write_repo(tmp_path_factory.mktemp("interrupts") / "repo")
    write_mkdocs(root, history=False)
    return root


@pytest.mark.slow
@pytest.mark.parametrize("signum", SIGNALS, ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("delay", [0.4, 1.2, 2.5])
def test_an_interrupted_build_leaves_the_previous_site(project, signum, delay):
    site = project / "site"
    site.mkdir(exist_ok=True)
    for child in site.iterdir():
        child.unlink() if child.is_file() else None
    (site / "index.html").write_text("the previous site\n", encoding="utf-8")
    before = _snapshot(site)

    code = _interrupted([str(MKDOCS), "build", "--strict", "-q"], project, delay, signum)

    if code == 0:  # finished before the signal: the new site, complete
        assert "the previous site" not in (site / "index.html").read_text(encoding="utf-8")
        assert (site / "search" / "search_index.json").is_file()
    else:
        assert _snapshot(site) == before
    assert _leftovers(project) == []


@pytest.mark.slow
def test_a_failing_build_leaves_the_previous_site(tmp_path):
    root = write_repo(tmp_path / "repo", {"policy/social-media/monitoring.yaml": "id: [\n"})
    write_mkdocs(root, history=False)
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("the previous site\n", encoding="utf-8")
    proc = subprocess.run([str(MKDOCS), "build", "--strict", "-q"], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode != 0
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "the previous site\n"
    assert _leftovers(root) == []


def test_a_complete_build_replaces_the_site(tmp_path):
    root = write_repo(tmp_path / "repo")
    write_mkdocs(root, history=False)
    (root / "site").mkdir()
    (root / "site" / "stale.html").write_text("old\n", encoding="utf-8")
    proc = subprocess.run([str(MKDOCS), "build", "-q"], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr
    assert not (root / "site" / "stale.html").exists()
    assert (root / "site" / "de" / "social-media" / "index.html").is_file()
    assert _leftovers(root) == []


# --- clausebook codeowners ---------------------------------------------------------


CLI = [sys.executable, "-m", "clausebook"]


@pytest.mark.parametrize("signum", SIGNALS, ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("delay", [0.05, 0.25, 0.5])
def test_an_interrupted_codeowners_leaves_the_file_whole(tmp_path, signum, delay):
    root = write_repo(tmp_path / "repo")
    subprocess.run([*CLI, "--root", str(root), "codeowners"], check=True, capture_output=True)
    expected = (root / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    stale = "# an old CODEOWNERS\n* @example/everyone\n"
    (root / ".github" / "CODEOWNERS").write_text(stale, encoding="utf-8")

    _interrupted([*CLI, "--root", str(root), "codeowners"], root, delay, signum)

    assert (root / ".github" / "CODEOWNERS").read_text(encoding="utf-8") in (stale, expected)
    assert _leftovers(root / ".github") == []


def test_sigterm_is_reported_as_nothing_changed(tmp_path):
    root = write_repo(tmp_path / "repo")
    proc = subprocess.Popen([*CLI, "--root", str(root), "lint"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, preexec_fn=_default_signals)
    time.sleep(0.6)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    assert "Traceback" not in err
    assert proc.returncode in (0, 1, 143, -signal.SIGTERM)


# --- clausebook review record -------------------------------------------------------


@pytest.mark.parametrize("signum", SIGNALS, ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("delay", [0.05, 0.3, 0.6])
def test_an_interrupted_review_record_moves_the_branch_all_the_way_or_not_at_all(tmp_path, signum, delay):
    repo = GitRepo(tmp_path / "repo")
    head = repo.commit("Start", base=True, date="2025-01-01T09:00:00+00:00")
    status = repo.repo.git.status("--porcelain")

    _interrupted([*CLI, "--root", str(repo.root), "review", "record", "monitoring", "--message", "Checked"],
                 repo.root, delay, signum)

    now = repo.repo.head.commit
    assert now.hexsha == head or (
        [p.hexsha for p in now.parents] == [head] and "Policy-Reviewed: monitoring" in now.message)
    assert repo.repo.git.status("--porcelain") == status
    repo.close()


# --- the documents and the release tag --------------------------------------------


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    repo = GitRepo(tmp_path_factory.mktemp("documents") / "repo")
    repo.commit("Base", base=True, date="2025-01-06T09:00:00+00:00")
    repo.commit("Tighten", {"policy/social-media/confidentiality.yaml": (
        "id: confidentiality\ntitle: Confidentiality\nsection: scope\nlevel: must\nowner: legal\n"
        "body: You must never share client information.\n")}, date="2025-02-03T09:00:00+00:00")
    yield repo
    repo.close()


@pytest.mark.slow
@pytest.mark.parametrize("command, target", [
    (["pdf", "-j", "de", "--no-history", "--out", "{out}/handbook.pdf"], "handbook.pdf"),
    (["diff", "HEAD~1", "HEAD", "--format", "docx", "--out", "{out}/redline.docx"], "redline.docx"),
], ids=["pdf", "docx"])
@pytest.mark.parametrize("signum", SIGNALS, ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("delay", [0.3, 1.0])
def test_an_interrupted_document_is_the_old_file_or_the_whole_new_one(history, tmp_path, command, target,
                                                                      signum, delay):
    out = tmp_path / "out"
    out.mkdir()
    (out / target).write_bytes(b"the previous document\n")
    argv = [*CLI, "--root", str(history.root), *(part.format(out=out) for part in command)]

    code = _interrupted(argv, history.root, delay, signum)

    # A signal after the rename (while the process winds down) may still exit non-zero: then the new
    # document is there, whole. Either way it is never a part of one.
    written = out / target
    if written.read_bytes() != b"the previous document\n":
        if target.endswith(".pdf"):
            assert written.read_bytes().startswith(b"%PDF-") and written.read_bytes().rstrip().endswith(b"%%EOF")
        else:
            with zipfile.ZipFile(written) as archive:
                assert archive.testzip() is None and "word/document.xml" in archive.namelist()
    else:
        assert code != 0
    assert _leftovers(out) == []


@pytest.mark.parametrize("signum", SIGNALS, ids=["SIGINT", "SIGTERM"])
@pytest.mark.parametrize("delay", [0.1, 0.5, 1.0])
def test_an_interrupted_release_tags_all_the_way_or_not_at_all(tmp_path, signum, delay):
    repo = GitRepo(tmp_path / "repo")
    head = repo.commit("Base", base=True, date="2025-01-06T09:00:00+00:00")
    status = repo.repo.git.status("--porcelain")

    code = _interrupted([*CLI, "--root", str(repo.root), "release"], repo.root, delay, signum)

    tags = repo.repo.git.tag("--list").split()
    assert tags in ([], ["v1.0.0"])
    if tags:
        assert repo.repo.git.rev_parse("v1.0.0^{commit}") == head and code == 0
    assert repo.repo.head.commit.hexsha == head
    assert repo.repo.git.status("--porcelain") == status
    repo.close()
