"""The /review/ page: when each clause was last reviewed and when it is due, most urgent first.

"As of" is the date of the commit the site is built from, so the page is a
function of the commit and two builds of it are identical.
"""

from __future__ import annotations

from clausebook.core.model import GLOBAL
from clausebook.site import safe
from clausebook.site.banners import history_intro
from clausebook.site.blocks import page_opening, page_text, table_cell
from clausebook.site.context import SiteContext
from clausebook.site.page import Page

PATH = "review.md"
TITLE = "Review status"
STATUS_LABELS = {"overdue": "Overdue", "due-soon": "Due soon", "unknown": "Unknown", "ok": "OK"}


def review_page(ctx: SiteContext) -> Page:
    out = page_opening(TITLE, "Every clause is reviewed by its owner team at a set interval. A change to a clause "
                       "counts as a review; a review without a change is recorded with `clausebook review record`.")
    out += history_intro(ctx)
    reviews = ctx.facts.reviews
    if ctx.facts.as_of is None or not reviews:
        return Page(PATH, TITLE, page_text(out))
    counts: dict[str, int] = {}
    for item in reviews:
        counts[item.status] = counts.get(item.status, 0) + 1
    summary = ", ".join(f"{counts[s]} {STATUS_LABELS.get(s, s).lower()}" for s in STATUS_LABELS if counts.get(s))
    out += [f"As of {ctx.facts.as_of.isoformat()}, the date of the commit this site was built from: "
            f"{len(reviews)} clauses, {summary}.", "",
            "| Clause | Owner | Every | Last reviewed | Due | Status |", "|---|---|---|---|---|---|"]
    for item in reviews:
        last = item.last_reviewed.date.isoformat() if item.last_reviewed else "unknown"
        due = item.due.isoformat() if item.due else "unknown"
        status = (f'<span class="cb-status cb-status-{item.status}">'
                  f"{STATUS_LABELS.get(item.status, item.status)}</span>")
        owner = table_cell(safe.plain(ctx.owner_name(item.owner)))
        out.append(f"| {ctx.clause_link(PATH, item.clause, GLOBAL)} | {owner} | {item.review_months} months "
                   f"| {last} | {due} | {status} |")
    return Page(PATH, TITLE, page_text(out))
