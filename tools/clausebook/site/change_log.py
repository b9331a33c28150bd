"""What each change did to one handbook, in words: the rows of a handbook's changes page.

`handbook_changes(ctx, jurisdiction)` turns the history's change events that
reach a handbook into `ChangeRow`s, newest first: one row per clause per
commit, with what changed in words ("level must → should", "text reworded",
"added", "removed in Germany"), material or editorial, and the word redlines
of the fields an edit changed. The words come from comparing the parsed
content of the blob before and after (`History.blob_data`, the same parse
that decided the edit was a change, so nothing is read twice); whether it is
material follows `diff.materiality` (level, audience, channels, or the count
of obligation phrases).

The file an event changed decides the wording: a clause file changes the
company-wide text; an overlay is one country's adaptation ("adapted in
Germany", "removed in Germany", "Germany's adaptation withdrawn").

Every fixed string a reader sees is in this module (or `changes_page`), so
it can be translated in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from clausebook.core.identity import canonical
from clausebook.core.model import GLOBAL
from clausebook.diff.fields import field_label, field_sort_key, field_text
from clausebook.diff.materiality import SCOPE_FIELDS, obligations
from clausebook.diff.redline import Segment, changed, redline
from clausebook.site.context import SiteContext

MATERIAL, EDITORIAL = "material", "editorial"
# Fields that are bookkeeping rather than what the clause says.
QUIET_FIELDS = frozenset({"id", "lint_ignore"})
ACTION_WORDS = {"remove": "removed in {where}", "add": "added in {where}", "replace": "replaced in {where}",
                "amend": "adapted in {where}"}


@dataclass
class ChangeRow:
    clause: str
    date: Any  # datetime.date
    commit: str
    subject: str
    what: str  # in words, for a reader
    material: bool
    redlines: list[tuple[str, list[Segment]]] = field(default_factory=list)  # (field label, segments)

    @property
    def anchor(self) -> str:
        return f"change-{self.commit[:10]}-{self.clause}"

    @property
    def kind(self) -> str:
        return MATERIAL if self.material else EDITORIAL


def handbook_changes(ctx: SiteContext, jurisdiction: str) -> list[ChangeRow]:
    """Every change that reached `jurisdiction`'s handbook, newest first, one row per clause per commit."""
    history = ctx.facts.history
    if history is None:
        return []
    events = history.changes(jurisdiction=jurisdiction)
    shas = [s for e in events for s in ((e.blobs or ()) + ((e.created,) if e.created else ()))]
    data = history.blob_data(shas)
    rows: dict[tuple[str, str], ChangeRow] = {}
    seen = ctx.__dict__.setdefault("_change_rows", {})  # one event reaches many handbooks: describe it once
    for event in events:
        event_key = (event.commit, event.clause, event.path, event.jurisdictions)
        if event_key not in seen:
            seen[event_key] = _row(ctx, event, data)
        done = seen[event_key]
        row = ChangeRow(done.clause, done.date, done.commit, done.subject, done.what, done.material,
                        list(done.redlines))
        key = (event.commit, event.clause)
        if key in rows:  # the base and an overlay changed in one commit: one row
            rows[key].what += "; " + row.what
            rows[key].material |= row.material
            rows[key].redlines += row.redlines
        else:
            rows[key] = row
    return list(rows.values())


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _row(ctx: SiteContext, event: Any, data: Any) -> ChangeRow:
    row = ChangeRow(event.clause, event.date, event.commit, event.subject, "", True)
    places = [j for j in event.jurisdictions if j != GLOBAL]
    if len(event.jurisdictions) > 1:  # an overlay moved from one jurisdiction to another
        row.what = "moved from " + " to ".join(ctx.name(j) if j in ctx.repo.jurisdictions or j == GLOBAL else j
                                              for j in event.jurisdictions)
        return row
    if not places:
        _base(row, event, data)
    else:
        where = ctx.name(places[0]) if places[0] in ctx.repo.jurisdictions else places[0]
        _overlay(row, event, data, where)
    return row


def _base(row: ChangeRow, event: Any, data: Any) -> None:
    if event.blobs is None:
        row.what = "added" if event.created else "removed"
        return
    old, new = (_mapping(data.get(sha)) for sha in event.blobs)
    words, material = [], False
    names = sorted((set(old) | set(new)) - QUIET_FIELDS, key=field_sort_key)
    for name in names:
        before, after = canonical(old.get(name)), canonical(new.get(name))
        if before == after:
            continue
        if name == "level":
            words.append(f"level {before} → {after}")
            material = True
        elif name in SCOPE_FIELDS:
            words.append(f"{field_label(name).lower()} {_scope(before)} → {_scope(after)}")
            material = True
        elif name == "body":
            words.append("text reworded")
            material |= _obligations(before) != _obligations(after)
        else:
            words.append(f"{field_label(name).lower()} changed")
        row.redlines += _redline(name, old.get(name), new.get(name))
    row.what = ", ".join(words) or "reformatted"
    row.material = material


def _overlay(row: ChangeRow, event: Any, data: Any, where: str) -> None:
    if event.blobs is None:
        if not event.created:
            row.what = f"{where}'s adaptation withdrawn"
            return
        overlay = _mapping(data.get(event.created))
        action = str(overlay.get("action", "amend"))
        row.what = ACTION_WORDS.get(action, "adapted in {where}").format(where=where)
        details = _amend_words(overlay)
        if action == "amend" and details:
            row.what += ": " + ", ".join(details)
        row.material = action != "amend" or _amend_material({}, overlay)
        return
    old, new = (_mapping(data.get(sha)) for sha in event.blobs)
    if old.get("action") != new.get("action"):
        action = str(new.get("action", "amend"))
        row.what = ACTION_WORDS.get(action, "adapted in {where}").format(where=where)
        return
    words = []
    old_set, new_set = _mapping(old.get("set")), _mapping(new.get("set"))
    for name in sorted((set(old_set) | set(new_set)) - QUIET_FIELDS, key=field_sort_key):
        before, after = canonical(old_set.get(name)), canonical(new_set.get(name))
        if before != after:
            words.append(f"level {before} → {after}" if name == "level" else f"{field_label(name).lower()} changed")
            row.redlines += _redline(name, old_set.get(name), new_set.get(name))
    old_with, new_with = _mapping(old.get("with")), _mapping(new.get("with"))
    if canonical(old_with) != canonical(new_with):
        words.append("text reworded")
        for name in sorted(set(old_with) | set(new_with), key=field_sort_key):
            row.redlines += _redline(name, old_with.get(name), new_with.get(name))
    for key, label in (("prepend", "note before the text"), ("append", "note after the text"),
                       ("examples", "examples"), ("reason", "reason"), ("references", "references")):
        if canonical(old.get(key)) != canonical(new.get(key)):
            words.append(f"{label} {'reworded' if old.get(key) and new.get(key) else 'changed'}")
            row.redlines += _redline(key, old.get(key), new.get(key), label=label.capitalize())
    row.what = f"adapted in {where}: " + (", ".join(words) or "reformatted")
    row.material = _amend_material(old, new) or canonical(old_with) != canonical(new_with) and (
        _obligations(canonical(old_with.get("body"))) != _obligations(canonical(new_with.get("body"))))


def _amend_words(overlay: dict[str, Any]) -> list[str]:
    words = []
    for name, value in _mapping(overlay.get("set")).items():
        words.append(f"level {value}" if name == "level" else f"{field_label(name).lower()} changed")
    if overlay.get("prepend") or overlay.get("append"):
        words.append("note added")
    if overlay.get("examples"):
        words.append("examples added")
    return words


def _amend_material(old: dict[str, Any], new: dict[str, Any]) -> bool:
    """Whether an amend overlay's edit changes a duty: a level or scope it sets, or its obligation phrases."""
    old_set, new_set = _mapping(old.get("set")), _mapping(new.get("set"))
    if any(canonical(old_set.get(n)) != canonical(new_set.get(n)) for n in ("level", *SCOPE_FIELDS)):
        return True

    def words(overlay: dict[str, Any]) -> str:
        parts = [overlay.get("prepend"), overlay.get("append"), _mapping(overlay.get("set")).get("body")]
        return "\n\n".join(str(p) for p in parts if p)

    return obligations(words(old)) != obligations(words(new))


def _obligations(text: object) -> object:
    return obligations(text if isinstance(text, str) else "")


def _scope(value: object) -> str:
    if value is None:
        return "everyone"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "nobody"
    return str(value)


def _redline(name: str, before: object, after: object, label: str | None = None) -> list[tuple[str, list[Segment]]]:
    segments = redline(field_text(name, before), field_text(name, after))
    return [(label or field_label(name), segments)] if changed(segments) else []
