"""Translation status as text or JSON.

`translate status` prints a list of `HandbookStatus`. Text: one line per
handbook with its counts, then every item that is not current, indented.
JSON: the items that are not current, `[{"clause", "jurisdiction", "lang",
"status", "fields", "changed", ...}]` (DESIGN.md), plus `policy`, `source`
(the source document's path) and `path` (the translation file, null when
missing) so a script can act on each.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from clausebook.translate.status import CURRENT, STATUSES, HandbookStatus, Item


def _what(item: Item) -> str:
    source = item.source
    if source.kind == "policy":
        return f"policy {source.target}"
    if source.kind == "overlay":
        return f"{source.target} ({source.folder} overlay)"
    return source.target


def format_text(handbooks: Sequence[HandbookStatus]) -> str:
    if not handbooks:
        return "No translated handbooks: every jurisdiction's locale is in the source language.\n"
    lines = []
    for handbook in handbooks:
        counts = handbook.counts()
        summary = ", ".join(f"{counts[s]} {s}" for s in STATUSES)
        required = "; translation required by law" if handbook.required else ""
        lines.append(f"{handbook.jurisdiction} ({handbook.name}, {handbook.lang}): {summary}{required}")
        for item in handbook.items:
            if item.status == CURRENT:
                continue
            since = f" since {item.verdict.changed.isoformat()}" if item.verdict.changed else ""
            fields = f" [{', '.join(item.verdict.fields)}]" if item.verdict.fields else ""
            lines.append(f"  {item.status:<15} {_what(item)}{since}{fields}: {item.expected_path}")
    return "\n".join(lines) + "\n"


def format_json(handbooks: Sequence[HandbookStatus]) -> str:
    items = [item.to_dict() for handbook in handbooks for item in handbook.items if item.status != CURRENT]
    return json.dumps(items, indent=2, ensure_ascii=False) + "\n"
