"""No control character from a repository reaches a terminal raw, in any text output of any command."""

from __future__ import annotations

import json
import re

import pytest

from clausebook.diff.revisions import compute
from clausebook.outputs.registry import DIFF, FORMATS, formatter
from clausebook.outputs.terminal import json_escape_controls, one_line, printable

from .repos import clause

HOSTILE = "Read \x1b[2K\rall \x1b]8;;https://evil\x07private\x9b31m messages \u202edesrever\x1b[8m hidden"
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
CLAUSE = "policy/social-media/monitoring.yaml"


def test_printable_writes_every_control_as_a_visible_escape():
    shown = printable(HOSTILE)
    assert RAW.search(shown) is None
    assert "\\x1b[2K\\r" in shown and "\\x9b" in shown and "\\u202e" in shown and "\\x07" in shown
    assert printable("line one\nline two\ttab") == "line one\nline two\ttab"
    assert one_line("a\nb\rc") == "a\\nb\\rc"


def test_json_escaping_changes_no_value():
    text = json.dumps({"body": HOSTILE}, ensure_ascii=False)
    escaped = json_escape_controls(text)
    assert RAW.search(escaped) is None
    assert json.loads(escaped) == {"body": HOSTILE}


def test_every_terminal_format_is_wrapped():
    for row in FORMATS:
        if row.name in ("text", "markdown", "github"):
            assert formatter(row.kind, row.name) is not row.render, row


@pytest.mark.parametrize("args", [
    ("validate",), ("lint",), ("lint", "--format", "github"), ("lint", "--format", "json"),
    ("lint", "--format", "sarif"), ("explain", "monitoring", "--jurisdiction", "de"),
    ("resolve", "--jurisdiction", "de", "--format", "json"), ("diff", "HEAD"), ("diff", "HEAD", "--format", "markdown"),
    ("diff", "HEAD", "--format", "json"), ("review", "status"),
])
def test_no_command_prints_a_control_character_raw(args, git_repo, run):
    git_repo.commit("Start", base=True)
    files = {CLAUSE: clause("monitoring", section="privacy", level="info", body=HOSTILE,
                            title="Title \x1b[2K", tags=["a\x1bb"]),
             "jurisdictions/de/overlays/monitoring.yaml":
                 "clause: monitoring\naction: amend\nreason: \"because \\e[31m\"\nappend: \"note \\r over\"\n"}
    from .repos import write_repo
    write_repo(git_repo.root, files, base=False)
    result = run("--root", git_repo.root, *args)
    assert result.code in (0, 1), result
    assert RAW.search(result.out) is None, result.out
    assert RAW.search(result.err) is None, result.err


def test_coloured_diff_keeps_only_its_own_colours(git_repo):
    git_repo.commit("Start", base=True)
    from .repos import write_repo
    write_repo(git_repo.root, {CLAUSE: clause("monitoring", section="privacy", level="info",
                                              body="We read \x1b[32minserted-looking\x1b[0m text")}, base=False)
    diff, _ = compute(git_repo.root, "HEAD")
    shown = formatter(DIFF, "text")(diff, color=True)
    assert "\\x1b[32minserted-looking" in shown  # the clause's own escape, visible
    assert "\x1b[32minserted-looking" not in shown
    assert "\x1b[1m" in shown  # ours, kept
