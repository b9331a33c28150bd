"""`clausebook render --out DIR`: the plugin's pages on disk, built by Zensical (and MkDocs) without the plugin."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from clausebook.site.export import options_from_config, read_config
from clausebook.site.render import build_site as render_pages
from clausebook.workspace import open_worktree

from .repos import GitRepo, clause, write_repo
from .site_build import article, build_site, clause_block, elements, read, write_mkdocs

pytestmark = pytest.mark.slow

ZENSICAL = Path(sys.executable).parent / "zensical"

GERMAN_NOTE = """\
clause: monitoring
action: amend
reason: The works council co-determines monitoring tools.
append: The listening tool needs a works agreement (Betriebsvereinbarung).
"""
ATTACK = '<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))\n{: onclick="alert(1)" }'


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    root = tmp_path_factory.mktemp("render") / "repo"
    repo = GitRepo(root)
    write_mkdocs(root)
    (root / "docs" / "about.md").write_text("# About\n\nNot legal advice.\n", encoding="utf-8")
    repo.commit("Policy", {
        "jurisdictions/de/overlays/monitoring.yaml": GERMAN_NOTE,
        "policy/social-media/confidentiality.yaml": clause("confidentiality", body=ATTACK),
    }, date="2025-02-03T10:00:00+00:00", base=True)
    repo.close()
    out = root.parent / "out"
    proc = subprocess.run([sys.executable, "-m", "clausebook", "--root", str(root), "render", "--out", str(out)],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return root, out


def test_render_writes_the_plugins_pages(rendered):
    root, out = rendered
    # the plugin reads its options from the same mkdocs.yml (the project's repo_url for edit links)
    options = options_from_config(read_config(root / "mkdocs.yml"), root / "docs")
    expected = render_pages(open_worktree(root), options).markdown()
    written = {p.relative_to(out / "docs").as_posix(): p.read_text(encoding="utf-8")
               for p in (out / "docs").rglob("*.md")}
    assert {path: written.get(path) for path in expected} == expected
    assert written["about.md"] == "# About\n\nNot legal advice.\n"  # hand-written pages come along
    assert "### Monitoring {#monitoring}" in written["de/social-media.md"]
    assert (out / "docs" / "assets" / "clausebook" / "clausebook.css").is_file()


def test_render_config_has_the_nav_and_no_plugin(rendered):
    _, out = rendered
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "clausebook" not in str(config["plugins"])
    assert config["nav"][0] == {"Home": "index.md"}
    assert {"About this handbook": "about.md"} in config["nav"]
    assert "assets/clausebook/clausebook.css" in config["extra_css"]
    assert "content.action.edit" not in config["theme"]["features"]


def test_zensical_builds_the_rendered_pages(rendered, tmp_path):
    _, out = rendered
    if not ZENSICAL.exists() and shutil.which("zensical") is None:
        pytest.skip("zensical is not installed (pip install -e '.[test]')")
    project = tmp_path / "project"
    shutil.copytree(out, project)
    proc = subprocess.run([str(ZENSICAL if ZENSICAL.exists() else "zensical"), "build", "-f",
                           str(project / "mkdocs.yml")], capture_output=True, text=True, cwd=project, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    site = project / "site"
    page = read(site, "de/social-media/")
    assert 'id="monitoring"' in page and 'id="confidentiality"' in page
    block = clause_block(page, "monitoring")
    assert "admonition note cb-jurisdiction" in block and "Betriebsvereinbarung" in block
    assert 'class="cb-level cb-level-info"' in block
    # editor text stays text in Zensical's output too
    content = article(page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content
    for tag, attributes in elements(content).tags:
        assert tag not in ("script", "img"), tag
        assert not [a for a in attributes if a.startswith("on")], (tag, attributes)
        assert not (attributes.get("href") or "").startswith("javascript:"), attributes


def test_mkdocs_builds_the_rendered_pages_without_the_plugin(rendered, tmp_path):
    _, out = rendered
    project = tmp_path / "project"
    shutil.copytree(out, project)
    site = build_site(project, tmp_path / "site")
    assert 'id="monitoring"' in read(site, "de/social-media/")


def test_render_replaces_an_earlier_render_but_not_other_folders(rendered, tmp_path, run):
    root, out = rendered
    again = tmp_path / "again"
    assert run("--root", root, "render", "--out", again).code == 0
    (again / "docs" / "stale.md").write_text("old", encoding="utf-8")
    assert run("--root", root, "render", "--out", again).code == 0
    assert not (again / "docs" / "stale.md").exists()
    other = tmp_path / "other"
    other.mkdir()
    (other / "keep.txt").write_text("mine", encoding="utf-8")
    result = run("--root", root, "render", "--out", other)
    assert result.code == 2 and "not empty" in result.err
    assert (other / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_render_refuses_a_repository_with_errors(tmp_path, run):
    root = write_repo(tmp_path / "repo", {"policy/social-media/monitoring.yaml": clause("monitoring", level="nope")})
    result = run("--root", root, "render", "--out", tmp_path / "out")
    assert result.code == 1
    assert "policy/social-media/monitoring.yaml:4:8: error S001" in result.out
    assert not (tmp_path / "out").exists()


def test_render_without_a_mkdocs_yml_writes_a_working_default(tmp_path, run):
    root = write_repo(tmp_path / "repo")
    out = tmp_path / "out"
    assert run("--root", root, "render", "--out", out, "--no-history").code == 0
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["name"] == "material" and "tags" in config["plugins"]
    site = build_site(out, tmp_path / "site")
    assert 'id="confidentiality"' in read(site, "global/social-media/")
