"""What the pages show besides the clauses: history, review status and the lint rules.

Read once per build, from the git history and from the lint registry. The review "as of"
date is the HEAD commit's date, not today, so two builds of one commit are
identical.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from clausebook.core.errors import UsageError
from clausebook.workspace import Workspace


@dataclass
class Facts:
    """What the pages show besides the clauses: read from the git history and from the lint rules."""

    history: Any = None  # clausebook.history.model.History, or None without git
    history_note: str = ""  # why there is no (complete) history
    as_of: dt.date | None = None  # the HEAD commit's date (UTC)
    repo_prefix: str = ""  # where the clausebook root sits in the git work tree ("" or "sub/dir/")
    reviews: list = field(default_factory=list)  # clausebook.review.ClauseReview, most urgent first
    rules: list = field(default_factory=list)  # clausebook.lint.registry.RuleDoc
    # (jurisdiction, clause id) -> (effective date, diff.ClauseChange): merged text not in force yet
    upcoming: dict = field(default_factory=dict)

    @property
    def review_by_clause(self) -> dict[str, Any]:
        return {r.clause: r for r in self.reviews}



def gather(workspace: Workspace, with_history: bool = True) -> Facts:
    """History, review status (as of the HEAD commit's date) and the rule docs."""
    from clausebook.lint.registry import rule_docs

    facts = Facts(rules=list(rule_docs()))
    if not with_history:
        facts.history_note = "History is switched off for this site."
        return facts
    from clausebook.git import GitNotInstalled, NotAGitRepository, commit_date, locate
    from clausebook.history.scan import scan
    from clausebook.review import review_status

    try:
        where = locate(workspace.root)
        history = scan(workspace.root, workspace.repo)
    except GitNotInstalled as exc:
        facts.history_note = f"No history: {exc}."
        return facts
    except NotAGitRepository:
        facts.history_note = "No history: this site was built outside a git repository."
        return facts
    except UsageError as exc:  # git itself failed
        facts.history_note = f"No history: {exc}."
        return facts
    facts.history = history
    facts.repo_prefix = where.prefix
    if where.head is None:
        facts.history_note = "No history yet: the repository has no commits."
        return facts
    facts.as_of = commit_date(where.toplevel, where.head)
    if history.shallow:
        facts.history_note = ("This site was built from a shallow clone, so older history is missing; "
                              "some dates may be unknown.")
    facts.reviews = review_status(workspace.repo, history, facts.as_of)
    return facts
