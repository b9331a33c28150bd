"""Where repository files come from: the work tree, or a git revision.

Both sources answer the same three questions (which YAML files are there, how
big is each, what are its bytes), so loading, checking and resolving a past
revision is the same code path as loading the work tree. A git revision is
read from the object database (no checkout, no temporary work tree), through
`clausebook.git`.
"""

from __future__ import annotations

import os
import posixpath
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from clausebook.core.errors import UsageError
from clausebook.core.loader import MAX_FILE_BYTES
from clausebook.git import GitDir, locate, ls_tree, read_blobs, resolve_commit

# The folders a clausebook repository keeps its documents in.
CONTENT_DIRS = ("policy", "jurisdictions")


@dataclass(frozen=True)
class Entry:
    """One file of a source: its repository-relative path and size in bytes.

    `escapes` is set when the path is a symlink (or sits under one) that
    resolves outside the repository; such a file is never read.
    """

    path: str
    size: int
    escapes: bool = False


class Source(Protocol):
    label: str

    def entries(self) -> list[Entry]: ...

    def read(self, path: str) -> bytes: ...

    def has_policy_dir(self) -> bool: ...


class WorktreeSource:
    """The files on disk under `root`."""

    label = "worktree"

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root).resolve()

    def has_policy_dir(self) -> bool:
        return (self.root / "policy").is_dir()

    def _inside(self, real: str) -> bool:
        root = str(self.root)
        return real == root or real.startswith(root + os.sep)

    def entries(self) -> list[Entry]:
        found: list[Entry] = []
        for top in CONTENT_DIRS:
            base = self.root / top
            if not base.is_dir():
                continue
            if not self._inside(os.path.realpath(base)):
                found.append(Entry(top, 0, escapes=True))
                continue
            seen_dirs: set[str] = set()
            for dirpath, dirnames, filenames in os.walk(base, followlinks=True):
                real_dir = os.path.realpath(dirpath)
                rel_dir = Path(dirpath).relative_to(self.root).as_posix()
                if not self._inside(real_dir):
                    found.append(Entry(rel_dir, 0, escapes=True))
                    dirnames[:] = []
                    continue
                if real_dir in seen_dirs:  # a symlink loop inside the repository
                    dirnames[:] = []
                    continue
                seen_dirs.add(real_dir)
                dirnames.sort()
                for name in sorted(filenames):
                    if name.startswith("."):
                        continue
                    full = os.path.join(dirpath, name)
                    rel = f"{rel_dir}/{name}"
                    try:
                        status = os.lstat(full)
                    except OSError:
                        continue  # gone since the folder was listed
                    if not stat.S_ISLNK(status.st_mode):
                        # Not a link, in a folder already known to be inside: no realpath needed.
                        found.append(Entry(rel, status.st_size))
                        continue
                    real = os.path.realpath(full)
                    if not self._inside(real):
                        found.append(Entry(rel, 0, escapes=True))
                        continue
                    try:
                        size = os.stat(real).st_size
                    except OSError:
                        continue  # a dangling symlink: nothing to read
                    found.append(Entry(rel, size))
        return found

    def read(self, path: str) -> bytes:
        with open(os.path.join(self.root, path), "rb") as handle:
            return handle.read()


class GitSource:
    """The files of one git revision, read from the object database.

    `root` may be a sub-folder of the git work tree; paths stay relative to it.
    `where` is `locate(root)` when the caller has it already (a diff
    opens two revisions of one repository).
    """

    def __init__(self, root: str | os.PathLike[str], revision: str, where: GitDir | None = None) -> None:
        self.root = Path(root).resolve()
        self.where = where or locate(self.root)
        commit = resolve_commit(self.where.toplevel, revision)
        if commit is None:
            raise UsageError(f"unknown git revision '{revision}'")
        self.revision = revision
        self.commit = commit
        self.label = commit
        prefix = self.root.relative_to(self.where.toplevel).as_posix()
        self.prefix = "" if prefix == "." else prefix + "/"
        self._blobs: dict[str, tuple[str, str, int]] | None = None  # path -> (mode, sha, size)
        self._contents: dict[str, bytes] | None = None  # sha -> bytes, read ahead in one batch
        self._wanted: set[str] | None = None  # the paths to read ahead; None: all

    def close(self) -> None:
        """Nothing to release (each git call is its own process); kept so `with GitSource(...)` reads well."""

    def __enter__(self) -> GitSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _listing(self) -> dict[str, tuple[str, str, int]]:
        if self._blobs is None:
            entries = ls_tree(self.where.toplevel, self.commit, [self.prefix + d for d in CONTENT_DIRS])
            self._blobs = {entry.path[len(self.prefix):]: (entry.mode, entry.sha, entry.size)
                           for entry in entries if entry.kind == "blob"}
        return self._blobs

    def has_policy_dir(self) -> bool:
        return any(p.startswith("policy/") for p in self._listing())

    def _link_target(self, path: str) -> str | None:
        """Where a symlink stored in git points, relative to the root; None if outside."""
        mode, sha, _ = self._listing()[path]
        target = self._blob(sha).decode("utf-8", "replace")
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
        if target.startswith("/") or joined == ".." or joined.startswith("../"):
            return None
        return joined

    def entries(self) -> list[Entry]:
        found = []
        listing = self._listing()
        for path in sorted(listing):
            mode, sha, size = listing[path]
            if posixpath.basename(path).startswith("."):
                continue
            if mode == "120000":
                target = self._link_target(path)
                if target is None or target not in listing:
                    found.append(Entry(path, 0, escapes=target is None))
                    continue
                size = listing[target][2]
            found.append(Entry(path, size))
        return found

    def _read_ahead(self) -> dict[str, bytes]:
        """Every blob of the listing, through one `git cat-file --batch` process.

        A whole revision is read file after file; asking git for each blob
        in turn would cost a process per file, and that was most of the time
        it took to read a revision. Blobs are handed out once (see `_blob`).
        """
        if self._contents is None:
            # Files over the size limit are never parsed: do not fetch them either.
            shas = dict.fromkeys(sha for path, (_, sha, size) in self._listing().items()
                                 if size <= MAX_FILE_BYTES and (self._wanted is None or path in self._wanted))
            self._contents = {sha: raw for sha, raw in read_blobs(self.where.toplevel, shas) if raw is not None}
        return self._contents

    def fingerprint(self, path: str) -> str | None:
        """The blob id of a (non-symlink) file: equal ids are equal bytes, known without reading them."""
        mode, sha, _ = self._listing()[path]
        return None if mode == "120000" else sha

    def will_read(self, paths: Iterable[str]) -> None:
        """Only these files are read (the rest are known by their blob id): fetch just them, in one batch."""
        self._wanted = set(paths)

    def _blob(self, sha: str) -> bytes:
        ahead = self._read_ahead().pop(sha, None)
        if ahead is not None:
            return ahead
        # Asked for twice, or too big to read ahead: one more batch of one.
        for _, raw in read_blobs(self.where.toplevel, [sha]):
            if raw is not None:
                return raw
        raise OSError(f"blob {sha} is missing from the git object database")

    def read(self, path: str) -> bytes:
        listing = self._listing()
        mode, sha, _ = listing[path]
        if mode == "120000":
            target = self._link_target(path)
            if target is None:
                raise OSError(f"{path}: symlink points outside the repository")
            return self.read(target)
        return self._blob(sha)
