"""The one-pass git history scan: every content change and every review of every clause.

This module runs the scan (`begin_scan` / `finish`, `scan`), keeps its
caches and gives the content keys of blobs; the log format and its parsing
live in `history.log`, commits become events in `history.events`, and the
questions are answered by `history.model.History`.

One `git log` stream answers it all. Each commit brings its parents, its
committer date, its author, its `Policy-Reviewed` trailers and its `--raw`
records (old and new blob sha of every file it touched), so deciding whether
an edit changed a clause's *content* needs no per-file git call: the blobs are
read in batches through `git cat-file --batch`, parsed, and compared with
`model.content_key` (the same definition of "same content" the diff uses),
once per blob sha. That decision is lazy: the newest change of every clause
(what review status needs) reads about two blobs a clause, and a blob that is
exactly a work-tree file is not read at all (its parsed document is at hand).

What counts (DESIGN.md, "Review tracking"):

* a **change** is a commit on the first-parent line of HEAD that changed the
  parsed content of a clause file or of an overlay targeting the clause
  (creation and deletion included). Formatting-only edits do not count; a
  file moved with its id is followed through the rename, so the move alone is
  no change;
* a **review** is any commit reachable from HEAD with a trailer
  `Policy-Reviewed: <clause-id>`. Reviews recorded on a branch that was merged
  with a merge commit count too, at their own commit date (the content the
  reviewer saw).

The log is not limited to `policy/` and `jurisdictions/` with a pathspec:
git drops commits that touch none of those paths from a path-limited log,
and a review is exactly such a commit (an empty one).

Shallow clones: the oldest commit of a shallow clone looks like a root commit
whose diff adds every file. Those additions are not changes; a clause whose
file is already there at that boundary is listed in `History.truncated`: its
real last change is older than anything we can see.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from collections.abc import Iterable
from pathlib import Path

from clausebook.core.errors import UsageError
from clausebook.core.identity import content_key
from clausebook.core.loader import Document, parse
from clausebook.core.model import GLOBAL, Repository
from clausebook.git import GitDir, locate, read_blobs, shallow_boundary
from clausebook.history.events import Event, build_events, first_parent_line
from clausebook.history.log import parse_log, read_log
from clausebook.history.model import DataReader, History, KeyReader


def content_key_of_blob(raw: bytes, sha: str) -> str:
    """A digest of the content key of a file's bytes, parsed by the one loader.

    The same `loader.parse` that loads the work tree, so keys stay as
    written (`no:`, `on:`) and unquoted dates read the same; a file that does
    not parse differs from everything.
    """
    document, _ = parse(sha, raw)
    return document_key(document.data) if document is not None else f"unparsed {sha}"


def document_key(data: object) -> str:
    """A short digest of a parsed document's content key: what the history compares blobs by."""
    return hashlib.blake2b(content_key(data).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


# Content keys never change for a blob sha: keep them across scans (a
# `mkdocs serve` rebuild only reads the blobs of new commits). The parsed data
# is kept beside the key, so the changes page can say what an edit changed
# without reading or parsing the blob again.
_KEY_CACHE: dict[str, str] = {}
_DATA_CACHE: dict[str, object] = {}


def blob_keys(cwd: Path, shas: Iterable[str]) -> dict[str, str]:
    """Content keys of many blobs (`cwd` is inside the repository), read in one batch."""
    wanted = [sha for sha in dict.fromkeys(shas) if sha not in _KEY_CACHE]
    for sha, raw in read_blobs(cwd, wanted):
        document = parse(sha, raw)[0] if raw is not None else None
        _DATA_CACHE[sha] = document.data if document is not None else None
        _KEY_CACHE[sha] = (document_key(document.data) if document is not None else f"unparsed {sha}") \
            if raw is not None else f"missing {sha}"
    return {sha: _KEY_CACHE.get(sha, f"missing {sha}") for sha in shas}


def blob_data(cwd: Path, shas: Iterable[str]) -> dict[str, object]:
    """The parsed data of many blobs (None for one that does not parse), reusing what the keys read."""
    blob_keys(cwd, shas)
    return {sha: _DATA_CACHE.get(sha) for sha in shas}


# --- the scan ---------------------------------------------------------------------

# The last scan per (git dir, HEAD, root, shallow boundary): a MkDocs rebuild
# or a second command in one process does not read the history again.
_SCAN_CACHE: dict[tuple[str, ...] | tuple[object, ...], tuple[list[Event], frozenset[str], dt.date | None]] = {}


class PendingScan:
    """A history scan under way: `git log` runs while the caller loads the work tree.

    `begin_scan(root)` starts the log in a background thread (git does the
    work; the thread only waits on the pipe), `finish(repo)` parses it.
    A root outside git raises NotAGitRepository from `finish`, so a caller
    can report "not a clausebook repository" first.
    """

    def __init__(self, root: Path) -> None:
        self._error: UsageError | None = None
        self._output: str | None = None
        self._thread: threading.Thread | None = None
        self.where: GitDir | None = None
        self.cache_key: tuple = ()
        try:
            self.where = locate(Path(root))
        except UsageError as exc:
            self._error = exc
            return
        if self.where.head is None:
            return
        self.boundary = shallow_boundary(self.where)
        self.cache_key = (str(self.where.git_dir), self.where.head, self.where.prefix, frozenset(self.boundary))
        if self.cache_key not in _SCAN_CACHE:
            self._thread = threading.Thread(target=self._read, daemon=True)
            self._thread.start()

    def _read(self) -> None:
        try:
            self._output = read_log(self.where)  # type: ignore[arg-type]
        except UsageError as exc:
            self._error = exc

    def wait(self) -> None:
        """Until git's log is read (not parsed): a process about to fork must not have the reader running."""
        if self._thread is not None:
            self._thread.join()

    def finish(self, repo: Repository) -> History:
        self.wait()
        if self._error is not None:
            raise self._error
        where = self.where
        assert where is not None
        lineage = {GLOBAL: (GLOBAL,), **{j: (GLOBAL, *repo.ancestors(j)) for j in repo.jurisdictions}}
        if where.head is None:
            return History(where.shallow, None, [], lineage=lineage)
        cached = _SCAN_CACHE.get(self.cache_key)
        if cached is None:
            commits = parse_log(self._output or "", where.prefix)
            line = first_parent_line(commits, where.head)
            events, truncated = build_events(commits, where.head, self.boundary)
            oldest = min((c.date for c in commits if c.sha in self.boundary and c.sha in line), default=None)
            cached = (events, truncated, oldest)
            _SCAN_CACHE.clear()  # one entry is all a long-running process needs
            _SCAN_CACHE[self.cache_key] = cached
        events, truncated, oldest = cached
        read_keys, read_data = _readers(where.toplevel, repo)
        return History(where.shallow, where.head, events, truncated, oldest, lineage,
                       read_keys=read_keys, read_data=read_data)


def begin_scan(root: Path) -> PendingScan:
    """Start reading the history of the repository at `root`; `.finish(repo)` gives the History."""
    return PendingScan(root)


def scan(root: Path, repo: Repository) -> History:
    """Read the whole history of the repository at `root` in one pass.

    `repo` is the loaded repository; it gives the jurisdiction tree that
    `History.changes(jurisdiction=...)` needs, and its parsed documents
    spare reading the blobs they already are.
    """
    return begin_scan(root).finish(repo)


def _readers(cwd: Path, repo: Repository) -> tuple[KeyReader, DataReader]:
    """Content keys and parsed data by blob sha: from the work tree's parsed documents when a
    blob is exactly a file there (usually the newest version of every clause), else from git."""
    documents = [c.doc for c in repo.clauses().values()]
    documents += [o.doc for j in repo.jurisdictions.values() for o in j.overlays]
    parsed: dict[str, Document] = {}
    for doc in documents:
        raw = doc.text.encode("utf-8")
        parsed[hashlib.sha1(b"blob %d\0" % len(raw) + raw).hexdigest()] = doc

    def read(shas: Iterable[str]) -> dict[str, str]:
        shas = list(shas)
        found = {sha: document_key(parsed[sha].data) for sha in shas if sha in parsed}
        found.update(blob_keys(cwd, [sha for sha in shas if sha not in found]))
        return found

    def data(shas: Iterable[str]) -> dict[str, object]:
        shas = list(shas)
        found: dict[str, object] = {sha: parsed[sha].data for sha in shas if sha in parsed}
        found.update(blob_data(cwd, [sha for sha in shas if sha not in found]))
        return found

    return read, data
