"""`clausebook explain` as text: a clause's base, each overlay applied in a jurisdiction, and the result.

An `Explanation` is what the command looked up; `format_text` lays it out
top to bottom in the order the overlays apply (root jurisdiction first), so
a reader can follow how the clause got its final words.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from clausebook.core.model import GLOBAL, Clause, Overlay
from clausebook.core.resolve import Handbook, Note


class Explanation(NamedTuple):
    clause: str
    handbook: Handbook
    base: Clause | None  # None when a jurisdiction adds the clause
    overlays: Sequence[tuple[str, Overlay]]  # (jurisdiction id, overlay) in the order they apply


def _block(text: str, indent: str = "    ") -> str:
    return textwrap.indent(text.rstrip("\n"), indent) + "\n"


def _clause_text(fields: dict[str, Any], notes: Iterable[Note] = ()) -> str:
    notes = list(notes)
    out = f"{fields.get('title')}  [{fields.get('level')}, owner: {fields.get('owner')}]\n"
    for note in notes:
        if note.placement == "before":
            out += _block(f"[{note.jurisdiction}] {note.text}", "  ")
    out += _block(fields.get("body", ""), "  ")
    for note in notes:
        if note.placement == "after":
            out += _block(f"[{note.jurisdiction}] {note.text}", "  ")
    return out


def _overlay_text(jurisdiction: str, overlay: Overlay) -> str:
    data = overlay.data
    out = [f"\n{overlay.action.capitalize()} by {jurisdiction} ({overlay.path}):\n"]
    out.append(_block("Reason: " + data["reason"]))
    for ref in data.get("references", []):
        cite = f" ({ref['cite']})" if ref.get("cite") else ""
        out.append(f"    Law: {ref['title']}{cite}{' ' + ref['url'] if ref.get('url') else ''}\n")
    for key, label in (("set", "Sets"), ("with", "With")):
        if key in data:
            out.append(f"    {label}: {', '.join(data[key])}\n")
    for key in ("prepend", "append"):
        if key in data:
            out.append(f"    {key.capitalize()}s:\n" + _block(data[key], "      "))
    if "examples" in data:
        count = sum(len(v) for v in data["examples"].values())
        out.append(f"    Adds {count} example{'s' if count != 1 else ''}\n")
    return "".join(out)


def format_text(explanation: Explanation) -> str:
    handbook = explanation.handbook
    chain = " > ".join([GLOBAL, *handbook.chain])
    out = [f"{explanation.clause} in {handbook.name} ({chain})\n\n"]
    if explanation.base is not None:
        out.append(f"Base ({explanation.base.path}):\n")
        out.append(_block(_clause_text(explanation.base.data)))
    else:
        out.append("Base: none (the clause is added by a jurisdiction)\n")
    out.extend(_overlay_text(jid, overlay) for jid, overlay in explanation.overlays)
    resolved = handbook.clauses.get(explanation.clause)
    out.append("\nResult:\n")
    if resolved is None:
        by = handbook.removed.get(explanation.clause)
        out.append(f"    Does not apply in {handbook.name}" + (f" (removed by {by[0]})" if by else "") + ".\n")
    else:
        out.append(_block(_clause_text(resolved.fields, resolved.notes)))
    return "".join(out)
