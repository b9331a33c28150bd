"""Word-level redlines: what a text said before and after, as deleted and inserted runs.

The comparison is `difflib.SequenceMatcher` over whitespace-separated words, so
a change is always shown as whole words ("<del>must</del> <ins>should</ins>"), the way a
lawyer's compare tool shows it, and never splits a word in two. Only words
are compared; the whitespace before each word travels with it, so a run of
changed words becomes one deletion and one insertion rather than a zebra of
alternating fragments, and line breaks (list items, paragraphs) survive.

The renderers are pure functions shared by the terminal, Markdown and JSON
outputs of `clausebook diff` and by the handbook's "what changed" page
(`to_html`).
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from clausebook.core.markdown import escape_prose, escape_text

EQUAL, DELETE, INSERT = "equal", "delete", "insert"

_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Segment:
    """A run of text that is unchanged, deleted or inserted."""

    op: str  # equal | delete | insert
    text: str

    def to_dict(self) -> dict[str, str]:
        return {"op": self.op, "text": self.text}


def words(text: str) -> tuple[list[str], list[str], str]:
    """The words of `text`, the whitespace before each, and the whitespace at the end."""
    # Splitting at the words leaves the whitespace around them: one run before
    # each word, and the run after the last one.
    spaces = _WORD.split(text)
    end = spaces.pop()
    return _WORD.findall(text), spaces, end


def redline(before: str, after: str) -> list[Segment]:
    """The segments that turn `before` into `after`, word by word (a new list each call)."""
    return list(_redline(before, after))


@lru_cache(maxsize=4096)  # the same text pair recurs once per jurisdiction it changed in
def _redline(before: str, after: str) -> tuple[Segment, ...]:
    """The segments that turn `before` into `after`, word by word.

    Words are compared; the whitespace before each word travels with it, so
    line breaks (list items, paragraphs) survive in every segment.
    """
    old, old_spaces, _ = words(before)
    new, new_spaces, new_tail = words(after)
    # Each word with the whitespace before it, so that a run of words is one slice.
    old_runs = list(map(str.__add__, old_spaces, old))
    new_runs = list(map(str.__add__, new_spaces, new))
    raw: list[Segment] = []
    for op, i1, i2, j1, j2 in _opcodes(old, new):
        if op == "equal":
            raw.append(Segment(EQUAL, "".join(new_runs[j1:j2])))
            continue
        if i2 > i1:
            raw.append(Segment(DELETE, "".join(old_runs[i1:i2])))
        if j2 > j1:
            raw.append(Segment(INSERT, "".join(new_runs[j1:j2])))
    if new_tail:
        raw.append(Segment(EQUAL, new_tail))
    return tuple(_tidy(raw))


# How many word comparisons SequenceMatcher may need before a redline takes the
# bounded path. It compares each word of one side with every occurrence of it
# in the other, recursively: ordinary prose stays far below this, while a
# clause that repeats a few words thousands of times ("the the the ...")
# took tens of seconds for 19 KB.
MATCH_BUDGET = 200_000
# Wall-clock bound of the bounded path (Myers' algorithm in diff-match-patch,
# which returns a correct, possibly less minimal, diff when time runs out).
BOUNDED_SECONDS = 0.5


def _opcodes(old: list[str], new: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib-style opcodes turning the words `old` into `new`, in bounded time."""
    occurrences = Counter(new)
    work = sum(occurrences[word] for word in old)
    if work <= MATCH_BUDGET:
        return list(SequenceMatcher(None, old, new, autojunk=False).get_opcodes())
    return _bounded_opcodes(old, new)


def _bounded_opcodes(old: list[str], new: list[str]) -> list[tuple[str, int, int, int, int]]:
    """The same opcodes from diff-match-patch, each distinct word encoded as one character."""
    from diff_match_patch import diff_match_patch  # type: ignore[import-untyped]

    vocabulary: dict[str, str] = {}

    def encode(sequence: list[str]) -> str:
        out = []
        for word in sequence:
            char = vocabulary.get(word)
            if char is None:
                code = 0x100 + len(vocabulary)
                char = vocabulary[word] = chr(code + 0x800 if code >= 0xD800 else code)  # skip surrogates
            out.append(char)
        return "".join(out)

    matcher = diff_match_patch()
    matcher.Diff_Timeout = BOUNDED_SECONDS
    diffs = matcher.diff_main(encode(old), encode(new), False)
    opcodes: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for kind, text in diffs:
        if kind == 0:
            opcodes.append(("equal", i, i + len(text), j, j + len(text)))
            i, j = i + len(text), j + len(text)
        elif kind < 0:
            opcodes.append(("delete", i, i + len(text), j, j))
            i += len(text)
        else:
            opcodes.append(("insert", i, i, j, j + len(text)))
            j += len(text)
    return opcodes


def _tidy(raw: list[Segment]) -> list[Segment]:
    """Move whitespace that leads a change out in front of it; merge neighbours of one kind."""
    result: list[Segment] = []
    moved_lead = ""  # the whitespace just moved out in front of a deletion
    for seg in raw:
        if seg.op != EQUAL:
            core = seg.text.lstrip()
            lead = seg.text[: len(seg.text) - len(core)]
            if lead and (not result or result[-1].op == EQUAL):
                _append(result, Segment(EQUAL, lead))
                seg, moved_lead = Segment(seg.op, core), lead
            elif lead and lead == moved_lead:
                # An insertion right after a deletion, both after the same space.
                seg = Segment(seg.op, core)
        else:
            moved_lead = ""
        if seg.text:
            _append(result, seg)
    return result


def _append(result: list[Segment], seg: Segment) -> None:
    if result and result[-1].op == seg.op:
        result[-1] = Segment(seg.op, result[-1].text + seg.text)
    else:
        result.append(seg)


def changed(segments: Sequence[Segment]) -> bool:
    return any(s.op != EQUAL for s in segments)


def _split_edges(text: str) -> tuple[str, str, str]:
    """Leading whitespace, the core, trailing whitespace: markers go around the core only."""
    core = text.strip()
    if not core:
        return text, "", ""
    start = text.index(core)
    return text[:start], core, text[start + len(core):]


# --- plain text ---------------------------------------------------------------

_RED, _GREEN, _STRIKE, _RESET = "\033[31m", "\033[32m", "\033[9m", "\033[0m"


def to_text(segments: Iterable[Segment], color: bool = False) -> str:
    """`[-deleted-]{+inserted+}` as `git diff --word-diff` writes it, or ANSI colour."""
    out: list[str] = []
    for seg in segments:
        if seg.op == EQUAL:
            out.append(seg.text)
            continue
        for line_index, line in enumerate(seg.text.split("\n")):
            if line_index:
                out.append("\n")
            lead, core, trail = _split_edges(line)
            if not core:
                out.append(line)
                continue
            if color:
                style = _RED + _STRIKE if seg.op == DELETE else _GREEN
                out.append(f"{lead}{style}{core}{_RESET}{trail}")
            else:
                out.append(f"{lead}[-{core}-]{trail}" if seg.op == DELETE else f"{lead}{{+{core}+}}{trail}")
    return "".join(out)


# --- Markdown -----------------------------------------------------------------

# Syntax that only counts at the start of a line: list items, headings, setext
# underlines, numbered lists.
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+(?=[.)]))")


def escape_markdown(text: str) -> str:
    """Clause text shown literally in a GitHub comment: a '*' in a clause is a star, not emphasis."""
    return escape_text(text, flavour="github")


def _escape_line_start(line: str) -> str:
    match = _LINE_START.match(line)
    if not match:
        return line
    lead, marker = match.groups()
    if marker[0].isdigit():
        rest = line[match.end():]
        return f"{lead}{marker}\\{rest}"  # "1." -> "1\."
    return f"{lead}\\{line[len(lead):]}"


_DEL_OPEN, _INS_OPEN = "<del>", "<ins>"


def to_markdown_lines(segments: Iterable[Segment]) -> list[str]:
    """One GitHub Markdown line per line of text, deletions in `<del>` and insertions in `<ins>`.

    GitHub renders both tags (struck through and underlined), so an insertion
    can never be mistaken for the clause's own bold. The clause's emphasis and
    code spans render; links, HTML and mentions stay literal (`escape_prose`).
    Tags never span a line break and never take in the whitespace around a run.
    """
    lines: list[list[str]] = [[]]
    for seg in segments:
        for line_index, piece in enumerate(seg.text.split("\n")):
            if line_index:
                lines.append([])
            if not piece:
                continue
            if seg.op == EQUAL:
                lines[-1].append(escape_prose(piece))
                continue
            lead, core, trail = _split_edges(piece)
            if not core:
                lines[-1].append(piece)
                continue
            tag = "del" if seg.op == DELETE else "ins"
            lines[-1].append(f"{lead}<{tag}>{escape_prose(core)}</{tag}>{trail}")
    rendered = []
    for parts in lines:
        line = ""
        for part in parts:
            # A deletion followed straight by an insertion reads better with a space between.
            if line.endswith("</del>") and part.startswith(_INS_OPEN):
                line += " "
            line += part
        rendered.append(line if line.startswith((_DEL_OPEN, _INS_OPEN)) else _escape_line_start(line))
    return rendered


def to_markdown(segments: Iterable[Segment]) -> str:
    """The redline as a Markdown block quote; line breaks in the clause are kept."""
    out = []
    for line in to_markdown_lines(segments):
        out.append(f"> {line}  " if line.strip() else ">")
    while out and out[-1] == ">":
        out.pop()
    # A hard break ("  ") at the very end of a paragraph is noise.
    return "\n".join(line.rstrip() if i + 1 == len(out) or out[i + 1] == ">" else line
                     for i, line in enumerate(out))


# --- HTML ---------------------------------------------------------------------


def to_html(segments: Iterable[Segment]) -> str:
    """`<del>` and `<ins>` runs, everything escaped; line breaks become `<br>`."""
    out = []
    for seg in segments:
        text = html.escape(seg.text).replace("\n", "<br>\n")
        if seg.op == EQUAL:
            out.append(text)
        else:
            tag = "del" if seg.op == DELETE else "ins"
            out.append(f"<{tag}>{text}</{tag}>")
    return "".join(out)
