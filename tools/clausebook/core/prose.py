"""Clause text as a reader reads it: plain prose without Markdown, its sentences and its words.

The lint rules on wording (level words, vague words, sentence length,
readability) and the near-duplicate search read clause text through these, so
that `[a link](...)`, list markers and code do not count as words. Offsets
stay those of the raw text, so a problem points at the right column.
"""

from __future__ import annotations

import re
from functools import lru_cache

from clausebook.core.markdown import HTML_TAG, TEXT_CACHE, mask_code

_LINK_DESTINATION = re.compile(r"(!?\[)((?:[^\[\]\\]|\\.)*)\]\([^)\n]*\)")
_LIST_OR_HEADING = re.compile(r"^( {0,3}(?:[-*+]|\d+[.)])\s+| {0,3}#{1,6}\s+| {0,3}>\s?)")
# The same markers at the start of every line of a text ("\s" that is not a line break, so that a
# marker alone on its line does not take the line break with it).
_LINE_MARKERS = re.compile(r"^( {0,3}(?:[-*+]|\d+[.)])[^\S\n]+| {0,3}#{1,6}[^\S\n]+| {0,3}>[^\S\n]?)", re.M)
_EMPHASIS = re.compile(r"(\*\*|__|\*|~~)")


@lru_cache(maxsize=TEXT_CACHE)
def plain_prose(text: str) -> str:
    """`text` as a reader sees it: code, link targets, HTML and emphasis markers blanked, same length.

    Keeping the length lets a rule map an offset in the plain text straight
    back to the source.
    """
    masked = mask_code(text)

    def blank(match: re.Match[str]) -> str:
        return " " * len(match.group())

    def keep_label(match: re.Match[str]) -> str:
        whole = match.group()
        label = match.group(2)
        prefix = len(match.group(1))
        return " " * prefix + label + " " * (len(whole) - prefix - len(label))

    masked = _LINK_DESTINATION.sub(keep_label, masked)
    masked = HTML_TAG.sub(blank, masked)
    masked = _EMPHASIS.sub(blank, masked)
    return _LINE_MARKERS.sub(blank, masked)


_SENTENCE_END = re.compile(r"[.!?][\"'’”)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
_TABLE_ROW = re.compile(r"^\s*\|")
WORD = re.compile(r"[A-Za-z0-9À-ÿ][\w'’\-]*")


@lru_cache(maxsize=TEXT_CACHE)
def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) offsets of each sentence of Markdown `text`.

    Paragraphs, list items, headings and table rows end a sentence even
    without a full stop; code, link targets and HTML do not count as words.
    """
    masked = mask_code(text)
    plain = plain_prose(text)
    spans: list[tuple[int, int]] = []
    block_start: int | None = None
    position = 0
    for line in masked.split("\n"):
        starts_block = not line.strip() or _LIST_OR_HEADING.match(line) or _TABLE_ROW.match(line)
        if starts_block and block_start is not None:
            spans.extend(_split_block(plain, block_start, position - 1))
            block_start = None
        if line.strip() and block_start is None:
            block_start = position
        if line.strip() and _TABLE_ROW.match(line):
            spans.append((position, position + len(line)))
            block_start = None
        position += len(line) + 1
    if block_start is not None:
        spans.extend(_split_block(plain, block_start, len(text)))
    return tuple((s, e) for s, e in spans if WORD.search(plain, s, e))


@lru_cache(maxsize=TEXT_CACHE)
def sentence_lengths(text: str) -> tuple[int, ...]:
    """The number of words of each of `sentences(text)`, in order."""
    plain = plain_prose(text)
    findall = WORD.findall
    return tuple(len(findall(plain, start, end)) for start, end in sentences(text))


def _split_block(plain: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    current = start
    for match in _SENTENCE_END.finditer(plain, start, end):
        spans.append((current, match.start() + 1))
        current = match.end()
    spans.append((current, end))
    result = []
    for s, e in spans:
        while s < e and plain[s].isspace():
            s += 1
        if s < e:
            result.append((s, e))
    return result
