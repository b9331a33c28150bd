"""Overlay resolution: one handbook per jurisdiction, every clause with its provenance.

The handbook of jurisdiction J is the base clauses with the overlays of J's
ancestors applied root first, then J's own. A child starts from its parent's
resolved clauses (shared, never copied field by field), so resolving every
jurisdiction costs one pass over each jurisdiction's own overlays.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any, cast

from clausebook.core.identity import canonical
from clausebook.core.loader import Document, PathKey
from clausebook.core.model import GLOBAL, Clause, Jurisdiction, Overlay, Repository
from clausebook.core.problems import Location, Problem


@dataclass(frozen=True)
class Provenance:
    """One step in how a clause came to read as it does in a jurisdiction."""

    jurisdiction: str
    action: str  # base | amend | replace | add
    reason: str | None
    path: str
    line: int = 1
    references: tuple = ()

    def to_dict(self) -> dict:
        return {"jurisdiction": self.jurisdiction, "action": self.action, "reason": self.reason,
                "path": self.path, "line": self.line, "references": list(self.references)}


@dataclass(frozen=True)
class Note:
    """Markdown a jurisdiction adds before or after a clause's body, with its reason."""

    jurisdiction: str
    placement: str  # before | after
    text: str
    reason: str
    references: tuple
    doc: Document = field(repr=False, compare=False)
    key: str = "append"

    def location(self, offset: int | None = None) -> Location:
        return self.doc.loc((self.key,)) if offset is None else self.doc.text_loc((self.key,), offset)

    def to_dict(self) -> dict:
        return {"jurisdiction": self.jurisdiction, "placement": self.placement, "text": self.text,
                "reason": self.reason, "references": list(self.references), "path": self.doc.path}


@dataclass(frozen=True)
class ResolvedClause:
    id: str
    policy: str
    fields: dict[str, Any]
    notes: tuple[Note, ...]
    provenance: tuple[Provenance, ...]
    # Which document (and path in it) each field's value came from; looked up
    # by longest prefix, so ("examples", "do", 3) may come from an overlay
    # while ("examples",) came from the base file.
    origins: dict[PathKey, tuple[Document, PathKey]] = field(repr=False, compare=False)

    def __getattr__(self, name: str) -> Any:  # clause.level, clause.body ...
        fields = object.__getattribute__(self, "fields")
        if name in fields:
            return fields[name]
        raise AttributeError(name)

    def get(self, name: str, default: Any = None) -> Any:
        return self.fields.get(name, default)

    def origin(self, path: PathKey) -> tuple[Document, PathKey]:
        path = tuple(path)
        for cut in range(len(path), 0, -1):
            found = self.origins.get(path[:cut])
            if found is not None:
                doc, at = found
                return doc, at + path[cut:]
        return self.origins[()]

    def locate(self, path: PathKey, key: bool = False) -> Location:
        doc, at = self.origin(path)
        return doc.loc(at, key=key)

    def locate_text(self, path: PathKey, offset: int) -> Location:
        doc, at = self.origin(path)
        return doc.text_loc(at, offset)

    @property
    def path(self) -> str:
        """The file this clause's text comes from (the base, or the overlay that replaced or added it)."""
        return self.origin(("body",))[0].path

    def content(self) -> dict[str, Any]:
        """What the clause says, for comparison: fields and notes, formatting removed.

        Computed once per clause object (handbooks share unchanged clauses, so
        comparing ten jurisdictions costs little more than comparing one);
        callers get their own top-level dict.
        """
        return dict(self.canonical_content)

    @cached_property
    def canonical_content(self) -> dict[str, Any]:
        """`content()`, computed once; never modify it (use `content()` for a copy)."""
        content = canonical(self.fields)
        if self.notes:
            content["notes"] = [canonical({k: v for k, v in n.to_dict().items() if k != "path"}) for n in self.notes]
        return content

    def to_dict(self) -> dict[str, Any]:
        data = dict(self.fields)
        data["notes"] = [n.to_dict() for n in self.notes]
        data["provenance"] = [p.to_dict() for p in self.provenance]
        return data


@dataclass
class ResolvedSection:
    id: str
    title: str
    intro: str | None
    clauses: list[ResolvedClause]


@dataclass
class ResolvedPolicy:
    id: str
    title: str
    data: dict
    sections: list[ResolvedSection]

    def clauses(self) -> Iterator[ResolvedClause]:
        for section in self.sections:
            yield from section.clauses


@dataclass
class Handbook:
    """The merged policies as they apply in one jurisdiction."""

    jurisdiction: str
    name: str
    chain: list[str]  # ancestors root first, ending with this jurisdiction; [] for global
    clauses: dict[str, ResolvedClause]
    removed: dict[str, tuple[str, str]]  # clause id -> (jurisdiction, overlay path)
    repo: Repository = field(repr=False)

    def policies(self) -> list[ResolvedPolicy]:
        by_section: dict[tuple[str, str], list[ResolvedClause]] = {}
        for clause in self.clauses.values():
            by_section.setdefault((clause.policy, str(clause.fields.get("section"))), []).append(clause)
        result = []
        for policy in self.repo.policies.values():
            sections = []
            for section in policy.sections:
                clauses = sorted(by_section.get((policy.id, section["id"]), []), key=clause_sort_key)
                sections.append(ResolvedSection(section["id"], section.get("title", section["id"]),
                                                section.get("intro"), clauses))
            result.append(ResolvedPolicy(policy.id, policy.data.get("title", policy.id), policy.data, sections))
        return result

    def to_dict(self) -> dict:
        return {
            "jurisdiction": self.jurisdiction,
            "name": self.name,
            "policies": [
                {
                    "id": p.id,
                    "title": p.title,
                    "sections": [
                        {"id": s.id, "title": s.title, "clauses": [c.to_dict() for c in s.clauses]}
                        for s in p.sections
                    ],
                }
                for p in self.policies()
            ],
        }


def clause_sort_key(clause: ResolvedClause) -> tuple:
    order = clause.fields.get("order")
    return (order is None, order if isinstance(order, int) else 0, clause.id)


def _base_clause(clause: Clause) -> ResolvedClause:
    """The clause as its base file has it.

    Kept on the document (`Document.resolved_base`): when two loads share a document (an unchanged file
    at two revisions), they share this object too, so the diff sees at once
    that nothing changed and canonicalises nothing.
    """
    cached = clause.doc.resolved_base
    if cached is not None and cached.policy == clause.policy:
        return cached
    data = clause.data
    origins: dict[PathKey, tuple[Document, PathKey]] = {(): (clause.doc, ())}
    origins.update({(key,): (clause.doc, (key,)) for key in data})
    resolved = ResolvedClause(
        id=clause.id, policy=clause.policy, fields=dict(data), notes=(),
        provenance=(Provenance(GLOBAL, "base", None, clause.path, 1),),
        origins=origins,
    )
    clause.doc.resolved_base = resolved
    return resolved


def _base_clauses(repo: Repository) -> dict[str, ResolvedClause]:
    return {clause.id: _base_clause(clause) for clause in repo.clauses().values()}


def resolve_all(repo: Repository) -> tuple[dict[str, Handbook], list[Problem]]:
    """Every jurisdiction's handbook (global included) and the resolution problems."""
    problems: list[Problem] = []
    base_ids = set(repo.clauses())
    handbooks = {GLOBAL: Handbook(GLOBAL, "Global", [], _base_clauses(repo), {}, repo)}
    pending = sorted(repo.jurisdictions)
    while pending:
        progressed = []
        for jid in pending:
            parent = repo.effective_parent(jid)
            if parent not in handbooks:
                continue
            handbooks[jid] = _apply_jurisdiction(repo, repo.jurisdictions[jid], handbooks[parent], base_ids, problems)
            progressed.append(jid)
        pending = [j for j in pending if j not in progressed]
        if not progressed:  # cannot happen: effective_parent breaks cycles
            break
    return handbooks, problems


def _apply_jurisdiction(repo: Repository, jurisdiction: Jurisdiction, parent: Handbook,
                        base_ids: set[str], problems: list[Problem]) -> Handbook:
    clauses = dict(parent.clauses)
    removed = dict(parent.removed)
    seen: dict[str, Overlay] = {}
    for overlay in jurisdiction.overlays:
        target = overlay.clause
        if target in seen:
            problems.append(Problem.at(overlay.doc.loc(("clause",)), "error", "S018",
                                       f"'{jurisdiction.id}' already has an overlay for '{target}' "
                                       f"({seen[target].path}); merge them into one file"))
            continue
        seen[target] = overlay
        problem = _apply(repo, overlay, clauses, removed, base_ids)
        if problem is not None:
            problems.append(problem)
    chain = [*parent.chain, jurisdiction.id]
    return Handbook(jurisdiction.id, jurisdiction.name, chain, clauses, removed, repo)


def _provenance(overlay: Overlay) -> Provenance:
    data = overlay.data
    return Provenance(overlay.jurisdiction, overlay.action, data.get("reason"), overlay.path,
                      overlay.doc.loc(()).line, tuple(data.get("references", [])))


def _unknown_target(overlay: Overlay, clauses: dict, removed: dict, base_ids: set[str], repo: Repository) -> Problem:
    target = overlay.clause
    location = overlay.doc.loc(("clause",))
    if target in removed:
        by, path = removed[target]
        where = "this jurisdiction" if by == overlay.jurisdiction else f"'{by}'"
        return Problem.at(location, "error", "S016",
                          f"clause '{target}' was removed by {where} ({path}); it cannot be changed below it")
    if ("clause", target) in repo.broken:
        return Problem.at(location, "info", "S016",
                          f"clause '{target}' has errors of its own; this overlay was not applied")
    hint = difflib.get_close_matches(target, sorted(clauses), n=1)
    suffix = f"; did you mean '{hint[0]}'?" if hint else ""
    return Problem.at(location, "error", "S016", f"overlay targets unknown clause '{target}'{suffix}")


def _apply(repo: Repository, overlay: Overlay, clauses: dict[str, ResolvedClause],
           removed: dict[str, tuple[str, str]], base_ids: set[str]) -> Problem | None:
    target, action, data, doc = overlay.clause, overlay.action, overlay.data, overlay.doc
    current = clauses.get(target)
    if action == "add":
        if current is not None or target in base_ids:
            existing = current.path if current is not None else repo.clause(target).path  # type: ignore[union-attr]
            return Problem.at(doc.loc(("clause",)), "error", "S017",
                              f"'add' of '{target}', which already exists ({existing}); use amend or replace")
        fields = dict(data["with"])
        # `policy` only places the clause (where several policies share the section id).
        policy = repo.policy_of_section(fields.get("section"), fields.pop("policy", None))
        if policy is None:
            return None  # checks report the unknown or ambiguous section
        origins: dict[PathKey, tuple[Document, PathKey]] = {(): (doc, ("with",)), ("id",): (doc, ("clause",))}
        origins.update({(k,): (doc, ("with", k)) for k in fields})
        fields = {"id": target, **fields}
        clauses[target] = ResolvedClause(target, policy, fields, (), (_provenance(overlay),), origins)
        removed.pop(target, None)
        return None
    if current is None:
        return _unknown_target(overlay, clauses, removed, base_ids, repo)
    if action == "remove":
        del clauses[target]
        removed[target] = (overlay.jurisdiction, overlay.path)
        return None
    # The same overlay document applied to the very same clause gives the same
    # result: reuse it, so two loads sharing unchanged files share the
    # resolved clause too (and the diff skips it without comparing).
    memo = doc.applied_to
    earlier = memo.get(id(current))
    if earlier is not None and earlier[0] is current:
        clauses[target] = earlier[1]
        return None
    clauses[target] = _changed(current, overlay)
    memo[id(current)] = (current, clauses[target])
    return None


def _changed(current: ResolvedClause, overlay: Overlay) -> ResolvedClause:
    """`current` as an amend or replace overlay leaves it."""
    target, action, data, doc = overlay.clause, overlay.action, overlay.data, overlay.doc
    provenance = current.provenance + (_provenance(overlay),)
    if action == "replace":
        new = dict(data["with"])
        fields = {"id": target, "section": current.fields.get("section")}
        if "order" in current.fields:
            fields["order"] = current.fields["order"]
        fields.update(new)
        origins: dict[PathKey, tuple[Document, PathKey]] = {(): (doc, ("with",))}
        for kept in ("id", "section", "order"):
            if kept in fields and kept not in new:
                origins[(kept,)] = current.origin((kept,))
        origins.update({(k,): (doc, ("with", k)) for k in new})
        return ResolvedClause(target, current.policy, fields, (), provenance, origins)
    # amend
    fields = dict(current.fields)
    origins = dict(current.origins)
    settings: dict[str, Any] = data.get("set", {})
    for key, value in settings.items():
        fields[key] = value
        for stale in [p for p in origins if p and p[0] == key]:
            del origins[stale]
        origins[(key,)] = (doc, ("set", key))
    extra: dict[str, list[str]] = data.get("examples") or {}
    if extra:
        present = cast(dict[str, list[str]], fields.get("examples") or {})
        examples = {k: list(v) for k, v in present.items()}
        for kind in ("do", "dont"):
            for index, item in enumerate(extra.get(kind, [])):
                origins[("examples", kind, len(examples.setdefault(kind, [])))] = (doc, ("examples", kind, index))
                examples[kind].append(item)
        fields["examples"] = examples
        if ("examples",) not in origins:
            origins[("examples",)] = (doc, ("examples",))
    notes = list(current.notes)
    references = tuple(data.get("references", []))
    reason, jurisdiction = data["reason"], overlay.jurisdiction
    if "prepend" in data:
        notes.insert(0, Note(jurisdiction, "before", data["prepend"], reason, references, doc, "prepend"))
    if "append" in data:
        notes.append(Note(jurisdiction, "after", data["append"], reason, references, doc, "append"))
    return replace(current, fields=fields, notes=tuple(notes), provenance=provenance, origins=origins)
