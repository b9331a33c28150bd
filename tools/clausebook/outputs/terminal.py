"""Text that is safe to print: no character from a repository reaches a terminal raw.

Clause text, titles, owner names and paths come from pull requests. A
terminal (or a CI log viewer) obeys control characters: `ESC [2K` and a
carriage return erase the line a reviewer is reading, `ESC ]` sets titles
and links, `ESC [8m` hides text, and bidirectional overrides (U+202E) show
words in another order than they are stored. `printable` writes every such
character as a visible escape (`\\x1b`, `\\r`, `\\u202e`), so the reader sees
that it is there and what it is, and nothing is hidden or rewritten.

Every text formatter (`outputs/*`, for the `text`, `markdown` and `github`
formats) passes what it prints through here: `outputs/registry.py` applies
`printable` to the whole output of those formats, and the diff formatter,
which colours its own output, escapes each value before painting it and
asks to keep only its colours (`keep_colors`). A single-line field (a
problem's message, a title) also escapes newlines (`newlines=False`), so one
problem stays one line.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls (U+0080-U+009F: U+009B is
# a one-character CSI), and the invisible format characters that reorder or
# break lines: bidi embeddings, overrides and isolates, line and paragraph
# separators.
_UNSAFE = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE_KEEP_NEWLINES = re.compile(f"[{_UNSAFE}]")
_UNSAFE_ONE_LINE = re.compile(f"[\n{_UNSAFE}]")
# The colours our own formatters write (SGR: ESC [ digits m), kept when asked.
_OWN_COLOR = re.compile(r"\x1b\[[0-9;]{0,12}m")
_NAMED = {"\n": "\\n", "\r": "\\r", "\x1b": "\\x1b"}


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    named = _NAMED.get(char)
    if named:
        return named
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def has_control(text: str) -> bool:
    """True when `text` holds a character `printable` would escape (newlines and tabs aside)."""
    return _UNSAFE_KEEP_NEWLINES.search(text) is not None


def printable(text: str, newlines: bool = True, keep_colors: bool = False) -> str:
    """`text` with every control character written as a visible escape.

    `newlines=False` escapes line breaks too (a value printed on one line).
    `keep_colors=True` leaves SGR colour sequences (`ESC [31m`) as they are:
    only for output whose values were escaped before it was coloured.
    """
    pattern = _UNSAFE_KEEP_NEWLINES if newlines else _UNSAFE_ONE_LINE
    if not keep_colors:
        return pattern.sub(_visible, text)
    pieces = []
    last = 0
    for color in _OWN_COLOR.finditer(text):
        pieces.append(pattern.sub(_visible, text[last:color.start()]))
        pieces.append(color.group())
        last = color.end()
    pieces.append(pattern.sub(_visible, text[last:]))
    return "".join(pieces)


def one_line(text: object) -> str:
    """`text` for a single-line field: control characters and line breaks escaped."""
    return printable(str(text), newlines=False)


def json_escape_controls(text: str) -> str:
    """JSON text with the control characters `json.dumps(ensure_ascii=False)` leaves raw written as `\\uXXXX`.

    Outside strings JSON has none of them, so this changes no value.
    """
    return _UNSAFE_KEEP_NEWLINES.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def first_control(text: str) -> tuple[int, str] | None:
    """The offset of the first character `printable` would escape (tabs and newlines aside) and its name."""
    match = _UNSAFE_KEEP_NEWLINES.search(text)
    if match is None:
        return None
    code = ord(match.group())
    name = {0x1B: "ESC", 0x0D: "carriage return", 0x07: "BEL", 0x08: "backspace", 0x7F: "DEL"}.get(code)
    return match.start(), f"U+{code:04X}" + (f" ({name})" if name else "")
