"""Just enough of Markdown to find links, images and raw HTML, with their offsets.

The site renders clause text with Python-Markdown, which gives no positions;
rules need the exact character of every link and tag to report file, line and
column, so this scanner works on the raw text. Code (fenced blocks and inline
spans) is masked first: what is inside code is shown, never run or followed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

# Every rule asks about the same strings: parse each once. Rules walk the
# clauses in the same order one after another, so a cache smaller than the
# repository's text would drop each string just before the next rule asks for
# it again (an LRU cache under repeated scans): room for about 250,000
# strings, a repository of 20,000 clauses and more.
TEXT_CACHE = 1 << 18

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_BACKTICKS = re.compile(r"`+")


@lru_cache(maxsize=TEXT_CACHE)
def mask_code(text: str) -> str:
    """`text` with fenced code blocks and inline code spans blanked out (same length, newlines kept)."""
    if "`" not in text and "~~~" not in text:
        return text  # no fence and no code span: most clause text
    chars = list(text)

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "

    # fenced blocks
    position = 0
    fence: str | None = None
    fence_start = 0
    for line in text.splitlines(keepends=True):
        match = _FENCE.match(line)
        if fence is None and match:
            fence, fence_start = match.group(1), position
        elif fence is not None and match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
            blank(fence_start, position + len(line))
            fence = None
        position += len(line)
    if fence is not None:  # an unclosed fence runs to the end, as in CommonMark
        blank(fence_start, len(text))
    masked = "".join(chars)
    # inline code spans: a run of n backticks up to the next run of exactly n
    runs = list(_BACKTICKS.finditer(masked))
    used: set[int] = set()
    for i, opening in enumerate(runs):
        if i in used or _escaped(masked, opening.start()):
            continue
        for j in range(i + 1, len(runs)):
            if j not in used and len(runs[j].group()) == len(opening.group()):
                blank(opening.start(), runs[j].end())
                used.update(range(i, j + 1))
                break
    return "".join(chars)


def _escaped(text: str, index: int) -> bool:
    backslashes = 0
    while index - backslashes - 1 >= 0 and text[index - backslashes - 1] == "\\":
        backslashes += 1
    return backslashes % 2 == 1


@dataclass(frozen=True)
class Link:
    """A link or image in Markdown text.

    `kind`: inline (`[t](url)`), reference (`[t][label]`), definition
    (`[label]: url`), autolink (`<https://…>`), bare (a URL in running text).
    `target` is None for a reference whose label has no definition.
    """

    kind: str
    start: int  # where the construct starts (the `[` or `!`, `<`, or the URL)
    target: str | None
    target_start: int  # where the target is written; `start` when there is none
    image: bool = False
    closed: bool = True  # False: `[text](url` with no closing parenthesis
    label: str | None = None


@dataclass(frozen=True)
class Tag:
    """A raw HTML tag, comment or declaration."""

    name: str  # lower-case tag name, '!--' for a comment, '!' or '?' for the rest
    start: int
    end: int
    closing: bool = False
    attributes: dict[str, tuple[str, int]] = field(default_factory=dict)  # name -> (value, offset)


_DEFINITION = re.compile(r"^ {0,3}\[((?:[^\[\]\\]|\\.)+)\]:[ \t]*\n?[ \t]*(<[^>\n]*>|\S+)", re.M)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>")
_EMAIL_AUTOLINK = re.compile(r"<([^\s<>@:/]+@[^\s<>@]+\.[^\s<>@]+)>")
_BARE_URL = re.compile(r"(?<![\w/<(\[\"'=@])(?:[a-zA-Z][a-zA-Z0-9+.\-]*://|www\.)[^\s<>\"'`\[\]]+")
HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*)?)>"  # a tag, with its attributes
                  r"|<!--[\s\S]*?(?:-->|$)|<![A-Za-z\[][^>]*>?|<\?[\s\S]*?(?:\?>|$)")  # comment, declaration, PI
_ATTRIBUTE = re.compile(r"""([A-Za-z_:][-A-Za-z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_TRAILING_PUNCTUATION = ".,;:!?*_~"


def _label_key(label: str) -> str:
    return " ".join(label.split()).casefold()


def definitions(masked: str) -> dict[str, Link]:
    """Reference definitions by their label (case-folded, whitespace collapsed); the first wins."""
    found: dict[str, Link] = {}
    for match in _DEFINITION.finditer(masked):
        target = match.group(2)
        target_start = match.start(2)
        if target.startswith("<"):
            target, target_start = target[1:-1], target_start + 1
        found.setdefault(_label_key(match.group(1)), Link("definition", match.start(), target, target_start,
                                                          label=match.group(1)))
    return found


# What `bracket_pairs` stops at: an escape (two characters), a bracket, or a blank line.
_BRACKET_EVENT = re.compile(r"\\[\s\S]|[\[\]]|\n[ \t]*(?=\n)")


def bracket_pairs(text: str) -> dict[int, int]:
    """For each `[` that is closed, the index of its `]`: one pass with a stack, so linear in the text.

    Backslash escapes are skipped and a blank line ends every open bracket
    (a link never spans paragraphs). Matching each `[` by scanning forward
    was quadratic: 10,000 brackets took lint many seconds. The pass jumps
    from one bracket, escape or blank line to the next, so text without
    brackets costs one search.
    """
    pairs: dict[int, int] = {}
    if "[" not in text:
        return pairs
    open_at: list[int] = []
    for event in _BRACKET_EVENT.finditer(text):
        char = event.group()[0]
        if char == "[":
            open_at.append(event.start())
        elif char == "]":
            if open_at:
                pairs[open_at.pop()] = event.start()
        elif char == "\n":
            open_at.clear()
    return pairs


# How deep parentheses may nest in a link destination, as in markdown-it and
# commonmark.js; it also bounds how far one unclosed `](` can make us scan.
MAX_DESTINATION_NESTING = 32


def _inline_destination(text: str, start: int) -> tuple[str, int, int, bool]:
    """Parse `(destination "title")` whose `(` is at `start`: (target, target offset, end, closed)."""
    i = start + 1
    while i < len(text) and text[i] in " \t":
        i += 1
    if i < len(text) and text[i] == "\n":
        i += 1
        while i < len(text) and text[i] in " \t":
            i += 1
    target_start = i
    if i < len(text) and text[i] == "<":
        close = text.find(">", i)
        newline = text.find("\n", i)
        if close < 0 or (0 <= newline < close):
            return text[i + 1:], i + 1, len(text), False
        target, target_start, i = text[i + 1:close], i + 1, close + 1
    else:
        depth = 0
        while i < len(text):
            char = text[i]
            if char == "\\":
                i += 2
                continue
            if char.isspace():
                break
            if char == "(":
                depth += 1
                if depth > MAX_DESTINATION_NESTING:
                    return text[target_start:i], target_start, i, False
            elif char == ")":
                if depth == 0:
                    break
                depth -= 1
            i += 1
        target = text[target_start:i]
    # optional title, then the closing parenthesis
    j = i
    while j < len(text) and text[j] in " \t\n":
        j += 1
    if j < len(text) and text[j] in "\"'(" and j > i:
        closer = ")" if text[j] == "(" else text[j]
        end_title = text.find(closer, j + 1)
        if end_title < 0:
            return target, target_start, len(text), False
        j = end_title + 1
        while j < len(text) and text[j] in " \t\n":
            j += 1
    if j < len(text) and text[j] == ")":
        return target, target_start, j + 1, True
    return target, target_start, j, False


@lru_cache(maxsize=TEXT_CACHE)
def links(text: str) -> tuple[Link, ...]:
    """Every link and image in `text` (code already masked by the caller, or masked here)."""
    masked = mask_code(text)
    defined = definitions(masked)
    found: list[Link] = list(defined.values())
    covered: list[tuple[int, int]] = [(d.start, d.target_start + len(d.target or "")) for d in found]
    labels: set[int] = set()  # the `[label]` half of `[text][label]` is not a link of its own
    pairs = bracket_pairs(masked)
    i = masked.find("[")
    while i >= 0:
        if i not in labels and i in pairs and not _escaped(masked, i):
            link, end = _bracket_link(masked, i, pairs[i], defined)
            if link is not None:
                found.append(link)
                covered.append((link.target_start, end))
                if link.kind == "reference" and masked[end - 1] == "]" and end - 1 > i:
                    labels.add(masked.rfind("[", i, end - 1))
        i = masked.find("[", i + 1)
    for pattern in (_AUTOLINK, _EMAIL_AUTOLINK):
        for match in pattern.finditer(masked):
            target = match.group(1)
            if pattern is _EMAIL_AUTOLINK:
                target = "mailto:" + target
            found.append(Link("autolink", match.start(), target, match.start(1)))
            covered.append((match.start(), match.end()))
    for match in _BARE_URL.finditer(masked):
        if any(start <= match.start() < end for start, end in covered):
            continue
        url = match.group().rstrip(_TRAILING_PUNCTUATION)
        if url.endswith(")") and url.count("(") < url.count(")"):
            url = url[:-1]
        found.append(Link("bare", match.start(), url, match.start()))
    return tuple(sorted(found, key=lambda link: (link.start, link.kind)))


def _bracket_link(masked: str, i: int, close: int, defined: dict[str, Link]) -> tuple[Link | None, int]:
    image = i > 0 and masked[i - 1] == "!" and not _escaped(masked, i - 1)
    start = i - 1 if image else i
    # Only a `]:` needs the line's start (looking back along a long line for every bracket is quadratic).
    if close + 1 < len(masked) and masked[close + 1] == ":" and \
            not masked[masked.rfind("\n", 0, i) + 1:i].strip():
        return None, close  # a definition; collected already
    following = masked[close + 1] if close + 1 < len(masked) else ""
    if following == "(":
        target, target_start, end, closed = _inline_destination(masked, close + 1)
        return Link("inline", start, target, target_start, image=image, closed=closed), end
    if following == "[":
        label_end = masked.find("]", close + 2)
        if label_end >= 0 and "\n\n" not in masked[close + 2:label_end]:
            label = masked[close + 2:label_end] or masked[i + 1:close]
            definition = defined.get(_label_key(label))
            if definition is None:
                return Link("reference", start, None, close + 2, image=image, label=label), label_end + 1
            return (Link("reference", start, definition.target, definition.target_start, image=image, label=label),
                    label_end + 1)
    # `[label]` alone is a link only when the label is defined
    definition = defined.get(_label_key(masked[i + 1:close]))
    if definition is not None and masked[i + 1:close].strip():
        return (Link("reference", start, definition.target, definition.target_start, image=image,
                     label=masked[i + 1:close]), close + 1)
    return None, close


@lru_cache(maxsize=TEXT_CACHE)
def html_tags(text: str) -> tuple[Tag, ...]:
    """Every raw HTML tag, comment, declaration or processing instruction outside code."""
    masked = mask_code(text)
    autolinks = [(m.start(), m.end()) for p in (_AUTOLINK, _EMAIL_AUTOLINK) for m in p.finditer(masked)]
    tags: list[Tag] = []
    for match in HTML_TAG.finditer(masked):
        if _escaped(masked, match.start()) or any(s <= match.start() < e for s, e in autolinks):
            continue
        if match.group(2) is None:
            raw = match.group()
            name = "!--" if raw.startswith("<!--") else raw[:2][1:]
            tags.append(Tag(name, match.start(), match.end()))
            continue
        attributes: dict[str, tuple[str, int]] = {}
        for attribute in _ATTRIBUTE.finditer(match.group(3) or ""):
            value_group = next(g for g in (2, 3, 4) if attribute.group(g) is not None)
            offset = match.start(3) + attribute.start(value_group)
            attributes.setdefault(attribute.group(1).lower(), (attribute.group(value_group), offset))
        tags.append(Tag(match.group(2).lower(), match.start(), match.end(), bool(match.group(1)), attributes))
    return tuple(tags)


# --- escaping -------------------------------------------------------------------

Flavour = Literal["github", "site"]

# GitHub-flavoured Markdown (pull-request comments, job summaries): characters
# that could start syntax anywhere in a line; "@" would mention (and notify) a
# user or team named in a clause. Line breaks are kept.
_GITHUB_SPECIAL = re.compile(r"([\\`*_~\[\]<>|!&#{}@])")
# The handbook site (Python-Markdown with attr_list): `&`, `<`, `>` and `|`
# become entities, since a backslash the editor typed just before could escape
# our backslash; the rest is backslash-escaped. Always one line.
_SITE_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;"}
_SITE_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
# Control characters other than tab and newline; Python-Markdown uses \x02 and
# \x03 as internal placeholders, so editor text must never carry them.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


# GitHub prose (the redline of a clause in a pull request): the clause's own
# emphasis and code spans render as they do in the handbook, so a bold lead-in
# reads bold; links, images, raw HTML, mentions, issue references, tables and
# strikethrough (which a redline uses for deletions) stay literal. A backslash
# is kept before `*`, `_` and a backtick (the editor's own escape) and doubled
# elsewhere, so it cannot undo one of ours.
_PROSE_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_PROSE_SPECIAL = re.compile(r"\\(?![*_`])|[\[\]|!#{}@~&<>]")
_EMPHASIS = ("*", "_", "`")


def escape_prose(text: str) -> str:
    """Clause text for GitHub with its own emphasis and code spans kept, nothing else taking effect.

    The caller gives one piece of a line at a time (a redline run): where a
    piece holds an odd number of `*`, `_` or backticks (a bold run cut by a
    change), that character is escaped in the piece, so emphasis never spans
    an insertion's or deletion's edge.
    """
    def one(match: re.Match[str]) -> str:
        char = match.group()
        return _PROSE_ENTITIES.get(char) or "\\" + char

    value = _PROSE_SPECIAL.sub(one, text)
    for char in _EMPHASIS:
        runs = re.compile(r"(?<!\\)" + re.escape(char) + "+").findall(value)
        if len(runs) % 2 or sum(len(run) for run in runs) % 2:
            value = re.sub(r"(?<!\\)" + re.escape(char), lambda m: "\\" + m.group(), value)
    return value


def escape_text(text: str, flavour: Flavour) -> str:
    """`text` shown literally in Markdown: a `*` is a star, not emphasis; no link, tag or mention takes effect.

    `flavour="github"` is for GitHub comments and keeps line breaks;
    `flavour="site"` is for handbook pages: control characters dropped,
    whitespace collapsed to one line, `&<>|` as entities.
    """
    if flavour == "github":
        return _GITHUB_SPECIAL.sub(r"\\\1", text)
    value = " ".join(CONTROL.sub("", text).split())
    value = "".join(_SITE_ENTITIES.get(char, char) for char in value)
    return _SITE_SPECIAL.sub(r"\\\1", value)
