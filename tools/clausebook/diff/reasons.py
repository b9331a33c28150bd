"""Why a clause was added, removed or replaced in a jurisdiction: the overlay's reason and the law it cites.

Counsel reading a pull request needs more than "clause removed in fr": the
overlay that does it gives a `reason` and `references` (the law it relies
on). For each jurisdiction a change lists, the overlay found is the nearest
`add`, `remove` or `replace` on that clause in the jurisdiction or its
ancestors, read from the revision that has it: the head for an overlay that
is there now, the base for one that was deleted (the clause then comes
back). One overlay reaching several jurisdictions (an EU removal reaches
Germany and France) is listed once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from clausebook.core.model import GLOBAL, Overlay
from clausebook.workspace import Workspace

# The actions that decide whether a clause exists and what it says as a whole.
DECISIVE = ("add", "remove", "replace")


@dataclass(frozen=True)
class OverlayReason:
    """One overlay's justification, as the pull-request summary shows it."""

    jurisdiction: str
    action: str  # add | remove | replace
    reason: str
    references: tuple[str, ...]  # "title — cite — url", as `diff.fields` writes a reference
    path: str
    withdrawn: bool = False  # the overlay exists at the base only: this change deletes it

    def to_dict(self) -> dict[str, Any]:
        return {"jurisdiction": self.jurisdiction, "action": self.action, "reason": self.reason,
                "references": list(self.references), "path": self.path, "withdrawn": self.withdrawn}


def _reference_text(ref: object) -> str:
    if isinstance(ref, dict):
        return " — ".join(str(ref[k]) for k in ("title", "cite", "url") if ref.get(k))
    return str(ref)


def decisive_overlays(workspace: Workspace) -> dict[tuple[str, str], Overlay]:
    """(jurisdiction, clause) -> the first add/remove/replace of that clause in the jurisdiction's own overlays.

    Built once per revision: a diff asks about thousands of clauses, and
    walking every overlay of every ancestor for each was most of its time.
    """
    found: dict[tuple[str, str], Overlay] = {}
    for jid, node in workspace.repo.jurisdictions.items():
        for overlay in node.overlays:
            clause = overlay.data.get("clause")
            if isinstance(clause, str) and overlay.action in DECISIVE:
                found.setdefault((jid, clause), overlay)
    return found


def _decisive_overlay(workspace: Workspace, decisive: dict[tuple[str, str], Overlay],
                      jurisdiction: str, clause: str) -> Overlay | None:
    """The nearest add/remove/replace of `clause` at `jurisdiction` or above, in this revision."""
    repo = workspace.repo
    if jurisdiction == GLOBAL or jurisdiction not in repo.jurisdictions:
        return None
    for jid in reversed(repo.ancestors(jurisdiction)):
        overlay = decisive.get((jid, clause))
        if overlay is not None:
            return overlay
    return None


def _reason(overlay: Overlay, withdrawn: bool) -> OverlayReason:
    data = overlay.data
    listed = data.get("references")
    references: list[Any] = listed if isinstance(listed, list) else []
    return OverlayReason(overlay.jurisdiction, overlay.action, " ".join(str(data.get("reason", "")).split()),
                         tuple(_reference_text(r) for r in references), overlay.path, withdrawn)


class OverlayReasons:
    """The overlays that add, remove or replace a clause, looked up in both revisions of a diff."""

    def __init__(self, base: Workspace, head: Workspace) -> None:
        self.base, self.head = base, head
        self._base_decisive = decisive_overlays(base)
        self._head_decisive = decisive_overlays(head)

    def of(self, clause: str, jurisdictions: Iterable[str]) -> list[OverlayReason]:
        """The overlays that add, remove or replace `clause` in the listed jurisdictions, once each."""
        found: dict[tuple[str, str], OverlayReason] = {}
        for jid in jurisdictions:
            overlay = _decisive_overlay(self.head, self._head_decisive, jid, clause)
            withdrawn = False
            if overlay is None:
                overlay, withdrawn = _decisive_overlay(self.base, self._base_decisive, jid, clause), True
            if overlay is None:
                continue
            key = (overlay.path, "base" if withdrawn else "head")
            if key not in found:
                found[key] = _reason(overlay, withdrawn)
        return list(found.values())
