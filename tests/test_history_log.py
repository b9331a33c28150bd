"""Parsing the `git log` stream into commits, and the events those commits make."""

from __future__ import annotations

import datetime as dt

from clausebook.history.events import build_events
from clausebook.history.log import parse_log


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_parse_log_reads_renames_and_paths_with_spaces() -> None:
    z = "0" * 40
    a, b = "a" * 40, "b" * 40
    out = (f"\x1e{'1' * 40}\x1f{'2' * 40}\x1f1736499600\x1fAda\x1fada@example.com\x1fx\x1dy z\x1fMove, edit\0\n"
           f":100644 100644 {a} {b} R087\0policy/p/old name.yaml\0policy/p/new.yaml\0"
           f":000000 100644 {z} {a} A\0jurisdictions/de/overlays/x.yaml\0"
           f"\x1e{'2' * 40}\x1f\x1f1736413200\x1fAda\x1fada@example.com\x1f\x1fFirst\0")
    commits = parse_log(out)
    assert [c.sha[0] for c in commits] == ["1", "2"]
    first = commits[0]
    assert first.reviewed == ("x", "y", "z") and first.subject == "Move, edit" and first.date == d("2025-01-10")
    assert [(r.status, r.old_path, r.new_path) for r in first.records] == [
        ("R", "policy/p/old name.yaml", "policy/p/new.yaml"), ("A", None, "jurisdictions/de/overlays/x.yaml")]
    events, _ = build_events(commits, "1" * 40)
    assert {(e.clause, e.kind) for e in events} == {("new", "change"), ("x", "change"), ("x", "review"),
                                                    ("y", "review"), ("z", "review")}
