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
    changes = data.pop("changes")
    head = json.dumps(data, ensure_ascii=False, separators=(",", ":"))[:-1]
    lines = [json.dumps(change, ensure_ascii=False, separators=(",", ":")) for change in changes]
    body = ",\n".join(lines)
    return f'{head},"changes":[\n{body}\n]}}\n' if lines else f'{head},"changes":[]}}\n'
