"""YAML syntax errors in plain words, at the line and column where they are.

libyaml speaks its grammar ("did not find expected key (while parsing a
block mapping)"); a policy editor needs to know what to change. This module
turns a `yaml.YAMLError` into one `Problem`: the position of the offending
character (1-based, from the error's marks, or from the reader's character
offset for characters YAML does not allow at all), and a message that names
the likely mistake. An error we have no words for keeps libyaml's own
phrase. Messages are one line: nothing from the file is echoed raw.
"""

from __future__ import annotations

import unicodedata
from typing import Protocol

from clausebook.core.problems import Problem


class Mark(Protocol):
    """Where libyaml saw a problem: 0-based line, column and offset (a `yaml.Mark`)."""

    line: int
    column: int
    index: int

_CONTROL_NAMES = {0x1B: "ESC", 0x07: "BEL", 0x08: "backspace", 0x0D: "carriage return", 0x7F: "DEL"}


def character_name(char: str) -> str:
    """`U+001B (ESC)`: how a message names a character that cannot be shown as itself."""
    code = ord(char)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(char, "")
    return f"U+{code:04X}" + (f" ({name})" if name else "")


def _line_column(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    line = before.count("\n") + 1
    return line, offset - (before.rfind("\n") + 1) + 1


def _char_at(text: str, mark: Mark | None) -> str:
    if mark is None or mark.index >= len(text):
        return ""
    return text[mark.index]


def _plain_words(exc: Exception, text: str) -> tuple[str, Mark | None]:
    """The message and the mark it belongs at."""
    problem = getattr(exc, "problem", None) or ""
    context = getattr(exc, "context", None) or ""
    mark = getattr(exc, "problem_mark", None)
    context_mark = getattr(exc, "context_mark", None)
    char = _char_at(text, mark)
    if "tab character" in problem or (char == "\t" and "cannot start any token" in problem):
        return "a tab is used for indentation; indent with spaces, not tabs", mark
    if "cannot start any token" in problem:
        shown = repr(char) if char.isprintable() else character_name(char)
        return (f"a value cannot begin with {shown} unless it is quoted; "
                f"put the value in quotes"), mark
    if problem.startswith("did not find expected key") or problem.startswith("did not find expected <document start>"):
        return ("this line is not indented like the keys above it, or is not a 'key: value' line; "
                "line up the keys (or quote a value that contains ': ')"), mark
    if problem.startswith("mapping values are not allowed"):
        return ("unexpected ':' here: a value that contains ': ' must be quoted, "
                "or the line above is missing its key"), mark
    if problem.startswith("could not find expected ':'"):
        return "a key must be followed by ':' and a space", mark
    opened = f" (opened on line {context_mark.line + 1})" if context_mark is not None else ""
    if problem.startswith("did not find expected ',' or ']'"):
        return f"a list in [brackets] is not closed{opened}: expected ',' or ']'", mark
    if problem.startswith("did not find expected ',' or '}'"):
        return f"a mapping in {{braces}} is not closed{opened}: expected ',' or '}}'", mark
    if "end of stream" in problem and "quoted scalar" in context:
        return f"a quoted value is never closed{opened}: add its closing quote", mark
    if problem.startswith("found unknown escape character"):
        return ("unknown escape after '\\' in a double-quoted value; "
                "write '\\\\' for a backslash, or use single quotes"), mark
    if problem.startswith("found undefined alias"):
        return "an alias ('*name') refers to no anchor ('&name') above it", mark
    if "another document" in problem or "single document" in context:
        return "a second YAML document ('---') in one file; keep one document per file", mark
    if "maximum nesting depth" in problem:
        return "lists or mappings nest too deeply here; a clause needs a few levels at most", mark
    if "duplicate anchor" in context:
        return "the same anchor ('&name') is defined twice", mark
    detail = problem or str(exc).splitlines()[0]
    return detail + (f" ({context})" if context and context not in detail else ""), mark


def yaml_error_problem(path: str, exc: Exception, text: str) -> Problem:
    """One S002 problem for a YAML syntax error (a `yaml.YAMLError`) in `text`, at the character that caused it.

    The error is read by its attributes, so this wording stays apart from the
    one module that parses YAML (core/loader.py).
    """
    if hasattr(exc, "character") and hasattr(exc, "encoding"):  # yaml.reader.ReaderError
        # A character YAML forbids anywhere (a control character, U+FFFE): the
        # reader knows only its offset, not a line.
        # libyaml counts bytes, the pure-Python reader characters; the reader
        # stops at the first such character, so its first occurrence is the one.
        code = getattr(exc, "character", None)
        char = chr(code) if isinstance(code, int) else ""
        position = text.find(char) if char else -1
        line, column = _line_column(text, position) if position >= 0 else (1, 1)
        what = character_name(char) if char else "a character"
        return Problem(path, line, column, "error", "S002",
                       f"invalid YAML: {what} is not allowed in YAML text; remove it "
                       "(a control character hidden in text can rewrite what a terminal shows)")
    message, mark = _plain_words(exc, text)
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return Problem(path, line, column, "error", "S002", "invalid YAML: " + " ".join(message.split()))
