"""Which text a printed handbook is: its version, commit, date, digest and paper size.

Every page of a PDF names its edition, so a printed page identifies the
text it came from:

* **version**: the newest release tag `v*` reachable from the commit, else
  the short commit; a work tree with uncommitted changes under `policy/` or
  `jurisdictions/` says so (that text is in no commit);
* **date**: the commit's date (UTC), so two PDFs of one commit are the same;
  today for uncommitted text or outside git;
* **digest**: `core.identity.handbook_digest` over the handbook's clauses in
  the order the handbook prints them (the rule acknowledgement manifests use);
* **paper**: US Letter for a jurisdiction in North America (its own region
  or an ancestor's), A4 everywhere else.

`open_edition(root, at)` opens the repository the document is printed from:
the work tree, a revision (`--at REV`) or the text in force on a date
(`--at YYYY-MM-DD`: the last first-parent commit at or before the end of
that day, with `effective` dates honoured, as `resolve --at` reads it).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from clausebook import git
from clausebook.core.identity import handbook_digest
from clausebook.core.model import GLOBAL
from clausebook.core.resolve import Handbook
from clausebook.core.sources import CONTENT_DIRS
from clausebook.workspace import Workspace, open_git, open_worktree

LETTER_REGIONS = frozenset({"north america"})
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Edition:
    jurisdiction: str
    name: str  # the jurisdiction's display name
    version: str  # "v1.4.0", "commit 3f2a9c1", "commit 3f2a9c1 with uncommitted changes"
    commit: str | None  # the full sha, None outside git
    date: dt.date
    digest: str  # sha256:<hex>
    clauses: int
    paper: str  # "A4" or "Letter"


@dataclass
class Printing:
    """The repository a document is printed from, and the commit it stands for."""

    workspace: Workspace
    commit: str | None
    uncommitted: bool  # the work tree's policy text differs from `commit`
    from_revision: bool  # read from git objects (`--at`), not the work tree


def open_edition(root: str | Path, at: str | None = None) -> Printing:
    """The work tree, or the revision `at` names (a date picks the last commit at or before its end)."""
    root = Path(root).resolve()
    if at is None:
        workspace = open_worktree(root)
        try:
            where = open_git(root)
        except git.NotAGitRepository:
            return Printing(workspace, None, True, False)
        content = [str(root / folder) for folder in CONTENT_DIRS]
        dirty = where.head is None or bool(git.uncommitted(where.toplevel, content))
        return Printing(workspace, where.head, dirty, False)
    # The text in force then (effective dates honoured), by the one path resolve and explain use.
    from clausebook.timeline import text_in_force

    in_force = text_in_force(root, at)
    return Printing(in_force.workspace, in_force.commit, False, True)


def paper_for(workspace: Workspace, jurisdiction: str) -> str:
    """Letter in North America (the jurisdiction's region or its nearest ancestor's), else A4."""
    if jurisdiction == GLOBAL:
        return "A4"
    for ancestor in reversed(workspace.repo.ancestors(jurisdiction)):
        region = workspace.repo.jurisdictions[ancestor].data.get("region")
        if isinstance(region, str) and region.strip():
            return "Letter" if region.strip().casefold() in LETTER_REGIONS else "A4"
    return "A4"


def ordered_clauses(handbook: Handbook) -> list:
    """The handbook's clauses in print order: policy by policy, section by section."""
    return [clause for policy in handbook.policies() for clause in policy.clauses()]


def edition(printing: Printing, jurisdiction: str, name: str) -> Edition:
    workspace = printing.workspace
    root = workspace.root
    commit = printing.commit
    clauses = ordered_clauses(workspace.handbooks[jurisdiction])
    if commit is None:
        version, date = "uncommitted text (not in git)", dt.datetime.now(dt.UTC).date()
    else:
        release = git.latest_release(root, commit)
        version = release or f"commit {commit[:7]}"
        date = git.commit_date(root, commit)
        if printing.uncommitted:
            version = f"commit {commit[:7]} with uncommitted changes"
            date = dt.datetime.now(dt.UTC).date()
    return Edition(jurisdiction, name, version, commit, date, handbook_digest(clauses), len(clauses),
                   paper_for(workspace, jurisdiction))
