"""What "the same text" means: one definition for the diff, review tracking, translations and releases.

Comments, key order, quoting and line folding are formatting, not content:
two documents whose `content_key` is equal say the same thing. `digest`
names that content in manifests and translation files; `handbook_digest`
names a whole handbook (on PDFs and in acknowledgement manifests).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any, Protocol

_STARTS_OWN_LINE = re.compile(r"^\s*([-*+>]\s|#|\d+[.)]\s|\|)")


@lru_cache(maxsize=1 << 18)  # a body is shared by every jurisdiction that leaves it alone
def normalize_text(text: str) -> str:
    """Markdown text with formatting-only differences removed.

    Line breaks inside a paragraph render as spaces, so `>` and `|` blocks,
    re-wrapped lines and runs of spaces compare equal; list items, headings,
    quotes, table rows and fenced code keep their own lines.
    """
    out: list[str] = []
    fence: str | None = None
    for raw in text.strip().split("\n"):
        line = raw.rstrip()
        stripped = line.strip()
        if fence is not None:
            out.append(line)
            if stripped.startswith(fence):
                fence = None
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            out.append(stripped)
            continue
        if not stripped:
            if out and out[-1]:
                out.append("")
            continue
        words = " ".join(stripped.split())
        if out and out[-1] and not _STARTS_OWN_LINE.match(line) and not out[-1].startswith(("```", "~~~")):
            out[-1] = f"{out[-1]} {words}"
        else:
            out.append(words)
    return "\n".join(out).strip("\n")


def canonical(value: Any) -> Any:
    """Data with formatting differences removed (text normalised)."""
    if isinstance(value, str):
        return normalize_text(value) if "\n" in value or value != value.strip() else value
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return [canonical(v) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()  # as the loader gives unquoted dates back
    return value


def content_key(value: Any) -> str:
    """A string equal for two values exactly when their content is the same."""
    return json.dumps(canonical(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def digest(value: Any) -> str:
    """`sha256:<hex>` of a value's content: equal exactly when `content_key` is."""
    return "sha256:" + hashlib.sha256(content_key(value).encode("utf-8", "surrogatepass")).hexdigest()


class _Comparable(Protocol):
    def content(self) -> dict[str, Any]: ...


def clause_digest(clause: _Comparable) -> str:
    """A resolved clause's digest: `digest(clause.content())`, the diff's identity of its text."""
    return digest(clause.content())


def handbook_digest(clauses: Iterable[_Comparable]) -> str:
    """The digest of a handbook: over its clauses' digests, in the handbook's order.

    The one definition for PDFs and acknowledgement manifests: two handbooks
    have the same digest exactly when they say the same thing, clause by
    clause, in the same order.
    """
    return combined_digest([clause_digest(c) for c in clauses])


def combined_digest(clause_digests: Iterable[str]) -> str:
    """The digest of a handbook from its clause digests, in order (what a manifest lists)."""
    return digest(list(clause_digests))
