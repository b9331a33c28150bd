"""The site's time pages on a real git history: /versions/, manifests, the Atom feed, upcoming text redlined."""

from __future__ import annotations

import datetime as dt
import json

import feedparser
import pytest

from clausebook.site.options import RenderOptions
from clausebook.site.render import build_site
from clausebook.workspace import open_worktree

from .repos import GitRepo, clause
from .site_build import build_site as mkdocs_build
from .site_build import write_mkdocs

CONFIDENTIALITY = "policy/social-media/confidentiality.yaml"
EXAMPLES = {"do": ["Talk about public releases."], "dont": ["Post a client's roadmap."]}
BODY = "You must keep client information confidential."
STRICTER = BODY + " You must not post it anywhere."


def confidentiality(body: str = BODY, **extra: object) -> str:
    return clause("confidentiality", body=body, examples=EXAMPLES, **extra)


@pytest.fixture
def history(git_repo: GitRepo, run, monkeypatch) -> GitRepo:
    """v1.0.0 (base), v1.1.0 (a new duty), then a merged change effective from 1 September 2025."""
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-02-01T10:00:00+00:00")
    git_repo.commit("Base policy", base=True, date="2025-01-06T09:00:00+00:00")
    assert run("--root", git_repo.root, "release").code == 0
    git_repo.commit("Forbid posting", {CONFIDENTIALITY: confidentiality(STRICTER)}, date="2025-03-03T09:00:00+00:00")
    monkeypatch.setenv("GIT_COMMITTER_DATE", "2025-03-04T10:00:00+00:00")
    assert run("--root", git_repo.root, "release").code == 0
    monkeypatch.delenv("GIT_COMMITTER_DATE")
    git_repo.commit("Cover partners from September",
                    {CONFIDENTIALITY: confidentiality(STRICTER.replace("client", "client and partner"),
                                                      effective="2025-09-01")},
                    date="2025-08-01T09:00:00+00:00")
    return git_repo


def site_of(repo: GitRepo, day: str):
    return build_site(open_worktree(repo.root), RenderOptions(site_url="https://handbook.example.com/",
                                                              in_force_on=dt.date.fromisoformat(day)))


def test_manifests_are_published_per_release_and_handbook(history, run):
    site = site_of(history, "2025-08-15")
    for jurisdiction in ("global", "eu", "de"):
        for version in ("1.0.0", "1.1.0", "latest"):
            assert f"{jurisdiction}/acknowledgements/{version}.json" in site.files
    latest = json.loads(site.files["de/acknowledgements/latest.json"])
    assert latest["release"] == "1.1.0" and latest["reacknowledge"] is True
    printed = json.loads(run("--root", history.root, "ack", "manifest", "-j", "de").out)
    assert latest == printed  # the site publishes exactly what the command prints


def test_the_versions_page_lists_releases_with_dates_changes_and_manifests(history):
    page = site_of(history, "2025-08-15").pages["versions.md"].markdown
    assert page.index("## v1.1.0") < page.index("## v1.0.0")
    assert "Released on 2025-03-04" in page and "Released on 2025-02-01" in page
    assert "a prohibition added" in page
    assert "(de/acknowledgements/1.1.0.json)" in page
    assert "## Upcoming changes" in page and "2025-09-01" in page


def test_the_feed_is_valid_atom_with_one_entry_per_release(history):
    feed = feedparser.parse(site_of(history, "2025-08-15").files["de/feed.xml"])
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert feed.feed.title == "Policy changes: Germany"
    assert [e.title for e in feed.entries] == ["Release v1.1.0", "Release v1.0.0"]
    assert all(e.id and e.updated for e in feed.entries)
    assert "confidentiality" in feed.entries[0].summary


def test_before_the_first_release_the_feed_has_one_entry_per_merged_material_change(git_repo):
    git_repo.commit("Base policy", base=True, date="2025-01-06T09:00:00+00:00")
    git_repo.commit("Forbid posting", {CONFIDENTIALITY: confidentiality(STRICTER)}, date="2025-03-03T09:00:00+00:00")
    git_repo.commit("Retitle", {CONFIDENTIALITY: confidentiality(STRICTER, title="Client confidentiality")},
                    date="2025-03-04T09:00:00+00:00")
    feed = feedparser.parse(site_of(git_repo, "2025-04-01").files["global/feed.xml"])
    assert not feed.bozo
    assert [e.title for e in feed.entries] == ["Forbid posting", "Base policy"]


def test_upcoming_text_is_redlined_with_its_date_above_the_text_in_force(history):
    page = site_of(history, "2025-08-15").pages["de/social-media.md"].markdown
    block = page[page.index("{#confidentiality}"):]
    assert "Upcoming change" in block and "takes effect on **2025-09-01**" in block
    assert "<ins>and partner</ins>" in block
    in_force = block[block.index("You must keep client information"):]
    assert in_force.startswith(STRICTER)  # the text in force, not the upcoming one
    after = site_of(history, "2025-09-01").pages["de/social-media.md"].markdown
    assert "Upcoming change" not in after and "client and partner information" in after


def test_mkdocs_publishes_the_manifests_and_feeds(history, tmp_path):
    write_mkdocs(history.root, in_force_on="2025-08-15")
    site_dir = mkdocs_build(history.root, tmp_path / "site")
    assert json.loads((site_dir / "de/acknowledgements/latest.json").read_text())["release"] == "1.1.0"
    assert not feedparser.parse((site_dir / "de/feed.xml").read_bytes()).bozo
    assert (site_dir / "versions/index.html").is_file()
