"""The repository model: policies, clauses, jurisdictions and overlays as plain data.

Each record keeps its `Document` so any later stage (checks, resolution,
lint) can point at the file, line and column a value came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clausebook.core.loader import Document

GLOBAL = "global"
# Names the handbook site takes for its own pages and folders (`/changes/`,
# `/<j>/acknowledgements/`, `/assets/`...): a jurisdiction or policy with
# one of these ids would overwrite a generated page, so checks refuse them.
RESERVED_PAGE_IDS = frozenset({GLOBAL, "changes", "review", "rules", "matrix", "versions", "assets", "search",
                               "index", "acknowledgements", "feed", "404", "sitemap", "tags"})
LEVELS = ("must", "should", "may", "info")
ACTIONS = ("amend", "replace", "remove", "add")


class _FromDocument:
    """A record read from one document: its path and data are the document's."""

    doc: Document

    @property
    def path(self) -> str:
        return self.doc.path

    @property
    def data(self) -> dict:
        return self.doc.data


@dataclass
class Clause(_FromDocument):
    id: str
    policy: str
    doc: Document


@dataclass
class Policy(_FromDocument):
    id: str
    doc: Document
    clauses: dict[str, Clause] = field(default_factory=dict)

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
class Overlay(_FromDocument):
    jurisdiction: str
    doc: Document

    @property
    def clause(self) -> str:
        return self.data["clause"]

    @property
    def action(self) -> str:
        return self.data["action"]


@dataclass
class Jurisdiction(_FromDocument):
    id: str
    doc: Document
    overlays: list[Overlay] = field(default_factory=list)

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
class Translation(_FromDocument):
    """One translation file: the text of one source document in one language.

    `kind` is what it translates: `policy` (policy/<p>/i18n/<lang>/policy.yaml),
    `clause` (policy/<p>/i18n/<lang>/<clause>.yaml) or `overlay`
    (jurisdictions/<j>/i18n/<lang>/<clause>.yaml). `folder` is the policy or
    jurisdiction folder it sits in, `target` the policy or clause id, `lang`
    the BCP 47 tag of its folder. See core/translation.py for what it may say.
    """

    kind: str
    folder: str
    lang: str
    target: str
    doc: Document

    @property
    def source(self) -> str:
        return self.data.get("source", "")


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
    # Translation files by (kind, folder, lang, target).
    translations: dict[tuple[str, str, str, str], Translation] = field(default_factory=dict)

    def clauses(self) -> dict[str, Clause]:
        return {cid: c for p in self.policies.values() for cid, c in p.clauses.items()}

    def clause(self, clause_id: str) -> Clause | None:
        for policy in self.policies.values():
            if clause_id in policy.clauses:
                return policy.clauses[clause_id]
        return None

    def walk_up(self, jurisdiction_id: str) -> tuple[list[str], str | None]:
        """`jurisdiction_id`, its parent, its grandparent ... upwards, and where the walk stopped.

        The second value is None at the top, the id of an unknown parent, or
        the id that closes a cycle (it is then in the chain). The one walk up
        the parent links: ancestors, cycles and the parent a handbook starts
        from are all read from it.
        """
        chain: list[str] = []
        current: str | None = jurisdiction_id
        while current is not None and current in self.jurisdictions and current not in chain:
            chain.append(current)
            current = self.jurisdictions[current].parent
        return chain, current

    def ancestors(self, jurisdiction_id: str) -> list[str]:
        """The chain from the top-most ancestor down to `jurisdiction_id` itself.

        Stops at an unknown parent or at a cycle; checks report both.
        """
        return list(reversed(self.walk_up(jurisdiction_id)[0]))

    def cycle_through(self, jurisdiction_id: str) -> list[str] | None:
        """The parent cycle `jurisdiction_id` is part of, closed (`a -> b -> a`), or None."""
        chain, stop = self.walk_up(jurisdiction_id)
        return [*chain, jurisdiction_id] if stop == jurisdiction_id and chain else None

    def effective_parent(self, jurisdiction_id: str) -> str:
        """The handbook this one starts from: its parent, or global when the parent is unknown or in a cycle."""
        parent = self.jurisdictions[jurisdiction_id].parent
        if parent is None or parent not in self.jurisdictions:
            return GLOBAL
        chain, stop = self.walk_up(jurisdiction_id)
        return GLOBAL if stop is not None and stop in chain else parent

    def policies_with_section(self, section: object, policy: object = None) -> list[str]:
        """The policies a clause with this section can belong to (for an added clause).

        Section ids belong to their policy; where several policies have the
        section, the overlay names `policy` too. Exactly one answer places
        the clause; none or several are a problem `checks` reports.
        """
        owners = [p.id for p in self.policies.values() if section in p.section_ids]
        if policy is not None:
            return [p for p in owners if p == policy]
        return owners

    def policy_of_section(self, section: object, policy: object = None) -> str | None:
        """The one policy `policies_with_section` names, or None when it names none or several."""
        owners = self.policies_with_section(section, policy)
        return owners[0] if len(owners) == 1 else None

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
