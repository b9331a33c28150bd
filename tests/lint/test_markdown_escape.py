"""One escaping function for Markdown text, in two flavours: GitHub comments and handbook pages."""

from __future__ import annotations

from clausebook.core.markdown import escape_text
from clausebook.diff.redline import escape_markdown
from clausebook.site import safe


def test_github_flavour_keeps_lines_and_stops_mentions() -> None:
    assert escape_text("a_b @team\n<b>", flavour="github") == "a\\_b \\@team\n\\<b\\>"
    assert escape_markdown("a_b @team\n<b>") == escape_text("a_b @team\n<b>", flavour="github")


def test_site_flavour_is_one_line_with_entities() -> None:
    assert escape_text("a\x02 <b>\n| *x*", flavour="site") == "a &lt;b&gt; &\\#124; \\*x\\*"
    assert safe.plain("a\x02 <b>\n| *x*") == escape_text("a\x02 <b>\n| *x*", flavour="site")
    assert safe.plain(12) == "12"
