"""The repository model: policies, clauses, jurisdictions and overlays as plain data.

Each record keeps its `Document` so any later stage (checks, resolution,
lint) can point at the file, line and column a value came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

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
