"""Commits streamed into `git fast-import`: one process writes the whole history.

A fast-import stream is far quicker than one `git commit` per edit, and its
marks make the commit ids a pure function of the content, dates and authors.
"""

from __future__ import annotations

import datetime as dt
from typing import IO


class FastImportWriter:
    """Streams commits into `git fast-import`."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream = stream
        self.mark = 0
        self.changes: list[bytes] = []

    def modify(self, path: str, text: str) -> None:
        data = text.encode("utf-8")
        self.changes.append(b"M 100644 inline " + path.encode() + b"\ndata %d\n" % len(data) + data + b"\n")

    def delete(self, path: str) -> None:
        self.changes.append(b"D " + path.encode() + b"\n")

    def commit(self, message: str, when: dt.datetime, author: str) -> int:
        self.mark += 1
        stamp = f"{author} {int(when.timestamp())} +0000"
        body = message.encode("utf-8")
        out = [b"commit refs/heads/main\n", b"mark :%d\n" % self.mark,
               f"author {stamp}\ncommitter {stamp}\n".encode(), b"data %d\n" % len(body), body, b"\n"]
        if self.mark > 1:
            out.append(b"from :%d\n" % (self.mark - 1))
        self.stream.write(b"".join(out + self.changes) + b"\n")
        self.changes = []
        return self.mark

