"""Translations as data: what a source document offers to translate, its digest, and which file a handbook reads.

Contract (DESIGN.md, "Translations"):

* three kinds of source document carry text: a policy (`title`, `summary`,
  section `title` and `intro`), a base clause (`title`, `body`, `rationale`,
  `examples`) and an overlay (`reason`, `prepend`, `append`, `examples`, and
  the text fields of `set` and `with`). `source_text` picks exactly those,
  in that shape; the translation file mirrors it;
* a translation's `source` is `identity.digest(source_text(...))`: the
  diff's normalisation, so reformatting the source changes nothing;
* a handbook is a jurisdiction in a language: its `locale`, then its
  `languages`, leaving out those in the source language. A handbook in
  `fr-CA` reads `fr-CA/<id>.yaml` where that file exists, else `fr/<id>.yaml`;
* `clause_sources` names the documents whose text a resolved clause shows
  (the base file or the overlay that replaced or added it, then each amend).

Nothing here reads git or decides staleness (that is `clausebook.translate`);
`check_documents` gives the S001 problems of translation files whose keys
do not fit what they translate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from clausebook.core.identity import canonical, digest
from clausebook.core.loader import Document, PathKey
from clausebook.core.model import GLOBAL, Jurisdiction, Overlay, Repository, Translation
from clausebook.core.problems import Problem
from clausebook.core.resolve import ResolvedClause

TEXT_FIELDS = ("title", "body", "rationale", "examples")
SOURCE_FIELDS: dict[str, tuple[str, ...]] = {
    "policy": ("title", "summary", "sections"),
    "clause": TEXT_FIELDS,
    "overlay": ("reason", "prepend", "append", "set", "with", "examples"),
}
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
DEFAULT_SOURCE_LANGUAGE = "en"


# --- what a document offers to translate -------------------------------------------------------

def _examples(value: Any) -> dict[str, list[Any]] | None:
    if not isinstance(value, dict):
        return None
    found = {k: list(value[k]) for k in ("do", "dont") if isinstance(value.get(k), list) and value[k]}
    return found or None


def _texts(data: Any) -> dict[str, Any]:
    if not isinstance(data, dict):
        return {}
    out = {k: data[k] for k in ("title", "body", "rationale") if isinstance(data.get(k), str)}
    examples = _examples(data.get("examples"))
    if examples:
        out["examples"] = examples
    return out


def source_text(kind: str, data: dict) -> dict[str, Any]:
    """The translatable text of a source document, in the shape its translation file has."""
    if kind == "policy":
        out: dict[str, Any] = {k: data[k] for k in ("title", "summary") if isinstance(data.get(k), str)}
        sections = [{"id": s["id"], **{k: s[k] for k in ("title", "intro") if isinstance(s.get(k), str)}}
                    for s in data.get("sections") or [] if isinstance(s, dict) and isinstance(s.get("id"), str)]
        if sections:
            out["sections"] = sections
        return out
    if kind == "clause":
        return _texts(data)
    out = {k: data[k] for k in ("reason", "prepend", "append") if isinstance(data.get(k), str)}
    for key in ("set", "with"):
        texts = _texts(data.get(key))
        if texts:
            out[key] = texts
    examples = _examples(data.get("examples"))
    if examples:
        out["examples"] = examples
    return out


def source_digest(kind: str, data: dict) -> str:
    """`sha256:<hex>` of a document's translatable text: what a current translation's `source` says."""
    return digest(source_text(kind, data))


def units(text: dict[str, Any]) -> Iterator[tuple[PathKey, str]]:
    """Every string of a `source_text` (or translation), with its path in the file.

    Sections are addressed by id (`("sections", "intro", "title")`), so a
    reordered section keeps its translation; lists of examples by index.
    """
    for key, value in text.items():
        if key == "source":
            continue
        if key == "sections":
            for section in value if isinstance(value, list) else []:
                if isinstance(section, dict):
                    for name in ("title", "intro"):
                        if isinstance(section.get(name), str):
                            yield ("sections", section.get("id"), name), section[name]
            continue
        yield from _leaves((key,), value)


def _leaves(path: PathKey, value: Any) -> Iterator[tuple[PathKey, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(path + (key,), item)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(path + (index,), item)


def lookup(data: dict, path: PathKey) -> Any:
    """The value at a `units` path in a source text or translation (sections by id)."""
    if path[:1] == ("sections",) and len(path) == 3:
        for section in data.get("sections") or []:
            if isinstance(section, dict) and section.get("id") == path[1]:
                return section.get(path[2])
        return None
    node: Any = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def changed_fields(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """The top-level fields whose text differs, in source order."""
    names = list(dict.fromkeys([*new, *old]))
    return [n for n in names if canonical(old.get(n)) != canonical(new.get(n))]


# --- languages ---------------------------------------------------------------------------------

def primary(tag: str) -> str:
    return tag.split("-", 1)[0].lower()


def handbook_languages(jurisdiction: Jurisdiction, source_language: str = DEFAULT_SOURCE_LANGUAGE) -> list[str]:
    """The languages a handbook is translated into: its locale, then `languages`, minus the source language."""
    tags = [jurisdiction.data.get("locale"), *(jurisdiction.data.get("languages") or [])]
    return list(dict.fromkeys(t for t in tags if isinstance(t, str) and primary(t) != primary(source_language)))


def fallbacks(lang: str) -> list[str]:
    """The folders a handbook in `lang` reads, most specific first: fr-CA -> fr-CA, fr."""
    parts = lang.split("-")
    return ["-".join(parts[:n]) for n in range(len(parts), 0, -1)]


def matches_language(handbook_lang: str, wanted: str) -> bool:
    """`--lang` takes a handbook's locale (fr-CA) or its language (fr)."""
    return handbook_lang.lower() == wanted.lower() or (
        "-" not in wanted and primary(handbook_lang) == wanted.lower())


def requires_translation(repo: Repository, jurisdiction_id: str) -> bool:
    """Whether the nearest jurisdiction up the chain that says so sets `requires_translation: true`."""
    for jid in repo.walk_up(jurisdiction_id)[0]:
        value = repo.jurisdictions[jid].data.get("requires_translation")
        if isinstance(value, bool):
            return value
    return False


# --- the documents behind a handbook -------------------------------------------------------------

@dataclass(frozen=True)
class SourceDoc:
    """A document whose text a handbook shows: a policy, a base clause or an overlay."""

    kind: str  # policy | clause | overlay
    folder: str  # the policy folder, or the overlay's jurisdiction
    target: str  # the policy id or the clause id
    policy: str
    doc: Document = field(compare=False)

    @property
    def jurisdiction(self) -> str:
        return self.folder if self.kind == "overlay" else GLOBAL

    @property
    def clause(self) -> str | None:
        return None if self.kind == "policy" else self.target

    @property
    def path(self) -> str:
        return self.doc.path

    def text(self) -> dict[str, Any]:
        return source_text(self.kind, self.doc.data)

    def digest(self) -> str:
        return source_digest(self.kind, self.doc.data)

    def translation_path(self, lang: str) -> str:
        """Where its translation into `lang` lives (whether or not the file exists)."""
        if self.kind == "overlay":
            return f"jurisdictions/{self.folder}/i18n/{lang}/{self.target}.yaml"
        stem = "policy" if self.kind == "policy" else self.target
        return f"policy/{self.folder}/i18n/{lang}/{stem}.yaml"

    def translation(self, repo: Repository, lang: str) -> Translation | None:
        """The file a handbook in `lang` reads: `fr-CA/` where it exists, else `fr/`."""
        stem = "policy" if self.kind == "policy" else self.target
        for tag in fallbacks(lang):
            found = repo.translations.get((self.kind, self.folder, tag, stem))
            if found is not None:
                return found
        return None


class Sources:
    """Which documents carry the text of each resolved clause, for one repository."""

    def __init__(self, repo: Repository) -> None:
        self.repo = repo
        self._overlays: dict[str, Overlay] = {o.path: o for j in repo.jurisdictions.values() for o in j.overlays}

    def policy(self, policy_id: str) -> SourceDoc | None:
        policy = self.repo.policies.get(policy_id)
        return None if policy is None else SourceDoc("policy", policy.id, policy.id, policy.id, policy.doc)

    def of_clause(self, clause: ResolvedClause) -> list[SourceDoc]:
        """The base file (unless replaced) or the replacing/adding overlay, then every later amend."""
        steps = clause.provenance
        start = max((i for i, s in enumerate(steps) if s.action in ("replace", "add")), default=0)
        found: list[SourceDoc] = []
        for step in steps[start:]:
            if step.action == "base":
                base = self.repo.clause(clause.id)
                if base is not None:
                    found.append(SourceDoc("clause", base.policy, base.id, base.policy, base.doc))
                continue
            overlay = self._overlays.get(step.path)
            if overlay is not None:
                found.append(SourceDoc("overlay", overlay.jurisdiction, clause.id, clause.policy, overlay.doc))
        return found

    def source_of(self, translation: Translation) -> SourceDoc | None:
        """The document a translation file translates; None when there is none (T003)."""
        return self.source_for(translation.kind, translation.folder, translation.target)

    def source_for(self, kind: str, folder: str, target: str) -> SourceDoc | None:
        """The document a translation file of `kind` in `folder` for `target` would translate."""
        if kind == "policy":
            policy = self.policy(folder)
            return policy if target == "policy" else None
        if kind == "clause":
            found = self.repo.policies.get(folder)
            clause = found.clauses.get(target) if found is not None else None
            return None if clause is None else SourceDoc("clause", clause.policy, clause.id, clause.policy,
                                                         clause.doc)
        jurisdiction = self.repo.jurisdictions.get(folder)
        for overlay in jurisdiction.overlays if jurisdiction is not None else []:
            if overlay.clause == target:
                base = self.repo.clause(overlay.clause)
                added: dict = overlay.data["with"] if isinstance(overlay.data.get("with"), dict) else {}
                policy_id = base.policy if base is not None else (
                    self.repo.policy_of_section(added.get("section"), added.get("policy")) or "")
                return SourceDoc("overlay", overlay.jurisdiction, overlay.clause, policy_id, overlay.doc)
        return None


# --- validation ------------------------------------------------------------------------------------

def check_documents(repo: Repository) -> list[Problem]:
    """S001 for translation files whose folder is no language tag or whose keys do not fit their kind."""
    problems: list[Problem] = []
    for translation in repo.translations.values():
        doc = translation.doc
        if not LANGUAGE_TAG.match(translation.lang):
            problems.append(Problem(doc.path, 1, 1, "error", "S001",
                                    f"folder '{translation.lang}' is not a BCP 47 language tag (de, fr, fr-CA)"))
        allowed = SOURCE_FIELDS[translation.kind]
        for key in doc.data:
            if key != "source" and key not in allowed:
                what = {"policy": "a policy", "clause": "a clause", "overlay": "an overlay"}[translation.kind]
                problems.append(Problem.at(doc.loc((key,), key=True), "error", "S001",
                                           f"'{key}' is not translatable in {what}'s translation; "
                                           f"allowed here: source, {', '.join(allowed)}"))
    return problems
