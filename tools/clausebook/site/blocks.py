"""Markdown building blocks shared by every page: links, front matter, admonitions, references.

Only Markdown that MkDocs + Material and Zensical both understand is
produced here. Editor text passes through `safe` before it lands in a block;
a block never trusts its input to be escaped unless its docstring says so.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import re
from collections.abc import Iterable, Sequence
from typing import Any

from clausebook.site import safe

# Characters that could end a Markdown link early, percent-encoded in a reference's URL.
URL_UNSAFE = re.compile(r"[\s<>\"'()\[\]{}\\`|]")


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative link between two docs pages (MkDocs and Zensical both resolve `.md` links)."""
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return target + (f"#{anchor}" if anchor else "")


def nav_title(text: str) -> str:
    # MkDocs themes print nav titles and front-matter titles without escaping.
    return html.escape(" ".join(str(text).split()), quote=True)


def front_matter(title: str, tags: Sequence[str] = ()) -> str:
    lines = ["---", f"title: {json.dumps(nav_title(title), ensure_ascii=False)}"]
    if tags:
        # Material lists a page's tags above its content; for a whole policy
        # that is dozens, so they feed the tags plugin and search but are not shown.
        lines += ["hide:", "  - tags", "tags:"]
        lines.extend(f"  - {json.dumps(tag)}" for tag in tags)
    lines.append("---")
    return "\n".join(lines)


def page_opening(title: str, *intro: str) -> list[str]:
    """Front matter, the page's heading and its introduction: the lines every fixed-title page opens with.

    `title` is our own text (not escaped again); `intro` paragraphs are Markdown.
    """
    out = [front_matter(title), "", f"# {title}", ""]
    for paragraph in intro:
        out += [paragraph, ""]
    return out


def page_text(lines: list[str]) -> str:
    """A page's lines as its Markdown: exactly one newline at the end."""
    return "\n".join(lines).rstrip("\n") + "\n"


def admonition(kind: str, title: str, body: str, collapsible: bool = False) -> str:
    marker = "???" if collapsible else "!!!"
    return f'{marker} {kind} "{safe.plain(title).replace(chr(34), "&quot;")}"\n\n{safe.indent(body)}'


def table_cell(text: str) -> str:
    """Already-escaped text made safe inside a table cell (a `|` would end the cell)."""
    return text.replace("|", "&#124;")


def reference(ref: Any) -> str:
    if not isinstance(ref, dict):
        return safe.plain(ref)
    title = safe.plain(ref.get("title", ""))
    url = ref.get("url")
    if isinstance(url, str) and re.match(r"https?://", url):
        encoded = URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)
        text = f"[{title}]({encoded})"
    else:
        text = title
    if ref.get("cite"):
        text += f" ({safe.plain(ref['cite'])})"
    return text


def references(refs: Iterable[Any]) -> str:
    return "; ".join(reference(r) for r in refs)


def date_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else safe.plain(value)
