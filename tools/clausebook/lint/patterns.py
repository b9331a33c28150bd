"""Regular expressions written by users (jurisdiction `rules`), matched in bounded time.

A pattern such as `(a+)+$` takes exponential time on a few dozen characters
with Python's `re`, which cannot be interrupted: lint (and CI) would hang on
one line of a jurisdiction file. Patterns are therefore compiled with the
`regex` module, a maintained superset of `re` whose matching functions take a
`timeout`; a match that runs past `MATCH_SECONDS` raises `PatternTimeout`,
and the caller reports the rule once and stops using it for the run, so a
run costs at most a fraction of a second per bad pattern.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TypeAlias

import regex

# Per search of one clause text; real legal patterns match in microseconds.
MATCH_SECONDS = 0.2

Pattern: TypeAlias = "regex.Pattern[str]"


class PatternTimeout(Exception):
    """A user pattern ran longer than MATCH_SECONDS on one text."""


@lru_cache(maxsize=1024)
def compile_pattern(pattern: object) -> Pattern | None:
    """The compiled pattern (case-insensitive, `re` syntax); None when it is not a valid expression."""
    if not isinstance(pattern, str):
        return None
    try:
        return regex.compile(pattern, regex.IGNORECASE | regex.VERSION0)
    except (regex.error, TypeError, ValueError, OverflowError):
        return None


def finditer(pattern: Pattern, text: str) -> Iterator[regex.Match[str]]:
    """Every match of `pattern` in `text`; PatternTimeout when matching takes too long."""
    try:
        yield from pattern.finditer(text, timeout=MATCH_SECONDS)
    except TimeoutError:
        raise PatternTimeout from None


def search(pattern: Pattern, text: str) -> bool:
    """Whether `pattern` occurs in `text`; PatternTimeout when matching takes too long."""
    try:
        return pattern.search(text, timeout=MATCH_SECONDS) is not None
    except TimeoutError:
        raise PatternTimeout from None
