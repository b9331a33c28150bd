"""The S structure checks: what JSON Schema cannot see because it spans documents.

Each check has a stable code (listed in `STRUCTURE_CODES`, which `clausebook
rules` also shows). Codes S001-S008 come from loading and the schema; the rest
are here and in resolution.
"""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from clausebook.core.loader import Document, PathKey
from clausebook.core.model import GLOBAL, RESERVED_PAGE_IDS, Jurisdiction, Overlay, Policy, Repository
from clausebook.core.problems import Problem


@dataclass(frozen=True)
class StructureCode:
    code: str
    summary: str
    bad: str
    good: str
    severity: str = "error"


STRUCTURE_CODES: dict[str, StructureCode] = {c.code: c for c in (
    StructureCode("S001", "The document does not match its JSON Schema (unknown key, wrong type, missing key).",
                  "level: mandatory", "level: must"),
    StructureCode("S002", "The file is not valid YAML.", "title: [unclosed", "title: Closed"),
    StructureCode("S003", "The file is not UTF-8 text.", "(a file saved as Latin-1 or a binary file)",
                  "(the same file saved as UTF-8)"),
    StructureCode("S004", "The file is larger than 1 MiB.", "(a 5 MiB clause file)", "(one clause per file)"),
    StructureCode("S005", "YAML aliases expand beyond a safe bound, or refer to themselves.",
                  "a: &a [*a, *a]", "a: [written, out]"),
    StructureCode("S006", "A key appears twice in one mapping; YAML would silently keep only the last.",
                  "body: first\nbody: second", "body: first and second"),
    StructureCode("S007", "A file cannot be read: a symlink outside the repository or to nothing, a symlink loop, "
                          "or not a regular file (a FIFO, a device).",
                  "policy/x.yaml -> /etc/passwd", "(a regular file inside the repository)"),
    StructureCode("S008", "The document is empty or is not a mapping of keys to values.",
                  "- just\n- a list", "id: a-clause\ntitle: ..."),
    StructureCode("S009", "A file is where clausebook does not read it (wrong folder or .yml).",
                  "policy/social-media/monitoring.yml", "policy/social-media/monitoring.yaml", "warning"),
    StructureCode("S010", "A document's id does not match its file or folder name.",
                  "# monitoring.yaml\nid: monitor", "# monitoring.yaml\nid: monitoring"),
    StructureCode("S011", "Two documents of one kind share an id.",
                  "id: monitoring  # in two policies", "id: monitoring-devices"),
    StructureCode("S012", "A clause or overlay names a section its policy does not have.",
                  "section: privcy", "section: privacy"),
    StructureCode("S013", "An owner is not a team in policy/owners.yaml.", "owner: legl", "owner: legal"),
    StructureCode("S014", "An audience is not one the policy declares.", "audience: [staff]",
                  "audience: [employees]"),
    StructureCode("S015", "A related clause id does not exist.", "related: [monitorin]", "related: [monitoring]"),
    StructureCode("S016", "An overlay targets a clause that does not exist, or that an ancestor removed.",
                  "clause: monitorin\naction: amend", "clause: monitoring\naction: amend"),
    StructureCode("S017", "An 'add' overlay uses the id of an existing clause.",
                  "clause: monitoring\naction: add", "clause: works-council\naction: add"),
    StructureCode("S018", "One jurisdiction has two overlays for one clause.",
                  "overlays/a.yaml and overlays/b.yaml both say clause: a", "one overlays/a.yaml"),
    StructureCode("S019", "A jurisdiction's parent does not exist.", "parent: europe", "parent: eu"),
    StructureCode("S020", "Jurisdiction parents form a cycle.", "# de: parent eu; eu: parent de",
                  "# de: parent eu; eu: no parent"),
    StructureCode("S021", "A required file is missing (owners.yaml, policy.yaml, jurisdiction.yaml).",
                  "policy/social-media/ without policy.yaml", "policy/social-media/policy.yaml"),
    StructureCode("S022", "'global' is reserved for the base policy and cannot be a jurisdiction.",
                  "jurisdictions/global/", "jurisdictions/eu/"),
    StructureCode("S023", "A policy lists the same section or audience id twice.",
                  "sections: [{id: scope}, {id: scope}]", "sections: [{id: scope}, {id: conduct}]"),
    StructureCode("S024", "A policy or jurisdiction id is a name the handbook site uses for its own pages.",
                  "jurisdictions/changes/", "jurisdictions/ch/"),
)}


def did_you_mean(value: object, options: Iterable[str]) -> str | None:
    """The known id a mistyped one most likely meant: a close spelling ('monitring'), else the one
    id it abbreviates ('comms' for 'communications'); None when nothing is close."""
    text, known = str(value), sorted(set(options))
    match = difflib.get_close_matches(text, known, n=1)
    if match:
        return match[0]
    starts = [option for option in known if len(text) >= 3 and option.startswith(text[:4])]
    return starts[0] if len(starts) == 1 else None


def _hint(value: object, options: Iterable[str]) -> str:
    match = did_you_mean(value, options)
    return f"; did you mean '{match}'?" if match else ""


def _stem(doc: Document) -> str:
    return posixpath.basename(doc.path)[: -len(".yaml")]


class _Checker:
    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self.problems: list[Problem] = []
        self.base_ids = set(repo.clauses())
        self.added_ids = {o.clause for j in repo.jurisdictions.values() for o in j.overlays if o.action == "add"}
        self.known_ids = self.base_ids | self.added_ids | {i for kind, i in repo.broken if kind == "clause"}

    def report(self, doc: Document, path: PathKey, code: str, message: str, key: bool = False,
               severity: str = "error") -> None:
        self.problems.append(Problem.at(doc.loc(path, key=key), severity, code, message))

    def owner(self, doc: Document, path: PathKey) -> None:
        owner = doc.get(path)
        if owner is not None and owner not in self.repo.owners and self.repo.owners_doc is not None:
            self.report(doc, path, "S013", f"unknown owner '{owner}'; teams in policy/owners.yaml: "
                        f"{', '.join(sorted(self.repo.owners))}" + _hint(owner, self.repo.owners))

    def audience(self, doc: Document, path: PathKey, policy_id: str | None) -> None:
        policy = self.repo.policies.get(policy_id) if policy_id else None
        if policy is None:
            return
        declared = policy.audience_ids
        for index, audience in enumerate(doc.get(path) or []):
            if audience not in declared:
                known = ", ".join(declared) if declared else "none (add 'audiences' to policy.yaml)"
                self.report(doc, path + (index,), "S014",
                            f"unknown audience '{audience}'; {policy.id} declares: {known}" + _hint(audience, declared))

    def related(self, doc: Document, path: PathKey, own_id: str) -> None:
        for index, other in enumerate(doc.get(path) or []):
            if other == own_id:
                self.report(doc, path + (index,), "S015", f"a clause cannot be related to itself ('{other}')")
            elif other not in self.known_ids:
                self.report(doc, path + (index,), "S015",
                            f"unknown related clause '{other}'" + _hint(other, self.known_ids))

    def section(self, doc: Document, path: PathKey, policy_id: str) -> None:
        section = doc.get(path)
        policy = self.repo.policies.get(policy_id)
        if policy is not None and section is not None and section not in policy.section_ids:
            self.report(doc, path, "S012", f"unknown section '{section}'; {policy.id} has: "
                        f"{', '.join(policy.section_ids)}" + _hint(section, policy.section_ids))

    def run(self) -> list[Problem]:
        repo = self.repo
        if repo.owners_doc is None and ("owners", "owners") not in repo.broken:
            self.problems.append(Problem("policy/owners.yaml", 1, 1, "error", "S021",
                                         "missing policy/owners.yaml: the teams that own clauses"))
        for doc in repo.orphans:
            folder = "/".join(doc.path.split("/")[:2])
            needed = "policy.yaml" if doc.path.startswith("policy/") else "jurisdiction.yaml"
            if (doc.path.startswith("policy/") and ("policy", folder.split("/")[1]) in repo.broken) or (
                    doc.path.startswith("jurisdictions/") and ("jurisdiction", folder.split("/")[1]) in repo.broken):
                continue  # the folder's own file is broken and reported already
            self.problems.append(Problem(doc.path, 1, 1, "error", "S021",
                                         f"{folder}/ has no {needed}, so this file cannot be placed"))
        for policy in repo.policies.values():
            self.policy(policy)
        for doc, first in repo.duplicates:
            self.report(doc, ("id",), "S011", f"clause id '{first.id}' is already used by {first.path}")
        for jurisdiction in repo.jurisdictions.values():
            self.jurisdiction(jurisdiction)
        self.added_twice()
        return self.problems

    def added_twice(self) -> None:
        """The same id added by two jurisdictions neither of which is below the other.

        Ids are unique across the repository: two clauses under one id would
        share one review history, one anchor and one translation.
        """
        first_added: dict[str, list[Overlay]] = {}
        for jid in sorted(self.repo.jurisdictions):
            for overlay in self.repo.jurisdictions[jid].overlays:
                if overlay.action != "add":
                    continue
                for earlier in first_added.get(overlay.clause, []):
                    related = {earlier.jurisdiction, overlay.jurisdiction}
                    if earlier.jurisdiction in self.repo.ancestors(overlay.jurisdiction) or \
                            overlay.jurisdiction in self.repo.ancestors(earlier.jurisdiction) or len(related) == 1:
                        continue  # resolution reports adding an id an ancestor already added
                    self.report(overlay.doc, ("clause",), "S017",
                                f"'{overlay.clause}' is also added by {earlier.jurisdiction} ({earlier.path}); "
                                "a clause id is unique across the repository: choose another id, or add it once "
                                "in a common parent")
                    break
                first_added.setdefault(overlay.clause, []).append(overlay)

    def policy(self, policy: Policy) -> None:
        doc = policy.doc
        if policy.id != doc.data["id"]:
            self.report(doc, ("id",), "S010", f"policy id '{doc.data['id']}' must match its folder name '{policy.id}'")
        if policy.id in RESERVED_PAGE_IDS:
            self.report(doc, ("id",), "S024", f"'{policy.id}' is the name of a page the handbook site generates "
                        "in every handbook; choose another policy id")
        self.owner(doc, ("owner",))
        for field in ("sections", "audiences"):
            seen: set[str] = set()
            for index, item in enumerate(doc.data.get(field, [])):
                if item["id"] in seen:
                    self.report(doc, (field, index, "id"), "S023", f"{field[:-1]} id '{item['id']}' is listed twice")
                seen.add(item["id"])
        for clause in policy.clauses.values():
            cdoc = clause.doc
            if _stem(cdoc) != clause.id:
                self.report(cdoc, ("id",), "S010", f"clause id '{clause.id}' must match its file name "
                            f"'{_stem(cdoc)}.yaml' (rename the file or the id)")
            self.section(cdoc, ("section",), policy.id)
            self.owner(cdoc, ("owner",))
            self.audience(cdoc, ("audience",), policy.id)
            self.related(cdoc, ("related",), clause.id)

    def jurisdiction(self, jurisdiction: Jurisdiction) -> None:
        repo, doc = self.repo, jurisdiction.doc
        declared = doc.data["id"]
        if declared != jurisdiction.id:
            self.report(doc, ("id",), "S010", f"jurisdiction id '{declared}' must match its folder name "
                        f"'{jurisdiction.id}'")
        if jurisdiction.id == GLOBAL:
            self.report(doc, ("id",), "S022", "'global' is the base policy, not a jurisdiction; choose another id")
        elif jurisdiction.id in RESERVED_PAGE_IDS:
            self.report(doc, ("id",), "S024", f"'{jurisdiction.id}' is the name of a page the handbook site "
                        "generates (/changes/, /review/, /rules/...); choose another id")
        parent = jurisdiction.parent
        if parent is not None and parent != GLOBAL and parent not in repo.jurisdictions:
            if ("jurisdiction", parent) not in repo.broken:
                self.report(doc, ("parent",), "S019", f"unknown parent jurisdiction '{parent}'"
                            + _hint(parent, repo.jurisdictions))
        elif parent is not None and (cycle := self.repo.cycle_through(jurisdiction.id)):
            self.report(doc, ("parent",), "S020", "jurisdiction parents form a cycle: " + " -> ".join(cycle))
        rule_ids: set[str] = set()
        for index, rule in enumerate(jurisdiction.rules):
            if rule["id"] in rule_ids:
                self.report(doc, ("rules", index, "id"), "S011", f"rule id '{rule['id']}' is used twice here")
            rule_ids.add(rule["id"])
        for overlay in jurisdiction.overlays:
            self.overlay(overlay)

    def overlay(self, overlay: Overlay) -> None:
        doc, data, target = overlay.doc, overlay.data, overlay.clause
        if _stem(doc) != target:
            self.report(doc, ("clause",), "S010", f"an overlay file is named after the clause it changes: "
                        f"rename it to '{target}.yaml' or fix 'clause'")
        base = self.repo.clause(target)
        policy_id = base.policy if base is not None else None
        action = overlay.action
        fields = data.get("set") if action == "amend" else data.get("with")
        prefix = ("set",) if action == "amend" else ("with",)
        if not isinstance(fields, dict):
            return
        if action == "add":
            section, named = fields.get("section"), fields.get("policy")
            owners = self.repo.policies_with_section(section, named)
            if named is not None and named not in self.repo.policies:
                self.report(doc, prefix + ("policy",), "S012",
                            f"unknown policy '{named}'" + _hint(str(named), sorted(self.repo.policies)))
            elif not owners and named is not None:
                self.report(doc, prefix + ("section",), "S012", f"policy '{named}' has no section '{section}'"
                            + _hint(section, self.repo.policies[str(named)].section_ids))
            elif not owners:
                every = sorted({s for p in self.repo.policies.values() for s in p.section_ids})
                self.report(doc, prefix + ("section",), "S012", f"unknown section '{section}'" + _hint(section, every))
            elif len(owners) > 1:
                self.report(doc, prefix + ("section",), "S012",
                            f"section '{section}' exists in several policies ({', '.join(owners)}); "
                            "name the one the added clause belongs to with 'policy'")
            else:
                policy_id = owners[0]
        elif "section" in fields and policy_id is not None:
            self.section(doc, prefix + ("section",), policy_id)
        self.owner(doc, prefix + ("owner",))
        self.audience(doc, prefix + ("audience",), policy_id)
        self.related(doc, prefix + ("related",), target)


def check_structure(repo: Repository) -> list[Problem]:
    """Every S problem beyond the schema that the documents show together (resolution reports its own)."""
    from clausebook.core.translation import check_documents

    return _Checker(repo).run() + check_documents(repo)
