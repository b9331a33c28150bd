"""The /matrix/ page: every clause × every jurisdiction, and why each country's text differs.

The grid comes from `core.matrix` (the same data as `clausebook matrix`).
Each cell that differs links to the clause in that version; below the grid,
every clause that some country changed has its own anchored entry
(`/matrix/#<clause-id>`) listing each change with its reason and law, so a
clause page can link "in other countries" straight to it.
"""

from __future__ import annotations

from clausebook.core.matrix import Cell, build_matrix
from clausebook.core.model import GLOBAL
from clausebook.site import safe
from clausebook.site.blocks import link, page_opening, page_text, references, table_cell
from clausebook.site.context import SiteContext, policy_path
from clausebook.site.page import Page

PATH = "matrix.md"
TITLE = "Where countries differ"
LABELS = {"base": "–", "amended": "amended", "replaced": "replaced", "added": "added", "removed": "removed",
          "absent": ""}


def matrix_page(ctx: SiteContext) -> Page:
    columns = [GLOBAL, *ctx.picker_order] if GLOBAL in ctx.handbooks else list(ctx.picker_order)
    matrix = build_matrix(ctx.handbooks, columns)
    out = page_opening(TITLE, "Every clause in every country's version: “–” is the company-wide text as it is; "
                       "*amended*, *replaced*, *added* and *removed* are the changes a country made, "
                       "*(inherited)* when they come from the region above it. Each clause below the table "
                       "lists its changes with the reason and the law.")
    names = [table_cell(safe.plain(ctx.name(j))) for j in matrix.jurisdictions]
    out += ["| Clause | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    changed = set()
    for clause, _, title in matrix.clauses:
        row = matrix.row(clause)
        if any(c.action not in ("base", "absent") for c in row):
            changed.add(clause)
        label = table_cell(safe.plain(title))
        first = f"[{label}](#{clause})" if clause in changed else label
        out.append(f"| {first} | " + " | ".join(_cell(ctx, c) for c in row) + " |")
    out.append("")
    for clause, _, title in matrix.clauses:
        if clause not in changed:
            continue
        out += [f"## {safe.plain(title)} {{#{clause}}}", ""]
        for cell in matrix.row(clause):
            if cell.action in ("base", "absent") or cell.inherited:
                continue
            item = f"- **{safe.plain(ctx.name(cell.jurisdiction))}**: {cell.action}"
            if cell.reason:
                item += ". " + safe.inline(cell.reason)
            if cell.references:
                item += " **Law:** " + references(cell.references)
            out.append(item)
        out.append("")
    return Page(PATH, TITLE, page_text(out))


def _cell(ctx: SiteContext, cell: Cell) -> str:
    word = LABELS[cell.action] + (" (inherited)" if cell.inherited else "")
    if cell.action in ("base", "absent", "removed"):
        return word
    return f"[{word}]({link(PATH, policy_path(cell.jurisdiction, cell.policy), cell.clause)})"
