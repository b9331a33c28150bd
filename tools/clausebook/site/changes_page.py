"""What changed, per handbook: `/changes/` (an index) and `/<j>/changes/` (one handbook's changes, paged).

`/<j>/changes/` lists every change that reached the handbook, newest first,
grouped by month, `ROWS_PER_PAGE` rows a page (`/<j>/changes/2/` and on).
One row is one clause changed by one commit: the clause (linked to its
anchor in this handbook), what changed in words, material or editorial, the
date, and a link to its redline below the tables; the commit subject
follows in small text. The rows come from `change_log`. Formatting-only
edits never appear (the history compares parsed content).

`/changes/` links each handbook's page with its count of changes, the same
count the handbook's own page and its landing page show.

Every fixed string a reader sees is here or in `change_log`, so it can be
translated in one place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from clausebook.core.model import GLOBAL
from clausebook.site import safe
from clausebook.site.banners import history_intro
from clausebook.site.blocks import front_matter, link, nav_title, page_opening, page_text, table_cell
from clausebook.site.change_log import ChangeRow, handbook_changes
from clausebook.site.context import GLOBAL_TITLE, SiteContext
from clausebook.site.page import Page

PATH = "changes.md"
TITLE = "What changed"
ROWS_PER_PAGE = 50
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
CLASS_WORDS = {True: "**Material**", False: "Editorial"}


def handbook_changes_path(jurisdiction: str, page: int = 1) -> str:
    """Where page `page` of a handbook's changes lives (docs-relative)."""
    return f"{jurisdiction}/changes/index.md" if page == 1 else f"{jurisdiction}/changes/{page}.md"


def changes_pages(ctx: SiteContext, writes: Callable[[str], bool] | None = None) -> list[Page]:
    """The index and every handbook's pages of changes; those `writes` refuses only by their paths."""
    wanted = writes or (lambda path: True)
    order = [GLOBAL, *ctx.picker_order] if GLOBAL in ctx.handbooks else list(ctx.picker_order)
    rows = {j: handbook_changes(ctx, j) for j in order}
    pages = [index_page(ctx, order, rows) if wanted(PATH) else Page(PATH, "", "")]
    for jurisdiction in order if ctx.facts.history is not None else ():  # without history: the index says why
        if wanted(handbook_changes_path(jurisdiction)):
            pages += handbook_pages(ctx, jurisdiction, rows[jurisdiction])
        else:  # another build's: only where its pages are and their titles (as handbook_pages makes them)
            count = max(1, -(-len(rows[jurisdiction]) // ROWS_PER_PAGE))
            name = title_of(ctx, jurisdiction)
            pages += [Page(handbook_changes_path(jurisdiction, n), page_title(name, n), "")
                      for n in range(1, count + 1)]
    return pages


def changes_nav(paths: list[str], name: str) -> list:
    """A handbook's navigation entry for its pages of changes (a section when there are several).

    A section is a labelled landmark, so its title names the handbook: every
    handbook's section is in the one navigation, and landmarks must differ.
    """
    if not paths:
        return []
    if len(paths) == 1:
        return [{"What changed": paths[0]}]
    return [{nav_title(f"What changed in {name}"): paths}]


def count_text(rows: list[ChangeRow]) -> str:
    """"42 changes, 12 material": the one count every page gives for a handbook."""
    material = sum(1 for r in rows if r.material)
    return f"{len(rows)} change{'s' if len(rows) != 1 else ''}, {material} material"


def title_of(ctx: SiteContext, jurisdiction: str) -> str:
    return GLOBAL_TITLE if jurisdiction == GLOBAL else ctx.name(jurisdiction)


def page_title(name: str, number: int) -> str:
    """The title of page `number` of handbook `name`'s changes."""
    return f"What changed: {name}" + (f", page {number}" if number > 1 else "")


def index_page(ctx: SiteContext, order: list[str], rows: dict[str, list[ChangeRow]]) -> Page:
    out = page_opening(TITLE, "What changed in each country's handbook, read from the git history, with a "
                       "redline of every edit. Edits that only change formatting are not listed; a change "
                       "to the company-wide policy appears in every handbook it reaches.")
    out += history_intro(ctx)
    if ctx.facts.history is not None:
        for jurisdiction in order:
            found = rows[jurisdiction]
            newest = f", newest {found[0].date.isoformat()}" if found else ""
            target = link(PATH, handbook_changes_path(jurisdiction))
            out.append(f"- [{safe.plain(title_of(ctx, jurisdiction))}]({target}): {count_text(found)}{newest}")
        out.append("")
    return Page(PATH, TITLE, page_text(out))


def handbook_pages(ctx: SiteContext, jurisdiction: str, rows: list[ChangeRow],
                   per_page: int = ROWS_PER_PAGE) -> list[Page]:
    chunks = [rows[i:i + per_page] for i in range(0, len(rows), per_page)] or [[]]
    name = title_of(ctx, jurisdiction)
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        path = handbook_changes_path(jurisdiction, number)
        title = page_title(name, number)
        # Out of search: a word of a clause should find the clause, not every redline that quotes it.
        opening = front_matter(title).rsplit("---", 1)[0] + "search:\n  exclude: true\n---"
        out = [opening, "", f"# {safe.plain(title)}", ""]
        out.append(f"Every change to this handbook's content, newest first: "
                           f"{count_text(rows)}. **Material** changes alter what employees must do (a "
                           "level, who or where a rule applies, or a duty or prohibition added or dropped); "
                           f"the rest is editorial. [All handbooks]({link(path, PATH)}).")
        out.append("")
        out += history_intro(ctx)
        out += _pager(jurisdiction, path, number, len(chunks))
        if not chunk:
            out += ["No changes recorded yet.", ""]
        out += _tables(ctx, path, jurisdiction, chunk)
        out += _redlines(ctx, jurisdiction, chunk)
        if len(chunks) > 1:
            out += _pager(jurisdiction, path, number, len(chunks))
        pages.append(Page(path, title, page_text(out)))
    return pages


def _pager(jurisdiction: str, path: str, number: int, total: int) -> list[str]:
    if total < 2:
        return []
    parts = [f"Page {number} of {total}"]
    if number > 1:
        parts.append(f"[← Newer]({link(path, handbook_changes_path(jurisdiction, number - 1))})")
    if number < total:
        parts.append(f"[Older →]({link(path, handbook_changes_path(jurisdiction, number + 1))})")
    return [" · ".join(parts), ""]


def _month(row: ChangeRow) -> str:
    return f"{MONTHS[row.date.month - 1]} {row.date.year}"


def _tables(ctx: SiteContext, path: str, jurisdiction: str, rows: list[ChangeRow]) -> list[str]:
    out: list[str] = []
    months = Counter(_month(r) for r in rows)
    current = None
    for row in rows:
        month = _month(row)
        if month != current:
            current = month
            out += ["", f"## {month}", "", f"{months[month]} change{'s' if months[month] != 1 else ''} on this page.",
                    "", "| Date | Clause | What changed | Class | Redline |", "|---|---|---|---|---|"]
        clause = ctx.clause_link(path, row.clause, jurisdiction)
        what = _what_cell(row.what, row.subject)
        red = f"[Redline](#{row.anchor})" if row.redlines else "—"
        out.append(f"| {row.date.isoformat()} | {clause} | {what} | {CLASS_WORDS[row.material]} | {red} |")
    return out + [""] if out else out


@lru_cache(maxsize=16384)  # a change reaches many handbooks: escape its words once
def _what_cell(what: str, subject: str) -> str:
    cell = table_cell(safe.plain(what))
    if subject:
        cell += f'<br><small class="cb-subject">{table_cell(safe.html_text(subject))}</small>'
    return cell


def _redlines(ctx: SiteContext, jurisdiction: str, rows: list[ChangeRow]) -> list[str]:
    shown = [r for r in rows if r.redlines]
    if not shown:
        return []
    out = ["## Redlines", "", "Deleted words are struck through, inserted words underlined.", ""]
    for row in shown:
        title = safe.html_text(_title(ctx, jurisdiction, row.clause))
        lines = [f'<div class="cb-redline" id="{safe.html_text(row.anchor)}">',
                 f'<p class="cb-redline-head"><strong>{title}</strong> · '
                 f"{row.date.isoformat()} · {safe.html_text(row.what)}</p>"]
        for label, segments in row.redlines:
            lines.append(f"<p><strong>{safe.html_text(label)}:</strong> {safe.redline_html(segments)}</p>")
        lines.append("</div>")
        out += ["\n".join(lines), ""]
    return out


def _title(ctx: SiteContext, jurisdiction: str, clause_id: str) -> str:
    clause = ctx.handbooks[jurisdiction].clauses.get(clause_id)
    return str(clause.get("title", clause_id)) if clause is not None else clause_id
