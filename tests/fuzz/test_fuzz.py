"""Property tests over the loader, resolution, lint and diff, with generated input.

Whatever the input: no uncaught exception; every problem prints as one line;
resolving twice gives the same handbooks; the diff of a repository with
itself is empty; a formatting-only rewrite (key order, quoting, flow style,
comments) diffs empty.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

from clausebook.core.loader import parse
from clausebook.diff.compare import compare
from clausebook.lint.config import LintConfig
from clausebook.lint.engine import lint
from clausebook.outputs.registry import PROBLEMS, formatter
from clausebook.workspace import open_worktree

from ..repos import write_repo

CLAUSE = "policy/social-media/monitoring.yaml"

# Text that stresses Markdown, YAML and terminals: brackets, emphasis, code,
# HTML, link syntax, escapes, control and bidi characters, non-ASCII.
_PIECES = st.sampled_from(["[", "]", "(", ")", "![", "](", "*", "_", "`", "```", "<", ">", "<b>", "&", "{", "}",
                           "#", "- ", "1. ", "\n", "\n\n", "  ", "\t", "\\", ":", ": ", "'", '"', "|", "~",
                           "\x1b[2K", "\r", "\u202e", "\x9b", "\x00", "é", "ß", "日本", "https://example.com",
                           "javascript:alert(1)", "must", "should", "may", "the", "word"])
TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=40).map("".join)
LEVELS = st.sampled_from(["must", "should", "may", "info", "mandatory", ""])


def _one_line_each(problems: list) -> None:
    printed = formatter(PROBLEMS, "text")(problems)
    assert printed.count("\n") == len(problems)
    assert "\x1b" not in printed and "\r" not in printed


@given(st.binary(max_size=400))
def test_the_loader_takes_any_bytes(raw: bytes) -> None:
    _, problems = parse("policy/x/y.yaml", raw)
    _one_line_each(problems)


@given(TEXT)
def test_the_loader_takes_any_text(text: str) -> None:
    _, problems = parse("policy/x/y.yaml", ("id: y\nbody: " + text).encode("utf-8", "surrogatepass"))
    _one_line_each(problems)


def _clause(title: str, body: str, level: str, tags: list[str]) -> dict:
    return {"id": "monitoring", "title": title or "T", "section": "privacy", "level": level, "owner": "privacy",
            "body": body, "tags": tags}


def _repo(files: dict) -> tuple[tempfile.TemporaryDirectory, Path]:
    holder = tempfile.TemporaryDirectory()
    return holder, write_repo(Path(holder.name) / "repo", files)


@given(TEXT, TEXT, LEVELS, st.lists(st.sampled_from(["a", "b", "monitoring"]), max_size=3), TEXT)
def test_load_lint_and_resolve_never_fail_and_resolve_the_same_twice(title, body, level, tags, note):
    overlay = yaml.safe_dump({"clause": "monitoring", "action": "amend", "reason": note or "r", "append": note or "n"})
    holder, root = _repo({CLAUSE: yaml.safe_dump(_clause(title, body, level, tags), allow_unicode=True),
                          "jurisdictions/de/overlays/monitoring.yaml": overlay})
    with holder:
        first, second = open_worktree(root), open_worktree(root)
        assert {j: h.to_dict() for j, h in first.handbooks.items()} == \
               {j: h.to_dict() for j, h in second.handbooks.items()}
        problems = lint(first, LintConfig())
        _one_line_each(problems)
        assert not compare(first, second).changes


@given(TEXT, LEVELS, st.booleans(), st.booleans())
def test_a_formatting_only_rewrite_diffs_empty(body, level, flow, reverse):
    data = _clause("Monitoring", body, level, ["a"])
    holder, root = _repo({CLAUSE: yaml.safe_dump(data, allow_unicode=True)})
    with holder:
        before = open_worktree(root)
        items = list(data.items())[::-1] if reverse else list(data.items())
        rewritten = "# reformatted\n" + yaml.safe_dump(dict(items), sort_keys=False, default_flow_style=flow,
                                                      allow_unicode=not flow, width=40)
        (root / CLAUSE).write_text(rewritten, encoding="utf-8")
        after = open_worktree(root)
        assert not compare(before, after).changes
