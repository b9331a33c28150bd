"""Translation status of every handbook: current, stale-editorial, stale-material or missing.

Contract (DESIGN.md, "Translations"): a translation is **current** when its
`source` digest matches the source document's translatable text today.
Otherwise it is **stale**, and the history says how: the newest version of
the source whose digest matched the translation's `source` is compared with
today's text by the diff's materiality rule (`diff.materiality.classify`):
`stale-editorial` or `stale-material`; with no such version (or no git
history to look in), `stale-material`. `changed` is the date of the commit
that first moved the source away from the translated text. **Missing**: a
document a translated handbook shows that has no translation file.

The versions come from the one history scan (`history.scan`): its change
events carry the blob shas before and after each edit of a clause file or
overlay, and the blobs of every stale document are read in one
`git cat-file --batch`. The history is read only when something is stale.
Policy documents (titles, summary, section headings) have no history events
and carry no duties: a stale one is `stale-editorial` with no date.

A document shared by several handbooks (the base clause behind `fr` and
`ca-qc`, both reading `fr/`) is assessed once.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from clausebook.core.identity import digest
from clausebook.core.loader import parse
from clausebook.core.model import Repository, Translation
from clausebook.core.resolve import Note, ResolvedClause
from clausebook.core.translation import (
    DEFAULT_SOURCE_LANGUAGE,
    SourceDoc,
    Sources,
    changed_fields,
    handbook_languages,
    matches_language,
    source_text,
)
from clausebook.diff.materiality import classify
from clausebook.git import NotAGitRepository, read_blobs
from clausebook.history.scan import PendingScan, begin_scan
from clausebook.workspace import Workspace

CURRENT, STALE_EDITORIAL, STALE_MATERIAL, MISSING = "current", "stale-editorial", "stale-material", "missing"
STATUSES = (CURRENT, STALE_EDITORIAL, STALE_MATERIAL, MISSING)
# What the site may show: a current or stale-editorial translation; else the approved source.
SHOWABLE = frozenset({CURRENT, STALE_EDITORIAL})


@dataclass(frozen=True)
class Verdict:
    status: str
    fields: tuple[str, ...] = ()
    changed: dt.date | None = None
    reasons: tuple[str, ...] = ()


@dataclass(frozen=True)
class Item:
    """One document of one handbook in one language, and how its translation stands."""

    handbook: str
    lang: str
    source: SourceDoc
    translation: Translation | None
    verdict: Verdict

    @property
    def status(self) -> str:
        return self.verdict.status

    @property
    def expected_path(self) -> str:
        """The translation file read, or the one to write (in the handbook's language folder)."""
        return self.translation.path if self.translation is not None else self.source.translation_path(
            self.lang.split("-")[0])

    def to_dict(self) -> dict[str, Any]:
        changed = self.verdict.changed
        return {"clause": self.source.clause, "jurisdiction": self.handbook, "lang": self.lang,
                "status": self.status, "fields": list(self.verdict.fields),
                "changed": changed.isoformat() if changed else None,
                "policy": self.source.policy, "source": self.source.path,
                "path": self.translation.path if self.translation is not None else None}


@dataclass
class HandbookStatus:
    jurisdiction: str
    name: str
    lang: str
    required: bool  # requires_translation: missing and stale-material are errors
    items: list[Item] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        found = dict.fromkeys(STATUSES, 0)
        for item in self.items:
            found[item.status] += 1
        return found


def source_language(root: Path) -> str:
    """`source_language` under `[tool.clausebook]` in pyproject.toml (default `en`)."""
    try:
        with (root / "pyproject.toml").open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError):
        return DEFAULT_SOURCE_LANGUAGE
    value = data.get("tool", {}).get("clausebook", {}).get("source_language")
    return value if isinstance(value, str) and value else DEFAULT_SOURCE_LANGUAGE


def handbook_documents(workspace: Workspace, sources: Sources, jurisdiction: str) -> Iterator[SourceDoc]:
    """The documents whose text handbook `jurisdiction` shows, in reading order."""
    handbook = workspace.handbooks[jurisdiction]
    for policy in handbook.policies():
        if not any(True for _ in policy.clauses()):
            continue
        doc = sources.policy(policy.id)
        if doc is not None:
            yield doc
        for clause in policy.clauses():
            yield from sources.of_clause(clause)


class Assessment:
    """Translation status of every translated handbook of one workspace (computed once, on demand)."""

    def __init__(self, workspace: Workspace, pending: PendingScan | None = None) -> None:
        """`pending`: a history scan the caller started before loading (read only if something is stale)."""
        self.workspace = workspace
        self._pending = pending
        self.repo: Repository = workspace.repo
        self.sources = Sources(self.repo)
        self.source_language = source_language(workspace.root)
        self._handbooks: list[HandbookStatus] | None = None
        self._verdicts: dict[tuple[str, str], Verdict] = {}

    @cached_property
    def documents(self) -> list[DocumentStatus]:
        """`by_document`, worked out once (T001 and T002 both ask)."""
        return _not_current_by_document(self)

    def languages(self, jurisdiction: str) -> list[str]:
        known = self.repo.jurisdictions.get(jurisdiction)
        return [] if known is None else handbook_languages(known, self.source_language)

    def handbooks(self, jurisdiction: str | None = None, lang: str | None = None) -> list[HandbookStatus]:
        if self._handbooks is None:
            self._handbooks = self._assess()
        return [h for h in self._handbooks if (jurisdiction is None or h.jurisdiction == jurisdiction)
                and (lang is None or matches_language(h.lang, lang))]

    def verdict(self, source: SourceDoc, translation: Translation | None) -> Verdict:
        """The status of one document's translation (every handbook calls this; it is cached)."""
        if translation is None:
            return Verdict(MISSING, tuple(source.text()))
        self.handbooks()
        return self._verdicts[(source.path, translation.path)]

    def _assess(self) -> list[HandbookStatus]:
        from clausebook.core.translation import requires_translation

        pending: list[tuple[HandbookStatus, SourceDoc, Translation | None]] = []
        result: list[HandbookStatus] = []
        for jid in self.repo.jurisdiction_ids():
            if jid not in self.repo.jurisdictions or jid not in self.workspace.handbooks:
                continue
            documents = None
            for lang in self.languages(jid):
                status = HandbookStatus(jid, self.repo.jurisdictions[jid].name, lang,
                                        requires_translation(self.repo, jid))
                result.append(status)
                documents = documents if documents is not None else list(
                    dict.fromkeys(handbook_documents(self.workspace, self.sources, jid)))
                pending += [(status, doc, doc.translation(self.repo, lang)) for doc in documents]
        stale: dict[tuple[str, str], tuple[SourceDoc, Translation]] = {}
        for _, source, translation in pending:
            if translation is None:
                continue
            key = (source.path, translation.path)
            if key in self._verdicts or key in stale:
                continue
            if translation.source == source.digest():
                self._verdicts[key] = Verdict(CURRENT)
            else:
                stale[key] = (source, translation)
        self._verdicts.update(_stale_verdicts(self.workspace, stale.values(), self._pending))
        missing: dict[str, Verdict] = {}  # one per document, however many handbooks lack its translation
        for status, source, translation in pending:
            if translation is None:
                verdict = missing.get(source.path) or missing.setdefault(
                    source.path, Verdict(MISSING, tuple(source.text())))
            else:
                verdict = self._verdicts[(source.path, translation.path)]
            status.items.append(Item(status.jurisdiction, status.lang, source, translation, verdict))
        return result


# --- stale: which version was translated, and what changed since ---------------------------------------

def _stale_verdicts(workspace: Workspace, pairs: Iterable[tuple[SourceDoc, Translation]],
                    pending: PendingScan | None) -> dict[tuple[str, str], Verdict]:
    pairs = list(pairs)
    if not pairs:
        return {}
    found: dict[tuple[str, str], Verdict] = {}
    history = None
    where = None
    if any(source.kind != "policy" for source, _ in pairs):
        try:
            pending = pending or begin_scan(workspace.root)
            history = pending.finish(workspace.repo)
            where = pending.where
        except NotAGitRepository:
            history = None
    # The versions of each document, newest first: (blob sha, date of the change that replaced it).
    versions: dict[str, list[tuple[str, dt.date | None]]] = {}
    for source, _ in pairs:
        if source.kind == "policy" or history is None or source.path in versions:
            continue
        events = [e for e in history.clause_events(source.target)
                  if e.kind == "change" and source.jurisdiction in e.jurisdictions]
        chain: list[tuple[str, dt.date | None]] = []
        for index, event in enumerate(events):
            if event.blobs is None:  # created, or moved from another jurisdiction: nothing older to compare
                break
            if index == 0:
                chain.append((event.blobs[1], None))  # the committed text (the work tree may differ)
            chain.append((event.blobs[0], event.date))
        versions[source.path] = chain
    texts: dict[str, dict[str, Any] | None] = {}
    wanted = {sha for chain in versions.values() for sha, _ in chain}
    if wanted and where is not None:
        for sha, raw in read_blobs(where.toplevel, sorted(wanted)):
            document = parse(sha, raw)[0] if raw is not None else None
            texts[sha] = document.data if document is not None else None
    for source, translation in pairs:
        key = (source.path, translation.path)
        current = source.text()
        if source.kind == "policy":
            found[key] = Verdict(STALE_EDITORIAL, tuple(current), None,
                                 ("policy titles, summaries and section headings oblige nobody",))
            continue
        chain = versions.get(source.path, [])
        matched = None
        for sha, replaced in chain:
            data = texts.get(sha)
            if data is not None and digest(source_text(source.kind, data)) == translation.source:
                matched = (data, replaced)
                break
        if matched is None:
            newest = next((d for _, d in chain if d is not None), None)
            found[key] = Verdict(STALE_MATERIAL, tuple(current), newest,
                                 ("the translated text is not in the history",))
            continue
        old, replaced = matched
        material, reasons = classify(_as_clause(source, old), _as_clause(source, source.doc.data))
        fields = changed_fields(source_text(source.kind, old), current)
        found[key] = Verdict(STALE_MATERIAL if material else STALE_EDITORIAL, tuple(fields), replaced,
                             tuple(reasons))
    return found


def _as_clause(source: SourceDoc, data: dict) -> ResolvedClause:
    """A document's content in the shape `classify` compares: a clause's fields, an overlay's notes."""
    if source.kind == "clause":
        return ResolvedClause(source.target, source.policy, dict(data), (), (), {})
    fields = dict(data.get("set") or data.get("with") or {})
    reason = str(data.get("reason", ""))
    notes = tuple(Note(source.folder, "before" if key == "prepend" else "after", data[key], reason, (),
                       source.doc, key)
                  for key in ("prepend", "append") if isinstance(data.get(key), str))
    return ResolvedClause(source.target, source.policy, fields, notes, (), {})


# One assessment per workspace: lint's T001 and T002 and the site share it.
_LAST: list[tuple[Workspace, Assessment]] = []


def assess(workspace: Workspace, pending: PendingScan | None = None) -> Assessment:
    if _LAST and _LAST[0][0] is workspace:
        return _LAST[0][1]
    assessment = Assessment(workspace, pending)
    _LAST[:] = [(workspace, assessment)]
    return assessment


@dataclass(frozen=True)
class DocumentStatus:
    """One (source document, translation file) pair across the handbooks that read it: what lint reports."""

    source: SourceDoc
    translation: Translation | None
    expected_path: str
    verdict: Verdict
    handbooks: tuple[str, ...]  # "fr (fr-FR)", ...
    required: bool  # some handbook reading it has requires_translation


def by_document(assessment: Assessment) -> list[DocumentStatus]:
    """Every item that is not current, once per document and translation file, with its handbooks."""
    return assessment.documents


def _not_current_by_document(assessment: Assessment) -> list[DocumentStatus]:
    grouped: dict[tuple[str, str], list[tuple[HandbookStatus, Item]]] = {}
    for handbook in assessment.handbooks():
        for item in handbook.items:
            if item.status != CURRENT:
                grouped.setdefault((item.source.path, item.expected_path), []).append((handbook, item))
    found = []
    for (_, expected), entries in grouped.items():
        item = entries[0][1]
        names = tuple(dict.fromkeys(f"{h.jurisdiction} ({h.lang})" for h, _ in entries))
        found.append(DocumentStatus(item.source, item.translation, expected, item.verdict, names,
                                    any(h.required for h, _ in entries)))
    return found
