"""The semantic diff as text for a terminal: one block per clause, coloured when asked.

`format_text(diff, color)` is pure; whether to colour (a terminal, no
`NO_COLOR`) is the command's decision.
"""

from __future__ import annotations

from clausebook.diff.compare import Diff
from clausebook.diff.fields import field_label
from clausebook.diff.redline import Segment, to_text
from clausebook.outputs.diff import (
    INLINE_FIELDS,
    display_segments,
    field_groups,
    owner_names,
    short,
    summary_counts,
    where,
)
from clausebook.outputs.terminal import one_line, printable

_BOLD, _RED, _YELLOW, _DIM, _RESET = "\033[1m", "\033[31m", "\033[33m", "\033[2m", "\033[0m"


def format_text(diff: Diff, color: bool = False) -> str:
    def paint(text: str, style: str) -> str:
        return f"{style}{text}{_RESET}" if color else text

    head = f"{short(diff.base)}..{short(diff.head)}"
    if not diff.changes and diff.skipped:
        return (f"No comparable changes between {head}, but not compared because they fail to load at one "
                f"of the revisions: {one_line(', '.join(diff.skipped))} (run `clausebook validate`).\n")
    if not diff.changes:
        return f"No policy changes between {head}.\n"
    out = [f"clausebook diff {head}: {summary_counts(diff)}\n"]
    # Values are escaped before they are painted, so that the colours are the
    # only escape sequences in the output (outputs/terminal.py).
    for label, ids in (("jurisdictions added", diff.jurisdictions_added),
                       ("jurisdictions removed", diff.jurisdictions_removed)):
        if ids:
            out.append(f"{label}: {', '.join(ids)}\n")
    for change in diff.changes:
        klass = paint(change.cls, _RED + _BOLD if change.material else _DIM)
        out.append(f"\n{paint(change.kind, _BOLD)} {paint(one_line(change.clause), _BOLD)} "
                   f"({one_line(change.policy)}) {klass}\n")
        out.append(f"  title:  {one_line(change.title)}\n")
        out.append(f"  where:  {one_line(where(diff, change.jurisdictions))}\n")
        out.append(f"  why:    {one_line(change.reason)}\n")
        if change.owners:
            out.append(f"  owners: {one_line(owner_names(diff, change, markdown=False))}\n")
        for item in change.redlines:
            scope = "" if len(field_groups(change, item.field)) == 1 else f" [{', '.join(item.jurisdictions)}]"
            segments = [Segment(seg.op, printable(seg.text)) for seg in display_segments(change, item)]
            rendered = to_text(segments, color)
            if item.field in INLINE_FIELDS and "\n" not in rendered:
                out.append(f"  {field_label(item.field).lower()}{scope}: {rendered}\n")
            else:
                out.append(f"  {field_label(item.field).lower()}{scope}:\n")
                out.extend(f"    {line}\n" if line else "\n" for line in rendered.split("\n"))
    return "".join(out)
