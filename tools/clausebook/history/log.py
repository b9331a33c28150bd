"""Reading the git log: the format clausebook asks for, and the commits parsed from it.

`LOG_FORMAT` makes every commit one header (sha, parents, committer date,
author, `Policy-Reviewed` trailers, subject) followed by its `--raw` records
(old and new blob sha of every file it touched); `parse_log` turns that
NUL-separated stream into `Commit`s with paths relative to the clausebook
root. Nothing here decides what a change is (see `history.events`).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from clausebook.git import GitDir, day_of, log_raw

REVIEW_TRAILER = "Policy-Reviewed"

# Header fields are separated by US (0x1f) and start with RS (0x1e); trailer
# values are separated by GS (0x1d): none of them occurs in names, dates,
# shas or clause ids. The subject comes last, so even a stray separator in it
# cannot shift the other fields.
LOG_FORMAT = (
    "%x1e%H%x1f%P%x1f%ct%x1f%an%x1f%ae%x1f"
    f"%(trailers:key={REVIEW_TRAILER},valueonly,separator=%x1d)%x1f%s"
)
_ID_SPLIT = re.compile(r"[\s,]+")


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
    date = day_of(stamp)
    return Commit(sha, tuple(parents.split()), date, author, email, reviewed, subject, tuple(records))



def read_log(where: GitDir) -> str:
    """The `git log` stream of every commit reachable from HEAD, for `parse_log`."""
    return log_raw(where.toplevel, LOG_FORMAT)
