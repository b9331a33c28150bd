"""Where repository files come from: the work tree, or a git revision.

Both sources answer the same three questions (which YAML files are there, how
big is each, what are its bytes), so loading, checking and resolving a past
revision is the same code path as loading the work tree. A git revision is
read from the object database (no checkout, no temporary work tree), through
`clausebook.git`.
"""

from __future__ import annotations

import errno
import os
import posixpath
import stat
from collections.abc import Generator, Iterable
from pathlib import Path

from clausebook.core.loader import MAX_FILE_BYTES
from clausebook.core.sources import CONTENT_DIRS, WORKTREE, Entry
from clausebook.git import GitDir, locate, ls_tree, read_blobs, resolve_commit, unknown_revision


def _not_regular(mode: int) -> str | None:
    """Why a file of this mode is not read, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO), not a regular file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a regular file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a regular file"
    return "not a regular file"


class WorktreeSource:
    """The files on disk under `root`."""

    label = WORKTREE

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
                        found.append(Entry(rel, status.st_size, unreadable=_not_regular(status.st_mode)))
                        continue
                    found.append(self._link_entry(rel, full))
        return found

    def _link_entry(self, rel: str, full: str) -> Entry:
        try:
            real = os.path.realpath(full, strict=True)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                return Entry(rel, 0, unreadable="a symlink loop: it never reaches a file")
            return Entry(rel, 0, unreadable=f"a symlink to nothing ({os.readlink(full)} does not exist)")
        if not self._inside(real):
            return Entry(rel, 0, escapes=True)
        try:
            status = os.stat(real)
        except OSError as exc:
            return Entry(rel, 0, unreadable=f"cannot be read: {exc.strerror or exc}")
        return Entry(rel, status.st_size, unreadable=_not_regular(status.st_mode))

    def read(self, path: str) -> bytes:
        # Non-blocking, then checked: a FIFO swapped in after the listing must
        # not block the command, nor a device feed it forever.
        descriptor = os.open(os.path.join(self.root, path), os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(descriptor, "rb") as handle:
            reason = _not_regular(os.fstat(handle.fileno()).st_mode)
            if reason:
                raise OSError(f"{path} is {reason}")
            return handle.read(MAX_FILE_BYTES + 1)


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
            raise unknown_revision(self.where, revision)
        self.revision = revision
        self.commit = commit
        self.label = commit
        prefix = self.root.relative_to(self.where.toplevel).as_posix()
        self.prefix = "" if prefix == "." else prefix + "/"
        self._blobs: dict[str, tuple[str, str, int]] | None = None  # path -> (mode, sha, size)
        self._wanted: set[str] | None = None  # the paths to read ahead; None: all
        # The read-ahead batch, as git answers it.
        self._stream: Generator[tuple[str, bytes | None], None, None] | None = None
        self._coming: set[str] | None = None  # blob ids asked for in that batch and not yet answered
        self._ahead: dict[str, bytes] = {}  # blob ids answered before they were wanted -> bytes

    def close(self) -> None:
        """Stop the read-ahead batch, if one is still running (a load that ended early)."""
        self._end_stream()

    def _end_stream(self) -> None:
        if self._stream is not None:
            stream, self._stream = self._stream, None
            stream.close()  # stops git and reaps the process
        self._coming = set()

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
                target, reason = self._final_target(path)
                if target is None:
                    found.append(Entry(path, 0, escapes=reason is None, unreadable=reason))
                    continue
                size = listing[target][2]
            found.append(Entry(path, size))
        return found

    def _read_ahead(self) -> None:
        """Start reading every blob of the listing through one `git cat-file --batch` process.

        A whole revision is read file after file; asking git for each blob
        in turn would cost a process per file, and that was most of the time
        it took to read a revision. The blobs are asked for in the order the
        files are listed (so read), and taken from git's answers as each is
        wanted, so git reads the next ones while this process parses the
        last. Blobs are handed out once (see `_blob`).
        """
        if self._coming is not None:
            return
        listing = self._listing()
        # Files over the size limit are never parsed: do not fetch them either.
        shas = list(dict.fromkeys(sha for path, (_, sha, size) in sorted(listing.items())
                                  if size <= MAX_FILE_BYTES and (self._wanted is None or path in self._wanted)))
        self._coming = set(shas)
        self._stream = read_blobs(self.where.toplevel, shas)

    def _from_stream(self, sha: str) -> bytes | None:
        """The blob `sha` from the read-ahead batch; None when it is not coming there."""
        self._read_ahead()
        ahead = self._ahead.pop(sha, None)
        if ahead is not None:
            return ahead
        assert self._coming is not None
        while sha in self._coming and self._stream is not None:
            try:
                answered, raw = next(self._stream)
            except StopIteration:  # git stopped early: what is left is asked for one by one
                self._end_stream()
                break
            self._coming.discard(answered)
            if not self._coming:
                self._end_stream()
            if answered == sha:
                return raw
            if raw is not None:
                self._ahead[answered] = raw
        return None

    def fingerprint(self, path: str) -> str | None:
        """The blob id of a (non-symlink) file: equal ids are equal bytes, known without reading them."""
        mode, sha, _ = self._listing()[path]
        return None if mode == "120000" else sha

    def will_read(self, paths: Iterable[str]) -> None:
        """Only these files are read (the rest are known by their blob id): fetch just them, in one batch."""
        self._wanted = set(paths)

    def _blob(self, sha: str) -> bytes:
        ahead = self._from_stream(sha)
        if ahead is not None:
            return ahead
        # Asked for twice, or too big to read ahead: one more batch of one.
        for _, raw in read_blobs(self.where.toplevel, [sha]):
            if raw is not None:
                return raw
        raise OSError(f"blob {sha} is missing from the git object database")

    def _final_target(self, path: str) -> tuple[str | None, str | None]:
        """The regular file a stored symlink ends at, else (None, why); (None, None) when it leaves the repository."""
        listing = self._listing()
        current = path
        for _ in range(40):  # as many hops as the kernel follows
            if listing[current][0] != "120000":
                return current, None
            target = self._link_target(current)
            if target is None:
                return None, None
            if target not in listing:
                return None, f"a symlink to nothing ({target} is not in this revision)"
            current = target
        return None, "a symlink loop: it never reaches a file"

    def read(self, path: str) -> bytes:
        listing = self._listing()
        mode, sha, _ = listing[path]
        if mode == "120000":
            target, reason = self._final_target(path)
            if target is None:
                raise OSError(f"{path}: {reason or 'symlink points outside the repository'}")
            sha = listing[target][1]
        return self._blob(sha)
