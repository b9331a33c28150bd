"""The YAML loader: positions, duplicate keys, dates, limits."""

from __future__ import annotations

from clausebook.core.identity import content_key, normalize_text
from clausebook.core.loader import parse


def test_every_key_and_value_has_a_position():
    doc, problems = parse("x.yaml", b"# comment\nid: a\nexamples:\n  do:\n    - first\n    - second\n")
    assert problems == []
    assert (doc.loc(("id",)).line, doc.loc(("id",)).column) == (2, 5)
    assert (doc.loc(("id",), key=True).line, doc.loc(("id",), key=True).column) == (2, 1)
    second = doc.loc(("examples", "do", 1))
    assert (second.line, second.column) == (6, 7)


def test_missing_path_falls_back_to_nearest_parent():
    doc, _ = parse("x.yaml", b"examples:\n  do: [a]\n")
    nearest = doc.loc(("examples", "dont"))
    assert (nearest.line, nearest.column) == (2, 3)
    assert (doc.loc(("nothing",)).line, doc.loc(("nothing",)).column) == (1, 1)


def test_text_location_inside_a_literal_block():
    doc, _ = parse("x.yaml", b"body: |\n  First line.\n  Second has the word here.\n")
    offset = doc.data["body"].index("here")
    where = doc.text_loc(("body",), offset)
    assert (where.line, where.column) == (3, 23)


def test_unquoted_dates_become_iso_text():
    doc, _ = parse("x.yaml", b"effective: 2024-02-29\n")
    assert doc.data["effective"] == "2024-02-29"


def test_yaml_11_boolean_words_stay_keys_as_written():
    doc, _ = parse("x.yaml", b"no: 1\non: 2\n")
    assert doc.data == {"no": 1, "on": 2}


def test_duplicate_key_points_at_the_second_key():
    _, problems = parse("x.yaml", b"body: one\ntitle: t\nbody: two\n")
    assert [(p.code, p.line, p.column) for p in problems] == [("S006", 3, 1)]
    assert "first on line 1" in problems[0].message


def test_duplicate_key_in_nested_mapping():
    _, problems = parse("x.yaml", b"examples:\n  do: [a]\n  do: [b]\n")
    assert [(p.code, p.line, p.column) for p in problems] == [("S006", 3, 3)]


def test_recursive_alias_is_rejected():
    doc, problems = parse("x.yaml", b"a: &a [*a]\n")
    assert doc is None and problems[0].code == "S005"


def test_small_aliases_are_fine():
    doc, problems = parse("x.yaml", b"a: &x [1, 2]\nb: *x\n")
    assert problems == [] and doc.data == {"a": [1, 2], "b": [1, 2]}


def test_merge_keys_are_refused_plainly():
    _, problems = parse("x.yaml", b"base: &b {a: 1}\nother:\n  <<: *b\n")
    assert [p.code for p in problems] == ["S002"]


def test_byte_order_mark_is_accepted():
    doc, problems = parse("x.yaml", "\ufeffid: a\n".encode())
    assert problems == [] and doc.data == {"id": "a"}


def test_formatting_is_not_content():
    folded, _ = parse("a.yaml", b"# note\ntitle: 'T'\nbody: >\n  One two\n  three.\nlevel: must\n")
    literal, _ = parse("b.yaml", b"level: must\nbody: |\n  One two three.\ntitle: T\n")
    assert content_key(folded.data) == content_key(literal.data)


def test_a_word_change_is_content():
    a, _ = parse("a.yaml", b"body: You must ask first.\n")
    b, _ = parse("b.yaml", b"body: You should ask first.\n")
    assert content_key(a.data) != content_key(b.data)


def test_normalize_keeps_list_items_and_paragraphs_apart():
    assert normalize_text("- one\n- two\n") != normalize_text("- one - two\n")
    assert normalize_text("Para one.\n\nPara two.") != normalize_text("Para one. Para two.")
    assert normalize_text("```\ncode  spaced\n```") == "```\ncode  spaced\n```"
