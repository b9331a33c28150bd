"""`clausebook affected` as text (one handbook a line, for a shell loop) or JSON (for a CI job matrix)."""

from __future__ import annotations

import json

from clausebook.diff.affected import Affected


def format_text(found: Affected) -> str:
    """One handbook id a line with why; removed handbooks after them, marked."""
    lines = [f"{jid}\t{'; '.join(found.reasons.get(jid, []))}" for jid in found.build]
    lines += [f"{jid}\tremoved" for jid in found.removed]
    return "".join(line + "\n" for line in lines)


def format_json(found: Affected) -> str:
    """`{"base", "head", "handbooks": [...], "removed": [...]}`: `fromJSON(...).handbooks` is a matrix."""
    return json.dumps(found.to_dict(), indent=2) + "\n"
