"""What the site publishes about time: releases with their changes, manifests, and the text in force.

`gather_time(workspace, options)` is read once per build, from git:

* the releases on the current branch (`release.releases`), each with the
  semantic diff from the release before and one acknowledgement manifest
  per handbook (`acknowledgements.build_manifest`, the same JSON that
  `clausebook ack manifest` prints), published at
  `/<j>/acknowledgements/<version>.json` and `.../latest.json`;
* before the first release, the newest merged commits with a material
  change (at most `FEED_COMMITS`), for the feed;
* the text in force on the build's day (`timeline.worktree_in_force`) and,
  per handbook and clause, the upcoming change with its date, which the
  policy pages show redlined above the text in force.

The build's day is `RenderOptions.in_force_on` when set, else today (UTC):
a site with upcoming text should be rebuilt daily (a scheduled CI job), so
the new text takes effect on its day.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from clausebook.acknowledgements import build_manifest, source_language
from clausebook.diff.compare import ClauseChange, Diff, compare
from clausebook.release import Release, releases, workspace_of
from clausebook.site.options import RenderOptions
from clausebook.workspace import Workspace

# Before the first release the feed lists merged commits; each one looked at costs a revision load.
FEED_COMMITS = 5


@dataclass
class ReleaseEntry:
    release: Release
    previous: Release | None
    diff: Diff
    manifests: dict[str, dict[str, Any]]  # jurisdiction -> manifest


@dataclass
class MergedChange:
    """A merged commit with material changes (the feed's entries before the first release)."""

    commit: str
    date: dt.date
    subject: str
    changes: list[ClauseChange]


@dataclass
class TimeFacts:
    day: dt.date | None = None
    releases: list[ReleaseEntry] = field(default_factory=list)  # newest first
    merged: list[MergedChange] = field(default_factory=list)  # newest first, only before the first release
    in_force: Workspace | None = None
    # (jurisdiction, clause id) -> (effective date, the change)
    upcoming: dict[tuple[str, str], tuple[str, ClauseChange]] = field(default_factory=dict)
    lang: str = "en"

    def files(self) -> dict[str, bytes]:
        """The manifests, as published: {site path: JSON bytes}."""
        out: dict[str, bytes] = {}
        for index, entry in enumerate(self.releases):
            for jurisdiction, manifest in entry.manifests.items():
                data = (json.dumps(manifest, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
                out[manifest_path(jurisdiction, entry.release.version)] = data
                if index == 0:
                    out[manifest_path(jurisdiction, "latest")] = data
        return out


def manifest_path(jurisdiction: str, version: str) -> str:
    return f"{jurisdiction}/acknowledgements/{version}.json"


def gather_time(workspace: Workspace, history: Any, options: RenderOptions) -> TimeFacts:
    """Releases, manifests, merged material changes and the text in force; empty without git history."""
    from clausebook.timeline import today, worktree_in_force

    day = options.in_force_on or today()
    facts = TimeFacts(day=day, lang=source_language(workspace.root))
    if history is None or history.head is None:
        return facts
    root = workspace.root
    cache: dict[str, Any] = {}
    known = releases(root)
    for index in range(len(known) - 1, -1, -1):
        chosen, previous = known[index], known[index - 1] if index else None
        after = workspace_of(root, chosen, cache)
        manifests = {j: build_manifest(root, chosen, previous, j, facts.lang, cache)
                     for j in after.repo.jurisdiction_ids() if j in after.handbooks}
        diff = cache[f"diff {previous.commit if previous else 'none'} {chosen.commit}"]
        facts.releases.append(ReleaseEntry(chosen, previous, diff, manifests))
    if not known:
        facts.merged = _merged_changes(root, history, cache)
    found = worktree_in_force(root, workspace, day)
    if found.upcoming:
        facts.in_force = found.workspace
        dates = {u.path: u.effective for u in found.upcoming}
        for change in compare(found.workspace, workspace).changes:
            for jurisdiction in change.jurisdictions:
                clause = workspace.handbooks[jurisdiction].clauses.get(change.clause) \
                    if jurisdiction in workspace.handbooks else None
                when = clause.get("effective") if clause is not None else None
                if when is None and clause is not None:
                    when = next((dates[p.path].isoformat() for p in clause.provenance if p.path in dates), None)
                iso = _iso(when)
                if iso is not None:
                    facts.upcoming[(jurisdiction, change.clause)] = (iso, change)
    return facts


def _iso(value: Any) -> str | None:
    try:
        return dt.date.fromisoformat(str(value)).isoformat() if value is not None else None
    except ValueError:
        return None


def _merged_changes(root: Any, history: Any, cache: dict[str, Any]) -> list[MergedChange]:
    """The newest commits with a material change (at most FEED_COMMITS looked at), newest first.

    Each commit is compared with its first parent; a commit's parent is
    usually the next commit looked at, so the workspaces are shared and the
    cost is about FEED_COMMITS + 1 revision loads.
    """
    from clausebook.git import locate, resolve_commit
    from clausebook.workspace import open_revision

    commits: list[Any] = []
    for event in history.changes(limit=FEED_COMMITS * 4):
        if all(event.commit != e.commit for e in commits):
            commits.append(event)
        if len(commits) >= FEED_COMMITS:
            break
    where = locate(root)

    def opened(sha: str | None) -> Workspace:
        if sha is None:  # before the first commit: nothing
            return workspace_of(root, None)
        if sha not in cache:
            cache[sha] = open_revision(root, sha, where)
        return cache[sha]

    found = []
    for event in commits:
        after = opened(event.commit)
        before = opened(resolve_commit(where.toplevel, f"{event.commit}^"))
        material = compare(before, after).material
        if material:
            found.append(MergedChange(event.commit, event.date, event.subject, material))
    return found
