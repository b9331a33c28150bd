"""Review reminders: per owning team, the clauses overdue or due soon, as the body of one GitHub issue.

`clausebook review remind` prints one `Reminder` per team of
`policy/owners.yaml` (teams with nothing due too, so that a workflow can
close their issue). The scheduled workflow `.github/workflows/review-reminders.yml`
opens, updates or closes one issue per team from them; everything it
publishes is computed here, so it is tested offline at fixed dates.

Pure: takes the review state (`review.review_status`) and the owners, and
returns text. A clause links to its place in the handbook
(`<site>/global/<policy>/#<clause>`) when the site's address is known.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from clausebook.core.markdown import escape_text
from clausebook.review import DUE_SOON_DAYS, ClauseReview

# Written into every reminder issue, so the workflow finds the team's issue again whatever its title.
MARKER = "<!-- clausebook:review-reminder team={team} -->"
LABEL = "policy-review"
REMINDED = ("overdue", "due-soon")


@dataclass(frozen=True)
class Reminder:
    team: str
    name: str
    handle: str | None
    due: tuple[ClauseReview, ...]  # overdue first, then due soon
    title: str
    body: str  # "" when nothing is due: the issue is closed

    def to_dict(self) -> dict[str, Any]:
        return {"team": self.team, "name": self.name, "github": self.handle, "marker": MARKER.format(team=self.team),
                "label": LABEL, "count": len(self.due),
                "overdue": sum(1 for item in self.due if item.status == "overdue"),
                "clauses": [item.clause for item in self.due], "title": self.title, "body": self.body}


def _md(text: str) -> str:
    return escape_text(text, flavour="github").replace("\n", " ")


def clause_link(site_url: str | None, item: ClauseReview, title: str) -> str:
    label = f"{_md(title)} (`{item.clause}`)"
    if not site_url or not item.policy:
        return label
    return f"[{_md(title)}]({site_url.rstrip('/')}/global/{item.policy}/#{item.clause}) (`{item.clause}`)"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def reminder_body(team: str, name: str, handle: str | None, due: Sequence[ClauseReview], as_of: dt.date,
                  titles: Mapping[str, str], policy_titles: Mapping[str, str], site_url: str | None) -> str:
    """The issue body: who, how many, a table with links, and how to record the review."""
    overdue = sum(1 for item in due if item.status == "overdue")
    soon = len(due) - overdue
    who = f"{_md(name)} ({handle})" if handle else _md(name)
    out = [MARKER.format(team=team), "\n\n",
           f"As of {as_of.isoformat()}, {_plural(len(due), 'clause')} owned by {who} "
           f"{'needs' if len(due) == 1 else 'need'} a review: {overdue} overdue, {soon} due within "
           f"{DUE_SOON_DAYS} days.\n\n",
           "| Status | Due | Clause | Policy | Last reviewed |\n|---|---|---|---|---|\n"]
    for item in due:
        status = "**overdue**" if item.status == "overdue" else "due soon"
        last = item.last_reviewed.date.isoformat() if item.last_reviewed else "-"
        due_date = item.due.isoformat() if item.due else "-"
        policy = _md(policy_titles.get(item.policy, item.policy))
        out.append(f"| {status} | {due_date} | {clause_link(site_url, item, titles.get(item.clause, item.clause))} "
                   f"| {policy} | {last} |\n")
    ids = " ".join(item.clause for item in due)
    out.append("\nRead each clause in every jurisdiction's handbook, change what needs changing by pull request, "
               "and record the review of the rest, which restarts its cycle:\n\n"
               f"```sh\nclausebook review record {ids} --message \"Annual review by {name}\"\n```\n\n"
               "This issue is updated every week and closed when nothing is due.\n")
    return "".join(out)


def reminders(items: Sequence[ClauseReview], owners: Mapping[str, Mapping[str, Any]], as_of: dt.date,
              titles: Mapping[str, str], policy_titles: Mapping[str, str],
              site_url: str | None = None) -> list[Reminder]:
    """One reminder per team in `owners`, in its order; a team with nothing due gets an empty body."""
    found = []
    for team, info in owners.items():
        name = str(info.get("name") or team)
        github = info.get("github")
        handle = github if isinstance(github, str) and github else None
        due = tuple(item for item in items if item.owner == team and item.status in REMINDED)
        title = f"Policy review due: {name} ({_plural(len(due), 'clause')})"
        body = reminder_body(team, name, handle, due, as_of, titles, policy_titles, site_url) if due else ""
        found.append(Reminder(team, name, handle, due, title, body))
    return found
