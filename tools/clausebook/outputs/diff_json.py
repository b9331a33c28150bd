"""The semantic diff as JSON: `Diff.to_dict()`, one change a line (the shape DESIGN.md "Diff" gives)."""

from __future__ import annotations

import json

from clausebook.diff.compare import Diff


def format_json(diff: Diff) -> str:
    """The diff as JSON, one change per line.

    Compact lines use json's C encoder (an indented dump is pure Python and
    took seconds on a diff of thousands of clauses) and still read and grep
    well, one clause at a time.
    """
    data = diff.to_dict()
    changes: list[object] = data.pop("changes")
    head = json.dumps(data, ensure_ascii=False, separators=(",", ":"))[:-1]
    if not changes:
        return f'{head},"changes":[]}}\n'
    parts = [head, ',"changes":[\n']
    for index, change in enumerate(changes):
        if index:
            parts.append(",\n")
        parts.append(json.dumps(change, ensure_ascii=False, separators=(",", ":")))
        changes[index] = None  # a far-apart diff's dicts are large: each goes once it is written
    parts.append("\n]}\n")
    return "".join(parts)
