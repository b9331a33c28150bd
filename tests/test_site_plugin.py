"""The MkDocs plugin: real `mkdocs build --strict` runs on fixture repositories, asserting on the HTML."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from mkdocs.livereload import LiveReloadServer

from .repos import GitRepo, clause, write_repo
from .site_build import (
    article,
    build_site,
    clause_block,
    elements,
    read,
    shipped_site,
    site_files,
    write_mkdocs,
)

pytestmark = pytest.mark.slow

ABOUT = "# About this handbook\n\nWritten from public sources.\n"

FILES = {
    "docs/about.md": ABOUT,
    "policy/social-media/confidentiality.yaml": clause(
        "confidentiality", title="Keep client information confidential", audience=["employees"],
        channels=["linkedin"], related=["monitoring"], tags=["confidentiality"],
        examples={"do": ["Talk about public releases."], "dont": ["Post a client's roadmap."]},
        references=[{"title": "Trade secrets directive", "url": "https://eur-lex.europa.eu/eli/dir/2016/943/oj",
                     "cite": "Directive (EU) 2016/943"}]),
    "jurisdictions/us/jurisdiction.yaml": "id: us\nname: United States\nregion: North America\n",
    "jurisdictions/fr/jurisdiction.yaml": "id: fr\nname: France\nparent: eu\n",
    "jurisdictions/eu/overlays/confidentiality.yaml": """\
clause: confidentiality
action: amend
reason: Client data is personal data under the GDPR.
references:
  - {title: General Data Protection Regulation, url: "https://eur-lex.europa.eu/eli/reg/2016/679/oj", cite: GDPR Art. 5}
set: {level: should}
""",
}

GERMAN_NOTE = """\
clause: monitoring
action: amend
reason: The works council co-determines every tool that can monitor staff.
references:
  - title: Betriebsverfassungsgesetz § 87
    url: "https://www.gesetze-im-internet.de/betrvg/__87.html"
    cite: § 87(1) Nr. 6 BetrVG
append: The listening tool needs a works agreement (Betriebsvereinbarung) first.
"""


def make_repo(root) -> GitRepo:
    """Base at 2024-01-10, a German overlay at 2024-03-01, a review of monitoring at 2025-06-01 (HEAD)."""
    repo = GitRepo(root)
    write_mkdocs(root, repo_url="https://git.example.com/acme/policy", edit_branch="trunk", edit_links=True)
    repo.commit("Add the social media policy", FILES, date="2024-01-10T09:00:00+00:00", base=True)
    repo.commit("Germany: works council for monitoring",
                {"jurisdictions/de/overlays/monitoring.yaml": GERMAN_NOTE}, date="2024-03-01T09:00:00+00:00")
    repo.commit("Review monitoring\n\nPolicy-Reviewed: monitoring", date="2025-06-01T09:00:00+00:00",
                allow_empty=True)
    return repo


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("handbook") / "repo"
    repo = make_repo(root)
    site = build_site(root, tmp_path_factory.mktemp("out") / "site")
    repo.close()
    return root, site


def test_every_handbook_page_is_built(built):
    _, site = built
    for page in ("", "global/", "global/social-media/", "eu/", "eu/social-media/", "de/", "de/social-media/",
                 "fr/social-media/", "us/social-media/", "changes/", "review/", "rules/", "about/"):
        assert (site / page / "index.html").is_file(), page


def test_nothing_is_written_into_docs(built):
    root, _ = built
    assert sorted(p.name for p in (root / "docs").iterdir()) == ["about.md"]


def test_clause_headings_carry_their_anchor(built):
    _, site = built
    page = article(read(site, "de/social-media/"))
    assert '<h3 id="confidentiality">Keep client information confidential' in page
    assert '<h3 id="monitoring">Monitoring' in page


def test_level_badge_with_text_label(built):
    _, site = built
    assert '<span class="cb-level cb-level-must" title="required">Must</span>' in \
        clause_block(read(site, "global/social-media/"), "confidentiality")
    # eu's amendment lowers the level, and Germany inherits it
    assert '<span class="cb-level cb-level-should" title="recommended">Should</span>' in \
        clause_block(read(site, "de/social-media/"), "confidentiality")


def test_owner_audience_channels_and_dates(built):
    _, site = built
    block = clause_block(read(site, "global/social-media/"), "confidentiality")
    assert "<strong>Owner:</strong> Legal" in block
    assert "<strong>For:</strong> Employees" in block
    assert "<strong>Channels:</strong> LinkedIn" in block  # by name, not id
    assert "<strong>Last reviewed:</strong> 2024-01-10" in block
    base = clause_block(read(site, "global/social-media/"), "monitoring")
    assert "<strong>Last reviewed:</strong> 2025-06-01" in base


def test_overdue_clause_shows_a_notice(built):
    _, site = built
    block = clause_block(read(site, "de/social-media/"), "confidentiality")
    assert '<div class="admonition warning cb-overdue">' in block
    assert "Review overdue since 2025-01-10" in block
    assert "cb-overdue" not in clause_block(read(site, "de/social-media/"), "monitoring")


def test_jurisdiction_note_with_reason_and_law(built):
    _, site = built
    block = clause_block(read(site, "de/social-media/"), "monitoring")
    assert '<div class="admonition note cb-jurisdiction">' in block
    assert '<p class="admonition-title">Note for Germany</p>' in block
    assert "works agreement (Betriebsvereinbarung)" in block
    assert "The works council co-determines every tool that can monitor staff." in block
    assert '<a href="https://www.gesetze-im-internet.de/betrvg/__87.html">Betriebsverfassungsgesetz § 87</a>' in block
    assert "(§ 87(1) Nr. 6 BetrVG)" in block
    assert "Betriebsvereinbarung" not in read(site, "eu/social-media/")


def test_inherited_amendment_is_marked_with_its_reason(built):
    _, site = built
    block = clause_block(read(site, "de/social-media/"), "confidentiality")
    assert '<div class="admonition info cb-adapted">' in block
    assert "Adapted for European Union" in block and "Changed for European Union: level." in block
    assert "Client data is personal data under the GDPR." in block


def test_examples_side_by_side(built):
    _, site = built
    block = clause_block(read(site, "global/social-media/"), "confidentiality")
    assert "<th>Do</th>" in block and "<th>Don't</th>" in block
    assert "<td>✓ Talk about public releases.</td>\n<td>✗ Post a client's roadmap.</td>" in block


def test_references_and_related_links(built):
    _, site = built
    block = clause_block(read(site, "global/social-media/"), "confidentiality")
    assert '<a href="https://eur-lex.europa.eu/eli/dir/2016/943/oj">Trade secrets directive</a>' in block
    assert '<a href="#monitoring">Monitoring</a>' in block


def test_edit_links_open_the_yaml_file(built):
    _, site = built
    block = clause_block(read(site, "de/social-media/"), "confidentiality")
    # the plugin's repo_url and edit_branch win over mkdocs' repo_url
    assert ('href="https://git.example.com/acme/policy/edit/trunk/policy/social-media/confidentiality.yaml"'
            in block)
    page = read(site, "de/social-media/")
    edit = "https://git.example.com/acme/policy/edit/trunk"
    assert f'href="{edit}/policy/social-media/policy.yaml" title="Edit this page"' in page
    assert f'href="{edit}/jurisdictions/de/jurisdiction.yaml"' in read(site, "de/")


def test_switcher_stays_on_the_policy(built):
    _, site = built
    page = article(read(site, "de/social-media/"))
    switcher = page[page.index('<details class="abstract cb-switcher">'):page.index("</details>")]
    # the script adds the clause being read to these links (see test_handbook_browser)
    assert '<a class="cb-same-clause" href="../../fr/social-media/">France</a>' in switcher
    assert '<a class="cb-same-clause" href="../../us/social-media/">United States</a>' in switcher
    assert "<strong>Germany</strong> (this version)" in switcher


def test_landing_page_groups_by_region_and_links_the_about_page(built):
    _, site = built
    page = article(read(site, ""))
    assert page.index("All countries (base policy)") < page.index(">Europe<") < page.index(">North America<")
    assert '<a href="de/">Germany</a>' in page
    assert "It is not legal advice." in page and '<a href="about/">About this handbook</a>' in page


def test_jurisdiction_landing_page(built):
    _, site = built
    page = article(read(site, "de/"))
    assert '<a href="../eu/">European Union</a>' in page  # the parent chain
    assert "2 clauses differ from the company-wide policy" in page
    assert '<a href="social-media/">Social media policy</a>' in page
    assert "It is not legal advice." in page


def test_changes_pages_list_each_handbooks_changes(built):
    _, site = built
    index = article(read(site, "changes/"))
    assert '<a href="../de/changes/">Germany</a>: 3 changes, 2 material, newest 2024-03-01' in index
    germany = article(read(site, "de/changes/"))
    assert "March 2024" in germany and "January 2024" in germany
    assert '<a href="../social-media/#monitoring">Monitoring</a>' in germany
    assert "adapted in Germany: note added" in germany
    assert "Add the social media policy" in germany  # a change to the base reaches every version
    assert "works council" not in article(read(site, "fr/changes/"))  # another jurisdiction's change


def test_review_page_is_as_of_the_head_commit(built):
    _, site = built
    page = article(read(site, "review/"))
    assert "As of 2025-06-01" in page
    assert '<span class="cb-status cb-status-overdue">Overdue</span>' in page
    assert page.index("confidentiality") < page.index("cb-status-ok")  # most urgent first


def test_rules_page(built):
    _, site = built
    page = article(read(site, "rules/"))
    assert 'id="s001"' in page and 'class="tabbed-set tabbed-alternate"' in page


def test_search_index_holds_clauses_at_their_anchor_with_tags(built):
    _, site = built
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    hits = [d for d in index["docs"] if "Betriebsvereinbarung" in d["text"]]
    assert [d["location"] for d in hits] == ["de/social-media/#monitoring"]
    page = next(d for d in index["docs"] if d["location"] == "de/social-media/")
    assert "confidentiality" in page.get("tags", [])


def test_two_builds_of_one_commit_are_identical(built, tmp_path):
    root, site = built
    again = build_site(root, tmp_path / "again")
    skip = {"sitemap.xml", "sitemap.xml.gz"}  # MkDocs stamps the build date there, not in pages
    first, second = site_files(site), site_files(again)
    assert sorted(first) == sorted(second)
    assert [p for p in first if p not in skip and first[p] != second[p]] == []


def test_serve_watches_the_policy_folders(built, tmp_path):
    from mkdocs.config import load_config

    root, _ = built
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "s"))
    config.plugins.on_config(config)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        config.plugins.on_serve(server, config=config, builder=lambda: None)
        watched = set(server._watched_paths)  # the paths `mkdocs serve` rebuilds on
    finally:
        server.server_close()
    assert {str(root / "policy"), str(root / "jurisdictions")} <= watched


ATTACK = ('<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))\n'
          '{: onclick="alert(1)" }')


def test_clause_text_cannot_inject_markup_or_script(tmp_path):
    root = write_repo(tmp_path / "repo", {
        "policy/social-media/confidentiality.yaml": clause(
            "confidentiality", title='Keep <img src=x onerror=alert(2)> "secrets"', body=ATTACK,
            examples={"do": ['<b onmouseover="alert(3)">x</b>'], "dont": ["[y](javascript:alert(4))"]},
            rationale="<iframe src=javascript:alert(5)></iframe>",
            references=[{"title": "t", "url": "https://x.org/<script>alert(10)</script>(", "cite": "<b onclick=y>"}]),
        "jurisdictions/de/jurisdiction.yaml":
            'id: de\nname: "Germany <img src=x onerror=alert(6)>"\nparent: eu\nregion: Europe\n',
        "jurisdictions/de/overlays/monitoring.yaml":
            "clause: monitoring\naction: amend\nreason: '<script>alert(7)</script>'\n"
            "append: '{: onclick=\"alert(8)\" } <svg onload=alert(9)>'\n",
    })
    write_mkdocs(root)
    site = build_site(root, tmp_path / "site")
    pages = {p.relative_to(site).as_posix(): p.read_text(encoding="utf-8") for p in site.rglob("*.html")}
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages["de/social-media/index.html"]  # shown as text
    for path, page in pages.items():
        found = elements(page)
        assert not [s for s in found.scripts if "alert(" in s], path
        for tag, attributes in found.tags:
            assert tag not in ("iframe", "img"), (path, tag)
            assert not [a for a in attributes if a.startswith("on")], (path, tag, attributes)
            for name in ("href", "src"):
                assert not (attributes.get(name) or "").strip().lower().startswith("javascript:"), (path, tag)


def test_repository_with_errors_fails_the_build_with_problem_lines(tmp_path):
    root = write_repo(tmp_path / "repo", {
        "policy/social-media/monitoring.yaml": clause("monitoring", section="privacy", level="mandatory"),
    })
    write_mkdocs(root)
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"),
                           "-d", str(tmp_path / "site")], capture_output=True, text=True,
                          env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 1
    assert "policy/social-media/monitoring.yaml:4:8: error S001" in proc.stderr
    assert "the handbook is not built until they are fixed" in proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert not (tmp_path / "site" / "index.html").exists()


def test_lint_findings_do_not_fail_the_build(tmp_path):
    root = write_repo(tmp_path / "repo", {  # vague wording and no examples: lint findings, not validation errors
        "policy/social-media/confidentiality.yaml":
            clause("confidentiality", body="Try to be careful, where appropriate."),
    })
    write_mkdocs(root)
    assert (build_site(root, tmp_path / "site") / "index.html").is_file()


def test_outside_git_there_are_no_dates_and_the_changes_page_says_so(tmp_path):
    root = write_repo(tmp_path / "repo")
    write_mkdocs(root)
    site = build_site(root, tmp_path / "site")
    assert "Last reviewed" not in read(site, "global/social-media/")
    assert "No history: this site was built outside a git repository." in read(site, "changes/")
    assert "outside a git repository" in read(site, "review/")


def test_a_handwritten_page_is_added_to_the_navigation(tmp_path):
    root = write_repo(tmp_path / "repo", {"docs/about.md": ABOUT, "docs/guide/editing.md": "# Editing\n"})
    write_mkdocs(root)
    site = build_site(root, tmp_path / "site")
    home = read(site, "")
    assert 'href="about/"' in home and 'href="guide/editing/"' in home


def test_shipped_handbook_builds_strict():
    """The real content pack: `mkdocs build --strict` passes (any warning would abort the build)."""
    site = shipped_site()
    page = read(site, "de/social-media/")
    assert 'id="monitoring"' in page and "Betriebsvereinbarung" in clause_block(page, "monitoring")
    assert (site / "us-ca" / "social-media" / "index.html").is_file()
