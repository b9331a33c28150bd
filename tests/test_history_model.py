"""The questions a History answers, on histories built from plain events (no git)."""

from __future__ import annotations

import datetime as dt

from clausebook.history.model import History


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_a_history_built_from_plain_events() -> None:
    from clausebook.history.events import Event

    def event(clause_id: str, kind: str, day: int, jurisdictions: tuple[str, ...] = ("global",)) -> Event:
        return Event(clause_id, kind, f"{day:040d}", dt.date(2025, 1, day), "Ada", jurisdictions, "s",
                     "" if kind == "review" else f"policy/p/{clause_id}.yaml")

    events = [event("a", "review", 9, ()), event("a", "change", 5, ("us-ca",)), event("b", "change", 3),
              event("a", "change", 1)]
    history = History(False, "f" * 40, events, lineage={"us": ("global", "us"), "us-ca": ("global", "us", "us-ca")})
    assert history.events == events
    assert history.last_change("a").date == d("2025-01-05") and history.last_review("a").date == d("2025-01-09")
    assert history.last_change("a", as_of=d("2025-01-04")).date == d("2025-01-01")
    assert history.last_review("a", as_of=d("2025-01-08")) is None
    assert [e.clause for e in history.changes(jurisdiction="us")] == ["b", "a"]
    assert [e.date.day for e in history.changes(jurisdiction="us-ca")] == [5, 3, 1]
    assert [e.date.day for e in history.changes(limit=1)] == [5]
