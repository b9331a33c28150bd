"""Turning commits into events: which commit changed or reviewed which clause.

A change is a candidate until its blobs are compared (`history.model`
decides that lazily): creations, deletions and moves between jurisdictions
are changes for sure; an edit in place carries its two blob shas. Only
commits on HEAD's first-parent line make changes; reviews come from every
commit. Files are followed through renames, so a file moved with its id is
known by one name.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from clausebook.core.assemble import classify
from clausebook.core.model import GLOBAL
from clausebook.history.log import Commit

EventKind = Literal["change", "review"]


@dataclass(frozen=True)
class Event:
    """One change or review of one clause, at one commit.

    `jurisdictions` is ('global',) for a change of the base clause file, the
    overlay's jurisdiction for a change of an overlay (both, for an overlay
    moved from one jurisdiction to another), and () for a review, which covers
    the clause in every jurisdiction. `path` is the file changed, relative to
    the repository root ('' for a review). `date` is the commit date in UTC.
    """

    clause: str
    kind: EventKind
    commit: str
    date: dt.date
    author: str
    jurisdictions: tuple[str, ...]
    subject: str
    path: str
    email: str = ""
    # An edit of a file: the blob shas before and after. Whether it changed
    # the content (not just the formatting) is decided when first asked.
    blobs: tuple[str, str] | None = field(default=None, compare=False, repr=False)
    # The blob a creation or a move between jurisdictions left (None for a deletion): what the
    # changes page reads to say what was added (an overlay's action, for one).
    created: str | None = field(default=None, compare=False, repr=False)

    @property
    def identity(self) -> str:
        """The author as git writes it: `Name <email>`."""
        return f"{self.author} <{self.email}>" if self.email else self.author



@functools.lru_cache(maxsize=65536)
def _target(path: str | None) -> tuple[str, str] | None:
    """(clause id, jurisdiction) for a clause file or an overlay; None for any other file."""
    if path is None:
        return None
    kind = classify(path)
    if kind is None:
        return None
    if kind[0] == "clause":
        return kind[2], GLOBAL
    if kind[0] == "overlay":
        return kind[2], kind[1]
    return None


def _gitlink(mode: str) -> bool:
    return mode == "160000"  # a submodule: no blob to read


def first_parent_line(commits: Iterable[Commit], head: str | None) -> set[str]:
    """The shas on HEAD's first-parent line (log order puts children before parents)."""
    line: set[str] = set()
    expected = head
    for commit in commits:
        if commit.sha == expected:
            line.add(commit.sha)
            expected = commit.parents[0] if commit.parents else None
    return line


def build_events(commits: list[Commit], head: str | None,
                 boundary: Iterable[str] = ()) -> tuple[list[Event], frozenset[str]]:
    """Candidate change events and review events, newest first, and the clauses cut off at a shallow boundary.

    `commits` come newest first (children before parents). An edit of a
    clause file or overlay in place (or moved within its jurisdiction) is a
    candidate carrying its two blob shas: `History` decides later whether it
    changed the content. Walking back in time, `names` maps a path as it was
    in older commits to the path the same file has at the newest point we saw
    it, so a file is known by one name across renames.
    """
    line = first_parent_line(commits, head)
    boundary = set(boundary)
    names: dict[str, str] = {}
    events: list[Event] = []
    truncated: set[str] = set()
    for commit in commits:
        events.extend(_commit_events(commit, commit.sha in line, commit.sha in boundary, names, truncated))
    # Newest first by date; the log's order (children before parents) breaks ties.
    events.sort(key=lambda e: e.date, reverse=True)
    return events, frozenset(truncated)


def _commit_events(commit: Commit, on_line: bool, at_boundary: bool, names: dict[str, str],
                   truncated: set[str]) -> list[Event]:
    """The events of one commit; updates `names` (renames seen) and `truncated` on the way."""
    found: list[Event] = []

    def event(clause: str, kind: EventKind, jurisdictions: tuple[str, ...], path: str,
              blobs: tuple[str, str] | None = None, created: str | None = None) -> None:
        found.append(Event(clause, kind, commit.sha, commit.date, commit.author, jurisdictions,
                           commit.subject, path, commit.email, blobs, created))

    for clause in commit.reviewed:
        event(clause, "review", (), "")
    for record in commit.records if on_line else ():
        old, new = record.old_path, record.new_path
        current = new if new is not None else old
        newest = names.get(current, current) if current is not None else None
        # Before this commit the new path did not exist; a renamed file had its old path.
        if record.status in ("A", "R") and new is not None:
            names.pop(new, None)
        if record.status == "R" and old is not None and newest is not None:
            names[old] = newest
        before, after = _target(old), _target(new)
        if before is None and after is None:
            continue
        named = _target(newest) or after or before
        clause = named[0]  # type: ignore[index]
        if at_boundary:
            # A shallow clone's oldest commit "adds" every file it holds;
            # the file's real history lies beyond what we can see.
            if after is not None:
                truncated.add(clause)
            continue
        if _gitlink(record.old_mode) or _gitlink(record.new_mode):
            continue
        if before is not None and after is not None:
            if before[1] == after[1]:
                if record.old_sha != record.new_sha:  # same sha: moved as it was, or a mode change
                    event(clause, "change", (after[1],), new or "", (record.old_sha, record.new_sha))
                continue
            # An overlay moved to another jurisdiction changes both.
            jurisdictions = tuple(sorted({before[1], after[1]}, key=_jurisdiction_order))
            event(clause, "change", jurisdictions, new or "", created=record.new_sha)
        elif after is not None:  # created (or moved in from a file that is not a clause)
            event(clause, "change", (after[1],), new or "", created=record.new_sha)
        else:  # deleted (or moved out)
            event(clause, "change", (before[1],), old or "")  # type: ignore[index]
    found.sort(key=lambda e: (e.clause, e.kind != "change", e.path))
    return found


def _jurisdiction_order(jurisdiction: str) -> tuple[bool, str]:
    return (jurisdiction != GLOBAL, jurisdiction)

