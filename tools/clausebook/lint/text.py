"""The text of a resolved clause, piece by piece, each piece able to say where a character was written.

A jurisdiction's handbook mixes text from the base file and from overlays
(a replaced body, an appended note, an added example). Rules look at one
`TextPart` at a time and ask it for the file, line and column of a match, so
a problem an overlay creates points at the overlay.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from clausebook.core.loader import Document, PathKey
from clausebook.core.problems import Location
from clausebook.core.resolve import ResolvedClause

# What each kind of text is, as rules name them.
TITLE, BODY, RATIONALE, NOTE, DO, DONT, REFERENCE = "title", "body", "rationale", "note", "do", "dont", "reference"
# Text that reads as the clause's own prose (Markdown in the handbook).
PROSE = (BODY, RATIONALE, NOTE)
# Everything the handbook site renders from a clause.
RENDERED = (TITLE, BODY, RATIONALE, NOTE, DO, DONT, REFERENCE)


@dataclass(frozen=True)
class TextPart:
    """One string of a clause as the handbook shows it, and where it was written."""

    kind: str  # title | body | rationale | note | do | dont | reference
    text: str
    doc: Document
    path: PathKey  # the string's path inside `doc`

    @property
    def label(self) -> str:
        """How a message names this text: 'body', 'the us note', 'a "don't" example'."""
        return {DO: 'a "do" example', DONT: 'a "don\'t" example', NOTE: "a jurisdiction note",
                REFERENCE: "a reference"}.get(self.kind, self.kind)

    def locate(self, offset: int = 0) -> Location:
        return self.doc.text_loc(self.path, offset)

    @property
    def start(self) -> Location:
        return self.doc.text_loc(self.path, 0)


def clause_texts(clause: ResolvedClause, kinds: Iterable[str] = RENDERED) -> Iterator[TextPart]:
    """The clause's strings of the given kinds, in reading order."""
    kinds = frozenset(kinds)
    fields = clause.fields

    def part(kind: str, path: PathKey) -> TextPart | None:
        value = clause.get(path[0]) if len(path) == 1 else _dig(fields, path)
        if not isinstance(value, str) or not value.strip():
            return None
        doc, at = clause.origin(path)
        return TextPart(kind, value, doc, at)

    wanted: list[tuple[str, PathKey]] = []
    if TITLE in kinds:
        wanted.append((TITLE, ("title",)))
    if NOTE in kinds:
        for note in clause.notes:
            if note.placement == "before":
                yield TextPart(NOTE, note.text, note.doc, (note.key,))
    if BODY in kinds:
        wanted.append((BODY, ("body",)))
    for kind, path in wanted:
        found = part(kind, path)
        if found is not None:
            yield found
    if NOTE in kinds:
        for note in clause.notes:
            if note.placement != "before":
                yield TextPart(NOTE, note.text, note.doc, (note.key,))
    if RATIONALE in kinds:
        found = part(RATIONALE, ("rationale",))
        if found is not None:
            yield found
    given = fields.get("examples")
    examples: dict[str, Any] = given if isinstance(given, dict) else {}
    for kind in (DO, DONT):
        if kind in kinds:
            for index, _ in enumerate(examples.get(kind) or []):
                found = part(kind, ("examples", kind, index))
                if found is not None:
                    yield found
    if REFERENCE in kinds:
        for index, reference in enumerate(fields.get("references") or []):
            if isinstance(reference, dict):
                for key in ("title", "cite"):
                    found = part(REFERENCE, ("references", index, key))
                    if found is not None:
                        yield found


def _dig(data: object, path: PathKey) -> object:
    for key in path:
        try:
            data = data[key]  # type: ignore[index]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def newest(clause: ResolvedClause, *paths: PathKey) -> PathKey:
    """Of the given fields, the one written last in the chain base -> overlays.

    When two fields disagree (a `must` level and a body without "must"), the
    later one is the change that made them disagree: a problem is reported
    there, e.g. at the overlay that set the level, not at the untouched base.
    """
    order = {p.path: index for index, p in enumerate(clause.provenance)}

    def rank(path: PathKey) -> int:
        return order.get(clause.origin(path)[0].path, -1)

    return max(paths, key=rank)


def value_start(clause: ResolvedClause, path: PathKey) -> Location:
    """Where the value at `path` starts (its first character for text)."""
    doc, at = clause.origin(path)
    if isinstance(doc.get(at), str):
        return doc.text_loc(at, 0)
    return doc.loc(at)
