"""The URL policy: lint's verdict and the site's treatment agree, URL by URL."""

from __future__ import annotations

import pytest

from clausebook.lint.engine import lint
from clausebook.lint.urls import Verdict, attribute_urls, is_remote, scheme, verdict
from clausebook.site import safe
from clausebook.workspace import open_worktree

from ..repos import write_repo
from .rules.helpers import CLAUSE, clause_yaml

SEC, ANC, INS, REL, BLK = Verdict.SECURE, Verdict.ANCHOR, Verdict.INSECURE, Verdict.RELATIVE, Verdict.BLOCKED

# (url as an editor writes it, verdict)
CASES = [
    ("https://example.com/a?b=c&d=e", SEC),
    ("HTTPS://EXAMPLE.COM", SEC),
    ("https:example.com", SEC),
    (" https://example.com", SEC),
    ("mailto:legal@example.com", SEC),
    ("MailTo:legal@example.com", SEC),
    ("tel:+441234567890", SEC),
    ("#monitoring", ANC),
    ("http://example.com", INS),
    ("HTTP://example.com", INS),
    ("ht\ttp://example.com", INS),
    ("guide.md", REL),
    ("../policy/x", REL),
    ("/absolute/path", REL),
    ("www.example.com", REL),
    ("javascript:alert(1)", BLK),
    ("JaVaScRiPt:alert(1)", BLK),
    (" javascript:alert(1)", BLK),
    ("java\tscript:alert(1)", BLK),
    ("java\nscript:alert(1)", BLK),
    ("java\x00script:alert(1)", BLK),
    ("java&#09;script:alert(1)", BLK),
    ("java&Tab;script:alert(1)", BLK),
    ("&#106;avascript:alert(1)", BLK),
    ("&#x6A;avascript:alert(1)", BLK),
    ("javascript&#58;alert(1)", BLK),
    ("javascript&colon;alert(1)", BLK),
    ("javascript\\:alert(1)", BLK),
    ("vbscript:msgbox(1)", BLK),
    ("data:text/html;base64,PHNjcmlwdD4=", BLK),
    ("DATA:image/png;base64,AAAA", BLK),
    ("file:///etc/passwd", BLK),
    ("ftp://example.com/file", BLK),
    ("ssh://git@example.com", BLK),
    ("chrome://settings", BLK),
    ("//evil.example.com", BLK),
    ("\\\\evil.example.com", REL),  # Markdown reads `\\` as one backslash: a path on this site
    ("\\\\\\\\evil.example.com", BLK),  # two backslashes: `//evil.example.com` to a browser
    ("https&#58;//example.com", BLK),  # https only to a renderer that decodes entities
    ("&#35;monitoring", BLK),
]


@pytest.mark.parametrize("url, expected", CASES, ids=[repr(u) for u, _ in CASES])
def test_verdict(url: str, expected: Verdict) -> None:
    assert verdict(url) is expected


@pytest.mark.parametrize("url, expected", CASES, ids=[repr(u) for u, _ in CASES])
def test_site_keeps_exactly_what_the_verdict_keeps(url: str, expected: Verdict) -> None:
    kept = "](" in safe.markdown(f"Read [it]({url}) now.")
    assert kept == expected.kept
    assert ("[it]:" in safe.markdown(f"Read [it].\n\n[it]: {url}")) == expected.kept


# What lint reports, for a link in a clause body, by verdict.
EXPECTED_CODES = {SEC: set(), ANC: set(), INS: {"X003"}, REL: {"C006"}, BLK: {"X002"}}
# Whitespace ends a Markdown link destination, so those cases only matter in HTML attributes.
END_TO_END = [case for case in CASES if case[0] == "".join(case[0].split()) and "\x00" not in case[0]]


@pytest.mark.parametrize("url, expected", END_TO_END, ids=[repr(u) for u, _ in END_TO_END])
def test_lint_flags_every_link_the_site_drops(tmp_path, url: str, expected: Verdict) -> None:
    body = f"You must read [it]({url}) now."
    files = {CLAUSE: clause_yaml("posting", "x").replace("body: |\n  x\n", f'body: "{_yaml_escape(body)}"\n')}
    root = write_repo(tmp_path / "repo", files)
    codes = {p.code for p in lint(open_worktree(root)) if p.code in ("X002", "X003", "C006")}
    assert codes == EXPECTED_CODES[expected]
    kept = "](" in safe.markdown(body)
    assert kept == expected.kept
    if not kept:  # a link the site drops is always an error in lint
        assert codes & {"X002", "C006"}


def _yaml_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace('"', '\\"')


def test_scheme_reads_like_a_browser() -> None:
    assert scheme(" JaVa\tScRiPt:x") == "javascript"
    assert scheme("guide.md") is None
    assert scheme("a/b:c") is None


def test_srcset_holds_several_urls() -> None:
    value = "a.png 1x, https://cdn.example.com/b.png 2x"
    assert attribute_urls("srcset", value) == [("a.png", 0), ("https://cdn.example.com/b.png", 10)]
    assert attribute_urls("href", value) == [(value, 0)]


def test_remote_sources() -> None:
    assert is_remote("https://cdn.example.com/x.png")
    assert is_remote("//cdn.example.com/x.png")
    assert not is_remote("#x")


def test_generated_html_check_uses_the_same_schemes() -> None:
    assert safe.unsafe_html('<a href="tel:+4412">call</a><a href="mailto:a@b">m</a>') == []
    assert safe.unsafe_html('<img srcset="a.png 1x, data:image/png,xx 2x">') == ["data: URL in 'srcset' of <img>"]
