"""Rows as CSV that is safe to open in a spreadsheet.

Lists are joined with `;`, None is an empty cell. A cell that starts with
`=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula by Excel,
LibreOffice and Google Sheets ("CSV injection"); clause ids, team names and
commit authors come from the repository, so such cells get a leading `'`,
which spreadsheets show as plain text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """`cell`, prefixed with `'` when a spreadsheet would read it as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return neutralise(";".join(str(v) for v in value))
    return neutralise(str(value))


def to_csv(fields: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """A header line, then one line per row; `\\n` line ends, as the other outputs."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return out.getvalue()
