"""The /changes/ page: recent content changes per jurisdiction's version, newest first, from git.

Events of one commit sit in one row; formatting-only edits never appear
(the history scan compares normalised content). Each version lists at most
`RenderOptions.changes_limit` clause changes.
"""

from __future__ import annotations

from clausebook.core.model import GLOBAL
from clausebook.site import safe
from clausebook.site.banners import history_intro
from clausebook.site.blocks import page_opening, page_text, table_cell
from clausebook.site.context import GLOBAL_TITLE, SiteContext
from clausebook.site.page import Page

PATH = "changes.md"
TITLE = "What changed"


def changes_page(ctx: SiteContext) -> Page:
    out = page_opening(TITLE, "Recent changes to the content of each country's version, newest first, read from "
                       "the git history. Edits that only change formatting are not listed. A change to the "
                       "company-wide policy appears in every version.")
    out += history_intro(ctx)
    if ctx.facts.history is not None:
        order = [GLOBAL, *ctx.picker_order] if GLOBAL in ctx.handbooks else ctx.picker_order
        for jurisdiction in order:
            out += version_changes(ctx, jurisdiction)
    return Page(PATH, TITLE, page_text(out))


def version_changes(ctx: SiteContext, jurisdiction: str) -> list[str]:
    """One version's section: a table of its newest changes, one row a commit."""
    title = GLOBAL_TITLE if jurisdiction == GLOBAL else ctx.name(jurisdiction)
    out = [f"## {safe.plain(title)}", ""]
    limit = ctx.options.changes_limit
    events = ctx.facts.history.changes(limit=limit + 1, jurisdiction=jurisdiction)
    if not events:
        return out + ["No changes recorded yet.", ""]
    cut = len(events) > limit
    out += ["| Date | Clauses | Change | Made in | Commit |", "|---|---|---|---|---|"]
    groups = by_commit(events[:limit])
    for index, group in enumerate(groups):
        first = group[0]
        clauses = ", ".join(dict.fromkeys(ctx.clause_link(PATH, e.clause, jurisdiction) for e in group))
        if cut and index == len(groups) - 1 and events[limit].commit == first.commit:
            clauses += " and more"  # the commit changed more clauses than the page lists
        made_in = dict.fromkeys(j for e in group for j in e.jurisdictions)
        where = table_cell(", ".join(safe.plain(ctx.name(j) if j == GLOBAL or j in ctx.repo.jurisdictions else j)
                                     for j in made_in))
        url = ctx.options.commit_url(first.commit)
        commit = f"[{safe.code_inline(first.commit[:7])}]({url})" if url else safe.code_inline(first.commit[:7])
        subject = table_cell(safe.plain(first.subject))
        out.append(f"| {first.date.isoformat()} | {clauses} | {subject} | {where} | {commit} |")
    if cut:
        out += ["", f"Showing the newest {limit} clause changes."]
    out.append("")
    return out


def by_commit(events: list) -> list[list]:
    """Consecutive events of one commit, together (events are newest first)."""
    groups: list[list] = []
    for event in events:
        if groups and groups[-1][0].commit == event.commit:
            groups[-1].append(event)
        else:
            groups.append([event])
    return groups
