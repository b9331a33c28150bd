"""What every page of one build knows: the repository, its handbooks, the facts and the options.

`SiteContext` also answers the questions pages share: a jurisdiction's
display name and picker region, the order jurisdictions are listed in, where
a page lives and how to link to a clause. The orders are computed once per
build, since every page's version switcher lists every jurisdiction.
"""

from __future__ import annotations

import functools
from typing import Any

from clausebook.core.model import GLOBAL, Repository
from clausebook.core.resolve import Handbook
from clausebook.site import safe
from clausebook.site.blocks import link, table_cell
from clausebook.site.facts import Facts
from clausebook.site.languages import View, handbook_views
from clausebook.site.options import RenderOptions
from clausebook.workspace import Workspace

GLOBAL_NAME = "All countries"
GLOBAL_TITLE = "All countries (base policy)"
OTHER_REGION = "Other countries"


def landing_path(jurisdiction: str) -> str:
    return f"{jurisdiction}/index.md"


def policy_path(jurisdiction: str, policy: str) -> str:
    return f"{jurisdiction}/{policy}.md"


class SiteContext:
    def __init__(self, workspace: Workspace, facts: Facts, options: RenderOptions) -> None:
        self.workspace = workspace
        self.repo: Repository = workspace.repo
        self.handbooks: dict[str, Handbook] = workspace.handbooks
        self.facts = facts
        self.options = options
        self.reviews = facts.review_by_clause
        # Every handbook, also in a build that writes only some of them (`site/part.py`):
        # the navigation and the shared pages list them all.
        self.jurisdictions = [j for j in self.repo.jurisdiction_ids() if j in self.handbooks]
        self._views: dict[str, list[View]] = {}
        self.tree_order = self._tree_order()
        self.regions = self._regions()
        # Every jurisdiction as the picker lists them: region by region, parents before children.
        self.picker_order = [j for _, members in self.regions for j in members]

    # names ------------------------------------------------------------------

    def name(self, jurisdiction: str) -> str:
        if jurisdiction == GLOBAL:
            return GLOBAL_NAME
        return str(self.repo.jurisdictions[jurisdiction].name)

    def owner_name(self, owner: Any) -> str:
        team = self.repo.owners.get(owner) if isinstance(owner, str) else None
        return str(team.get("name", owner)) if isinstance(team, dict) else str(owner)

    def source(self, path: str | None) -> str | None:
        """A repository file's path as the git host knows it (for edit links)."""
        return self.facts.repo_prefix + path if path else None

    @functools.cached_property
    def overlaid_clauses(self) -> frozenset[str]:
        """The clauses some jurisdiction's overlay changes, adds or removes (those the matrix page lists)."""
        return frozenset(str(o.data.get("clause")) for j in self.jurisdictions if j in self.repo.jurisdictions
                         for o in self.repo.jurisdictions[j].overlays)

    # languages --------------------------------------------------------------

    @functools.cached_property
    def assessment(self) -> Any:
        """The translation status of every handbook (`translate.status.Assessment`), computed on first use."""
        from clausebook.translate.status import assess

        return assess(self.workspace)

    @functools.cached_property
    def source_language(self) -> str:
        from clausebook.translate.status import source_language

        return source_language(self.workspace.root)

    def views(self, jurisdiction: str) -> list[View]:
        """Where and in which languages handbook `jurisdiction` is published, its locale first."""
        if jurisdiction not in self._views:
            from clausebook.core.translation import handbook_languages

            known = self.repo.jurisdictions.get(jurisdiction)
            languages = handbook_languages(known, self.source_language) if known is not None else []
            self._views[jurisdiction] = handbook_views(jurisdiction, languages, self.source_language)
        return self._views[jurisdiction]

    def view(self, jurisdiction: str) -> View:
        """The handbook's main view, at /<jurisdiction>/."""
        return self.views(jurisdiction)[0]

    # order ------------------------------------------------------------------

    def region(self, jurisdiction: str) -> str:
        """The picker group: the jurisdiction's own region, else its nearest ancestor's."""
        for ancestor in reversed(self.repo.ancestors(jurisdiction)):
            region = self.repo.jurisdictions[ancestor].data.get("region")
            if isinstance(region, str) and region.strip():
                return region.strip()
        return OTHER_REGION

    def _tree_order(self) -> list[str]:
        """Jurisdictions depth first, children under their parent, siblings by name."""
        order: list[str] = []
        known = set(self.jurisdictions) - {GLOBAL}

        def visit(parent: str | None) -> None:
            children = [j for j in known if (self.repo.jurisdictions[j].parent if
                                             self.repo.jurisdictions[j].parent in known else None) == parent]
            for child in sorted(children, key=lambda j: (self.name(j).casefold(), j)):
                if child not in order:
                    order.append(child)
                    visit(child)

        visit(None)
        order.extend(sorted(known - set(order)))  # a cycle: checks report it; list it anyway
        return order

    def _regions(self) -> list[tuple[str, list[str]]]:
        groups: dict[str, list[str]] = {}
        for jurisdiction in self.tree_order:
            groups.setdefault(self.region(jurisdiction), []).append(jurisdiction)
        return sorted(groups.items(), key=lambda item: (item[0] == OTHER_REGION, item[0].casefold()))

    def depth(self, jurisdiction: str) -> int:
        """How far below the top of its region a jurisdiction sits (for indenting the picker)."""
        chain = self.repo.ancestors(jurisdiction)
        region = self.region(jurisdiction)
        return sum(1 for a in chain[:-1] if self.region(a) == region)

    # links ------------------------------------------------------------------

    def clause_link(self, page: str, clause_id: str, jurisdiction: str) -> str:
        """A table cell's link to a clause in `jurisdiction`'s version (or the first version that has it)."""
        handbook = self.handbooks.get(jurisdiction)
        clause = handbook.clauses.get(clause_id) if handbook else None
        if clause is None:
            for other in self.jurisdictions:  # a clause a jurisdiction added: its first version
                clause = self.handbooks[other].clauses.get(clause_id)
                if clause is not None:
                    jurisdiction = other
                    break
        if clause is None:
            return f"{safe.plain(clause_id)} (removed)"
        title = table_cell(safe.plain(clause.get("title", clause_id)))
        return f"[{title}]({link(page, policy_path(jurisdiction, clause.policy), clause_id)})"
