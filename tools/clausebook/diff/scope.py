"""A diff seen from one jurisdiction: only the changes, and the redlines, that reach its handbook."""

from __future__ import annotations

from dataclasses import replace

from clausebook.core.errors import UsageError
from clausebook.diff.compare import Diff


def only(diff: Diff, jurisdiction: str) -> Diff:
    """The changes whose resolved clause changed in `jurisdiction`, each with that jurisdiction's redlines.

    A jurisdiction known at neither revision is a UsageError (exit 2).
    """
    known = [*diff.all_jurisdictions, *(j for j in diff.jurisdictions_removed if j not in diff.all_jurisdictions)]
    if jurisdiction not in known:
        raise UsageError(f"unknown jurisdiction '{jurisdiction}'; known: {', '.join(known)}")
    changes = []
    for change in diff.changes:
        if jurisdiction not in change.jurisdictions:
            continue
        redlines = [r for r in change.redlines if jurisdiction in r.jurisdictions]
        changes.append(replace(change, jurisdictions=[jurisdiction], redlines=redlines,
                               by_jurisdiction={jurisdiction: change.by_jurisdiction[jurisdiction]},
                               kind=change.by_jurisdiction[jurisdiction]))
    return replace(diff, changes=changes, all_jurisdictions=[jurisdiction])
