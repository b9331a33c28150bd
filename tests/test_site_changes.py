"""The per-handbook changes pages: one row per change, in words, by month, paged, with redlines."""

from __future__ import annotations

import pytest

from clausebook.site import changes_page
from clausebook.site.render import build_site
from clausebook.workspace import open_worktree
from tests.repos import GitRepo, clause
from tests.test_site_render import html

REMOVE_IN_DE = "clause: confidentiality\naction: remove\nreason: Covered by the German trade secrets act.\n"
GERMAN_NOTE = ("clause: monitoring\naction: amend\nreason: The works council co-determines monitoring.\n"
               "append: The tool needs a works agreement first.\n")


@pytest.fixture(scope="module")
def history_site(tmp_path_factory):
    root = tmp_path_factory.mktemp("changes") / "repo"
    repo = GitRepo(root)
    repo.commit("Add the social media policy", date="2024-01-10T09:00:00+00:00", base=True)
    repo.commit("Soften monitoring", {"policy/social-media/monitoring.yaml": clause(
        "monitoring", section="privacy", level="should", owner="privacy",
        body="The security team reads public posts that mention the company.", tags=["monitoring"])},
        date="2024-02-05T09:00:00+00:00")
    repo.commit("Germany: works council", {"jurisdictions/de/overlays/monitoring.yaml": GERMAN_NOTE},
                date="2024-03-01T09:00:00+00:00")
    repo.commit("Germany: drop confidentiality <script>", {"jurisdictions/de/overlays/confidentiality.yaml":
                                                          REMOVE_IN_DE}, date="2024-03-02T09:00:00+00:00")
    repo.commit("Reformat only", {"policy/social-media/monitoring.yaml": clause(
        "monitoring", section="privacy", level="should", owner="privacy",
        body="The security team reads public posts that mention the company.", tags=["monitoring"])
        .replace("level: should", "level: 'should'")}, date="2024-04-01T09:00:00+00:00")
    repo.close()
    workspace = open_worktree(root)
    assert not workspace.problems, workspace.problems
    return workspace


def rows(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("| 20")]


def test_each_handbook_has_its_page_and_the_index_links_them_with_one_count(history_site):
    site = build_site(history_site)
    index = site.pages["changes.md"].markdown
    assert "- [Germany](de/changes/index.md): 5 changes, 4 material, newest 2024-03-02" in index
    assert "- [European Union](eu/changes/index.md): 3 changes" in index
    germany = site.pages["de/changes/index.md"].markdown
    assert "5 changes, 4 material" in germany  # the same count as the index
    assert {"What changed": "de/changes/index.md"} in site.nav[2]["Europe"][1]["Germany"]


def test_a_row_says_what_changed_in_words_with_class_date_and_redline(history_site):
    page = build_site(history_site).pages["de/changes/index.md"].markdown
    found = rows(page)
    assert len(found) == 5  # the formatting-only edit is no change
    removed, note, softened = found[0], found[1], found[2]
    # a clause removed here links to the company-wide text it no longer has
    assert removed.startswith("| 2024-03-02 | [Confidentiality](../../global/social-media.md#confidentiality) | "
                              "removed in Germany")
    assert "**Material**" in removed and "&lt;script&gt;" in removed and "<script>" not in removed
    assert "[Monitoring](../social-media.md#monitoring)" in note and "adapted in Germany: note added" in note
    assert "level info → should, text reworded" in softened and "**Material**" in softened
    anchor = softened.rsplit("(#", 1)[1].split(")")[0]
    assert f'id="{anchor}"' in page
    rendered = html(page)
    assert "<del>reviews</del>" in rendered.replace(" ", "") or "<del>reviews</del>" in rendered
    assert "<ins>reads</ins>" in rendered
    assert rendered.index("<h2") < rendered.index("February 2024") < rendered.index("January 2024")


def test_a_change_reaches_only_the_handbooks_it_changed(history_site):
    france_free = build_site(history_site).pages["eu/changes/index.md"].markdown
    assert "Germany" not in "".join(rows(france_free))


def test_long_histories_are_paged(history_site, monkeypatch):
    monkeypatch.setattr(changes_page, "ROWS_PER_PAGE", 2)
    monkeypatch.setattr(changes_page.handbook_pages, "__defaults__", (2,))
    site = build_site(history_site)
    first, second, third = (site.pages[p].markdown for p in
                            ("de/changes/index.md", "de/changes/2.md", "de/changes/3.md"))
    assert [len(rows(p)) for p in (first, second, third)] == [2, 2, 1]
    assert "Page 1 of 3 · [Older →](2.md)" in first
    assert "Page 2 of 3 · [← Newer](index.md) · [Older →](3.md)" in second
    assert {"What changed in Germany": ["de/changes/index.md", "de/changes/2.md", "de/changes/3.md"]} \
        in site.nav[2]["Europe"][1]["Germany"]
