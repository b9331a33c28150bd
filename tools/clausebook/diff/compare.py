"""The semantic diff: what the policies say differently between two revisions, and where.

Both revisions are loaded, checked and resolved by the same path every command
uses (`workspace.open_source`), so the comparison is between resolved clauses,
jurisdiction by jurisdiction, by clause id:

* formatting is not content (`ResolvedClause.content()` is canonical), so
  comments, key order, quoting and re-wrapping are no change;
* identity is the id, so a file moved or renamed with the same content is no
  change, and a changed id is a removal plus an addition;
* a jurisdiction is listed only when *its* resolved clause changed: a base edit
  to a clause that `fr` replaces does not list `fr`.

A jurisdiction that exists at only one revision is compared with the nearest
ancestor that exists at the other: before `fr` existed, French employees read
the global (or EU) handbook, so only what `fr` changes shows.

Each change is classed material or editorial (`diff.materiality.classify`), with a reason;
fields are named and shown as `diff.fields` says; a clause added, removed or
replaced by an overlay carries that overlay's reason and law (`diff.reasons`).
Jurisdictions are named as their `jurisdiction.yaml` names them (`names`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from clausebook.core.model import GLOBAL
from clausebook.core.resolve import ResolvedClause
from clausebook.diff.fields import clause_values, field_label, field_sort_key, field_text
from clausebook.diff.materiality import EDITORIAL, MATERIAL, classify
from clausebook.diff.reasons import OverlayReason, OverlayReasons
from clausebook.diff.redline import Segment, redline
from clausebook.workspace import Workspace

ADDED, REMOVED, MODIFIED = "added", "removed", "modified"
GLOBAL_NAME = "Global (base)"


@dataclass(frozen=True)
class FieldRedline:
    """One changed field, as it reads before and after in the listed jurisdictions."""

    field: str
    jurisdictions: tuple[str, ...]
    before: str
    after: str

    @cached_property
    def segments(self) -> tuple[Segment, ...]:
        """The word redline from `before` to `after`.

        Worked out when first read: the text and Markdown outputs show an
        added or removed clause as plain text and never read it.
        """
        return tuple(redline(self.before, self.after))

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "jurisdictions": list(self.jurisdictions), "before": self.before,
                "after": self.after, "segments": [s.to_dict() for s in self.segments]}


@dataclass
class ClauseChange:
    clause: str
    policy: str
    title: str
    kind: str  # added | removed | modified
    material: bool
    reason: str
    fields: list[str]
    jurisdictions: list[str]
    by_jurisdiction: dict[str, str]  # jurisdiction -> added | removed | modified
    owners: list[str]  # owner team ids before and after
    moved: tuple[str | None, str | None] | None = None  # (section before, section after)
    redlines: list[FieldRedline] = field(default_factory=list)
    overlays: list[OverlayReason] = field(default_factory=list)  # why it was added, removed or replaced

    @property
    def cls(self) -> str:
        return MATERIAL if self.material else EDITORIAL

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "clause": self.clause, "policy": self.policy, "kind": self.kind, "class": self.cls,
            "fields": self.fields, "jurisdictions": self.jurisdictions, "reason": self.reason,
            "title": self.title, "by_jurisdiction": self.by_jurisdiction, "owners": self.owners,
        }
        if self.moved is not None:
            data["moved"] = {"from": self.moved[0], "to": self.moved[1]}
        data["redline"] = [r.to_dict() for r in self.redlines]
        if self.overlays:
            data["overlays"] = [o.to_dict() for o in self.overlays]
        return data


@dataclass
class Diff:
    base: str
    head: str
    changes: list[ClauseChange]
    jurisdictions_added: list[str] = field(default_factory=list)
    jurisdictions_removed: list[str] = field(default_factory=list)
    # Clause or jurisdiction ids not compared because they fail to load at one revision.
    skipped: list[str] = field(default_factory=list)
    owners: dict[str, dict] = field(default_factory=dict)  # team id -> {name, email, github}
    policy_titles: dict[str, str] = field(default_factory=dict)
    all_jurisdictions: list[str] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # jurisdiction id -> its name ("fr" -> "France")

    def name(self, jurisdiction: str) -> str:
        """A jurisdiction as a reader knows it: "France", "Global (base)"; its id when it has no name."""
        return self.names.get(jurisdiction, jurisdiction)

    @property
    def material(self) -> list[ClauseChange]:
        return [c for c in self.changes if c.material]

    def handle(self, team: str) -> str | None:
        github = (self.owners.get(team) or {}).get("github")
        return github if isinstance(github, str) else None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"base": self.base, "head": self.head, "changes": [c.to_dict() for c in self.changes]}
        if self.jurisdictions_added or self.jurisdictions_removed:
            data["jurisdictions"] = {"added": self.jurisdictions_added, "removed": self.jurisdictions_removed}
        if self.skipped:
            data["skipped"] = self.skipped
        return data


# --- the comparison ---------------------------------------------------------------


def _stand_in(chain: Sequence[str], other: Workspace) -> str:
    """The handbook at the other revision a jurisdiction is compared with when it exists at one only."""
    for ancestor in reversed(chain[:-1]):
        if ancestor in other.handbooks:
            return ancestor
    return GLOBAL


def _broken_ids(workspace: Workspace) -> tuple[set[str], set[str]]:
    clauses = {i for kind, i in workspace.repo.broken if kind in ("clause", "overlay")}
    jurisdictions = {i for kind, i in workspace.repo.broken if kind == "jurisdiction"}
    return clauses, jurisdictions


def compare(base: Workspace, head: Workspace, base_label: str | None = None,
            head_label: str | None = None) -> Diff:
    """Every clause whose resolved content differs between `base` and `head`, by jurisdiction."""
    broken_clauses_base, broken_j_base = _broken_ids(base)
    broken_clauses_head, broken_j_head = _broken_ids(head)
    skipped_clauses = broken_clauses_base | broken_clauses_head
    skipped_jurisdictions = broken_j_base | broken_j_head

    order = list(head.repo.jurisdiction_ids())
    order += [j for j in base.repo.jurisdiction_ids() if j not in order]
    order = [j for j in order if j not in skipped_jurisdictions]
    added_j = [j for j in order if j not in base.handbooks]
    removed_j = [j for j in order if j not in head.handbooks]

    # clause id -> jurisdiction -> (old, new)
    pairs: dict[str, dict[str, tuple[ResolvedClause | None, ResolvedClause | None]]] = {}
    # A clause a jurisdiction leaves alone is its parent's very object: canonicalise it once.
    contents: dict[int, dict[str, Any]] = {}

    def content(clause: ResolvedClause) -> dict[str, Any]:
        if id(clause) not in contents:
            contents[id(clause)] = clause.content()
        return contents[id(clause)]

    for jid in order:
        if jid in base.handbooks:
            old_book = base.handbooks[jid]
        else:
            old_book = base.handbooks[_stand_in(head.repo.ancestors(jid), base)]
        if jid in head.handbooks:
            new_book = head.handbooks[jid]
        else:
            new_book = head.handbooks[_stand_in(base.repo.ancestors(jid), head)]
        for cid in sorted(set(old_book.clauses) | set(new_book.clauses)):
            if cid in skipped_clauses:
                continue
            old, new = old_book.clauses.get(cid), new_book.clauses.get(cid)
            if old is not None and new is not None and (old is new or content(old) == content(new)):
                continue
            pairs.setdefault(cid, {})[jid] = (old, new)

    names = jurisdiction_names(base, head)
    changes = [_change(cid, by_j, order, names) for cid, by_j in pairs.items()]
    reasons = OverlayReasons(base, head)
    for change in changes:
        # An edit of a clause shows the replacing overlay's reason; additions and removals show any.
        change.overlays = [o for o in reasons.of(change.clause, change.jurisdictions)
                           if change.kind != MODIFIED or o.action == "replace" or o.withdrawn]
    changes.sort(key=lambda c: (c.policy, c.clause))
    owners = {**base.repo.owners, **head.repo.owners}
    titles = {pid: str(p.data.get("title", pid))
              for ws in (base, head) for pid, p in ws.repo.policies.items()}
    return Diff(
        base=base_label or base.repo.label,
        head=head_label or head.repo.label,
        changes=changes,
        jurisdictions_added=added_j,
        jurisdictions_removed=removed_j,
        skipped=sorted(skipped_clauses | skipped_jurisdictions),
        owners=owners,
        policy_titles=titles,
        all_jurisdictions=[j for j in order if j in head.handbooks],
        names=names,
    )


def jurisdiction_names(base: Workspace, head: Workspace) -> dict[str, str]:
    """Every jurisdiction's name, the head's where both revisions have one."""
    names = {GLOBAL: GLOBAL_NAME}
    for workspace in (base, head):
        for jid, jurisdiction in workspace.repo.jurisdictions.items():
            name = jurisdiction.data.get("name") if isinstance(jurisdiction.data, dict) else None
            names[jid] = name if isinstance(name, str) and name.strip() else jid
    return names


def _status(old: ResolvedClause | None, new: ResolvedClause | None) -> str:
    if old is None:
        return ADDED
    if new is None:
        return REMOVED
    return MODIFIED


def _group(reasons_by_j: dict[str, list[str]], everywhere: set[str]) -> str:
    """Reasons joined, each naming its jurisdictions unless it holds in all of them."""
    grouped: dict[str, list[str]] = {}
    for jid, reasons in reasons_by_j.items():
        for reason in reasons:
            grouped.setdefault(reason, []).append(jid)
    parts = []
    for reason, jids in grouped.items():
        parts.append(reason if set(jids) >= everywhere else f"{reason} in {', '.join(jids)}")
    return "; ".join(parts)


def _change(cid: str, by_j: dict[str, tuple[ResolvedClause | None, ResolvedClause | None]],
            order: list[str], names: dict[str, str]) -> ClauseChange:
    jurisdictions = [j for j in order if j in by_j]
    statuses = {j: _status(*by_j[j]) for j in jurisdictions}
    kinds = set(statuses.values())
    kind = kinds.pop() if len(kinds) == 1 else MODIFIED

    any_clause = next(c for j in jurisdictions for c in (by_j[j][1], by_j[j][0]) if c is not None)
    title_source = next((new for j in jurisdictions if (new := by_j[j][1]) is not None), any_clause)

    material_reasons: dict[str, list[str]] = {}
    editorial_reasons: dict[str, list[str]] = {}
    changed_fields: set[str] = set()
    owners: set[str] = set()
    # Jurisdictions that leave a clause alone hold their parent's very objects: compare each pair once.
    verdicts: dict[tuple[int, int], tuple[set[str], bool, list[str]]] = {}
    for jid in jurisdictions:
        old, new = by_j[jid]
        for clause in (old, new):
            if clause is not None and isinstance(clause.fields.get("owner"), str):
                owners.add(clause.fields["owner"])
        verdict = verdicts.get((id(old), id(new)))
        if verdict is None:
            before, after = clause_values(old), clause_values(new)
            differ = {k for k in set(before) | set(after) if before.get(k) != after.get(k)}
            if old is None:
                verdict = (differ, True, ["clause added"])
            elif new is None:
                verdict = (differ, True, ["clause removed"])
            else:
                verdict = (differ, *classify(old, new))
            verdicts[(id(old), id(new))] = verdict
        changed_fields |= verdict[0]
        (material_reasons if verdict[1] else editorial_reasons)[jid] = verdict[2]

    everywhere = set(jurisdictions)
    material = bool(material_reasons)
    if material:
        reason = _group(material_reasons, everywhere)
    else:
        reason = _group(editorial_reasons, everywhere)
        fields_text = ", ".join(field_label(f).lower() for f in sorted(changed_fields, key=field_sort_key))
        reason = f"{fields_text} changed; {reason}" if fields_text else reason

    fields = sorted(changed_fields, key=field_sort_key)
    return ClauseChange(
        clause=cid,
        policy=any_clause.policy,
        title=str(title_source.fields.get("title", cid)),
        kind=kind,
        material=material,
        reason=reason,
        fields=fields,
        jurisdictions=jurisdictions,
        by_jurisdiction=statuses,
        owners=sorted(owners),
        moved=_moved(by_j, jurisdictions),
        redlines=_redlines(by_j, jurisdictions, fields, names),
    )


def _moved(by_j: dict[str, tuple[ResolvedClause | None, ResolvedClause | None]],
           jurisdictions: Iterable[str]) -> tuple[str | None, str | None] | None:
    for jid in jurisdictions:
        old, new = by_j[jid]
        if old is not None and new is not None and old.fields.get("section") != new.fields.get("section"):
            return (old.fields.get("section"), new.fields.get("section"))
    return None


def _redlines(by_j: dict[str, tuple[ResolvedClause | None, ResolvedClause | None]],
              jurisdictions: list[str], fields: list[str], names: dict[str, str]) -> list[FieldRedline]:
    """One redline per field and distinct (before, after) pair, naming the jurisdictions it holds in."""
    result = []
    once: dict[int, dict[str, Any]] = {}

    def values_of(clause: ResolvedClause | None) -> dict[str, Any]:
        if id(clause) not in once:
            once[id(clause)] = clause_values(clause)
        return once[id(clause)]

    for name in fields:
        # Jurisdictions that leave a clause alone hold the very same clause
        # objects: each distinct pair is rendered as text once per field.
        texts: dict[tuple[int, int], tuple[str, str]] = {}
        groups: dict[tuple[str, str], list[str]] = {}
        for jid in jurisdictions:
            old, new = by_j[jid]
            pair = texts.get((id(old), id(new)))
            if pair is None:
                pair = texts[(id(old), id(new))] = (field_text(name, values_of(old).get(name), names),
                                                    field_text(name, values_of(new).get(name), names))
            if pair[0] != pair[1]:
                groups.setdefault(pair, []).append(jid)
        for (before, after), jids in groups.items():
            result.append(FieldRedline(name, tuple(jids), before, after))
    return result
