"""Editor text made safe to hand to a Markdown generator, and a check of the HTML that comes out.

Clause bodies, notes and reasons are written by policy editors and reach
every employee's browser, so they are treated as untrusted. The pages use
Python-Markdown with attr_list, admonitions and superfences (MkDocs or
Zensical), which would pass raw HTML through and let `{: onclick=...}` set
attributes. Before any editor text goes into a page:

- `<` and `&` become entities, so no tag, comment or entity trick survives;
- `{` is backslash-escaped, so attr_list syntax never applies;
- inline code is emitted as our own `<code>` element with its content
  entity-encoded, so no disagreement about where a code span ends can
  expose raw text; unmatched backticks are escaped;
- fenced code blocks are re-emitted with a fence no content line can close
  early and with nothing but a plain language name on the opening line;
- a link or link definition whose target the URL policy (`lint/urls.py`,
  shared with lint) does not keep is dropped (its text stays): only https,
  http, mailto, tel and `#anchor` targets survive.

`unsafe_html` is the second line of defence: the MkDocs plugin runs it on
every generated page and fails the build if anything slipped through.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache
from html.parser import HTMLParser

from clausebook.core.markdown import CONTROL, escape_text
from clausebook.diff.redline import Segment
from clausebook.diff.redline import to_html as redline_to_html
from clausebook.lint import urls

_CONTROL = CONTROL  # Python-Markdown's placeholders among them: see core.markdown
_FENCE_OPEN = re.compile(r"^(`{3,}|~{3,})[ \t]*\.?([\w#+.-]*)(.*)$")
_BACKTICK_RUN = re.compile(r"`+")
_LINK_OPEN = re.compile(r"\]\(")
_LINK_WHOLE = re.compile(
    r"\[([^\[\]\n]*)\]\(\s*([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)")
_DEFINITION = re.compile(r"\[[^\[\]]*\]:")
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]+)>")
_HEADING = re.compile(r"^(#{1,3})(?!#)")
_HASHTAG = re.compile(r"^([\s>]*(?:(?:[-*+]|\d+[.)])\s+)*)#(?=[^#\s])")
_CODE_SPECIAL = re.compile(r"[^A-Za-z0-9 \u00a0-\uffff]")


def url_allowed(url: str) -> bool:
    """Whether a link target, as the editor wrote it, may appear in a page (`urls.site_keeps`)."""
    return urls.site_keeps(url)


def _escaped_url_allowed(escaped: str) -> bool:
    """`url_allowed` for a target already through `_escape_text` (whose entities undo exactly)."""
    return urls.site_keeps(html.unescape(escaped))


def plain(text: object) -> str:
    """Text shown exactly as written, on one line: no Markdown or HTML in it takes effect."""
    return escape_text(str(text), flavour="site")


def _code(content: str) -> str:
    """Inline code as our own element; every character that could mean anything is an entity."""
    return "<code>" + _CODE_SPECIAL.sub(lambda m: f"&#{ord(m.group())};", content) + "</code>"


def _inline_code_and_text(line: str) -> list[tuple[bool, str]]:
    """Split one line into (is_code, text) runs; a code span opens and closes on the same line."""
    runs: list[tuple[bool, str]] = []
    pos = 0
    text_start = 0
    while True:
        m = _BACKTICK_RUN.search(line, pos)
        if m is None:
            break
        start, end = m.span()
        if start > 0 and line[start - 1] == "\\":  # an escaped backtick never opens a span
            pos = end
            continue
        closer = re.compile(r"(?<!`)" + re.escape(m.group()) + r"(?!`)")
        c = closer.search(line, end + 1) if end < len(line) else None
        if c is None:
            pos = end
            continue
        runs.append((False, line[text_start:start]))
        content = line[end:c.start()]
        if content.strip() and content.startswith(" ") and content.endswith(" "):
            content = content[1:-1]
        runs.append((True, content))
        pos = text_start = c.end()
    runs.append((False, line[text_start:]))
    return runs


def _neutralise_links(text: str) -> str:
    """Drop links whose target is not allowed: keep the text, lose the target."""

    def whole(m: re.Match) -> str:
        return m.group(0) if _escaped_url_allowed(m.group(2)) else m.group(1)

    text = _LINK_WHOLE.sub(whole, text)
    out = []
    pos = 0
    for m in _LINK_OPEN.finditer(text):
        out.append(text[pos:m.start()])
        # Anything _LINK_WHOLE could not parse: no longer a link, the brackets show as text.
        out.append("](" if _escaped_url_allowed(text[m.end():].lstrip()) else "]&#40;")
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def _neutralise_definitions(line: str, next_block: object) -> str:
    """Spoil every `[ref]: target` whose target is not allowed, wherever it sits (lists, quotes...)."""
    out = []
    pos = 0
    for m in _DEFINITION.finditer(line):
        out.append(line[pos:m.end() - 1])
        target = line[m.end():].strip()
        if not target and isinstance(next_block, str):
            target = _escape_line(next_block).strip()  # the target may sit on the next line
        out.append(":" if _escaped_url_allowed(target) else "&#58;")
        pos = m.end()
    out.append(line[pos:])
    return "".join(out)


def _autolink(m: re.Match) -> str:
    url = m.group(1)
    if not url_allowed(url):
        return m.group(0)  # left as text: its `<` becomes an entity
    return "[" + re.sub(r"([*_\[\]])", r"\\\1", url) + "](" + url + ")"


def _escape_text(text: str) -> str:
    """Escape one run of editor text that is not code.

    Entities, not backslashes: a backslash the editor typed just before
    could otherwise escape our backslash and revive the character.
    """
    text = _AUTOLINK.sub(_autolink, text).replace("\\`", "`")
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace("{", "&#123;").replace("`", "&#96;")
    text = text.replace("~", "&#126;")  # a line of tildes would open a fence that swallows ours
    return _escape_loose_brackets(_neutralise_links(text))


# A bracket pair with no bracket inside (link text, a reference label), or one bracket.
_BRACKET_OR_PAIR = re.compile(r"\\.|\[(?:[^\[\]\\]|\\.)*\]|[\[\]]")


def _escape_loose_brackets(text: str) -> str:
    """Brackets that cannot open or close a simple link, as entities (they look the same).

    Python-Markdown looks for the matching bracket (and then the closing
    parenthesis) from every `[`: nested or unmatched brackets made a 10 KB
    clause take minutes to build. Only innermost pairs can be link text, so
    every other bracket is written as `&#91;` / `&#93;`, and each search
    ends at the next bracket.
    """
    if "[" not in text and "]" not in text:
        return text
    return _BRACKET_OR_PAIR.sub(
        lambda m: m.group() if len(m.group()) > 1 else ("&#91;" if m.group() == "[" else "&#93;"), text)


def _escape_line(line: str, table: bool = False) -> str:
    parts = []
    for is_code, run in _inline_code_and_text(line):
        if is_code:
            parts.append(_code(run))
        else:
            escaped = _escape_text(run)
            parts.append(escaped.replace("|", "&#124;") if table else escaped)
    return "".join(parts)


def _fence_blocks(lines: list[str]) -> list[tuple[str, list[str], str] | str]:
    """Lines grouped into text lines and fenced blocks (opener, content, language)."""
    result: list[tuple[str, list[str], str] | str] = []
    i = 0
    while i < len(lines):
        m = _FENCE_OPEN.match(lines[i])
        if m is not None and not (m.group(1)[0] == "`" and "`" in m.group(3)):
            fence = m.group(1)
            close = re.compile(r"^[ ]{0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$")
            end = next((j for j in range(i + 1, len(lines)) if close.match(lines[j])), None)
            content = lines[i + 1:end] if end is not None else []
            # superfences reads leading '>' as blockquote levels and may abandon a
            # block over them, which would expose its content: such a block is text.
            if end is not None and not any(line.lstrip().startswith(">") for line in content):
                result.append((fence, content, m.group(2)))
                i = end + 1
                continue
        result.append(lines[i])
        i += 1
    return result


def _emit_fence(content: list[str], language: str) -> list[str]:
    longest = max((len(r) for line in content for r in _BACKTICK_RUN.findall(line)), default=0)
    fence = "`" * max(3, longest + 1)
    language = language if re.fullmatch(r"[A-Za-z0-9_+-]{1,30}", language or "") else ""
    return ["", fence + language, *(line.expandtabs(4).rstrip() for line in content), fence, ""]


def code_block(text: object, language: str = "") -> str:
    """Text shown verbatim in a fenced code block."""
    lines = _CONTROL.sub("", str(text).replace("\r\n", "\n")).split("\n")
    return "\n".join(_emit_fence(lines, language)).strip("\n")


def code_inline(text: object) -> str:
    """Text shown verbatim as inline code."""
    return _code(" ".join(_CONTROL.sub("", str(text)).split()))


def markdown(text: object) -> str:
    """Editor Markdown made safe: formatting, lists, tables, links and code keep working."""
    source = _CONTROL.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))
    lines = source.split("\n")
    out: list[str] = []
    blocks = _fence_blocks(lines)
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if isinstance(block, tuple):
            out.extend(_emit_fence(block[1], block[2]))
            index += 1
            continue
        line = _escape_line(block)
        line = _HASHTAG.sub(r"\1&#35;", line)  # "#ad" at the start of a line is a hashtag, not a heading
        line = _HEADING.sub("####", line)  # editor headings stay below the clause heading
        line = _neutralise_definitions(line, blocks[index + 1] if index + 1 < len(blocks) else None)
        out.append(line)
        index += 1
    text = "\n".join(out).strip("\n")
    # Callers may put a label in front ("**Why:** " + text): a fence must never
    # end up mid-line, where it would stop being a fence and expose its content.
    return "\n\n" + text if text.startswith("`") else text


def inline(text: object, table: bool = False) -> str:
    """Editor Markdown for one line (a list item, a table cell): formatting and links only."""
    one_line = " ".join(_CONTROL.sub("", str(text)).split())
    escaped = _neutralise_definitions(_escape_line(one_line, table=table), None)
    if escaped[:1] in ("#", ">", "+", "-", "*", "=", "!", ":", "|", "~"):  # nothing may start a block
        escaped = f"&#{ord(escaped[0])};" + escaped[1:]
    number = re.match(r"\d+([.)])", escaped)
    if number:
        escaped = escaped[:number.end() - 1] + f"&#{ord(number.group(1))};" + escaped[number.end():]
    return escaped


def indent(text: str, by: int = 4) -> str:
    pad = " " * by
    return "\n".join(pad + line if line.strip() else "" for line in text.split("\n"))


# --- the check on the HTML that comes out -----------------------------------

_FORBIDDEN_TAGS = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "link", "meta", "base",
    "form", "svg", "math", "template", "noscript", "textarea", "select", "option", "button", "audio",
    "video", "source", "track", "portal",
})


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _FORBIDDEN_TAGS:
            self.found.append(f"<{tag}> element")
        for name, value in attrs:
            if name.startswith("on") or name in ("style", "srcdoc"):
                self.found.append(f"'{name}' attribute on <{tag}>")
            elif name in urls.URL_ATTRIBUTES and value is not None:
                for url, _ in urls.attribute_urls(name, value):
                    if not urls.html_attribute_allowed(url):
                        self.found.append(f"{urls.scheme(url)}: URL in '{name}' of <{tag}>")

    handle_startendtag = handle_starttag


def unsafe_html(fragment: str) -> list[str]:
    """What in an HTML fragment could run script or restyle the page: empty when it is clean."""
    checker = _Checker()
    checker.feed(fragment)
    checker.close()
    return sorted(set(checker.found))


def html_text(text: object) -> str:
    """Text for inside our own HTML elements (where Markdown does not apply): every markup character escaped."""
    return html.escape(" ".join(str(text).split()), quote=True)


def redline_html(segments: Iterable[Segment]) -> str:
    """A word redline (`diff.redline`) as HTML: `<del>`/`<ins>` runs with every character of the text escaped."""
    return _redline_html(tuple(segments))


@lru_cache(maxsize=8192)  # the same redline is shown in every handbook the change reached
def _redline_html(segments: tuple[Segment, ...]) -> str:
    fragment = redline_to_html(segments)
    problems = unsafe_html(fragment)
    if problems:  # cannot happen: to_html escapes the text; a guard against a future change there
        raise ValueError(f"unsafe redline: {problems}")
    return fragment
