"""The word-level redline and its renderings."""

from __future__ import annotations

from clausebook.diff.materiality import obligations
from clausebook.diff.redline import (
    DELETE,
    EQUAL,
    INSERT,
    Segment,
    escape_markdown,
    redline,
    to_html,
    to_markdown,
    to_text,
)


def ops(before: str, after: str) -> list[tuple[str, str]]:
    return [(s.op, s.text) for s in redline(before, after)]


def test_whole_words_change_and_spaces_stay_outside():
    assert ops("You must keep it.", "You should keep it.") == [
        (EQUAL, "You "), (DELETE, "must"), (INSERT, "should"), (EQUAL, " keep it.")]


def test_a_run_of_changed_words_is_one_deletion_and_one_insertion():
    segments = redline("Do not post client names online.", "Never share any client data online.")
    changes = [(s.op, s.text) for s in segments if s.op != EQUAL]
    assert changes == [(DELETE, "Do not post"), (INSERT, "Never share any"), (DELETE, "names"), (INSERT, "data")]


def test_an_added_sentence_after_unchanged_text_keeps_the_text_equal():
    segments = redline("You must keep client information confidential.",
                       "You should keep client information confidential. You must not post it.")
    assert [(s.op, s.text) for s in segments] == [
        (EQUAL, "You "), (DELETE, "must"), (INSERT, "should"),
        (EQUAL, " keep client information confidential. "), (INSERT, "You must not post it.")]


def test_identical_text_is_one_equal_segment():
    assert ops("Same words here.", "Same words here.") == [(EQUAL, "Same words here.")]


def test_text_rendering_is_git_word_diff_style_or_colour():
    segments = redline("a must b", "a should b")
    assert to_text(segments) == "a [-must-]{+should+} b"
    coloured = to_text(segments, color=True)
    assert "\033[31m" in coloured and "\033[32m" in coloured


def test_markdown_marks_never_span_lines_and_keep_the_clause_emphasis():
    segments = redline("Keep it.\n- one", "Keep *it* safe.\n- one\n- two <b>@team</b>")
    rendered = to_markdown(segments)
    assert rendered.splitlines() == [
        "> Keep <del>it.</del> <ins>*it* safe.</ins>  ",
        "> \\- one  ",
        "> <ins>- two &lt;b&gt;\\@team&lt;/b&gt;</ins>",
    ]


def test_markdown_escapes_emphasis_that_a_change_cuts_in_two():
    rendered = to_markdown(redline("**En France.** Text", "**In France.** Text"))
    assert rendered == "> <del>\\*\\*En</del> <ins>\\*\\*In</ins> France.\\*\\* Text"


def test_markdown_escapes_everything_that_could_format_or_link():
    assert escape_markdown("a_b *c* [x](y) <b> | `z` ~~s~~ @team") == (
        "a\\_b \\*c\\* \\[x\\](y) \\<b\\> \\| \\`z\\` \\~\\~s\\~\\~ \\@team")


def test_markdown_numbered_list_and_heading_at_line_start_are_literal():
    rendered = to_markdown([Segment(EQUAL, "1. first\n# not a heading")])
    assert rendered.splitlines() == ["> 1\\. first  ", "> \\# not a heading"]


def test_html_escapes_and_marks():
    html = to_html(redline("a <b> c", "a <i> c"))
    assert html == "a <del>&lt;b&gt;</del><ins>&lt;i&gt;</ins> c"


def test_obligation_phrases_are_counted_with_synonyms_and_prohibitions_first():
    counts = obligations("You must. You MUST NOT. You shall not. You may not. You have to. "
                         "You are required to. Never. You mustn't.")
    assert counts == {"must": 3, "must not": 4, "never": 1}
    assert obligations("You should and you may.") == {}
