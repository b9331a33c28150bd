"""The employee's handbook as built: one search index per handbook, editor tooling off, one handbook alone,
and the clause × jurisdiction matrix (`/matrix/` and `clausebook matrix`). Real MkDocs builds."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .site_build import PROJECT_ROOT, build_site, read, shipped_site, write_mkdocs


def index(site: Path, path: str) -> dict:
    return json.loads((site / path).read_text(encoding="utf-8"))


def test_each_handbook_has_its_own_index_of_its_own_pages():
    site = shipped_site()
    german = index(site, "de/search_index.json")
    assert german["docs"] and all(d["location"].startswith("de/") for d in german["docs"])
    assert german["config"]["lang"] == ["de"]  # Material's worker stems this handbook in German
    assert not [d for d in german["docs"] if d["location"].startswith("de/en/")]
    english = index(site, "de/en/search_index.json")  # the approved English text: a scope of its own
    assert english["config"]["lang"] == ["en"]
    assert english["docs"] and all(d["location"].startswith("de/en/") for d in english["docs"])
    assert (site / "assets/javascripts/lunr/min/lunr.de.min.js").is_file()
    shared = index(site, "search/shared_index.json")
    assert {d["location"].split("/")[0] for d in shared["docs"]} >= {"global", "changes", "matrix"}
    assert not [d for d in shared["docs"] if d["location"].startswith("de/")]
    # a 40-clause handbook's index is a fraction of the site's
    assert (site / "de/search_index.json").stat().st_size * 8 < (site / "search/search_index.json").stat().st_size


def test_a_clause_result_has_its_own_tags_and_its_text_as_preview():
    docs = {d["location"]: d for d in index(shipped_site(), "de/search_index.json")["docs"]}
    monitoring = docs["de/social-media/#monitoring"]
    assert monitoring["title"] == "Wie die Überwachung funktioniert"
    assert "monitoring" in monitoring["tags"] and len(monitoring["tags"]) < 8
    assert "Verantwortlich:" not in monitoring["text"]  # the metadata line is not the preview
    assert "tags" not in docs["de/social-media/"]


def test_every_page_loads_the_scope_before_materials_bundle_and_names_the_search_dialog():
    page = read(shipped_site(), "de/social-media/")
    loader = page.index('data-cb-index="../search_index.json"')
    assert loader < page.index("assets/javascripts/bundle.")
    assert 'role="dialog" aria-label="Search this handbook"' in page


def test_the_employees_handbook_has_no_editor_tooling_and_no_outside_host():
    site = shipped_site()
    page = read(site, "de/social-media/")
    assert "Edit this clause" not in page and 'title="Edit this page"' not in page
    assert "github.com/example" not in page and "api.github.com" not in page
    assert "<strong>Kanäle:</strong> LinkedIn" in page
    assert "<strong>Channels:</strong> LinkedIn" in read(site, "de/en/social-media/")
    home = read(site, "")
    assert "For policy editors" in home  # lint rules and the CI page have their own section


@pytest.fixture(scope="module")
def german_alone(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("alone") / "repo"
    for name in ("policy", "jurisdictions", "docs"):
        shutil.copytree(PROJECT_ROOT / name, root / name)
    write_mkdocs(root, handbooks="de", legal_notice="Ask **HR** before you rely on it.",
                 legal_notice_title="About this text")
    return build_site(root, root / "site")


def test_one_handbook_builds_alone_with_what_it_builds_on(german_alone):
    built = {p.name for p in german_alone.iterdir() if p.is_dir()}
    assert {"de", "eu", "global", "matrix"} <= built
    assert not built & {"fr", "us", "uk", "ca"}
    assert (german_alone / "de/search_index.json").is_file()


def test_a_handbook_built_alone_lists_every_handbook_and_links_to_them(german_alone):
    # The other handbooks are not built, but the navigation and the shared pages list them as the
    # whole site does, and the links to them are the whole site's (the strict build passed).
    whole = shipped_site()
    for page, href in (("", 'href="fr/"'), ("matrix/", 'href="../fr/social-media/#'),
                       ("de/social-media/", 'href="../../fr/"')):
        assert href in read(whole, page)
        assert href in read(german_alone, page)


def test_the_legal_notice_is_the_companys(german_alone):
    page = read(german_alone, "de/")
    assert "About this text" in page and "Ask <strong>HR</strong> before you rely on it." in page
    assert "Not legal advice" not in page


def test_matrix_page_lists_each_change_with_reason_and_law():
    page = read(shipped_site(), "matrix/")
    start = page.index('id="purpose-and-scope"')
    entry = page[start:page.index("<h2", start + 1)]
    assert "Germany" in entry and "amended" in entry and "works council" in entry
    assert "BetrVG" in entry
    assert 'href="../de/social-media/#purpose-and-scope"' in page


def run_matrix(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "clausebook", "--root", str(PROJECT_ROOT), "matrix", *args],
                          capture_output=True, text=True, check=False)


def test_matrix_command_json_has_one_record_per_cell():
    done = run_matrix("--format", "json")
    assert done.returncode == 0, done.stderr
    cells = {(c["clause"], c["jurisdiction"]): c for c in json.loads(done.stdout)}
    german = cells[("purpose-and-scope", "de")]
    assert german["action"] == "amended" and german["by"] == "de" and not german["inherited"]
    assert "works council" in german["reason"] and german["references"]
    assert cells[("purpose-and-scope", "global")]["action"] == "base"
    inherited = [c for c in cells.values() if c["inherited"]]
    assert inherited and all(c["by"] != c["jurisdiction"] for c in inherited)


@pytest.mark.parametrize("fmt", ["text", "csv", "markdown"])
def test_matrix_command_formats(fmt):
    done = run_matrix("--format", fmt)
    assert done.returncode == 0, done.stderr
    assert "purpose-and-scope" in done.stdout
    if fmt == "csv":
        assert done.stdout.splitlines()[0].startswith("clause,policy,title,jurisdiction,action")
