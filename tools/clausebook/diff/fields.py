"""A clause's fields as a reader meets them: their order, their labels and their values as text.

Every output of the diff shows fields in `FIELD_ORDER` under `field_label`
names ("Text", "Applies to"), and redlines compare `field_text` renderings,
so a list or a mapping reads as words rather than as YAML.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from clausebook.core.identity import canonical
from clausebook.core.resolve import ResolvedClause

# Reading order of a clause's fields in every output; unknown fields follow, sorted.
FIELD_ORDER = ("title", "level", "audience", "channels", "section", "order", "owner", "effective",
               "review_months", "body", "notes", "rationale", "examples", "references", "related",
               "tags", "lint_ignore")

FIELD_LABELS = {
    "title": "Title", "level": "Level", "audience": "Applies to", "channels": "Channels",
    "section": "Section", "order": "Order in section", "owner": "Owner", "effective": "Effective from",
    "review_months": "Review every (months)", "body": "Text", "notes": "Jurisdiction notes",
    "rationale": "Why", "examples": "Examples", "references": "References",
    "related": "Related clauses", "tags": "Tags", "lint_ignore": "Lint exceptions",
}


def field_label(name: str) -> str:
    """The name a reader sees for a field ("Applies to" for `audience`)."""
    return FIELD_LABELS.get(name, name.replace("_", " ").capitalize())


def field_sort_key(name: str) -> tuple[int, str]:
    """Sorts fields in reading order; unknown fields last, by name."""
    return (FIELD_ORDER.index(name), "") if name in FIELD_ORDER else (len(FIELD_ORDER), name)


# --- rendering field values as text ---------------------------------------------


def field_text(name: str, value: Any, names: Mapping[str, str] | None = None) -> str:
    """A field's value as plain text a reader recognises, for redlines.

    `names` turns the jurisdiction id of a note into its name ("Note from
    France"); both sides of a comparison get the same names, so renaming a
    jurisdiction is no change to its notes.
    """
    value = canonical(value)
    if value is None:
        return ""
    if name == "notes":
        lines = []
        for note in value:
            where = "before the text" if note.get("placement") == "before" else "after the text"
            jurisdiction = str(note.get("jurisdiction"))
            lines.append(f"Note from {(names or {}).get(jurisdiction, jurisdiction)} ({where}): {note.get('text', '')}")
            if note.get("reason"):
                lines.append(f"Reason: {note['reason']}")
        return "\n".join(lines)
    if name == "examples" and isinstance(value, dict):
        lines = [f"Do: {item}" for item in value.get("do", [])]
        lines += [f"Don't: {item}" for item in value.get("dont", [])]
        return "\n".join(lines)
    if name == "references" and isinstance(value, list):
        lines = []
        for ref in value:
            if isinstance(ref, dict):
                lines.append(" — ".join(str(ref[k]) for k in ("title", "cite", "url") if ref.get(k)))
            else:
                lines.append(str(ref))
        return "\n".join(lines)
    if name == "lint_ignore" and isinstance(value, list):
        return "\n".join(f"{i.get('rule')}: {i.get('reason')}" if isinstance(i, dict) else str(i) for i in value)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return "\n".join(f"{k}: {field_text(k, v, names)}" for k, v in value.items())
    return str(value)


def clause_values(clause: ResolvedClause | None) -> dict[str, Any]:
    """A clause's comparable values: its fields (id aside) and its notes."""
    if clause is None:
        return {}
    content = clause.content()
    content.pop("id", None)
    return content
