"""The text of a clause (or a policy's headings) in handbook J, language L, with its status: what the site shows.

Contract (DESIGN.md, "Translations"): a current or `stale-editorial`
translation is shown (the latter with a notice); for `stale-material` and
missing the approved source text is shown, with a notice in the reader's
language, never the outdated translation alone.

A resolved clause's text comes from several documents (the base file, then
each overlay); each is decided on its own, so a current base translation is
still shown when a newer jurisdiction note is not translated yet. Which
document wrote which field is the clause's `origins`, and a translation file
mirrors its source's paths (`body`, `set.body`, `examples.do.2`), so each
string is looked up where its source wrote it. The result is a
`ResolvedClause` like any other: page renderers need no second code path.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from clausebook.core.errors import UsageError
from clausebook.core.model import Translation
from clausebook.core.resolve import ResolvedClause
from clausebook.core.translation import SourceDoc
from clausebook.translate.status import CURRENT, SHOWABLE, STATUSES, Assessment


@dataclass(frozen=True)
class LocalizedClause:
    clause: ResolvedClause  # the text to show: translated where a translation may be shown
    lang: str
    status: str  # the worst status among the clause's documents
    statuses: tuple[tuple[str, str], ...]  # (source path, status) per document

    @property
    def notice(self) -> bool:
        """Whether the reader must be told that (part of) the text is not the current translation."""
        return self.status != CURRENT

    @property
    def shows_source(self) -> bool:
        """Whether some of the text shown is the approved source, not a translation."""
        return any(status not in SHOWABLE for _, status in self.statuses)


@dataclass(frozen=True)
class LocalizedPolicy:
    id: str
    lang: str
    status: str
    title: str
    summary: str | None
    sections: dict[str, tuple[str, str | None]]  # section id -> (title, intro)

    @property
    def notice(self) -> bool:
        return self.status != CURRENT


def _worst(statuses: list[str]) -> str:
    return max(statuses, key=STATUSES.index) if statuses else CURRENT


def _shown(assessment: Assessment, source: SourceDoc, lang: str) -> tuple[str, Translation | None]:
    translation = source.translation(assessment.repo, lang)
    status = assessment.verdict(source, translation).status
    return status, translation if status in SHOWABLE else None


def _text(translation: Translation | None, path: tuple, fallback: Any) -> Any:
    if translation is None:
        return fallback
    value = translation.doc.get(path)
    return value if isinstance(value, str) and value.strip() else fallback


def clause_text(assessment: Assessment, jurisdiction: str, lang: str, clause_id: str) -> LocalizedClause:
    """Clause `clause_id` of handbook `jurisdiction` in `lang`; UsageError when the handbook has no such clause."""
    handbook = assessment.workspace.handbooks.get(jurisdiction)
    clause = handbook.clauses.get(clause_id) if handbook is not None else None
    if clause is None:
        raise UsageError(f"handbook '{jurisdiction}' has no clause '{clause_id}'")
    statuses: list[tuple[str, str]] = []
    shown: dict[str, Translation] = {}
    for source in assessment.sources.of_clause(clause):
        status, translation = _shown(assessment, source, lang)
        statuses.append((source.path, status))
        if translation is not None:
            shown[source.path] = translation

    def pick(path: tuple, value: Any) -> Any:
        doc, at = clause.origin(path)
        return _text(shown.get(doc.path), at, value)

    fields = dict(clause.fields)
    for name in ("title", "body", "rationale"):
        if isinstance(fields.get(name), str):
            fields[name] = pick((name,), fields[name])
    examples = fields.get("examples")
    if isinstance(examples, dict):
        fields["examples"] = {kind: [pick(("examples", kind, i), item) for i, item in enumerate(items)]
                              if isinstance(items, list) else items for kind, items in examples.items()}
    notes = tuple(replace(note, text=_text(shown.get(note.doc.path), (note.key,), note.text),
                          reason=_text(shown.get(note.doc.path), ("reason",), note.reason))
                  for note in clause.notes)
    provenance = tuple(replace(step, reason=_text(shown.get(step.path), ("reason",), step.reason))
                       for step in clause.provenance)
    localized = replace(clause, fields=fields, notes=notes, provenance=provenance)
    return LocalizedClause(localized, lang, _worst([s for _, s in statuses]), tuple(statuses))


def policy_text(assessment: Assessment, lang: str, policy_id: str) -> LocalizedPolicy:
    """A policy's title, summary and section headings in `lang` (the source where they may not be shown)."""
    source = assessment.sources.policy(policy_id)
    if source is None:
        raise UsageError(f"there is no policy '{policy_id}'")
    status, translation = _shown(assessment, source, lang)
    data = source.doc.data
    sections: dict[str, tuple[str, str | None]] = {}
    for section in data.get("sections") or []:
        if not isinstance(section, dict) or not isinstance(section.get("id"), str):
            continue
        sid = section["id"]
        translated = next((s for s in (translation.data.get("sections") or []) if isinstance(s, dict)
                           and s.get("id") == sid), {}) if translation is not None else {}
        title = translated.get("title") or section.get("title", sid)
        intro = translated.get("intro") or section.get("intro")
        sections[sid] = (str(title), intro if isinstance(intro, str) else None)
    return LocalizedPolicy(policy_id, lang, status, _text(translation, ("title",), data.get("title", policy_id)),
                           _text(translation, ("summary",), data.get("summary")), sections)
