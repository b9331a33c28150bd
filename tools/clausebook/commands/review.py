"""`clausebook review status|record|report`: review tracking from the git history."""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from clausebook.core.errors import UsageError
from clausebook.core.problems import format_text, has_errors
from clausebook.history.model import History
from clausebook.history.scan import begin_scan
from clausebook.review import (
    REPORT_FIELDS,
    STATUS_FIELDS,
    ClauseReview,
    count_by_status,
    record_review,
    record_target,
    report,
    review_message,
    review_status,
    select_clauses,
    summary,
)
from clausebook.workspace import Workspace, open_worktree


def register(sub) -> None:
    parser = sub.add_parser("review", help="review state of every clause, from the git history",
                            description="Track clause reviews from the git history: which clauses are due, "
                                        "record a review, export the evidence.")
    actions = parser.add_subparsers(dest="review_command", metavar="ACTION")
    actions.required = True

    status = actions.add_parser("status", help="review state of every clause, most urgent first",
                                description="Per clause: owner, cadence, last changed, last reviewed, due date "
                                            "and status (overdue, due-soon, unknown, ok).")
    status.add_argument("--as-of", metavar="DATE", type=_date,
                        help="answer for this date, YYYY-MM-DD (default: today, UTC); only history up to it counts")
    status.add_argument("--format", choices=("text", "json", "csv"), default="text")
    status.add_argument("--owner", metavar="TEAM", help="only the clauses this team owns")
    status.add_argument("--fail-on", choices=("overdue",),
                        help="exit 1 when any clause is overdue (exit 2 when a shallow clone hides the dates "
                             "needed to tell)")
    status.set_defaults(func=run_status)

    record = actions.add_parser("record", help="record a review as an empty commit with trailers",
                                description="Make an empty commit on the current branch with one "
                                            "'Policy-Reviewed: <clause-id>' trailer per clause, authored by "
                                            "your git identity. Files, the index and the work tree are not touched.")
    record.add_argument("clauses", nargs="*", metavar="CLAUSE", help="clause ids")
    record.add_argument("--owner", metavar="TEAM", help="every clause this team owns")
    record.add_argument("--message", "-m", metavar="TEXT", help="the commit's message (the trailers are added)")
    record.set_defaults(func=run_record)

    audit = actions.add_parser("report", help="every change and review of every clause, for auditors",
                               description="One record per change or review: clause, event, commit, date "
                                           "(UTC), author and jurisdictions. Needs the full history: a shallow "
                                           "clone is refused rather than exported as incomplete evidence.")
    audit.add_argument("--format", choices=("csv", "json"), default="csv")
    audit.set_defaults(func=run_report)


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date '{text}': expected YYYY-MM-DD, e.g. 2026-03-31") from None


def _today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def _checked_workspace(root: str) -> Workspace | None:
    """The work tree's repository; None (after printing the errors) when it has errors."""
    workspace = open_worktree(root)
    return None if _errors_reported(workspace) else workspace


def _errors_reported(workspace: Workspace) -> bool:
    if not has_errors(workspace.problems):
        return False
    sys.stdout.write(format_text([p for p in workspace.problems if p.severity == "error"]))
    print("clausebook: the repository has errors (above); fix them first (`clausebook validate`)", file=sys.stderr)
    return True


def _shallow_notice(history: History) -> None:
    if history.shallow:
        since = f" (history visible from {history.boundary.isoformat()})" if history.boundary else ""
        print(f"clausebook: warning: this is a shallow clone{since}; clauses whose history reaches past it "
              "have no dates (status 'unknown'). Fetch the full history: git fetch --unshallow "
              "(in GitHub Actions: actions/checkout with fetch-depth: 0)", file=sys.stderr)


# --- status -------------------------------------------------------------------------


def run_status(args) -> int:
    pending = begin_scan(Path(args.root))  # git reads the log while the work tree loads
    workspace = _checked_workspace(args.root)
    if workspace is None:
        return 1
    repo = workspace.repo
    if args.owner is not None and args.owner not in repo.owners:
        teams = ", ".join(sorted(repo.owners)) or "none"
        raise UsageError(f"unknown owner '{args.owner}' (teams in policy/owners.yaml: {teams})")
    history = pending.finish(repo)
    _shallow_notice(history)
    as_of = args.as_of or _today()
    items = review_status(repo, history, as_of)
    if args.owner is not None:
        items = [item for item in items if item.owner == args.owner]
    if args.format == "json":
        sys.stdout.write(json.dumps([item.to_dict() for item in items], indent=2, ensure_ascii=False) + "\n")
    elif args.format == "csv":
        sys.stdout.write(_csv(STATUS_FIELDS, [item.to_dict() for item in items]))
    else:
        sys.stdout.write(status_table(items))
        print(summary(items, as_of))
    unknown = [item.clause for item in items if item.status == "unknown"]
    cut_off = [clause for clause in unknown if clause in history.truncated]
    uncommitted = [clause for clause in unknown if clause not in history.truncated]
    if uncommitted:
        print(f"clausebook: note: not committed yet, so no dates: {', '.join(uncommitted)}", file=sys.stderr)
    if args.fail_on == "overdue":
        if count_by_status(items)["overdue"]:
            return 1
        if cut_off:
            # "Nothing overdue" cannot be promised without the dates.
            print(f"clausebook: error: --fail-on overdue cannot decide: {len(cut_off)} clause(s) have no known "
                  "review date in this shallow clone", file=sys.stderr)
            return 2
    return 0


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
    return "".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() + "\n"
                   for row in rows)


def _show(date: dt.date | None) -> str:
    return date.isoformat() if date is not None else "-"


def _csv(fields: Sequence[str], rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(fields), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: (";".join(v) if isinstance(v, list) else "" if v is None else v) for k, v in row.items()})
    return out.getvalue()


# --- record -------------------------------------------------------------------------


def run_record(args) -> int:
    if not args.clauses and args.owner is None:
        raise UsageError("name the clauses reviewed (review record CLAUSE...) or a team (--owner TEAM)")
    workspace = open_worktree(args.root)  # a clausebook repository? (exit 2 if not)
    target = record_target(workspace.root)  # can git take the commit? (exit 2 if not)
    if _errors_reported(workspace):
        return 1
    clauses, problems = select_clauses(workspace.repo, args.clauses, args.owner)
    if problems:
        for problem in problems:
            print(f"clausebook: error: {problem}", file=sys.stderr)
        print("clausebook: nothing was recorded", file=sys.stderr)
        return 1
    commit = record_review(target, review_message(clauses, args.message, args.owner))
    noun = "clause" if len(clauses) == 1 else "clauses"
    print(f"Recorded the review of {len(clauses)} {noun} by {target.author} "
          f"on {target.branch_name} as {commit[:12]}: {', '.join(clauses)}")
    return 0


# --- report -------------------------------------------------------------------------


def run_report(args) -> int:
    pending = begin_scan(Path(args.root))
    workspace = _checked_workspace(args.root)
    if workspace is None:
        return 1
    history = pending.finish(workspace.repo)
    if history.shallow:
        since = f" before {history.boundary.isoformat()}" if history.boundary else ""
        raise UsageError(f"this is a shallow clone: the changes and reviews{since} are missing, so the report "
                         "would be incomplete evidence. Fetch the full history first: git fetch --unshallow "
                         "(in GitHub Actions: actions/checkout with fetch-depth: 0)")
    rows = report(history)
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(_csv(REPORT_FIELDS, rows))
    return 0
