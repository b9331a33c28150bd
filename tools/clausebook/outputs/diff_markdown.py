"""The semantic diff as Markdown, for a pull-request comment or a job summary.

Written for a reader who has never seen the YAML (counsel, an HR editor):
clause titles, jurisdictions by name ("France"), plain field names ("Text",
"Applies to"), the clause's words with deletions in `<del>` and insertions
in `<ins>` (GitHub shows them struck through and underlined, so an insertion
never looks like the policy's own bold), the reason and the law of every
overlay that adds, removes or replaces a clause, and who has to approve. A
clause added or removed shows what it says (level, audience, text), not its
bookkeeping (order, tags). The output stays under a byte budget (GitHub's
job-summary limit); clauses past it are counted, not shown.
"""

from __future__ import annotations

from clausebook.core.sources import WORKTREE
from clausebook.diff.compare import ADDED, REMOVED, ClauseChange, Diff, FieldRedline
from clausebook.diff.fields import field_label
from clausebook.diff.reasons import OverlayReason
from clausebook.diff.redline import escape_markdown, to_markdown, to_markdown_lines
from clausebook.outputs.diff import (
    INLINE_FIELDS,
    change_phrase,
    code,
    display_segments,
    field_groups,
    owner_names,
    short,
    summary_counts,
    where,
)

# GitHub accepts 1 MiB of job summary per step; stay well below it.
MARKDOWN_BUDGET = 900_000

# A clause removed: what stops applying. A clause added: everything but its bookkeeping.
REMOVED_FIELDS = ("level", "audience", "channels", "body")
HIDDEN_WHEN_ADDED = ("order", "tags", "lint_ignore")
ACTION_PHRASES = {"add": "adds the clause", "remove": "removes the clause", "replace": "replaces the clause"}


def _cell(text: str) -> str:
    return escape_markdown(text).replace("\n", " ")


def format_markdown(diff: Diff, heading: str = "##", budget: int = MARKDOWN_BUDGET) -> str:
    sub = heading + "#"
    out = [f"{heading} Policy changes\n\n"]
    base = code(short(diff.base))
    head = "the working tree" if diff.head == WORKTREE else code(short(diff.head))
    if not diff.changes and diff.skipped:
        # A clause that no longer loads is not "no change": say what could not be compared.
        out.append(f"No comparable changes between {base} and {head}, but these fail to load at one of "
                   f"the revisions and were **not compared**: {', '.join(code(s) for s in diff.skipped)}. "
                   "Run `clausebook validate`.\n")
        return "".join(out)
    if not diff.changes:
        out.append(f"No policy changes between {base} and {head}: every clause reads as before "
                   "in every jurisdiction.\n")
        return "".join(out)
    out.append(f"Comparing {base} → {head}: **{summary_counts(diff)}**.\n\n")
    if diff.material:
        out.append("Material changes alter what employees must do: once merged, tell the people "
                   "concerned and ask them to acknowledge the policy again.\n\n")
    for label, ids in (("New jurisdictions", diff.jurisdictions_added),
                       ("Removed jurisdictions", diff.jurisdictions_removed)):
        if ids:
            out.append(f"{label}: {_cell(', '.join(diff.name(j) for j in ids))}.\n\n")
    out.append("| Clause | Policy | Change | Class | Jurisdictions |\n|---|---|---|---|---|\n")
    for change in diff.changes:
        policy = diff.policy_titles.get(change.policy, change.policy)
        klass = "**material**" if change.material else "editorial"
        places = where(diff, change.jurisdictions, named=True)
        out.append(f"| {_cell(change.title)} (`{change.clause}`) | {_cell(policy)} | "
                   f"{_cell(change_phrase(change))} | {klass} | {_cell(places)} |\n")
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


def _shown(change: ClauseChange) -> list[FieldRedline]:
    if change.kind == REMOVED:
        return [r for r in change.redlines if r.field in REMOVED_FIELDS]
    if change.kind == ADDED:
        return [r for r in change.redlines if r.field not in HIDDEN_WHEN_ADDED]
    return list(change.redlines)


def _overlay_reason(diff: Diff, overlay: OverlayReason) -> str:
    """`**Why, in France** (… removes the clause): reason` and the law it cites."""
    action = ACTION_PHRASES.get(overlay.action, overlay.action)
    if overlay.withdrawn:
        what = f"`{overlay.path}`, which {action.replace('the clause', 'it')}, is deleted by this change; it said"
    else:
        what = f"`{overlay.path}` {action}"
    out = [f"\n**Why, in {escape_markdown(diff.name(overlay.jurisdiction))}** ({what}): "
           f"{escape_markdown(overlay.reason) or '_(no reason given)_'}\n"]
    if overlay.references:
        out.append("\n**Law relied on:** " + "; ".join(escape_markdown(r) for r in overlay.references) + "\n")
    return "".join(out)


def _markdown_change(diff: Diff, change: ClauseChange, sub: str) -> str:
    out = [f"\n{sub} {escape_markdown(change.title)} (`{change.clause}`)\n\n"]
    klass = "Material" if change.material else "Editorial"
    lead = {ADDED: "New clause", REMOVED: "Clause removed"}.get(change.kind, "Changed")
    out.append(f"**{lead}**, {escape_markdown(where(diff, change.jurisdictions, named=True))}. "
               f"**{klass}**: {escape_markdown(change.reason)}.")
    if change.moved:
        out.append(f" Moved from section `{change.moved[0]}` to `{change.moved[1]}`.")
    if change.owners:
        out.append(f" Approval needed from {owner_names(diff, change, markdown=True)}.")
    out.append("\n")
    for overlay in change.overlays:
        out.append(_overlay_reason(diff, overlay))
    for item in _shown(change):
        label = field_label(item.field)
        if change.kind == REMOVED:
            label += " (as it was)"
        if len(field_groups(change, item.field)) > 1:
            label += f" in {', '.join(diff.name(j) for j in item.jurisdictions)}"
        segments = display_segments(change, item)
        lines = to_markdown_lines(segments)
        if item.field in INLINE_FIELDS and len(lines) == 1:
            out.append(f"\n**{escape_markdown(label)}:** {lines[0] or '_(none)_'}\n")
        else:
            block = to_markdown(segments) if any(line.strip() for line in lines) else "> _(none)_"
            out.append(f"\n**{escape_markdown(label)}:**\n\n{block}\n")
    return "".join(out)
