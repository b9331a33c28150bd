"""The history of every clause, and the questions review tracking asks of it.

`History` holds candidate events (from `history.events`) and answers: the
newest change of each clause, its last review, every event of one clause,
the changes that reach a jurisdiction. Whether an edit changed the content
is decided only when a question needs it, through the `KeyReader` the scan
gives (content keys by blob sha), in batches.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping

from clausebook.core.model import GLOBAL
from clausebook.history.events import Event

KeyReader = Callable[[Iterable[str]], Mapping[str, str]]
DataReader = Callable[[Iterable[str]], Mapping[str, object]]


class History:
    """Every change and review of every clause, newest first.

    Built from candidates: creations, deletions and moves are changes for
    sure; an edit is a change only if the parsed content differs. Edits are
    checked lazily and in batches (one `git cat-file` process per batch), so
    a question about the newest change of each clause reads only the blobs
    it needs, while `events` (the full record, for the audit report) checks
    them all.

    `boundary` is the date of the oldest commit a shallow clone can see;
    `truncated` holds the clause ids whose file already existed there: their
    older history is missing.
    """

    def __init__(self, shallow: bool, head: str | None, events: Iterable[Event],
                 truncated: Iterable[str] = (), boundary: dt.date | None = None,
                 lineage: Mapping[str, tuple[str, ...]] | None = None,
                 read_keys: KeyReader | None = None, read_data: DataReader | None = None) -> None:
        self.shallow = shallow
        self.head = head
        self.truncated = frozenset(truncated)
        self.boundary = boundary
        # jurisdiction id -> the jurisdictions whose changes reach it: global, its ancestors, itself
        self.lineage: Mapping[str, tuple[str, ...]] = lineage or {}
        self._candidates = list(events)
        self._read_keys = read_keys
        self._read_data = read_data
        self._keys: dict[str, str] = {}
        self._by_clause: dict[str, list[Event]] = {}
        for event in self._candidates:
            self._by_clause.setdefault(event.clause, []).append(event)
        self._events: list[Event] | None = None
        self._last_changes: dict[dt.date | None, dict[str, Event]] = {}

    # Deciding edits ---------------------------------------------------------

    def _settle(self, events: Iterable[Event]) -> None:
        """Read the content keys of every blob these events still need, in one batch."""
        wanted = {sha for e in events if e.blobs is not None for sha in e.blobs if sha not in self._keys}
        if not wanted:
            return
        if self._read_keys is None:
            raise ValueError("this history has undecided edits and no way to read their blobs")
        self._keys.update(self._read_keys(wanted))

    def _is_settled(self, event: Event) -> bool:
        return event.blobs is None or all(sha in self._keys for sha in event.blobs)

    def _is_change(self, event: Event) -> bool:
        """True for a real change; call `_settle` first for an edit."""
        if event.blobs is None:
            return True
        old, new = event.blobs
        return self._keys[old] != self._keys[new]

    def _decided(self, events: list[Event]) -> list[Event]:
        self._settle(events)
        return [e for e in events if e.kind == "review" or self._is_change(e)]

    def blob_data(self, shas: Iterable[str]) -> Mapping[str, object]:
        """The parsed content of blobs (None where unknown): the same parse that decided the edits."""
        shas = [s for s in dict.fromkeys(shas) if s]
        if self._read_data is None:
            return dict.fromkeys(shas)
        return self._read_data(shas)

    # Questions --------------------------------------------------------------

    @property
    def events(self) -> list[Event]:
        """Every real change and every review, newest first (checks every edit)."""
        if self._events is None:
            self._events = self._decided(self._candidates)
        return self._events

    def clause_events(self, clause_id: str, as_of: dt.date | None = None) -> list[Event]:
        """Every change and review of one clause, newest first; with `as_of`, up to that date."""
        found = [e for e in self._by_clause.get(clause_id, []) if as_of is None or e.date <= as_of]
        return self._decided(found)

    def clauses(self) -> list[str]:
        """Every clause id the history mentions, removed ones included."""
        return sorted(self._by_clause)

    def last_change(self, clause_id: str, as_of: dt.date | None = None) -> Event | None:
        return self.last_changes(as_of).get(clause_id)

    def last_review(self, clause_id: str, as_of: dt.date | None = None) -> Event | None:
        return next((e for e in self._by_clause.get(clause_id, [])
                     if e.kind == "review" and (as_of is None or e.date <= as_of)), None)

    def last_changes(self, as_of: dt.date | None = None) -> dict[str, Event]:
        """The newest real change of every clause (up to `as_of`).

        Works in rounds: each round checks the newest undecided edit of every
        clause still open in one batch, so most clauses cost two blob reads.
        """
        cached = self._last_changes.get(as_of)
        if cached is not None:
            return cached
        queues = {cid: [e for e in events if e.kind == "change" and (as_of is None or e.date <= as_of)]
                  for cid, events in self._by_clause.items()}
        found: dict[str, Event] = {}
        position = dict.fromkeys(queues, 0)
        while position:
            self._settle(queues[cid][i] for cid, i in position.items() if i < len(queues[cid]))
            for cid in list(position):
                queue, index = queues[cid], position[cid]
                while index < len(queue) and self._is_settled(queue[index]):
                    if self._is_change(queue[index]):
                        found[cid] = queue[index]
                        break
                    index += 1
                if cid in found or index >= len(queue):
                    del position[cid]
                else:
                    position[cid] = index
        self._last_changes[as_of] = found
        return found

    def changes(self, limit: int | None = None, jurisdiction: str | None = None) -> list[Event]:
        """Change events, newest first; with `jurisdiction`, those that affect it.

        A change affects J when it changed the base or an overlay of J or of
        one of J's ancestors.
        """
        reach = None
        if jurisdiction is not None:
            reach = set(self.lineage.get(jurisdiction, (GLOBAL, jurisdiction)))
        matching = [e for e in self._candidates
                    if e.kind == "change" and (reach is None or not reach.isdisjoint(e.jurisdictions))]
        if limit is None:
            return self._decided(matching)
        found: list[Event] = []
        window = max(limit * 2, 64)
        for start in range(0, len(matching), window):
            found += self._decided(matching[start:start + window])
            if len(found) >= limit:
                break
        return found[:limit]
