"""The semantic diff as text for a terminal, Markdown for a pull request, or JSON.

Pure functions from a `Diff` to a string. The Markdown is written for a
reader who has never seen the YAML: clause titles, plain field names
("Text", "Applies to"), the clause's words with deletions struck through and
insertions in bold, and who has to approve.
"""

from __future__ import annotations

import json

from clausebook.core.model import GLOBAL
from clausebook.diff.compare import (
    ADDED,
    REMOVED,
    ClauseChange,
    Diff,
    FieldRedline,
)
from clausebook.diff.fields import field_label
from clausebook.diff.redline import (
    EQUAL,
    Segment,
    escape_markdown,
    to_markdown,
    to_markdown_lines,
    to_text,
)

# Fields whose value fits on one line; the others are shown as quoted blocks.
_INLINE_FIELDS = {"title", "level", "audience", "channels", "section", "order", "owner", "effective",
                  "review_months", "related", "tags"}

# GitHub accepts 1 MiB of job summary per step; stay well below it.
MARKDOWN_BUDGET = 900_000


def short(label: str) -> str:
    """A commit sha shortened as git does; other labels ("worktree") as they are."""
    return label[:10] if len(label) == 40 and all(c in "0123456789abcdef" for c in label) else label


def code(text: str) -> str:
    """`text` as a Markdown code span (backslash escapes do not work inside one)."""
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def where(diff: Diff, jurisdictions: list[str]) -> str:
    """'everywhere', 'everywhere except fr' or the list, for a reader."""
    everywhere = diff.all_jurisdictions
    listed = set(jurisdictions)
    if everywhere and listed >= set(everywhere):
        return "everywhere"
    missing = [j for j in everywhere if j not in listed]
    if GLOBAL in listed and everywhere and len(missing) <= len(everywhere) // 3 and listed <= set(everywhere):
        return "everywhere except " + ", ".join(missing)
    return ", ".join(jurisdictions)


def _summary_counts(diff: Diff) -> str:
    total = len(diff.changes)
    material = len(diff.material)
    noun = "clause" if total == 1 else "clauses"
    return f"{total} {noun} changed ({material} material, {total - material} editorial)"


def _change_phrase(change: ClauseChange) -> str:
    if change.kind in (ADDED, REMOVED):
        return change.kind
    parts = [field_label(f).lower() for f in change.fields if f != "section"]
    moved = f"moved {change.moved[0]} → {change.moved[1]}" if change.moved else ""
    text = ", ".join(parts)
    return "; ".join(p for p in (f"modified: {text}" if text else "", moved) if p)


def _owner_names(diff: Diff, change: ClauseChange, markdown: bool) -> str:
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


# --- text -----------------------------------------------------------------------

_BOLD, _RED, _YELLOW, _DIM, _RESET = "\033[1m", "\033[31m", "\033[33m", "\033[2m", "\033[0m"


def format_text(diff: Diff, color: bool = False) -> str:
    def paint(text: str, style: str) -> str:
        return f"{style}{text}{_RESET}" if color else text

    head = f"{short(diff.base)}..{short(diff.head)}"
    if not diff.changes:
        return f"No policy changes between {head}.\n"
    out = [f"clausebook diff {head}: {_summary_counts(diff)}\n"]
    for label, ids in (("jurisdictions added", diff.jurisdictions_added),
                       ("jurisdictions removed", diff.jurisdictions_removed)):
        if ids:
            out.append(f"{label}: {', '.join(ids)}\n")
    for change in diff.changes:
        klass = paint(change.cls, _RED + _BOLD if change.material else _DIM)
        out.append(f"\n{paint(change.kind, _BOLD)} {paint(change.clause, _BOLD)} "
                   f"({change.policy}) {klass}\n")
        out.append(f"  title:  {change.title}\n")
        out.append(f"  where:  {where(diff, change.jurisdictions)}\n")
        out.append(f"  why:    {change.reason}\n")
        if change.owners:
            out.append(f"  owners: {_owner_names(diff, change, markdown=False)}\n")
        for item in change.redlines:
            scope = "" if len(_groups(change, item.field)) == 1 else f" [{', '.join(item.jurisdictions)}]"
            rendered = to_text(_display_segments(change, item), color)
            if item.field in _INLINE_FIELDS and "\n" not in rendered:
                out.append(f"  {field_label(item.field).lower()}{scope}: {rendered}\n")
            else:
                out.append(f"  {field_label(item.field).lower()}{scope}:\n")
                out.extend(f"    {line}\n" if line else "\n" for line in rendered.split("\n"))
    return "".join(out)


def _groups(change: ClauseChange, name: str) -> list[FieldRedline]:
    return [r for r in change.redlines if r.field == name]


def _display_segments(change: ClauseChange, item: FieldRedline) -> list[Segment]:
    """A new clause reads as plain text, not as one long insertion; likewise a removed one."""
    if change.kind == ADDED:
        return [Segment(EQUAL, item.after)]
    if change.kind == REMOVED:
        return [Segment(EQUAL, item.before)]
    return list(item.segments)


# --- Markdown ---------------------------------------------------------------------


def _cell(text: str) -> str:
    return escape_markdown(text).replace("\n", " ")


def format_markdown(diff: Diff, heading: str = "##", budget: int = MARKDOWN_BUDGET) -> str:
    sub = heading + "#"
    out = [f"{heading} Policy changes\n\n"]
    base, head = code(short(diff.base)), code(short(diff.head))
    if not diff.changes:
        out.append(f"No policy changes between {base} and {head}: every clause reads as before "
                   "in every jurisdiction.\n")
        return "".join(out)
    out.append(f"Comparing {base} → {head}: **{_summary_counts(diff)}**.\n\n")
    if diff.material:
        out.append("Material changes alter what employees must do: once merged, tell the people "
                   "concerned and ask them to acknowledge the policy again.\n\n")
    for label, ids in (("New jurisdictions", diff.jurisdictions_added),
                       ("Removed jurisdictions", diff.jurisdictions_removed)):
        if ids:
            out.append(f"{label}: {', '.join(ids)}.\n\n")
    out.append("| Clause | Policy | Change | Class | Jurisdictions |\n|---|---|---|---|---|\n")
    for change in diff.changes:
        policy = diff.policy_titles.get(change.policy, change.policy)
        klass = "**material**" if change.material else "editorial"
        out.append(f"| {_cell(change.title)} (`{change.clause}`) | {_cell(policy)} | "
                   f"{_cell(_change_phrase(change))} | {klass} | {_cell(where(diff, change.jurisdictions))} |\n")
    out.append("\n_Material_: a level, audience or channel changed, a clause was added or removed, or the "
               "text has more or fewer duties (\"must\", \"shall\", \"required to\"), prohibitions "
               "(\"must not\", \"may not\") or \"never\". _Editorial_: every obligation reads as before.\n")
    size = sum(len(part.encode("utf-8")) for part in out)
    for index, change in enumerate(diff.changes):
        section = _markdown_change(diff, change, sub)
        if size + len(section.encode("utf-8")) > budget:
            left = len(diff.changes) - index
            out.append(f"\n_{left} more clause{'s' if left != 1 else ''} not shown here (the summary "
                       f"has a size limit); run `clausebook diff {short(diff.base)}` to see them all._\n")
            break
        out.append(section)
        size += len(section.encode("utf-8"))
    return "".join(out)


def _markdown_change(diff: Diff, change: ClauseChange, sub: str) -> str:
    out = [f"\n{sub} {escape_markdown(change.title)} (`{change.clause}`)\n\n"]
    klass = "Material" if change.material else "Editorial"
    lead = {ADDED: "New clause", REMOVED: "Clause removed"}.get(change.kind, "Changed")
    out.append(f"**{lead}**, {where(diff, change.jurisdictions)}. "
               f"**{klass}**: {escape_markdown(change.reason)}.")
    if change.moved:
        out.append(f" Moved from section `{change.moved[0]}` to `{change.moved[1]}`.")
    if change.owners:
        out.append(f" Approval needed from {_owner_names(diff, change, markdown=True)}.")
    out.append("\n")
    for item in change.redlines:
        label = field_label(item.field)
        if change.kind == REMOVED:
            label += " (as it was)"
        if len(_groups(change, item.field)) > 1:
            label += f" in {', '.join(item.jurisdictions)}"
        segments = _display_segments(change, item)
        lines = to_markdown_lines(segments)
        if item.field in _INLINE_FIELDS and len(lines) == 1:
            out.append(f"\n**{escape_markdown(label)}:** {lines[0] or '_(none)_'}\n")
        else:
            block = to_markdown(segments) if any(line.strip() for line in lines) else "> _(none)_"
            out.append(f"\n**{escape_markdown(label)}:**\n\n{block}\n")
    return "".join(out)


# --- JSON -----------------------------------------------------------------------


def format_json(diff: Diff) -> str:
    """The diff as JSON, one change per line.

    Compact lines use json's C encoder (an indented dump is pure Python and
    took seconds on a diff of thousands of clauses) and still read and grep
    well, one clause at a time.
    """
    data = diff.to_dict()
    changes = data.pop("changes")
    head = json.dumps(data, ensure_ascii=False, separators=(",", ":"))[:-1]
    lines = [json.dumps(change, ensure_ascii=False, separators=(",", ":")) for change in changes]
    body = ",\n".join(lines)
    return f'{head},"changes":[\n{body}\n]}}\n' if lines else f'{head},"changes":[]}}\n'
