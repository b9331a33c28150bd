"""`clausebook pdf`: the handbook as a PDF, read back through its text layer, outline and fonts."""

from __future__ import annotations

import pytest

from clausebook.core.identity import digest, handbook_digest
from clausebook.site.edition import ordered_clauses
from clausebook.workspace import open_worktree

from .documents_tools import need_pdf_tools, outline, page_texts, pdf_fonts, pdf_info
from .repos import GitRepo

DE_MONITORING = """\
clause: monitoring
action: amend
reason: The works council co-determines monitoring tools.
append: The works council must agree before any tool is used.
references:
  - {title: Works Constitution Act, cite: "BetrVG § 87(1) Nr. 6"}
"""
US = "id: us\nname: United States\nregion: North America\n"


@pytest.fixture
def tagged(git_repo: GitRepo) -> GitRepo:
    git_repo.commit("Base policy", base=True, date="2025-01-06T09:00:00+00:00", files={
        "jurisdictions/de/overlays/monitoring.yaml": DE_MONITORING,
        "jurisdictions/us/jurisdiction.yaml": US,
    })
    git_repo.repo.git.tag("-a", "v1.2.0", "-m", "Release 1.2.0")
    return git_repo


def test_pdf_names_its_edition_on_every_page(run, tagged, tmp_path):
    need_pdf_tools()
    out = tmp_path / "de.pdf"
    result = run("--root", tagged.root, "pdf", "--jurisdiction", "de", "--out", out)
    assert result.code == 0, result
    workspace = open_worktree(tagged.root)
    expected = handbook_digest(ordered_clauses(workspace.handbooks["de"]))
    pages = page_texts(out)
    assert len(pages) >= 3
    for number, text in enumerate(pages, 1):
        flat = " ".join(text.split())
        assert expected in flat, f"page {number} lacks the digest"
        assert "v1.2.0" in flat and "2025-01-06" in flat, f"page {number} lacks the version or date"
    everything = " ".join(" ".join(pages).split())
    assert "Germany" in pages[0]
    assert "Monitoring" in everything  # a clause title
    assert "BetrVG § 87(1) Nr. 6" in everything  # the note's law
    assert "The works council co-determines monitoring tools." in everything  # and its reason
    assert "Page 2 of" in everything
    assert "Contents" in everything


def test_pdf_has_a_bookmark_per_clause_a4_and_embedded_fonts(run, tagged, tmp_path):
    need_pdf_tools()
    out = tmp_path / "de.pdf"
    assert run("--root", tagged.root, "pdf", "-j", "de", "--out", out).code == 0
    titles = outline(out)
    assert "Confidentiality" in titles and "Monitoring" in titles
    assert "Contents" in titles
    assert "A4" in pdf_info(out)["Page size"]
    fonts = pdf_fonts(out)
    assert fonts and all("yes" in row[-5:-2][0:1] for row in fonts), fonts  # the "emb" column


def test_north_america_prints_on_letter(run, tagged, tmp_path):
    need_pdf_tools()
    out = tmp_path / "us.pdf"
    assert run("--root", tagged.root, "pdf", "-j", "us", "--out", out).code == 0
    assert "letter" in pdf_info(out)["Page size"]


def test_uncommitted_text_says_so(run, tagged, tmp_path):
    need_pdf_tools()
    (tagged.root / "policy/social-media/monitoring.yaml").write_text(
        (tagged.root / "policy/social-media/monitoring.yaml").read_text() + "rationale: Because.\n")
    out = tmp_path / "de.pdf"
    assert run("--root", tagged.root, "pdf", "-j", "de", "--out", out).code == 0
    assert "with uncommitted changes" in " ".join(page_texts(out)[0].split())


def test_at_a_date_prints_the_commit_of_that_day(run, tagged, tmp_path):
    need_pdf_tools()
    first = tagged.repo.head.commit.hexsha
    tagged.commit("Retitle", date="2025-02-10T09:00:00+00:00", files={
        "policy/social-media/monitoring.yaml": (tagged.root / "policy/social-media/monitoring.yaml").read_text()
        .replace("title: Monitoring", "title: How monitoring works")})
    out = tmp_path / "old.pdf"
    assert run("--root", tagged.root, "pdf", "-j", "de", "--at", "2025-01-31", "--out", out).code == 0
    text = " ".join(" ".join(page_texts(out)).split())
    assert "v1.2.0" in text and first in text
    assert "How monitoring works" not in text
    new = tmp_path / "new.pdf"
    assert run("--root", tagged.root, "pdf", "-j", "de", "--at", "main", "--out", new).code == 0
    assert "How monitoring works" in " ".join(" ".join(page_texts(new)).split())


def test_out_dir_writes_every_handbook_where_the_site_links_it(run, tagged, tmp_path):
    need_pdf_tools()
    site = tmp_path / "site"
    for j in ("global", "eu", "de", "us"):
        (site / j).mkdir(parents=True)
    result = run("--root", tagged.root, "pdf", "--out-dir", site)
    assert result.code == 0, result
    assert sorted(p.parent.name for p in site.glob("*/handbook.pdf")) == ["de", "eu", "global", "us"]


@pytest.mark.parametrize("argv, message", [
    (["pdf", "-j", "xx", "--out", "x.pdf"], "unknown jurisdiction 'xx'"),
    (["pdf", "--out", "x.pdf"], "--out writes one handbook"),
    (["pdf", "-j", "de", "--out", "x.pdf", "--at", "no-such-rev"], "unknown git revision 'no-such-rev'"),
    (["pdf", "-j", "de", "--out", "x.pdf", "--at", "2024-01-01"], "is before the first commit"),
    (["pdf", "-j", "de", "--out", "x.pdf", "--at", "2025-02-30"], "is not a valid date"),
    (["pdf", "-j", "de", "--out", "missing/x.pdf"], "does not exist"),
])
def test_usage_errors_exit_2_and_write_nothing(run, tagged, argv, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("--root", tagged.root, *argv)
    assert result.code == 2, result
    assert message in result.err
    assert "Traceback" not in result.err
    assert not list(tmp_path.glob("*.pdf"))


def test_a_repository_with_errors_keeps_the_old_pdf(run, tagged, tmp_path):
    out = tmp_path / "de.pdf"
    out.write_bytes(b"old")
    (tagged.root / "policy/social-media/monitoring.yaml").write_text("id: monitoring\nlevel: sometimes\n")
    result = run("--root", tagged.root, "pdf", "-j", "de", "--out", out)
    assert result.code == 1, result
    assert out.read_bytes() == b"old"
    assert not [p for p in tmp_path.iterdir() if p.name not in ("de.pdf", "git")]


def test_handbook_digest_covers_the_clause_digests_in_order(tagged):
    workspace = open_worktree(tagged.root)
    clauses = ordered_clauses(workspace.handbooks["de"])
    assert handbook_digest(clauses) == digest([digest(c.content()) for c in clauses])
    assert handbook_digest(list(reversed(clauses))) != handbook_digest(clauses)
    assert handbook_digest(clauses).startswith("sha256:")


def test_a_translated_handbook_prints_in_its_language_and_the_approved_text_on_request(run, tmp_path):
    """The German handbook's PDF is German; `--lang en` prints the approved English; both name one digest."""
    need_pdf_tools()
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    german, english = tmp_path / "de.pdf", tmp_path / "de-en.pdf"
    assert run("--root", root, "pdf", "-j", "de", "--no-history", "--out", german).code == 0
    assert run("--root", root, "pdf", "-j", "de", "--no-history", "--lang", "en", "--out", english).code == 0
    de_text = " ".join(" ".join(page_texts(german)).split())
    en_text = " ".join(" ".join(page_texts(english)).split())
    assert "Inhalt" in de_text and "Seite 2 von" in de_text and "Was Ihnen weiterhin freisteht" in de_text
    assert "Contents" in en_text and "Page 2 of" in en_text and "What you remain free to do" in en_text
    expected = handbook_digest(ordered_clauses(open_worktree(root).handbooks["de"]))
    assert expected in de_text and expected in en_text
    refused = run("--root", root, "pdf", "-j", "de", "--lang", "fr", "--out", tmp_path / "fr.pdf")
    assert refused.code == 2 and "published in de-DE, en" in refused.err
    assert not (tmp_path / "fr.pdf").exists()


def test_every_release_is_printed_where_the_versions_page_links_it(run, tagged, tmp_path):
    need_pdf_tools()
    from clausebook.site.versions_page import release_pdf_path

    site = tmp_path / "site"
    for jurisdiction in ("global", "eu", "de", "us"):
        (site / jurisdiction).mkdir(parents=True)
    result = run("--root", tagged.root, "pdf", "--out-dir", site, "--releases", "-j", "de", "--no-history")
    assert result.code == 0, result
    printed = site / "versions" / release_pdf_path("v1.2.0", "de")
    assert printed.is_file()
    assert "v1.2.0" in " ".join(page_texts(printed)[0].split())
    assert run("--root", tagged.root, "pdf", "--releases", "-j", "de", "--out", tmp_path / "x.pdf").code == 2
