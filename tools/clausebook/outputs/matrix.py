"""`clausebook matrix` output: the clause × jurisdiction grid as text, CSV, JSON or Markdown.

Text and Markdown print the grid (one row per clause, one column per
jurisdiction), then every cell that differs from the base with its reason and
law, since that is what a legal team reads the matrix for. JSON and CSV give
one record per cell (`Matrix.to_rows`), for a spreadsheet or a script.
"""

from __future__ import annotations

import json

from clausebook.core.matrix import Matrix
from clausebook.outputs.spreadsheet import to_csv

SYMBOLS = {"base": ".", "amended": "A", "replaced": "R", "added": "+", "removed": "x", "absent": " "}
FIELDS = ("clause", "policy", "title", "jurisdiction", "action", "by", "inherited", "reason", "references", "path")


def _law(refs: tuple) -> str:
    out = []
    for ref in refs:
        if isinstance(ref, dict):
            text = str(ref.get("title", ""))
            if ref.get("cite"):
                text += f" ({ref['cite']})"
            out.append(text)
        else:
            out.append(str(ref))
    return "; ".join(out)


def _differences(matrix: Matrix) -> list:
    return [c for clause, _, _ in matrix.clauses for c in matrix.row(clause)
            if c.action not in ("base", "absent") and not c.inherited]


def format_text(matrix: Matrix) -> str:
    width = max([len(c) for c, _, _ in matrix.clauses] + [6])
    cols = [max(len(j), 1) for j in matrix.jurisdictions]
    lines = [" " * width + "  " + "  ".join(j.rjust(w) for j, w in zip(matrix.jurisdictions, cols, strict=True))]
    for clause, _, _ in matrix.clauses:
        symbols = [(SYMBOLS[c.action].lower() if c.inherited else SYMBOLS[c.action]) for c in matrix.row(clause)]
        lines.append(clause.ljust(width) + "  " + "  ".join(s.rjust(w) for s, w in zip(symbols, cols, strict=True)))
    lines += ["", "Legend: . base, A amended, R replaced, + added, x removed, blank: not in that handbook;",
              "lower case: inherited from a parent jurisdiction.", ""]
    for cell in _differences(matrix):
        line = f"{cell.clause} in {cell.jurisdiction}: {cell.action}"
        if cell.reason:
            line += f" - {' '.join(cell.reason.split())}"
        if cell.references:
            line += f" Law: {_law(cell.references)}"
        lines.append(line)
    return "\n".join(lines).rstrip() + "\n"


def format_markdown(matrix: Matrix) -> str:
    def esc(text: str) -> str:
        return " ".join(str(text).split()).replace("|", "\\|")

    lines = ["| Clause | " + " | ".join(matrix.jurisdictions) + " |",
             "|---|" + "---|" * len(matrix.jurisdictions)]
    for clause, _, title in matrix.clauses:
        cells = [(c.action + (" (inherited)" if c.inherited else "")) if c.action != "absent" else "—"
                 for c in matrix.row(clause)]
        lines.append(f"| {esc(title)} (`{clause}`) | " + " | ".join(cells) + " |")
    lines += ["", "| Clause | Jurisdiction | Action | Reason | Law |", "|---|---|---|---|---|"]
    for cell in _differences(matrix):
        lines.append(f"| `{cell.clause}` | {cell.jurisdiction} | {cell.action} | {esc(cell.reason or '')} "
                     f"| {esc(_law(cell.references))} |")
    return "\n".join(lines) + "\n"


def format_json(matrix: Matrix) -> str:
    return json.dumps(matrix.to_rows(), indent=2, ensure_ascii=False) + "\n"


def format_csv(matrix: Matrix) -> str:
    rows = [{**row, "references": _law(tuple(row["references"])),
             "inherited": "yes" if row["inherited"] else "no"} for row in matrix.to_rows()]
    return to_csv(FIELDS, rows)
