"""Review state as text, JSON or CSV, and the auditors' report as CSV or JSON.

`review status` prints a `StatusListing`: the clauses in the order review
tracking ranks them and the date the answer holds for. Text is an aligned
table and a one-line summary; JSON and CSV carry the fields DESIGN.md names
(`ClauseReview.to_dict`). The report is a list of records, one per change or
review of a clause.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any, NamedTuple

from clausebook.outputs.spreadsheet import to_csv
from clausebook.review import REPORT_FIELDS, STATUS_FIELDS, ClauseReview, summary


class StatusListing(NamedTuple):
    items: Sequence[ClauseReview]
    as_of: dt.date


def _show(date: dt.date | None) -> str:
    return date.isoformat() if date is not None else "-"


def status_table(items: Sequence[ClauseReview]) -> str:
    """An aligned text table, one clause a line."""
    header = ("STATUS", "DUE", "CLAUSE", "OWNER", "MONTHS", "LAST REVIEWED", "LAST CHANGED", "POLICY")
    rows = [header] + [(
        item.status,
        _show(item.due),
        item.clause,
        item.owner,
        str(item.review_months),
        _show(item.last_reviewed.date if item.last_reviewed else None),
        _show(item.last_changed.date if item.last_changed else None),
        item.policy,
    ) for item in items]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    return "".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() + "\n"
                   for row in rows)


def format_status_text(listing: StatusListing) -> str:
    return status_table(listing.items) + summary(listing.items, listing.as_of) + "\n"


def format_status_json(listing: StatusListing) -> str:
    return json.dumps([item.to_dict() for item in listing.items], indent=2, ensure_ascii=False) + "\n"


def format_status_csv(listing: StatusListing) -> str:
    return to_csv(STATUS_FIELDS, [item.to_dict() for item in listing.items])


def format_report_csv(rows: Sequence[dict[str, Any]]) -> str:
    return to_csv(REPORT_FIELDS, rows)


def format_report_json(rows: Sequence[dict[str, Any]]) -> str:
    return json.dumps(list(rows), indent=2, ensure_ascii=False) + "\n"
