"""`clausebook diff --format docx --out FILE`: a Word redline whose changes are real tracked revisions."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from .documents_tools import need, soffice
from .repos import GitRepo, clause

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CONFIDENTIALITY = "policy/social-media/confidentiality.yaml"


@pytest.fixture
def changed(git_repo: GitRepo) -> tuple[GitRepo, str, str]:
    base = git_repo.commit("Base policy", base=True, date="2025-01-06T09:00:00+00:00")
    head = git_repo.commit("Soften confidentiality", date="2025-03-04T15:30:00+00:00",
                           author="Counsel Person <counsel@example.com>", files={
                               CONFIDENTIALITY: clause("confidentiality", level="should",
                                                       body="You should keep client data confidential.")})
    return git_repo, base, head


def document_xml(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read("word/document.xml"))


def test_changed_words_are_tracked_revisions_by_the_commit_author(run, changed, tmp_path):
    repo, base, head = changed
    out = tmp_path / "redline.docx"
    result = run("--root", repo.root, "diff", base, head, "--format", "docx", "--out", out)
    assert result.code == 0, result
    assert result.out == ""
    root = document_xml(out)
    inserted = root.findall(f".//{W}ins")
    deleted = root.findall(f".//{W}del")
    assert inserted and deleted
    for revision in inserted + deleted:
        assert revision.get(f"{W}author") == "Counsel Person"
        assert revision.get(f"{W}date") == "2025-03-04T15:30:00Z"
    ids = [r.get(f"{W}id") for r in inserted + deleted]
    assert len(ids) == len(set(ids))
    deleted_text = ["".join(d.itertext()) for d in deleted]
    inserted_text = ["".join(i.itertext()) for i in inserted]
    assert any("must" in t for t in deleted_text)
    assert any("should" in t for t in inserted_text)
    assert all(d.find(f".//{W}t") is None for d in deleted)  # deleted text is w:delText
    assert any("information" in t for t in deleted_text) and any("data" in t for t in inserted_text)
    text = "".join(root.itertext())
    assert "Confidentiality (confidentiality)" in text
    assert "Material" in text and "global, eu, de" in text
    with zipfile.ZipFile(out) as package:
        assert b"<w:trackRevisions/>" in package.read("word/settings.xml")


def test_jurisdiction_keeps_the_changes_that_reach_it(run, changed, tmp_path):
    repo, base, head = changed
    repo.commit("German note", date="2025-03-05T10:00:00+00:00", files={
        "jurisdictions/de/overlays/monitoring.yaml":
            "clause: monitoring\naction: amend\nreason: Works council.\nappend: Ask the works council.\n"})
    out = tmp_path / "de.docx"
    assert run("--root", repo.root, "diff", head, "HEAD", "--format", "docx", "--out", out,
               "--jurisdiction", "eu").code == 0
    assert "Monitoring" not in "".join(document_xml(out).itertext())
    assert run("--root", repo.root, "diff", head, "HEAD", "--format", "docx", "--out", out,
               "--jurisdiction", "de").code == 0
    assert "Monitoring (monitoring)" in "".join(document_xml(out).itertext())


def test_docx_needs_out_and_a_known_jurisdiction(run, changed, tmp_path):
    repo, base, head = changed
    result = run("--root", repo.root, "diff", base, head, "--format", "docx")
    assert result.code == 2 and "--out FILE" in result.err and result.out == ""
    result = run("--root", repo.root, "diff", base, head, "--format", "docx", "--out", tmp_path / "x.docx",
                 "-j", "nowhere")
    assert result.code == 2 and "unknown jurisdiction 'nowhere'" in result.err
    assert not (tmp_path / "x.docx").exists()


def test_out_writes_text_formats_to_a_file(run, changed, tmp_path):
    repo, base, head = changed
    out = tmp_path / "diff.json"
    result = run("--root", repo.root, "diff", base, head, "--format", "json", "--out", out)
    assert result.code == 0 and result.out == ""
    assert '"clause":"confidentiality"' in out.read_text()


def test_libreoffice_opens_each_insertion_and_deletion_as_a_revision(run, changed, tmp_path):
    need("LibreOffice (libreoffice-writer-nogui)", soffice() is not None)
    repo, base, head = changed
    out = tmp_path / "redline.docx"
    assert run("--root", repo.root, "diff", base, head, "--format", "docx", "--out", out).code == 0
    root = document_xml(out)
    expected = len(root.findall(f".//{W}ins")) + len(root.findall(f".//{W}del"))
    profile = tmp_path / "lo-profile"
    subprocess.run([str(soffice()), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "odt",
                    "--outdir", str(tmp_path), str(out)], capture_output=True, check=True, timeout=180)
    with zipfile.ZipFile(tmp_path / "redline.odt") as package:
        content = package.read("content.xml").decode("utf-8")
    assert content.count("<text:changed-region") == expected
    assert content.count("<dc:creator>Counsel Person</dc:creator>") == expected
    assert "2025-03-04T15:30:00" in content
