"""The clause × jurisdiction matrix: what the overlays do to every clause in every handbook.

A legal team reads it to see where the law changed the text. One `Cell` per
clause and jurisdiction (`global` included), built from the resolved
handbooks' provenance, so it can never disagree with the handbooks:

- `base`: the company-wide text, unchanged;
- `amended` / `replaced`: an overlay changed it (the newest one on the chain names the action);
- `added`: the clause exists only from this jurisdiction (or an ancestor) down;
- `removed`: an overlay here or above says it does not apply;
- `absent`: the clause was added in another branch and is not part of this handbook.

`by` is the jurisdiction whose overlay decided the cell; `inherited` says it
is an ancestor's. `reason` and `references` (the law) come from that overlay.
Rows follow the base policy's order (policy, section, clause order), then
added clauses by id.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from clausebook.core.model import GLOBAL
from clausebook.core.resolve import Handbook, clause_sort_key

ACTIONS = {"amend": "amended", "replace": "replaced", "add": "added", "remove": "removed"}
CELL_KINDS = ("base", "amended", "replaced", "added", "removed", "absent")


@dataclass(frozen=True)
class Cell:
    clause: str
    policy: str
    title: str
    jurisdiction: str
    action: str  # one of CELL_KINDS
    by: str | None = None  # whose overlay decided it
    inherited: bool = False
    reason: str | None = None
    references: tuple = ()
    path: str | None = None  # the overlay file

    def to_dict(self) -> dict[str, Any]:
        return {"clause": self.clause, "policy": self.policy, "title": self.title,
                "jurisdiction": self.jurisdiction, "action": self.action, "by": self.by,
                "inherited": self.inherited, "reason": self.reason,
                "references": [dict(r) if isinstance(r, dict) else r for r in self.references], "path": self.path}


@dataclass(frozen=True)
class Matrix:
    jurisdictions: list[str]
    clauses: list[tuple[str, str, str]]  # (clause id, policy id, title), in reading order
    cells: dict[tuple[str, str], Cell]  # (clause, jurisdiction) -> cell

    def row(self, clause: str) -> list[Cell]:
        return [self.cells[(clause, j)] for j in self.jurisdictions]

    def to_rows(self) -> list[dict[str, Any]]:
        """Every cell, row by row: the JSON and CSV shape."""
        return [cell.to_dict() for clause, _, _ in self.clauses for cell in self.row(clause)]


def _overlay_facts(handbooks: dict[str, Handbook], jurisdiction: str, path: str) -> tuple[str | None, tuple]:
    repo = next(iter(handbooks.values())).repo
    owner = repo.jurisdictions.get(jurisdiction)
    for overlay in owner.overlays if owner else []:
        if overlay.path == path:
            reason = overlay.data.get("reason")
            return (str(reason) if reason is not None else None), tuple(overlay.data.get("references") or ())
    return None, ()


def build_matrix(handbooks: dict[str, Handbook], jurisdictions: list[str]) -> Matrix:
    """The matrix over `jurisdictions` (ids with a handbook, in column order)."""
    columns = [j for j in jurisdictions if j in handbooks]
    rows: dict[str, tuple[str, str, str]] = {}
    base = handbooks.get(GLOBAL)
    if base is not None:
        for policy in base.policies():
            for clause in policy.clauses():
                rows[clause.id] = (clause.id, policy.id, str(clause.get("title", clause.id)))
    added = {}
    for j in columns:
        for clause in handbooks[j].clauses.values():
            if clause.id not in rows and clause.id not in added:
                added[clause.id] = (clause.id, clause.policy, str(clause.get("title", clause.id)), clause)
    for clause_id in sorted(added, key=lambda c: (added[c][1], clause_sort_key(added[c][3]))):
        rows[clause_id] = added[clause_id][:3]
    cells: dict[tuple[str, str], Cell] = {}
    for clause_id, policy_id, title in rows.values():
        for j in columns:
            cells[(clause_id, j)] = _cell(handbooks, j, clause_id, policy_id, title)
    return Matrix(columns, list(rows.values()), cells)


def _cell(handbooks: dict[str, Handbook], j: str, clause_id: str, policy_id: str, title: str) -> Cell:
    handbook = handbooks[j]
    if clause_id in handbook.removed:
        by, path = handbook.removed[clause_id]
        reason, refs = _overlay_facts(handbooks, by, path)
        return Cell(clause_id, policy_id, title, j, "removed", by, by != j, reason, refs, path)
    clause = handbook.clauses.get(clause_id)
    if clause is None:
        return Cell(clause_id, policy_id, title, j, "absent")
    steps = [p for p in clause.provenance if p.jurisdiction != GLOBAL]
    if not steps:
        return Cell(clause_id, policy_id, title, j, "base")
    last = steps[-1]
    action = ACTIONS.get(last.action, last.action)
    if any(p.action == "add" for p in steps) and action == "amended":
        action = "added"  # an added clause amended below is still one that exists only here
    return Cell(clause_id, policy_id, title, j, action, last.jurisdiction, last.jurisdiction != j,
                last.reason, tuple(last.references), last.path)
