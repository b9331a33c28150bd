"""The one-pass git history scan: every content change and every review of every clause.

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
import functools
import hashlib
import os
import re
import subprocess
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Literal

import yaml

from clausebook.core.assemble import classify
from clausebook.core.errors import UsageError
from clausebook.core.identity import content_key
from clausebook.core.model import GLOBAL, Repository

REVIEW_TRAILER = "Policy-Reviewed"

# Header fields are separated by US (0x1f) and start with RS (0x1e); trailer
# values are separated by GS (0x1d): none of them occurs in names, dates,
# shas or clause ids. The subject comes last, so even a stray separator in it
# cannot shift the other fields.
_LOG_FORMAT = (
    "%x1e%H%x1f%P%x1f%ct%x1f%an%x1f%ae%x1f"
    f"%(trailers:key={REVIEW_TRAILER},valueonly,separator=%x1d)%x1f%s"
)
_NULL_SHA = "0" * 40
_ID_SPLIT = re.compile(r"[\s,]+")

EventKind = Literal["change", "review"]


class NotAGitRepository(UsageError):
    """The repository root is not inside a git work tree, so there is no history to read."""


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

    @property
    def identity(self) -> str:
        """The author as git writes it: `Name <email>`."""
        return f"{self.author} <{self.email}>" if self.email else self.author


KeyReader = Callable[[Iterable[str]], Mapping[str, str]]


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
                 read_keys: KeyReader | None = None) -> None:
        self.shallow = shallow
        self.head = head
        self.truncated = frozenset(truncated)
        self.boundary = boundary
        # jurisdiction id -> the jurisdictions whose changes reach it: global, its ancestors, itself
        self.lineage: Mapping[str, tuple[str, ...]] = lineage or {}
        self._candidates = list(events)
        self._read_keys = read_keys
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


# --- reading the log ---------------------------------------------------------


@dataclass(frozen=True)
class Record:
    """One `--raw` line: a file touched by a commit, with its blobs before and after."""

    status: str  # A, D, M, T or R (C is never asked for)
    old_mode: str
    new_mode: str
    old_sha: str
    new_sha: str
    old_path: str | None  # relative to the repository root; None when outside it or added
    new_path: str | None  # None when outside the root or deleted


@dataclass(frozen=True)
class Commit:
    sha: str
    parents: tuple[str, ...]
    date: dt.date
    author: str
    email: str
    reviewed: tuple[str, ...]
    subject: str
    records: tuple[Record, ...]


def parse_log(output: str, prefix: str = "") -> list[Commit]:
    """Commits from the NUL-separated `git log -z --raw` stream, in log order.

    `prefix` is the repository root's path inside the git work tree ("" or
    "sub/dir/"); paths outside it become None.
    """
    commits: list[Commit] = []
    tokens = output.split("\0")
    header: list[str] | None = None
    records: list[Record] = []

    def finish() -> None:
        if header is not None:
            commits.append(_commit(header, records))

    index = 0
    while index < len(tokens):
        token = tokens[index].lstrip("\n")
        index += 1
        if token.startswith("\x1e"):
            finish()
            header = token[1:].split("\x1f", 6)
            records = []
        elif token.startswith(":"):
            meta = token[1:].split(" ")
            old_mode, new_mode, old_sha, new_sha, status = meta[0], meta[1], meta[2], meta[3], meta[4][:1]
            first = tokens[index]
            index += 1
            second = None
            if status in ("R", "C"):
                second = tokens[index]
                index += 1
            old_path, new_path = (first, second) if second is not None else (first, first)
            if status == "A":
                old_path = None  # type: ignore[assignment]
            if status == "D":
                new_path = None  # type: ignore[assignment]
            records.append(Record(status, old_mode, new_mode, old_sha, new_sha,
                                  _inside(old_path, prefix), _inside(new_path, prefix)))
        # anything else is the empty tail after the last NUL
    finish()
    return commits


def _inside(path: str | None, prefix: str) -> str | None:
    if path is None:
        return None
    if not prefix:
        return path
    return path[len(prefix):] if path.startswith(prefix) else None


def _commit(header: list[str], records: list[Record]) -> Commit:
    sha, parents, stamp, author, email, trailers, subject = (header + [""] * 7)[:7]
    reviewed = tuple(dict.fromkeys(
        clause for value in trailers.split("\x1d") for clause in _ID_SPLIT.split(value.strip()) if clause
    ))
    date = dt.datetime.fromtimestamp(int(stamp), tz=dt.UTC).date()
    return Commit(sha, tuple(parents.split()), date, author, email, reviewed, subject, tuple(records))


# --- turning commits into events ---------------------------------------------


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
        found: list[Event] = []

        def event(clause: str, kind: EventKind, jurisdictions: tuple[str, ...], path: str,
                  blobs: tuple[str, str] | None = None) -> None:
            found.append(Event(clause, kind, commit.sha, commit.date, commit.author, jurisdictions,
                               commit.subject, path, commit.email, blobs))

        for clause in commit.reviewed:
            event(clause, "review", (), "")
        on_line = commit.sha in line
        at_boundary = commit.sha in boundary
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
                event(clause, "change", jurisdictions, new or "")
            elif after is not None:  # created (or moved in from a file that is not a clause)
                event(clause, "change", (after[1],), new or "")
            else:  # deleted (or moved out)
                event(clause, "change", (before[1],), old or "")  # type: ignore[index]
        found.sort(key=lambda e: (e.clause, e.kind != "change", e.path))
        events.extend(found)
    # Newest first by date; the log's order (children before parents) breaks ties.
    events.sort(key=lambda e: e.date, reverse=True)
    return events, frozenset(truncated)


def _jurisdiction_order(jurisdiction: str) -> tuple[bool, str]:
    return (jurisdiction != GLOBAL, jurisdiction)


# --- git at the edge -----------------------------------------------------------


@dataclass(frozen=True)
class GitDir:
    """Where a repository root sits in git: its work tree, git dir and HEAD."""

    toplevel: Path
    git_dir: Path
    prefix: str  # the root's path inside the work tree, "" or "sub/dir/"
    head: str | None  # None before the first commit
    shallow: bool
    shallow_file: Path  # where git lists a shallow clone's boundary commits


def run_git(cwd: Path, *args: str, check: bool = True, input: str | None = None,
            env: Mapping[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run one git command; with `check`, a failure becomes a UsageError quoting git."""
    full_env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C", **(env or {})}
    proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, input=input, env=full_env,
                          text=True, encoding="utf-8", errors="replace")
    if check and proc.returncode != 0:
        lines = proc.stderr.strip().splitlines()
        detail = lines[-1].removeprefix("fatal: ") if lines else f"exit code {proc.returncode}"
        raise UsageError(f"git {args[0]} failed: {detail}")
    return proc


def locate(root: Path) -> GitDir:
    """The git facts about `root`; NotAGitRepository when it is not in a work tree."""
    root = Path(root).resolve()
    if not root.is_dir():
        raise NotAGitRepository(f"{root.name or root}: not a directory")
    try:
        proc = run_git(root, "rev-parse", "--show-toplevel", "--absolute-git-dir", "--is-shallow-repository",
                       "--git-path", "shallow", check=False)
    except FileNotFoundError:
        raise NotAGitRepository("git is not installed; review tracking reads the git history") from None
    lines = proc.stdout.splitlines()
    if proc.returncode != 0 or len(lines) < 4:
        detail = proc.stderr.strip().splitlines()
        reason = detail[-1].removeprefix("fatal: ") if detail else "no git work tree"
        raise NotAGitRepository(f"{root.name or root}: not inside a git work tree ({reason}); "
                                "review tracking reads the git history")
    toplevel, git_dir, shallow = Path(lines[0]).resolve(), Path(lines[1]), lines[2] == "true"
    shallow_file = Path(lines[3]) if Path(lines[3]).is_absolute() else root / lines[3]
    prefix = root.relative_to(toplevel).as_posix() if root != toplevel else ""
    head_proc = run_git(root, "rev-parse", "--verify", "--quiet", "HEAD^{commit}", check=False)
    head = (head_proc.stdout.strip() or None) if head_proc.returncode == 0 else None
    return GitDir(toplevel, git_dir, f"{prefix}/" if prefix else "", head, shallow, shallow_file)


def shallow_boundary(where: GitDir) -> set[str]:
    """The commits whose parents a shallow clone does not have."""
    if not where.shallow:
        return set()
    try:
        return set(where.shallow_file.read_text(encoding="ascii").split())
    except OSError:
        return set()


def read_log(where: GitDir) -> str:
    proc = run_git(
        where.toplevel,
        "-c", "log.showSignature=false", "-c", "core.quotePath=false",
        "log", "HEAD", "--topo-order", "--diff-merges=first-parent", "-M", "--raw", "--no-abbrev", "-z",
        "--no-color", "--no-ext-diff", "--no-textconv", f"--format={_LOG_FORMAT}",
    )
    return proc.stdout


class _KeysAsWritten(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):  # type: ignore[misc]
    """PyYAML's loader, but mapping keys stay the text written, as in `loader.parse`.

    Without this, `no:` or `on:` would become booleans here and strings in
    the work tree, and the two would never compare equal.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        mapping = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else self.construct_object(key_node, deep=True)
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def content_key_of_blob(raw: bytes, sha: str) -> str:
    """A digest of the content key of a file's bytes; a file that does not parse differs from everything."""
    try:
        return _digest(content_key(yaml.load(raw, Loader=_KeysAsWritten)))
    except (yaml.YAMLError, TypeError, ValueError, RecursionError, UnicodeDecodeError):
        return f"unparsed {sha}"


def _digest(key: str) -> str:
    return hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


# Content keys never change for a blob sha: keep them across scans (a
# `mkdocs serve` rebuild only reads the blobs of new commits).
_KEY_CACHE: dict[str, str] = {}


def blob_keys(git_dir: Path, shas: Iterable[str]) -> dict[str, str]:
    """Content keys of many blobs, read through one `git cat-file --batch` process.

    All requests are written from a helper thread while this thread reads
    the answers, so git never waits for a round trip.
    """
    wanted = [s for s in dict.fromkeys(shas) if s not in _KEY_CACHE and s != _NULL_SHA]
    if wanted:
        proc = subprocess.Popen(["git", "--git-dir", str(git_dir), "cat-file", "--batch"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        assert proc.stdin is not None and proc.stdout is not None
        writer = threading.Thread(target=_write_requests, args=(proc.stdin, wanted), daemon=True)
        writer.start()
        try:
            for sha, raw in _read_answers(proc.stdout, len(wanted)):
                _KEY_CACHE[sha] = content_key_of_blob(raw, sha) if raw is not None else f"missing {sha}"
        finally:
            writer.join()
            proc.stdout.close()
            proc.wait()
    return {s: _KEY_CACHE.get(s, f"missing {s}") for s in shas}


def _write_requests(stream: IO[bytes], shas: list[str]) -> None:
    try:
        stream.write("".join(f"{s}\n" for s in shas).encode("ascii"))
    except BrokenPipeError:
        pass
    finally:
        try:
            stream.close()
        except BrokenPipeError:
            pass


def _read_answers(stream: IO[bytes], count: int) -> Iterator[tuple[str, bytes | None]]:
    for _ in range(count):
        header = stream.readline()
        if not header:
            return
        parts = header.split()
        sha = parts[0].decode("ascii", "replace")
        if len(parts) < 3 or parts[1] == b"missing":
            yield sha, None
            continue
        size = int(parts[2])
        raw = stream.read(size)
        stream.read(1)  # the newline after the content
        yield sha, raw if parts[1] == b"blob" else None


# --- the scan ---------------------------------------------------------------------

# The last scan per (git dir, HEAD, root, shallow boundary): a MkDocs rebuild
# or a second command in one process does not read the history again.
_SCAN_CACHE: dict[tuple, tuple[list[Event], frozenset[str], dt.date | None]] = {}


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

    def finish(self, repo: Repository) -> History:
        if self._thread is not None:
            self._thread.join()
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
        return History(where.shallow, where.head, events, truncated, oldest, lineage,
                       read_keys=_key_reader(where.git_dir, repo))


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


def _key_reader(git_dir: Path, repo: Repository) -> KeyReader:
    """Content keys by blob sha: from the work tree's parsed documents when a blob is
    exactly a file there (usually the newest version of every clause), else from git."""
    documents = [c.doc for c in repo.clauses().values()]
    documents += [o.doc for j in repo.jurisdictions.values() for o in j.overlays]
    parsed = {}
    for doc in documents:
        raw = doc.text.encode("utf-8")
        parsed[hashlib.sha1(b"blob %d\0" % len(raw) + raw).hexdigest()] = doc

    def read(shas: Iterable[str]) -> dict[str, str]:
        shas = list(shas)
        found = {sha: _digest(content_key(parsed[sha].data)) for sha in shas if sha in parsed}
        found.update(blob_keys(git_dir, [sha for sha in shas if sha not in found]))
        return found

    return read
