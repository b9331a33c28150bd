"""The handbooks whose resolved text differs between two revisions: what CI has to rebuild.

Contract: `affected(root, base, head=None)` loads both sides through the
one diff path (`revisions.compute`) and returns `Affected`: `build`, the
handbooks (jurisdiction ids, `global` included, in the head's order) that
exist at HEAD and whose pages would differ, and `removed`, those that exist
only at BASE (their pages are to be deleted, not built).

A handbook's pages differ when a clause it holds resolves differently (the
diff's per-clause jurisdictions), when it is new, when its own
`jurisdiction.yaml` or an ancestor's changed (name, language, rules and
parent are inherited or shown), or when a `policy.yaml` changed (titles and
sections appear in every handbook); `global`, whose build also carries the
site's landing page, whenever a handbook is added or removed. A change outside `policy/` and
`jurisdictions/` affects none.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from clausebook.core.identity import content_key
from clausebook.core.model import GLOBAL
from clausebook.diff.revisions import compute
from clausebook.workspace import Workspace, open_git, open_revision, open_worktree


@dataclass(frozen=True)
class Affected:
    base: str
    head: str  # a commit, or "worktree"
    build: list[str]
    removed: list[str]
    reasons: dict[str, list[str]] = field(default_factory=dict)  # handbook -> why, for the text output

    def to_dict(self) -> dict[str, object]:
        return {"base": self.base, "head": self.head, "handbooks": self.build, "removed": self.removed}


def _documents(workspace: Workspace) -> tuple[dict[str, str], dict[str, str]]:
    repo = workspace.repo
    policies = {pid: content_key(p.data) for pid, p in repo.policies.items()}
    jurisdictions = {jid: content_key(j.data) for jid, j in repo.jurisdictions.items()}
    return policies, jurisdictions


def every_handbook(root: str | os.PathLike[str], head: str | None = None) -> Affected:
    """Every handbook at HEAD (or the working tree): a first deployment, or a rebuild of all."""
    root_path = Path(root).resolve()
    head_ws = open_revision(root_path, head, open_git(root_path)) if head is not None else open_worktree(root_path)
    build = [j for j in head_ws.repo.jurisdiction_ids() if j in head_ws.handbooks]
    return Affected(base="", head=head_ws.repo.label, build=build, removed=[],
                    reasons={j: ["every handbook asked for"] for j in build})


def affected(root: str | os.PathLike[str], base: str, head: str | None = None) -> Affected:
    root_path = Path(root).resolve()
    where = open_git(root_path)
    base_ws = open_revision(root_path, base, where)
    head_ws = open_revision(root_path, head, where) if head is not None else open_worktree(root_path)
    diff, _ = compute(root_path, base, head, head_workspace=head_ws if head is None else None,
                      base_workspace=base_ws)
    order = [j for j in head_ws.repo.jurisdiction_ids() if j in head_ws.handbooks]
    reasons: dict[str, list[str]] = {}

    def mark(jid: str, reason: str) -> None:
        if jid in head_ws.handbooks and reason not in reasons.setdefault(jid, []):
            reasons[jid].append(reason)

    for change in diff.changes:
        for jid in change.jurisdictions:
            mark(jid, f"clause {change.clause} {change.kind}")
    for jid in diff.jurisdictions_added:
        mark(jid, "new handbook")
    removed = [j for j in base_ws.repo.jurisdiction_ids() if j in base_ws.handbooks and j not in head_ws.handbooks]
    if diff.jurisdictions_added or removed:
        # The global build also carries the site's shared root, whose landing page lists every handbook.
        mark(GLOBAL, "a handbook was added or removed")
    old_policies, old_jurisdictions = _documents(base_ws)
    new_policies, new_jurisdictions = _documents(head_ws)
    changed_policies = sorted(p for p in set(old_policies) | set(new_policies)
                              if old_policies.get(p) != new_policies.get(p))
    for pid in changed_policies:
        for jid in order:
            mark(jid, f"policy {pid} changed")
    for jid, key in new_jurisdictions.items():
        if jid in old_jurisdictions and old_jurisdictions[jid] != key:
            for reached in [jid, *head_ws.repo.descendants(jid)]:
                mark(reached, f"jurisdiction {jid} changed")
    build = [j for j in order if reasons.get(j)]
    return Affected(base=base_ws.repo.label, head=head_ws.repo.label, build=build, removed=removed,
                    reasons={j: reasons[j] for j in build})
