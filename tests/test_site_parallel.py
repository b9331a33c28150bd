"""`clausebook build`: every handbook in its own `mkdocs build`, in parallel, assembled into one site.
Real MkDocs builds of a small fixture, compared with one build of the whole site."""

from __future__ import annotations

from pathlib import Path

import pytest

from clausebook.cli import main
from clausebook.core.errors import UsageError
from clausebook.site.parallel import Built, assemble, build_all, differing, groups

from .repos import GitRepo
from .site_build import build_site, write_mkdocs

FRANCE = "id: fr\nname: France\nparent: eu\nregion: Europe\n"


def files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("parallel") / "repo"
    GitRepo(root).commit("Start", {"jurisdictions/fr/jurisdiction.yaml": FRANCE}, base=True)
    write_mkdocs(root)
    # hand-written pages: one build writes them, every build's navigation lists them by their titles
    (root / "docs" / "about.md").write_text("# About this handbook\n\nWho keeps it.\n", encoding="utf-8")
    (root / "docs" / "editing.md").write_text("# How to edit a clause\n\nOpen a pull request.\n", encoding="utf-8")
    return root


def test_the_parallel_build_has_the_pages_of_the_single_build(project, capsys):
    single = build_site(project, project.parent / "single")
    out = project.parent / "parallel"
    out.mkdir()
    (out / "stale.html").write_text("from the last build", encoding="utf-8")
    assert main(["--root", str(project), "build", "--jobs", "2", "--out", str(out), "--strict"]) == 0
    assert "4 handbooks built" in capsys.readouterr().err
    assert files(out) == files(single)  # the old site was replaced whole
    assert {"de", "eu", "fr", "global"} <= {p.name for p in out.iterdir() if p.is_dir()}
    assert differing(single / "assets", out / "assets") == []
    assert differing(single, out) == []  # page for page: every handbook listed everywhere, one search index
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".parallel.")]  # no work folders left


def test_workers_that_load_the_repository_themselves_build_the_same_site(project):
    # Without the loaded repository to fork from, each worker starts afresh (spawn) and loads it.
    single = project.parent / "single"
    if not single.is_dir():
        build_site(project, single)
    out = project.parent / "spawned"
    built = build_all(project / "mkdocs.yml", out, ["global", "eu", "de", "fr"], jobs=2, strict=True)
    assert sorted(h for b in built for h in b.handbooks) == ["de", "eu", "fr", "global"]
    assert differing(single, out) == []


def test_a_failed_build_leaves_the_old_site(project, capsys):
    out = project.parent / "kept"
    out.mkdir()
    (out / "index.html").write_text("the last good site", encoding="utf-8")
    (project / "mkdocs-broken.yml").write_text("site_name: x\nplugins:\n  - nonexistent-plugin\n", encoding="utf-8")
    assert main(["--root", str(project), "build", "-f", str(project / "mkdocs-broken.yml"), "--out", str(out)]) == 2
    assert "nonexistent-plugin" in capsys.readouterr().err
    assert files(out) == {"index.html"}
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".kept.")]


def test_assembly_refuses_builds_whose_shared_assets_differ(tmp_path):
    for name, css in (("global", "a"), ("de", "b")):
        (tmp_path / name / "assets").mkdir(parents=True)
        (tmp_path / name / "assets" / "site.css").write_text(css, encoding="utf-8")
        (tmp_path / name / name).mkdir()
    target = tmp_path / "out"
    target.mkdir()
    with pytest.raises(UsageError, match="assets/site.css differs"):
        assemble([Built(("global",), True, tmp_path / "global", 0, ""), Built(("de",), False, tmp_path / "de", 0, "")],
                 target)


def test_the_handbooks_are_split_into_groups_of_about_the_same_size():
    handbooks = ["global", "de", "eu", "fr", "us", "ca"]
    weights = {"global": 40, "de": 40, "eu": 40, "fr": 10, "us": 60, "ca": 10}
    split = groups(handbooks, 2, weights, shared_weight=20)
    assert sorted(h for g in split for h in g) == sorted(handbooks)  # each handbook in one group
    assert split[0][0] == "global"  # the first group has the base handbook and the shared pages
    loads = [sum(weights[h] for h in g) + (20 if i == 0 else 0) for i, g in enumerate(split)]
    assert max(loads) - min(loads) <= 20
    assert all(list(g) == [h for h in handbooks if h in g] for g in split)  # in the repository's order
    assert groups(handbooks, 10) == [(h,) for h in handbooks]  # never more groups than handbooks
    assert groups(["de", "fr"], 1) == [("de", "fr")]
