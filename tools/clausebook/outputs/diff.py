"""What every rendering of the semantic diff says the same way: names, places and who approves.

Pure helpers shared by the text, Markdown and JSON formatters (`diff_text`,
`diff_markdown`, `diff_json`): a short commit label, a Markdown code span,
"everywhere except fr", the one-line count of changes, which fields changed,
the owners to ask, and the segments a redline shows.
"""

from __future__ import annotations

from clausebook.core.model import GLOBAL
from clausebook.diff.compare import ADDED, REMOVED, ClauseChange, Diff, FieldRedline
from clausebook.diff.fields import field_label
from clausebook.diff.redline import EQUAL, Segment, escape_markdown

# Fields whose value fits on one line; the others are shown as quoted blocks.

INLINE_FIELDS = {"title", "level", "audience", "channels", "section", "order", "owner", "effective",
                 "review_months", "related", "tags"}


def short(label: str) -> str:
    """A commit sha shortened as git does; other labels ("worktree") as they are."""
    return label[:10] if len(label) == 40 and all(c in "0123456789abcdef" for c in label) else label


def code(text: str) -> str:
    """`text` as a Markdown code span (backslash escapes do not work inside one)."""
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def where(diff: Diff, jurisdictions: list[str], named: bool = False) -> str:
    """'everywhere', 'everywhere except fr' or the list, for a reader; `named`: "France" rather than "fr"."""
    def show(ids: list[str]) -> str:
        return ", ".join(diff.name(j) if named else j for j in ids)

    everywhere = diff.all_jurisdictions
    listed = set(jurisdictions)
    if everywhere and listed >= set(everywhere):
        return "everywhere"
    missing = [j for j in everywhere if j not in listed]
    if GLOBAL in listed and everywhere and len(missing) <= len(everywhere) // 3 and listed <= set(everywhere):
        return "everywhere except " + show(missing)
    return show(jurisdictions)


def summary_counts(diff: Diff) -> str:
    """`3 clauses changed (1 material, 2 editorial)`."""
    total = len(diff.changes)
    material = len(diff.material)
    noun = "clause" if total == 1 else "clauses"
    return f"{total} {noun} changed ({material} material, {total - material} editorial)"


def change_phrase(change: ClauseChange) -> str:
    """`added`, `removed`, or `modified: text, tags; moved a → b`."""
    if change.kind in (ADDED, REMOVED):
        return change.kind
    parts = [field_label(f).lower() for f in change.fields if f != "section"]
    moved = f"moved {change.moved[0]} → {change.moved[1]}" if change.moved else ""
    text = ", ".join(parts)
    return "; ".join(p for p in (f"modified: {text}" if text else "", moved) if p)


def owner_names(diff: Diff, change: ClauseChange, markdown: bool) -> str:
    """The teams whose approval the change needs, by name and GitHub handle."""
    names = []
    for team in change.owners:
        info = diff.owners.get(team) or {}
        handle = diff.handle(team)
        label = str(info.get("name", team))
        if markdown:
            # In code so that a summary posted on every push does not ping the
            # team again: CODEOWNERS already requests its review.
            names.append(f"`{handle}` ({escape_markdown(label)})" if handle else escape_markdown(label))
        else:
            names.append(f"{label} ({handle})" if handle else label)
    return ", ".join(names)



def field_groups(change: ClauseChange, name: str) -> list[FieldRedline]:
    """The redlines of one field: more than one when jurisdictions read it differently."""
    return [r for r in change.redlines if r.field == name]


def display_segments(change: ClauseChange, item: FieldRedline) -> list[Segment]:
    """A new clause reads as plain text, not as one long insertion; likewise a removed one."""
    if change.kind == ADDED:
        return [Segment(EQUAL, item.after)]
    if change.kind == REMOVED:
        return [Segment(EQUAL, item.before)]
    return list(item.segments)
