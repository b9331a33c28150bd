"""What the core reads a repository through: a Source of files and the Entry of each.

A source answers three questions (which files are there, how big is each,
what are its bytes), so loading the work tree and loading a past revision
are one code path. The two implementations, the work tree and a git
revision, do I/O and live outside the core, in `clausebook/source.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

# The folders a clausebook repository keeps its documents in.
CONTENT_DIRS = ("policy", "jurisdictions")


@dataclass(frozen=True)
class Entry:
    """One file of a source: its repository-relative path and size in bytes.

    `escapes` is set when the path is a symlink (or sits under one) that
    resolves outside the repository; `unreadable` says why a path that is not
    a regular file cannot be read (a dangling symlink, a symlink loop, a
    FIFO or device, which would block or never end). Neither is ever read.
    """

    path: str
    size: int
    escapes: bool = False
    unreadable: str | None = None


class Source(Protocol):
    label: str

    def entries(self) -> list[Entry]: ...

    def read(self, path: str) -> bytes: ...

    def has_policy_dir(self) -> bool: ...


# The label a source of the working tree carries (a git revision carries its commit sha).
WORKTREE = "worktree"
