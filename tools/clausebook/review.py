"""Review tracking over the git history: status per clause, recording a review, the audit report.

The rules are DESIGN.md's "Review tracking": a clause's last change is its
newest content change on the first-parent line; a review is a commit with a
`Policy-Reviewed: <clause-id>` trailer; last reviewed is the newer of the
two; due is last reviewed + `review_months` calendar months (clamped to the
month's end); as of a date D a clause is `overdue` when D > due, `due-soon`
when due - 30 days <= D <= due, else `ok`.

One more status, `unknown`, says that no date can be established: the
clause's history is cut off by a shallow clone (and no review or change is
visible after the cut), or the clause has never been committed. A wrong date
is worse than none.

Everything here is pure except `record_review`, which writes one commit with
git plumbing and nothing else.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from dateutil.relativedelta import relativedelta

from clausebook.core.checks import did_you_mean
from clausebook.core.errors import UsageError
from clausebook.core.model import Repository
from clausebook.git import commit_tree, config_get, locate, symbolic_ref, tree_of, update_ref
from clausebook.history.events import Event
from clausebook.history.log import REVIEW_TRAILER
from clausebook.history.model import History

Status = Literal["ok", "due-soon", "overdue", "unknown"]
STATUSES: tuple[Status, ...] = ("overdue", "due-soon", "unknown", "ok")  # most urgent first
DUE_SOON_DAYS = 30
DEFAULT_REVIEW_MONTHS = 12


@dataclass(frozen=True)
class ClauseReview:
    """The review state of one clause as of a date.

    `last_reviewed` is the newer of the last review and the last change (a
    change is reviewed by the pull request that made it); it is None, like
    `due`, when the status is `unknown`.
    """

    clause: str
    policy: str
    owner: str
    review_months: int
    last_changed: Event | None
    last_reviewed: Event | None
    due: dt.date | None
    status: Status

    def to_dict(self) -> dict:
        """The record `review status --format json` prints (DESIGN.md)."""
        return {
            "clause": self.clause,
            "policy": self.policy,
            "owner": self.owner,
            "review_months": self.review_months,
            "last_changed": _iso(self.last_changed.date if self.last_changed else None),
            "last_reviewed": _iso(self.last_reviewed.date if self.last_reviewed else None),
            "due": _iso(self.due),
            "status": self.status,
        }


STATUS_FIELDS = ("clause", "policy", "owner", "review_months", "last_changed", "last_reviewed", "due", "status")
REPORT_FIELDS = ("clause", "event", "commit", "date", "author", "jurisdictions", "message", "reviewer", "owner")


def _iso(date: dt.date | None) -> str | None:
    return date.isoformat() if date is not None else None


def due_date(last_reviewed: dt.date, months: int) -> dt.date:
    """`months` calendar months later, clamped to the month's end (31 Jan + 1 = 28/29 Feb).

    A commit dated near the end of the calendar (year 9999) is due on its last day.
    """
    try:
        return last_reviewed + relativedelta(months=months)
    except (OverflowError, ValueError):
        return dt.date.max


def status_on(due: dt.date, as_of: dt.date) -> Status:
    if as_of > due:
        return "overdue"
    if as_of >= due - min(dt.timedelta(days=DUE_SOON_DAYS), due - dt.date.min):
        return "due-soon"
    return "ok"


@dataclass(frozen=True)
class Subject:
    """A clause under review: its id, policy, owner and cadence."""

    clause: str
    policy: str
    owner: str
    review_months: int


def subjects(repo: Repository) -> list[Subject]:
    """Every clause of the repository: the base clauses, then those jurisdictions add.

    Review is per clause id across all jurisdictions: the base clause's
    owner and cadence count; a clause a jurisdiction adds (`action: add`)
    takes them from its overlay.
    """
    found: dict[str, Subject] = {}
    for policy in repo.policies.values():
        for clause in policy.clauses.values():
            found[clause.id] = Subject(clause.id, policy.id, str(clause.data.get("owner", "")),
                                       _months(clause.data.get("review_months"), policy.review_months))
    for jurisdiction_id in repo.jurisdiction_ids()[1:]:
        for overlay in repo.jurisdictions[jurisdiction_id].overlays:
            if overlay.action != "add" or overlay.clause in found:
                continue
            fields = overlay.data.get("with") or {}
            placed = repo.policy_of_section(fields.get("section"), fields.get("policy"))
            home = repo.policies.get(placed) if placed else None
            found[overlay.clause] = Subject(
                overlay.clause, home.id if home else "", str(fields.get("owner", "")),
                _months(fields.get("review_months"), home.review_months if home else DEFAULT_REVIEW_MONTHS))
    return sorted(found.values(), key=lambda s: s.clause)


def _months(value: object, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else default


def review_status(repo: Repository, history: History, as_of: dt.date) -> list[ClauseReview]:
    """The review state of every clause as of `as_of`, most urgent first.

    Only history up to `as_of` counts, so a past date gets the answer that
    was true on that day; a clause created after it is left out.
    """
    last_changes = history.last_changes(as_of)
    committed = set(history.clauses())
    found: list[ClauseReview] = []
    for subject in subjects(repo):
        changed = last_changes.get(subject.clause)
        review = history.last_review(subject.clause, as_of)
        newest = _newer(review, changed)
        if newest is None:
            if subject.clause in committed and subject.clause not in history.truncated:
                continue  # it did not exist yet on that day
            # Cut off by a shallow clone, or never committed: no date to give.
            found.append(ClauseReview(subject.clause, subject.policy, subject.owner, subject.review_months,
                                      None, None, None, "unknown"))
            continue
        due = due_date(newest.date, subject.review_months)
        found.append(ClauseReview(subject.clause, subject.policy, subject.owner, subject.review_months,
                                  changed, newest, due, status_on(due, as_of)))
    return sorted(found, key=_urgency)


def _newer(review: Event | None, change: Event | None) -> Event | None:
    """The review unless the change is strictly newer (a same-day review covers the change)."""
    if review is None or (change is not None and change.date > review.date):
        return change
    return review


def _urgency(item: ClauseReview) -> tuple:
    return (STATUSES.index(item.status), item.due or dt.date.max, item.clause)


def count_by_status(items: Iterable[ClauseReview]) -> dict[str, int]:
    counts: dict[str, int] = dict.fromkeys(STATUSES, 0)
    for item in items:
        counts[item.status] += 1
    return counts


def summary(items: Sequence[ClauseReview], as_of: dt.date) -> str:
    """One line: `40 clauses as of 2026-03-01: 2 overdue, 3 due soon, 35 ok`."""
    counts = count_by_status(items)
    parts = [f"{counts['overdue']} overdue", f"{counts['due-soon']} due soon"]
    if counts["unknown"]:
        parts.append(f"{counts['unknown']} unknown")
    parts.append(f"{counts['ok']} ok")
    noun = "clause" if len(items) == 1 else "clauses"
    return f"{len(items)} {noun} as of {as_of.isoformat()}: " + ", ".join(parts)


# --- the audit report --------------------------------------------------------


def report(history: History, repo: Repository, applies: Mapping[str, Sequence[str]],
           since: dt.date | None = None, until: dt.date | None = None) -> list[dict]:
    """One record per change or review of a clause (removed clauses too): by clause, newest first.

    A commit that touches a clause in several files (the base and seven
    overlays) is one change, listing every jurisdiction it touched, in the
    repository's order. A review covers the clause wherever it applies
    (`applies`: clause id -> jurisdictions whose handbook has it, today).
    `message` is the commit's subject; `reviewer` is who recorded a review
    (git cannot tell who approved a change); `owner` is the team that owns
    the clause today ("" once it is gone). `since`/`until` keep the events
    dated within them, both days included.
    """
    order = {jid: index for index, jid in enumerate(repo.jurisdiction_ids())}
    owners = {s.clause: s.owner for s in subjects(repo)}
    grouped: dict[tuple[str, str, str], dict] = {}
    # A `Policy-Reviewed` trailer naming an id that no commit ever gave content
    # (a typo, a clause of another repository) is evidence of nothing.
    existed = {e.clause for e in history.events if e.kind == "change"}
    for event in sorted(history.events, key=lambda e: e.clause):  # stable: newest first within a clause
        if event.clause not in existed:
            continue
        if (since is not None and event.date < since) or (until is not None and event.date > until):
            continue
        key = (event.clause, event.kind, event.commit)
        row = grouped.get(key)
        if row is None:
            row = grouped[key] = {
                "clause": event.clause, "event": event.kind, "commit": event.commit,
                "date": event.date.isoformat(), "author": event.identity, "jurisdictions": [],
                "message": event.subject, "reviewer": event.identity if event.kind == "review" else "",
                "owner": owners.get(event.clause, ""),
            }
        places = applies.get(event.clause, ()) if event.kind == "review" else event.jurisdictions
        row["jurisdictions"] = sorted(set(row["jurisdictions"]) | set(places),
                                      key=lambda j: (order.get(j, len(order)), j))
    return list(grouped.values())


# --- recording a review ---------------------------------------------------------


def select_clauses(repo: Repository, ids: Sequence[str], owner: str | None) -> tuple[list[str], list[str]]:
    """The clause ids to record, and the problems with the request (unknown ids or team)."""
    known = {s.clause: s for s in subjects(repo)}
    problems = []
    for cid in dict.fromkeys(ids):
        if cid not in known:
            hint = did_you_mean(cid, known)
            problems.append(f"unknown clause '{cid}'" + (f"; did you mean '{hint}'?" if hint else ""))
    chosen = [cid for cid in dict.fromkeys(ids) if cid in known]
    if owner is not None:
        if owner not in repo.owners:
            problems.append(unknown_owner(owner, repo.owners))
        else:
            owned = [cid for cid, s in known.items() if s.owner == owner]
            if not owned:
                problems.append(f"team '{owner}' owns no clauses")
            chosen += [cid for cid in owned if cid not in chosen]
    return chosen, problems


def unknown_owner(owner: str, teams: Iterable[str]) -> str:
    """`unknown owner 'comms' (did you mean 'communications'? teams in policy/owners.yaml: ...)`."""
    known = sorted(teams)
    hint = did_you_mean(owner, known)
    suggestion = f"did you mean '{hint}'? " if hint else ""
    return f"unknown owner '{owner}' ({suggestion}teams in policy/owners.yaml: {', '.join(known) or 'none'})"


def review_message(clauses: Sequence[str], message: str | None = None, owner: str | None = None) -> str:
    """The commit message: a subject (the reviewer's words, or a generated one), then the trailers."""
    if message and message.strip():
        text = message.strip()
    elif owner is not None:
        text = f"Review {len(clauses)} clause{'s' if len(clauses) != 1 else ''} owned by {owner}"
    elif len(clauses) <= 3:
        text = "Review " + ", ".join(clauses)
    else:
        text = f"Review {len(clauses)} clauses"
    return text + "\n\n" + "".join(f"{REVIEW_TRAILER}: {cid}\n" for cid in clauses)


@dataclass(frozen=True)
class RecordTarget:
    """Where a review commit will go: checked before anything is written."""

    toplevel: Path
    head: str
    branch: str  # refs/heads/...
    name: str
    email: str

    @property
    def author(self) -> str:
        return f"{self.name} <{self.email}>"

    @property
    def branch_name(self) -> str:
        return self.branch.removeprefix("refs/heads/")


def record_target(root: Path) -> RecordTarget:
    """Check that a review can be recorded at `root`; UsageError when it cannot.

    It cannot without a commit to build on, on a detached HEAD, during a
    merge, rebase, cherry-pick or revert, or without a git identity.
    """
    where = locate(root)
    if where.head is None:
        raise UsageError("there is no commit yet to record a review on; commit the policies first")
    branch = symbolic_ref(where.toplevel, "HEAD")
    if branch is None or not branch.startswith("refs/heads/"):
        raise UsageError("HEAD is detached; check out the branch the review belongs on (git switch BRANCH)")
    for marker, what in (("MERGE_HEAD", "a merge"), ("rebase-merge", "a rebase"), ("rebase-apply", "a rebase"),
                         ("CHERRY_PICK_HEAD", "a cherry-pick"), ("REVERT_HEAD", "a revert")):
        if (where.git_dir / marker).exists():
            raise UsageError(f"{what} is in progress; finish or abort it before recording a review")
    name, email = identity(where.toplevel)
    return RecordTarget(where.toplevel, where.head, branch, name, email)


def record_review(target: RecordTarget, message: str) -> str:
    """Commit `message` on the target branch as an empty commit and return its sha; touch nothing else.

    The commit gets HEAD's own tree (`git commit-tree`) and the branch moves
    to it only if it still points where it did (`git update-ref NEW OLD`):
    the index and the work tree are never read or written, so staged and
    unstaged edits stay exactly as they were.
    """
    tree = tree_of(target.toplevel, target.head)
    try:
        committer = identity(target.toplevel, "committer")
    except UsageError:  # the author's identity came from the environment alone
        committer = (target.name, target.email)
    env = {"GIT_AUTHOR_NAME": target.name, "GIT_AUTHOR_EMAIL": target.email,
           "GIT_COMMITTER_NAME": committer[0], "GIT_COMMITTER_EMAIL": committer[1]}
    commit = commit_tree(target.toplevel, tree, [target.head], message, env)
    subject = message.splitlines()[0] if message else "review"
    if not update_ref(target.toplevel, target.branch, commit, target.head, f"clausebook review: {subject}"):
        raise UsageError(f"{target.branch_name} moved while the review was being recorded; "
                         "nothing was recorded, try again")
    return commit


def identity(toplevel: Path, role: str = "author") -> tuple[str, str]:
    """Who git says is the author (or committer): GIT_AUTHOR_NAME / GIT_AUTHOR_EMAIL,
    else `author.name` / `author.email`, else `user.name` / `user.email`."""
    upper = role.upper()
    name = (os.environ.get(f"GIT_{upper}_NAME", "").strip() or config_get(toplevel, f"{role}.name")
            or config_get(toplevel, "user.name"))
    email = (os.environ.get(f"GIT_{upper}_EMAIL", "").strip() or config_get(toplevel, f"{role}.email")
             or config_get(toplevel, "user.email"))
    if not name or not email:
        missing = " and ".join(k for k, v in (("user.name", name), ("user.email", email)) if not v)
        raise UsageError(f"no git identity: {missing} is not set; a review is recorded in the reviewer's "
                         "name (git config user.name 'Your Name'; git config user.email you@example.com)")
    return name, email
