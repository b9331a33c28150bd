"""`clausebook review status|record|report`: review tracking from the git history."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from clausebook.commands._common import Subcommands, refuse_on_errors
from clausebook.core.errors import UsageError
from clausebook.history.model import History
from clausebook.history.scan import begin_scan
from clausebook.outputs.registry import REVIEW_REMINDERS, REVIEW_REPORT, REVIEW_STATUS, add_format_option, formatter
from clausebook.outputs.review import StatusListing
from clausebook.reminders import reminders
from clausebook.review import (
    count_by_status,
    record_review,
    record_target,
    report,
    review_message,
    review_status,
    select_clauses,
    unknown_owner,
)
from clausebook.workspace import Workspace, open_worktree


def register(sub: Subcommands) -> None:
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
    add_format_option(status, REVIEW_STATUS)
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

    remind = actions.add_parser(
        "remind", help="per owning team, the clauses overdue or due soon: the body of a reminder issue",
        description="One reminder per team in policy/owners.yaml: its overdue and due-soon clauses with links "
                    "into the handbook, as the body of a GitHub issue. Teams with nothing due are listed too "
                    "(count 0, empty body), so the reminder workflow can close their issue.")
    remind.add_argument("--as-of", metavar="DATE", type=_date, help="answer for this date (default: today, UTC)")
    remind.add_argument("--site-url", metavar="URL",
                        help="the published handbook, e.g. https://example.github.io/clausebook/ (links the clauses)")
    remind.add_argument("--owner", metavar="TEAM", help="only this team's reminder")
    add_format_option(remind, REVIEW_REMINDERS)
    remind.set_defaults(func=run_remind)

    audit = actions.add_parser("report", help="every change and review of every clause, for auditors",
                               description="One record per change or review of a clause: clause, event, "
                                           "commit, date (UTC), author, every jurisdiction it touched (a review: "
                                           "every one the clause applies in), the commit message, the reviewer "
                                           "and the owning team. Needs the full history: a shallow clone is "
                                           "refused rather than exported as incomplete evidence.")
    add_format_option(audit, REVIEW_REPORT)
    audit.add_argument("--since", metavar="DATE", type=_date, help="only events on or after this date, YYYY-MM-DD")
    audit.add_argument("--until", metavar="DATE", type=_date, help="only events on or before this date, YYYY-MM-DD")
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
    return None if refuse_on_errors(workspace.problems) else workspace


def _shallow_notice(history: History) -> None:
    if history.shallow:
        since = f" (history visible from {history.boundary.isoformat()})" if history.boundary else ""
        print(f"clausebook: warning: this is a shallow clone{since}; clauses whose history reaches past it "
              "have no dates (status 'unknown'). Fetch the full history: git fetch --unshallow "
              "(in GitHub Actions: actions/checkout with fetch-depth: 0)", file=sys.stderr)


# --- status -------------------------------------------------------------------------


def run_status(args: argparse.Namespace) -> int:
    pending = begin_scan(Path(args.root))  # git reads the log while the work tree loads
    workspace = _checked_workspace(args.root)
    if workspace is None:
        return 1
    repo = workspace.repo
    if args.owner is not None and args.owner not in repo.owners:
        raise UsageError(unknown_owner(args.owner, repo.owners))
    history = pending.finish(repo)
    _shallow_notice(history)
    as_of = args.as_of or _today()
    items = review_status(repo, history, as_of)
    if args.owner is not None:
        items = [item for item in items if item.owner == args.owner]
    sys.stdout.write(formatter(REVIEW_STATUS, args.format)(StatusListing(items, as_of)))
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


# --- remind -------------------------------------------------------------------------


def run_remind(args: argparse.Namespace) -> int:
    pending = begin_scan(Path(args.root))
    workspace = _checked_workspace(args.root)
    if workspace is None:
        return 1
    repo = workspace.repo
    owners = repo.owners
    if args.owner is not None:
        if args.owner not in owners:
            raise UsageError(unknown_owner(args.owner, owners))
        owners = {args.owner: owners[args.owner]}
    history = pending.finish(repo)
    _shallow_notice(history)
    as_of = args.as_of or _today()
    titles = {clause.id: str(clause.data.get("title", clause.id))
              for policy in repo.policies.values() for clause in policy.clauses.values()}
    policy_titles = {pid: str(p.data.get("title", pid)) for pid, p in repo.policies.items()}
    found = reminders(review_status(repo, history, as_of), owners, as_of, titles, policy_titles, args.site_url)
    sys.stdout.write(formatter(REVIEW_REMINDERS, args.format)(found))
    return 0


# --- record -------------------------------------------------------------------------


def run_record(args: argparse.Namespace) -> int:
    if not args.clauses and args.owner is None:
        raise UsageError("name the clauses reviewed (review record CLAUSE...) or a team (--owner TEAM)")
    workspace = open_worktree(args.root)  # a clausebook repository? (exit 2 if not)
    target = record_target(workspace.root)  # can git take the commit? (exit 2 if not)
    if refused := refuse_on_errors(workspace.problems):
        return refused
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


def run_report(args: argparse.Namespace) -> int:
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
    if args.since and args.until and args.since > args.until:
        raise UsageError(f"--since {args.since.isoformat()} is after --until {args.until.isoformat()}")
    applies: dict[str, list[str]] = {}
    for jid, handbook in workspace.handbooks.items():
        for clause_id in handbook.clauses:
            applies.setdefault(clause_id, []).append(jid)
    rows = report(history, workspace.repo, applies, since=args.since, until=args.until)
    sys.stdout.write(formatter(REVIEW_REPORT, args.format)(rows))
    return 0
