"""Review state as text, JSON or CSV, and the auditors' report as CSV or JSON.

`review status` prints a `StatusListing`: the clauses in the order review
tracking ranks them and the date the answer holds for. Text is an aligned
table and a one-line summary; JSON and CSV carry the fields DESIGN.md names
(`ClauseReview.to_dict`); Markdown (a job summary, a wiki page) has the
counts per team, then the clauses that need a review. The report is a list
of records, one per change or review of a clause. Reminders (`review
remind`) print as JSON for the workflow or as Markdown to read.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any, NamedTuple

from clausebook.core.markdown import escape_text
from clausebook.outputs.spreadsheet import to_csv
from clausebook.reminders import Reminder
from clausebook.review import REPORT_FIELDS, STATUS_FIELDS, STATUSES, ClauseReview, count_by_status, summary


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


def format_status_markdown(listing: StatusListing) -> str:
    """Counts per owning team, then every clause that is not `ok`, most urgent first."""
    items = listing.items
    out = [f"## Review status\n\n{escape_text(summary(items, listing.as_of), flavour='github')}.\n\n"]
    out.append("| Team | " + " | ".join(STATUSES) + " | total |\n|---|" + "---:|" * (len(STATUSES) + 1) + "\n")
    for team in sorted({item.owner for item in items}):
        counts = count_by_status(item for item in items if item.owner == team)
        out.append(f"| `{team}` | " + " | ".join(str(counts[s]) for s in STATUSES)
                   + f" | {sum(counts.values())} |\n")
    pending = [item for item in items if item.status != "ok"]
    if pending:
        out.append("\n| Status | Due | Clause | Owner | Last reviewed |\n|---|---|---|---|---|\n")
        for item in pending:
            out.append(f"| {item.status} | {_show(item.due)} | `{item.clause}` | `{item.owner}` | "
                       f"{_show(item.last_reviewed.date if item.last_reviewed else None)} |\n")
    else:
        out.append("\nEvery clause has been reviewed within its cycle.\n")
    return "".join(out)


def format_reminders_json(reminders: Sequence[Reminder]) -> str:
    return json.dumps([r.to_dict() for r in reminders], indent=2, ensure_ascii=False) + "\n"


def format_reminders_markdown(reminders: Sequence[Reminder]) -> str:
    parts = []
    for reminder in reminders:
        body = reminder.body or "Nothing is due: the team's reminder issue is closed.\n"
        parts.append(f"# {escape_text(reminder.title, flavour='github')}\n\n{body}")
    return "\n".join(parts)
