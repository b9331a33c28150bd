"""The text in force on a date: effective dates honoured, for any date or revision.

DESIGN.md, "Time": the text in force on date D is the last commit on the
first-parent line at or before the end of D (UTC), resolved, with every
change whose `effective` date is after D not yet in force. The unit of a
change is a file: a clause file whose own `effective` is after D is read
as its newest earlier version whose `effective` is on or before D (or has
none); an overlay that sets an `effective` after D (`set` or `with`) is
likewise read as its newest earlier version. A file with no earlier
version in force (a clause added with a later `effective`) is left out:
that clause is not in force yet. Versions are followed through renames, and
an earlier version is read under the file's current path. A clause not yet
in force stays loaded (so nothing that names it dangles) and is taken out of
every handbook after resolution; the problems reported are those of the
text as merged.

The result is a `Source` (the revision with those files swapped), loaded,
checked and resolved by the one path every command uses
(`workspace.open_source`), so `resolve --at`, `explain --at`, `diff --at`,
the site and acknowledgement checks all mean the same thing.

Cost: a revision with no upcoming file costs what `resolve` costs plus one
`rev-list`; one with upcoming files adds one `git log --first-parent --raw`
(the history scan's size), one batch of blob reads per step back, and a
second load that re-parses only the swapped files.

`--at` takes a date (`YYYY-MM-DD`) or a revision; a revision R is read as
the text in force on R's commit date, at R. A date before the first commit
and a revision that does not exist are usage errors (exit 2).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from clausebook.core.errors import UsageError
from clausebook.core.loader import Document, parse
from clausebook.core.sources import CONTENT_DIRS, Entry, Source
from clausebook.git import GitDir, commit_date, first_commit_date, first_parent_at, log_first_parent_raw, read_blobs
from clausebook.git import resolve_commit as git_resolve_commit
from clausebook.history.log import LOG_FORMAT, parse_log
from clausebook.source import GitSource, WorktreeSource
from clausebook.workspace import Workspace, open_git, open_source

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class Upcoming:
    """A file whose text as written is not in force yet: when it takes effect, and what applies until then."""

    path: str
    effective: dt.date
    in_force: bytes | None = field(repr=False)  # the earlier version read instead; None: the file is left out


@dataclass
class InForce:
    """The text in force on `date` at `commit`, beside the text as written there."""

    workspace: Workspace  # what applies on `date`
    written: Workspace  # the files as merged at `commit` (upcoming text included)
    commit: str | None  # None for the work tree
    date: dt.date
    upcoming: list[Upcoming]

    @property
    def label(self) -> str:
        return f"{self.commit[:12] if self.commit else 'the working tree'}, in force on {self.date.isoformat()}"


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()


def end_of(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(23, 59, 59), dt.UTC)


def parse_date(value: str) -> dt.date | None:
    """A `YYYY-MM-DD` date; None when `value` is not one (it may be a revision)."""
    if not _DATE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"'{value}' is not a valid date (YYYY-MM-DD)") from None


def effective_of(data: object) -> dt.date | None:
    """The `effective` date a document sets: a clause's own, or the one an overlay's `set` or `with` gives."""
    if not isinstance(data, dict):
        return None
    value = data.get("effective")
    for key in ("set", "with"):
        inner = data.get(key)
        if value is None and isinstance(inner, dict):
            value = inner.get("effective")
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)) if value is not None else None
    except ValueError:
        return None  # the schema reports it


def locate_at(root: Path, at: str, where: GitDir | None = None) -> tuple[str, dt.date]:
    """(commit, date) for `--at DATE|REV`; a UsageError for a date before the first commit or an unknown revision."""
    where = where or open_git(root)
    if where.head is None:
        raise UsageError("the repository has no commits yet: there is no text in force on any date")
    day = parse_date(at)
    if day is None:
        commit = git_resolve_commit(where.toplevel, at)
        if commit is None:
            raise UsageError(f"unknown git revision '{at}' (give a revision or a date as YYYY-MM-DD)")
        return commit, commit_date(where.toplevel, commit)
    commit = first_parent_at(where.toplevel, "HEAD", end_of(day))
    if commit is None:
        first = first_commit_date(where.toplevel)
        since = f" (the first is from {first.isoformat()})" if first else ""
        raise UsageError(f"{day.isoformat()} is before the first commit{since}: no text was in force then")
    return commit, day


def text_in_force(root: str | Path, at: str) -> InForce:
    """The text in force for `--at DATE|REV`."""
    root = Path(root).resolve()
    where = open_git(root)
    commit, day = locate_at(root, at, where)
    source = GitSource(root, commit, where)
    written = open_source(root, source) if source.has_policy_dir() else None
    if written is None:
        raise UsageError(f"there is no policy/ folder at {commit[:12]}: no text was in force on {day.isoformat()}")
    return in_force_of(root, written, commit, day, where, lambda: GitSource(root, commit, where))


def worktree_in_force(root: str | Path, written: Workspace, day: dt.date) -> InForce:
    """The work tree's text in force on `day` (the site shows this, with the upcoming text beside it)."""
    root = Path(root).resolve()
    where = open_git(root)
    return in_force_of(root, written, None, day, where, lambda: WorktreeSource(root))


def _documents(workspace: Workspace) -> Iterable[Document]:
    repo = workspace.repo
    yield from (clause.doc for clause in repo.clauses().values())
    for jurisdiction in repo.jurisdictions.values():
        yield from (overlay.doc for overlay in jurisdiction.overlays)


def in_force_of(root: Path, written: Workspace, commit: str | None, day: dt.date, where: GitDir,
                fresh_source: Callable[[], Source]) -> InForce:
    """`written` with every file not yet in force on `day` swapped for its version in force then."""
    late = {doc.path: effective for doc in _documents(written)
            if (effective := effective_of(doc.data)) is not None and effective > day}
    if not late:
        return InForce(written, written, commit, day, [])
    current = {doc.path: _blob_sha(doc.text.encode("utf-8")) for doc in _documents(written) if doc.path in late}
    versions = _versions(where, commit or "HEAD", current)
    chosen = _choose(where, versions, day)
    upcoming = [Upcoming(path, late[path], chosen.get(path)) for path in sorted(late)]
    # A clause file with no version in force yet stays in the load (so nothing that names it
    # dangles) and leaves the handbooks afterwards; an overlay with none is simply left out.
    not_yet = {str(doc.data.get("id")): doc.path for doc in _documents(written)
               if doc.path in late and chosen.get(doc.path) is None and doc.path.startswith("policy/")}
    swapped = SwappedSource(fresh_source(), {u.path: u.in_force for u in upcoming if u.path not in not_yet.values()})
    workspace = open_source(root, swapped)
    for handbook in workspace.handbooks.values():
        for clause_id in not_yet:
            handbook.clauses.pop(clause_id, None)
    # The repository as merged is what was validated; an earlier version read in its place
    # is history, not something to fix, so the problems are those of the merged text.
    workspace.problems = written.problems
    return InForce(workspace, written, commit, day, upcoming)


def _blob_sha(raw: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(raw) + raw).hexdigest()


def _versions(where: GitDir, revision: str, current: dict[str, str]) -> dict[str, list[str | None]]:
    """Each path's earlier blobs, newest first (None: the file did not exist before), from one log pass.

    Walks the first-parent line back from `revision`, following each file
    through renames; the current text (`current[path]`, a blob sha) is not
    listed again.
    """
    prefix = where.prefix
    output = log_first_parent_raw(where.toplevel, revision, LOG_FORMAT, [prefix + d for d in CONTENT_DIRS])
    tracked = {path: path for path in current}  # name at this point in time -> current path
    found: dict[str, list[str | None]] = {path: [] for path in current}
    for commit in parse_log(output, prefix):
        if not tracked:
            break
        for record in commit.records:
            name = record.new_path
            if name is None or name not in tracked:
                continue
            path = tracked.pop(name)
            chain = found[path]
            if not chain:
                chain.append(record.new_sha)  # the version at `revision` (the work tree may differ)
            if record.status == "A" or record.old_path is None:
                chain.append(None)
                continue
            chain.append(record.old_sha)
            tracked[record.old_path] = path
    for path, chain in found.items():
        while chain and chain[0] == current[path]:
            chain.pop(0)
    return found


def _choose(where: GitDir, versions: dict[str, list[str | None]], day: dt.date) -> dict[str, bytes | None]:
    """For each path, the newest earlier version in force on `day`, reading one batch of blobs per step back."""
    chosen: dict[str, bytes | None] = {}
    position = dict.fromkeys(versions, 0)
    while position:
        wanted: dict[str, str] = {}
        for path, index in list(position.items()):
            chain = versions[path]
            if index >= len(chain) or chain[index] is None:
                chosen[path] = None  # no earlier version (or beyond a shallow clone): not in force yet
                del position[path]
            else:
                wanted[path] = chain[index]  # type: ignore[assignment]
        blobs = dict(read_blobs(where.toplevel, set(wanted.values()))) if wanted else {}
        for path, sha in wanted.items():
            raw = blobs.get(sha)
            doc = parse(path, raw)[0] if raw is not None else None
            effective = effective_of(doc.data) if doc is not None else None
            if raw is not None and doc is not None and (effective is None or effective <= day):
                chosen[path] = raw
                del position[path]
            else:
                position[path] += 1
    return chosen


class SwappedSource:
    """Another source with some files replaced by other bytes (or left out: None)."""

    def __init__(self, base: Source, swapped: dict[str, bytes | None]) -> None:
        self.base = base
        self.swapped = swapped
        self.label = base.label

    def has_policy_dir(self) -> bool:
        return self.base.has_policy_dir()

    def entries(self) -> list[Entry]:
        found = []
        for entry in self.base.entries():
            if entry.path in self.swapped:
                replacement = self.swapped[entry.path]
                if replacement is None:
                    continue
                entry = Entry(entry.path, len(replacement))
            found.append(entry)
        return found

    def read(self, path: str) -> bytes:
        replacement = self.swapped.get(path)
        return replacement if replacement is not None else self.base.read(path)
