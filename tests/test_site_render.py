"""The page renderer on its own (no MkDocs): pages, navigation, clause rendering, escaping."""

from __future__ import annotations

import random
import re

import markdown as python_markdown
import pytest

from clausebook.site import safe
from clausebook.site.blocks import link, reference
from clausebook.site.facts import Facts
from clausebook.site.options import RenderOptions
from clausebook.site.render import build_site, render_site
from clausebook.workspace import open_worktree

from .repos import GitRepo, clause, write_repo

EXTENSIONS = ["admonition", "attr_list", "tables", "toc", "pymdownx.details", "pymdownx.superfences",
              "pymdownx.tabbed"]
EXTENSION_CONFIGS = {"pymdownx.tabbed": {"alternate_style": True}, "toc": {"permalink": True}}

OVERLAYS = {
    "jurisdictions/de/overlays/monitoring.yaml": """\
clause: monitoring
action: amend
reason: The works council co-determines monitoring tools.
references:
  - title: Betriebsverfassungsgesetz § 87
    url: "https://www.gesetze-im-internet.de/betrvg/__87.html"
    cite: § 87(1) Nr. 6 BetrVG
append: The listening tool needs a works agreement with the Betriebsrat.
""",
    "jurisdictions/eu/overlays/confidentiality.yaml": """\
clause: confidentiality
action: amend
reason: GDPR fines make client data leaks costly.
set: {level: must}
examples:
  dont: [Post a screenshot with a customer's e-mail address.]
""",
    "jurisdictions/fr/jurisdiction.yaml": "id: fr\nname: France\nparent: eu\n",
    "jurisdictions/fr/overlays/monitoring.yaml":
        "clause: monitoring\naction: remove\nreason: Covered by the CSE agreement.\n",
    "jurisdictions/us/jurisdiction.yaml": "id: us\nname: United States\nregion: North America\n",
    "jurisdictions/us/overlays/speech.yaml": """\
clause: speech
action: add
reason: The NLRA protects concerted activity.
with:
  title: Talking about pay
  section: scope
  level: may
  owner: legal
  body: You may discuss pay with colleagues.
""",
    "policy/social-media/confidentiality.yaml": clause(
        "confidentiality", audience=["employees"], channels=["linkedin", "x"], related=["monitoring"],
        examples={"do": ["Talk about public releases."], "dont": ["Post a client's roadmap."]},
        references=[{"title": "Trade secrets directive", "url": "https://eur-lex.europa.eu/eli/dir/2016/943/oj",
                     "cite": "Directive (EU) 2016/943"}]),
}


@pytest.fixture
def site(tmp_path):
    root = write_repo(tmp_path / "repo", OVERLAYS)
    workspace = open_worktree(root)
    assert not workspace.problems, workspace.problems
    options = RenderOptions(repo_url="https://git.example.com/acme/policy", edit_links=True)
    return build_site(workspace, options, with_history=False)


def html(markdown_text: str) -> str:
    return python_markdown.markdown(markdown_text, extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)


def test_pages_follow_the_url_scheme(site):
    assert set(site.pages) == {
        "index.md", "changes.md", "versions.md", "review.md", "rules.md", "matrix.md",
        "global/index.md", "global/social-media.md", "eu/index.md", "eu/social-media.md",
        "de/index.md", "de/social-media.md", "fr/index.md", "fr/social-media.md",
        "us/index.md", "us/social-media.md",
    }


def test_navigation_groups_jurisdictions_by_region_with_the_base_first(site):
    titles = [next(iter(entry)) for entry in site.nav]
    assert titles == ["Home", "All countries", "Europe", "North America", "Keeping it current", "For policy editors"]
    europe = site.nav[2]["Europe"]
    # parents before children, siblings by name; a child without a region takes its parent's
    assert [next(iter(e)) for e in europe] == ["European Union", "France", "Germany"]
    assert europe[2]["Germany"] == ["de/index.md", {"Social media policy": "de/social-media.md"}]


def test_landing_page_picks_a_jurisdiction_and_says_it_is_not_legal_advice(site):
    page = site.pages["index.md"].markdown
    assert "## All countries (base policy)" in page
    assert page.index("## Europe") < page.index("## North America")
    assert "- [European Union](eu/index.md)" in page
    assert "    - [Germany](de/index.md)" in page  # nested under its parent
    assert "not legal advice" in page


def test_each_clause_is_a_heading_anchored_at_its_id(site):
    page = site.pages["de/social-media.md"].markdown
    assert "### Confidentiality {#confidentiality}" in page
    assert "### Monitoring {#monitoring}" in page
    assert (page.index("## Scope") < page.index("{#confidentiality}") < page.index("## Privacy")
            < page.index("{#monitoring}"))


def test_clause_shows_level_owner_audience_channels_and_edit_link(site):
    page = site.pages["global/social-media.md"].markdown
    meta = page[page.index("{#confidentiality}"):page.index("{: .cb-meta data-search-exclude }")]
    assert '<span class="cb-level cb-level-must"' in meta and ">Must</span>" in meta
    assert "**Owner:** Legal" in meta
    assert "**For:** Employees" in meta
    assert "**Channels:** LinkedIn, X \\(Twitter\\)" in meta  # channels by name, not id
    assert "(https://git.example.com/acme/policy/edit/main/policy/social-media/confidentiality.yaml)" in meta


def test_jurisdiction_note_has_text_reason_and_law(site):
    page = site.pages["de/social-media.md"].markdown
    block = page[page.index("{#monitoring}"):]
    assert '!!! note cb-jurisdiction "Note for Germany"' in block
    assert "works agreement with the Betriebsrat" in block
    assert "**Why:** The works council co-determines monitoring tools." in block
    # The note's text is shown; its reason and law fold inside it, still in the page for search.
    note = block[block.index('!!! note cb-jurisdiction'):]
    assert note.index("works agreement with the Betriebsrat") < note.index('    ??? info cb-why "Why, and the law"')
    assert note.index('??? info cb-why') < note.index("**Why:** The works council")
    assert "[Betriebsverfassungsgesetz § 87](https://www.gesetze-im-internet.de/betrvg/__87.html)" in block
    assert "(§ 87\\(1\\) Nr\\. 6 BetrVG)" in block


def test_amend_without_note_is_marked_with_the_fields_it_changed(site):
    page = site.pages["de/social-media.md"].markdown  # inherited from eu
    block = page[page.index("{#confidentiality}"):page.index("## Privacy")]
    assert '!!! info cb-adapted "Adapted for European Union"' in block
    assert "Changed for European Union: examples, level." in block
    assert "**Why:** GDPR fines make client data leaks costly." in block


def test_examples_sit_side_by_side(site):
    page = site.pages["eu/social-media.md"].markdown
    assert "| Do | Don't |" in page
    # Folded (a closed <details>), so a 40-clause page is short on a phone; the text is still searchable.
    assert '??? example cb-examples "Examples"\n\n    | Do | Don\'t |' in page
    assert "| ✓ Talk about public releases. | ✗ Post a client's roadmap. |" in page
    assert "|  | ✗ Post a screenshot with a customer's e-mail address. |" in page


def test_references_fold_under_the_clause(site):
    page = site.pages["eu/social-media.md"].markdown
    assert '??? quote cb-references "References"' in page
    assert "**References:**" not in page


def test_related_links_point_at_anchors_or_say_the_clause_does_not_apply(site):
    assert "**Related:** [Monitoring](#monitoring)" in site.pages["de/social-media.md"].markdown
    assert "**Related:** Monitoring (does not apply here)" in site.pages["fr/social-media.md"].markdown


def test_names_are_escaped_once(tmp_path):
    root = write_repo(tmp_path / "repo", {
        "jurisdictions/eu/jurisdiction.yaml": "id: eu\nname: Bosnia & Herzegovina\nregion: Europe\n",
        "jurisdictions/eu/overlays/monitoring.yaml": "clause: monitoring\naction: amend\nreason: Local law.\n"
                                                      "set: {level: must}\n",
    })
    page = build_site(open_worktree(root), with_history=False).pages["eu/social-media.md"].markdown
    assert "Changed for Bosnia &amp; Herzegovina: level." in page
    assert "&amp;amp;" not in page


def test_added_clause_edit_link_opens_its_overlay(site):
    page = site.pages["us/social-media.md"].markdown
    block = page[page.index("{#speech}"):]
    assert "/edit/main/jurisdictions/us/overlays/speech.yaml)" in block
    assert "This clause applies only in United States" in block


def test_switcher_keeps_the_policy_and_marks_the_current_version(site):
    page = site.pages["de/social-media.md"].markdown
    switcher = page[page.index("??? abstract cb-switcher"):page.index("\n\n", page.index("- **Europe:**"))]
    assert "[France](../fr/social-media.md)" in switcher
    assert "**Germany** (this version)" in switcher
    assert "[All countries](../global/social-media.md)" in switcher
    assert "[United States](../us/social-media.md)" in switcher


def test_jurisdiction_landing_lists_chain_policies_and_adaptations(site):
    page = site.pages["fr/index.md"].markdown
    assert "**Builds on:** [All countries](../global/index.md) › [European Union](../eu/index.md) › **France**" in page
    # one count that agrees with the policy line below: 1 adapted + 1 not applied
    assert "2 clauses differ from the company-wide policy: 1 adapted, 1 not applied here." in page
    assert "- **Monitoring**, removed for France: Covered by the CSE agreement." in page
    assert "[Social media policy](social-media.md): 1 clause, 1 adapted here, 1 not applied here." in page
    assert "| [Confidentiality](social-media.md#confidentiality) | amended for European Union |" in page


def test_tags_go_to_front_matter(site):
    page = site.pages["de/social-media.md"].markdown
    front = page[:page.index("\n---\n", 4)]
    assert 'tags:\n  - "monitoring"' in front


def test_no_history_is_said_plainly(site):
    assert "History is switched off" in site.pages["changes.md"].markdown
    assert "Last reviewed" not in site.pages["de/social-media.md"].markdown


def test_rules_page_lists_every_rule_with_bad_and_good(site):
    page = site.pages["rules.md"].markdown
    assert "### S001:" in page and "{#s001}" in page
    assert '=== "Bad"' in page and '=== "Good"' in page
    assert re.search(r"### C\d{3}:", page)


def test_rendering_is_deterministic(tmp_path):
    root = write_repo(tmp_path / "repo", OVERLAYS)
    first = build_site(open_worktree(root), with_history=False).markdown()
    second = build_site(open_worktree(root), with_history=False).markdown()
    assert first == second


def test_render_site_is_pure_given_facts(tmp_path):
    root = write_repo(tmp_path / "repo", OVERLAYS)
    workspace = open_worktree(root)
    facts = Facts(history_note="No history here.")
    assert render_site(workspace, facts).markdown() == render_site(workspace, facts).markdown()


def test_edit_links_include_the_folder_inside_the_git_repository(tmp_path):
    repo = GitRepo(tmp_path / "mono")
    write_repo(tmp_path / "mono" / "handbook")
    repo.commit("Handbook in a sub-folder", date="2025-01-02T10:00:00+00:00")
    repo.close()
    options = RenderOptions(repo_url="https://git.example.com/x", edit_links=True)
    site = build_site(open_worktree(tmp_path / "mono" / "handbook"), options)
    assert ("(https://git.example.com/x/edit/main/handbook/policy/social-media/confidentiality.yaml)"
            in site.pages["global/social-media.md"].markdown)
    assert site.pages["de/index.md"].source == "handbook/jurisdictions/de/jurisdiction.yaml"
    assert "**Last reviewed:** 2025-01-02" in site.pages["global/social-media.md"].markdown


def test_reference_urls_are_linked_only_when_https_and_cannot_break_out():
    assert reference({"title": "Act", "url": "https://en.wikipedia.org/wiki/A_(b)", "cite": "s. 1"}) == \
        "[Act](https://en.wikipedia.org/wiki/A_%28b%29) (s\\. 1)"
    assert reference({"title": "t", "url": "https://x.org/<b>)"}) == "[t](https://x.org/%3Cb%3E%29)"
    assert reference({"title": "t", "url": "javascript:alert(1)"}) == "t"


def test_relative_links():
    assert link("index.md", "de/index.md") == "de/index.md"
    assert link("de/social-media.md", "fr/social-media.md", "monitoring") == "../fr/social-media.md#monitoring"
    assert link("changes.md", "de/social-media.md", "x") == "de/social-media.md#x"


# --- escaping editor text -------------------------------------------------------

ATTACK = ('<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1))\n'
          '{: onclick="alert(1)" }')


def unsafe(rendered: str) -> list[str]:
    found = safe.unsafe_html(rendered)
    if re.search(r"<(script|img|svg)[\s>/]|<[a-z]+[^<>]*\s(on\w+\s*=|(href|src)\s*=\s*['\"]?\s*javascript)",
                 rendered, re.IGNORECASE):
        found.append("raw markup")
    return found


@pytest.mark.parametrize("nested", [False, True], ids=["top", "in-admonition"])
def test_attack_from_the_issue_renders_as_text(nested):
    text = safe.markdown(ATTACK)
    if nested:
        text = '!!! note "x"\n\n' + safe.indent(text)
    out = html(text)
    assert unsafe(out) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out  # shown, not run
    assert 'onclick' not in out.replace('onclick="alert(1)" }', "")


@pytest.mark.parametrize("source, expected", [
    ("[site](https://example.com/a?b=1&c=2)", '<a href="https://example.com/a?b=1&amp;c=2">site</a>'),
    ("[mail](mailto:legal@example.com)", '<a href="mailto:legal@example.com">mail</a>'),
    ("[see](#monitoring)", '<a href="#monitoring">see</a>'),
    ("<https://example.com/x_y>", '<a href="https://example.com/x_y">https://example.com/x_y</a>'),
    ("use `a <b> & c` here", "<code>a &#60;b&#62; &#38; c</code>"),
    ("**bold** and *em*", "<strong>bold</strong> and <em>em</em>"),
])
def test_ordinary_markdown_keeps_working(source, expected):
    assert expected in html(safe.markdown(source))


@pytest.mark.parametrize("source", [
    "[x](javascript:alert(1))", "[x]( JaVaScRiPt:alert(1))", "[x](<javascript:alert(1)>)",
    "[x](data:text/html;base64,PHNjcmlwdD4=)", "![i](javascript:alert(1))", "[x](vbscript:msgbox)",
    "[r]\n\n[r]: javascript:alert(1)", "[r]\n\n[r]:\n  javascript:alert(1)", "- [r]\n- [r]: javascript:alert(1)",
    "[x](java&#115;cript:alert(1))", "[x](relative/page.md)",
])
def test_links_other_than_https_http_mailto_or_anchor_are_dropped(source):
    out = html(safe.markdown(source))
    assert "<a " not in out and "<img" not in out, out


@pytest.mark.parametrize("source", [
    "# Title {#x onclick=alert(1)}", "para\n{: onclick=alert(1) }", "*a*{: onclick=alert(1)}",
    "\\{: onclick=alert(1)}", "- item\n    {: .evil onclick=alert(1)}",
])
def test_attribute_lists_never_apply(source):
    out = html(safe.markdown(source))
    assert "onclick=\"" not in out and "evil" not in re.sub(r">[^<]*<", "><", out), out


def test_fences_stay_code_and_their_opening_line_cannot_set_attributes():
    out = html(safe.markdown("```python {onclick=alert(1)}\n<script>x</script>\n```"))
    assert "onclick" not in out
    assert "<script>" not in out and "script" in out  # shown inside the code block


def test_unclosed_or_quoted_fences_are_text():
    for source in ("```\n<script>x</script>", "```\n> q\n<b onclick=x>\n```", "~~~\n```\n<i onclick=x>\n```"):
        assert unsafe(html(safe.markdown(source))) == [], source


def test_a_label_in_front_of_editor_text_cannot_unfence_a_code_block():
    out = html("**Why:** " + safe.markdown("```\n<script>alert(1)</script>\n```"))
    assert unsafe(out) == [] and "<pre" in out


def test_editor_headings_stay_below_clause_headings():
    out = html(safe.markdown("# Big\n## Bigger\n#ad is a hashtag"))
    assert "<h1" not in out and "<h2" not in out and "<h4" in out
    assert "#ad is a hashtag" in out.replace("&#35;", "#")


def test_plain_text_shows_markup_literally():
    out = html(f"### {safe.plain('A <b>|</b> *b* {#x} [l](javascript:x)')} {{#id}}")
    assert '<h3 id="id">A &lt;b&gt;&#124;&lt;/b&gt; *b* {#x} [l](javascript:x)' in out


def test_inline_cannot_start_a_block():
    for source in ("# not a heading", "1. not a list", "> not a quote", "- not a list"):
        out = html("| a |\n|---|\n| " + safe.inline(source, table=True) + " |")
        assert "<h" not in out.replace("<html", "") and "<ol" not in out and "<blockquote" not in out, out


FRAGMENTS = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", '{: onclick="a" }',
    "```", "~~~", "````", "`", "``", "\\", "\\`", "> ", "    ", "- ", "1. ", "#", "[r]: javascript:x", "[r]:",
    "javascript:y", "[r]", "<b onmouseover=x>", "&#60;script&#62;", "{#id onclick=z}", '!!! note "<i onclick=a>"',
    "??? x", '=== "t"', "<!--", "-->", "<div onclick=q>", "|", "---", "\n", "\n\n", "```python {onclick=x}",
    "![i](javascript:z)", "<javascript:x>", "[a](<javascript:x>)", "\t", "*", "_", "word", "<svg/onload=x>",
    "[a](#ok)", "[a](https://ok.org)", "\x02", "\x03wzxhzdk:0\x03",
]


def test_random_combinations_of_attack_fragments_never_produce_markup():
    rng = random.Random(8)
    for _ in range(250):
        text = "".join(rng.choice(FRAGMENTS) + rng.choice(["", " ", "\n"]) for _ in range(rng.randint(1, 20)))
        body = safe.markdown(text)
        for document in (body, '!!! note "t"\n\n' + safe.indent(body), "**Why:** " + body, "- " + safe.inline(text),
                         "| a |\n|---|\n| " + safe.inline(text, table=True) + " |"):
            assert unsafe(html(document)) == [], (text, document)


def test_unsafe_html_check_finds_what_it_must():
    assert safe.unsafe_html('<p onclick="x">a</p>') == ["'onclick' attribute on <p>"]
    assert safe.unsafe_html('<a href=" java\tscript:x">a</a>') == ["javascript: URL in 'href' of <a>"]
    assert safe.unsafe_html("<script>x</script>") == ["<script> element"]
    assert safe.unsafe_html('<a href="https://x">a</a><a href="../de/">b</a><code>&lt;</code>') == []
