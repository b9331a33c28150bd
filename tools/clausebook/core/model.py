"""The repository model: policies, clauses, jurisdictions and overlays as plain data.

Each record keeps its `Document` so any later stage (checks, resolution,
lint) can point at the file, line and column a value came from.
"""

from __future__ import annotations

import datetime as _dt
import json
from functools import lru_cache
import re
from dataclasses import dataclass, field
from typing import Any

from clausebook.core.loader import Document

GLOBAL = "global"
LEVELS = ("must", "should", "may", "info")
ACTIONS = ("amend", "replace", "remove", "add")


@dataclass
class Clause:
    id: str
    policy: str
    doc: Document

    @property
    def path(self) -> str:
        return self.doc.path

    @property
    def data(self) -> dict:
        return self.doc.data


@dataclass
class Policy:
    id: str
    doc: Document
    clauses: dict[str, Clause] = field(default_factory=dict)

    @property
    def path(self) -> str:
        return self.doc.path

    @property
    def data(self) -> dict:
        return self.doc.data

    @property
    def sections(self) -> list[dict]:
        return [s for s in self.data.get("sections", []) if isinstance(s, dict) and isinstance(s.get("id"), str)]

    @property
    def section_ids(self) -> list[str]:
        return [s["id"] for s in self.sections]

    @property
    def audience_ids(self) -> list[str]:
        return [a["id"] for a in self.data.get("audiences", []) if isinstance(a, dict) and "id" in a]

    @property
    def review_months(self) -> int:
        months = self.data.get("review_months")
        return months if isinstance(months, int) else 12


@dataclass
class Overlay:
    jurisdiction: str
    doc: Document

    @property
    def path(self) -> str:
        return self.doc.path

    @property
    def data(self) -> dict:
        return self.doc.data

    @property
    def clause(self) -> str:
        return self.data["clause"]

    @property
    def action(self) -> str:
        return self.data["action"]


@dataclass
class Jurisdiction:
    id: str
    doc: Document
    overlays: list[Overlay] = field(default_factory=list)

    @property
    def path(self) -> str:
        return self.doc.path

    @property
    def data(self) -> dict:
        return self.doc.data

    @property
    def name(self) -> str:
        return self.data.get("name", self.id)

    @property
    def parent(self) -> str | None:
        return self.data.get("parent")

    @property
    def rules(self) -> list[dict]:
        return self.data.get("rules", [])


@dataclass
class Repository:
    """Everything loaded from one source, and the problems met on the way.

    Documents that failed to parse or failed their schema are absent; the
    problems say why. `files` counts every file looked at.
    """

    label: str
    owners: dict[str, dict] = field(default_factory=dict)
    owners_doc: Document | None = None
    policies: dict[str, Policy] = field(default_factory=dict)
    jurisdictions: dict[str, Jurisdiction] = field(default_factory=dict)
    problems: list = field(default_factory=list)
    files: int = 0
    # (kind, id) of documents that failed to parse or validate: references
    # to them are not reported again as unknown.
    broken: set[tuple[str, str]] = field(default_factory=set)
    # Documents whose folder has no policy.yaml / jurisdiction.yaml.
    orphans: list[Document] = field(default_factory=list)
    # Clause documents whose id was already taken by another clause file.
    duplicates: list[tuple[Document, Clause]] = field(default_factory=list)

    def clauses(self) -> dict[str, Clause]:
        return {cid: c for p in self.policies.values() for cid, c in p.clauses.items()}

    def clause(self, clause_id: str) -> Clause | None:
        for policy in self.policies.values():
            if clause_id in policy.clauses:
                return policy.clauses[clause_id]
        return None

    def ancestors(self, jurisdiction_id: str) -> list[str]:
        """The chain from the top-most ancestor down to `jurisdiction_id` itself.

        Stops at an unknown parent or at a cycle; checks report both.
        """
        chain: list[str] = []
        current: str | None = jurisdiction_id
        while current and current in self.jurisdictions and current not in chain:
            chain.append(current)
            current = self.jurisdictions[current].parent
        return list(reversed(chain))

    def children(self, jurisdiction_id: str) -> list[str]:
        return sorted(j for j, doc in self.jurisdictions.items() if doc.parent == jurisdiction_id)

    def descendants(self, jurisdiction_id: str) -> list[str]:
        """`jurisdiction_id` and every jurisdiction below it (global: all)."""
        if jurisdiction_id == GLOBAL:
            return [GLOBAL, *sorted(self.jurisdictions)]
        return sorted(j for j in self.jurisdictions if jurisdiction_id in self.ancestors(j))

    def jurisdiction_ids(self) -> list[str]:
        """`global` first, then every jurisdiction, parents before children."""
        return [GLOBAL, *sorted(self.jurisdictions, key=lambda j: (len(self.ancestors(j)), j))]


# --- content identity -------------------------------------------------------
# One definition of "the same content" for the diff and for review tracking:
# comments, key order, quoting and line folding are formatting, not content.

_STARTS_OWN_LINE = re.compile(r"^\s*([-*+>]\s|#|\d+[.)]\s|\|)")


@lru_cache(maxsize=1 << 16)  # a body is shared by every jurisdiction that leaves it alone
def normalize_text(text: str) -> str:
    """Markdown text with formatting-only differences removed.

    Line breaks inside a paragraph render as spaces, so `>` and `|` blocks,
    re-wrapped lines and runs of spaces compare equal; list items, headings,
    quotes, table rows and fenced code keep their own lines.
    """
    out: list[str] = []
    fence: str | None = None
    for raw in text.strip().split("\n"):
        line = raw.rstrip()
        stripped = line.strip()
        if fence is not None:
            out.append(line)
            if stripped.startswith(fence):
                fence = None
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            out.append(stripped)
            continue
        if not stripped:
            if out and out[-1]:
                out.append("")
            continue
        words = " ".join(stripped.split())
        if out and out[-1] and not _STARTS_OWN_LINE.match(line) and not out[-1].startswith(("```", "~~~")):
            out[-1] = f"{out[-1]} {words}"
        else:
            out.append(words)
    return "\n".join(out).strip("\n")


def canonical(value: Any) -> Any:
    """Data with formatting differences removed (text normalised)."""
    if isinstance(value, str):
        return normalize_text(value) if "\n" in value or value != value.strip() else value
    if isinstance(value, dict):
        return {k: canonical(v) for k, v in value.items()}
    if isinstance(value, list):
        return [canonical(v) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()  # as the loader gives unquoted dates back
    return value


def content_key(value: Any) -> str:
    """A string equal for two values exactly when their content is the same."""
    return json.dumps(canonical(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
