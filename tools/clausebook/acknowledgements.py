"""Acknowledgement manifests: what an employee signs for one release of one handbook, and whether it still holds.

DESIGN.md, "Time". A manifest, per release and handbook (jurisdiction ×
language), is exactly:

    {"release", "commit", "date", "jurisdiction", "lang", "digest",
     "clauses": [{"clause", "policy", "digest", "level", "audience"}],
     "previous", "material_changes": [{"clause", "audience", "summary"}],
     "reacknowledge"}

* `digest` of a clause is `identity.digest` of its resolved comparable
  content (`ResolvedClause.content()`, the diff's identity): reformatting
  changes no digest, any change of what the clause says does. The
  handbook's `digest` is `identity.digest` of the ordered list of clause
  digests (policy, section, clause order).
* `audience` is the clause's audience ids, or null: everyone.
* `previous` is the release before (null for the first);
  `material_changes` are the diff's material changes between the two that
  reach this handbook (for the first release: every clause, added);
  `reacknowledge` is true when there is any.
* `lang` is the repository's source language (`[tool.clausebook]
  source_language`, default `en`): translated handbooks are not released
  yet, and asking for another language is a usage error.

`check` answers whether an acknowledgement of a manifest's release still
covers the current text (the work tree, as merged): covered when no
material change reaches the handbook (for `audience`: none to a clause
that audience reads, before or after). It first checks that the manifest's
digests are the ones clausebook computes at its commit, so a manifest that
was edited or belongs to another repository is refused, not trusted.
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from clausebook.core.errors import UsageError
from clausebook.core.identity import clause_digest, combined_digest
from clausebook.core.resolve import Handbook
from clausebook.diff.compare import ClauseChange, compare
from clausebook.git import resolve_commit
from clausebook.release import Release, releases, workspace_of
from clausebook.workspace import Workspace, open_git, open_revision, open_worktree

MANIFEST_KEYS = ("release", "commit", "date", "jurisdiction", "lang", "digest", "clauses", "previous",
                 "material_changes", "reacknowledge")


def source_language(root: Path) -> str:
    path = Path(root) / "pyproject.toml"
    try:
        with path.open("rb") as handle:
            value = tomllib.load(handle).get("tool", {}).get("clausebook", {}).get("source_language", "en")
    except (OSError, tomllib.TOMLDecodeError):
        return "en"
    return value if isinstance(value, str) and value else "en"


def clause_entries(handbook: Handbook) -> list[dict[str, Any]]:
    return [{"clause": c.id, "policy": c.policy, "digest": clause_digest(c), "level": c.get("level"),
             "audience": c.get("audience")}
            for policy in handbook.policies() for c in policy.clauses()]


def handbook_digest(entries: list[dict[str, Any]]) -> str:
    return combined_digest(entry["digest"] for entry in entries)


def _audience_of(change: ClauseChange, jurisdiction: str, before: Workspace, after: Workspace) -> Any:
    for workspace in (after, before):
        handbook = workspace.handbooks.get(jurisdiction)
        clause = handbook.clauses.get(change.clause) if handbook else None
        if clause is not None:
            return clause.get("audience")
    return None


def _summary(change: ClauseChange) -> str:
    return f"{change.kind}: {change.reason}"


def pick_release(root: Path, version: str | None) -> tuple[Release, Release | None]:
    """The release asked for (default: the latest) and the one before it."""
    known = releases(root)
    if not known:
        raise UsageError("there is no release yet: tag one with `clausebook release`")
    if version is None:
        index = len(known) - 1
    else:
        wanted = version.removeprefix("v")
        index = next((i for i, r in enumerate(known) if r.version == wanted), -1)
        if index < 0:
            raise UsageError(f"unknown release '{version}'; known: {', '.join(r.version for r in known)}")
    return known[index], known[index - 1] if index > 0 else None


def check_lang(root: Path, lang: str | None) -> str:
    source = source_language(root)
    if lang is not None and lang != source:
        raise UsageError(f"no '{lang}' handbook is released: releases cover the source language, '{source}'")
    return source


def manifest(root: str | Path, jurisdiction: str, version: str | None = None, lang: str | None = None,
             cache: dict[str, Any] | None = None) -> dict[str, Any]:
    """The acknowledgement manifest of one release (default: the latest) of J's handbook."""
    root = Path(root).resolve()
    language = check_lang(root, lang)
    chosen, previous = pick_release(root, version)
    return build_manifest(root, chosen, previous, jurisdiction, language, cache if cache is not None else {})


def build_manifest(root: Path, chosen: Release, previous: Release | None, jurisdiction: str, lang: str,
                   cache: dict[str, Any]) -> dict[str, Any]:
    """`cache` keeps workspaces by commit and diffs by pair, across the handbooks of one site build."""
    after = workspace_of(root, chosen, cache)
    if jurisdiction not in after.handbooks:
        known = ", ".join(j for j in after.repo.jurisdiction_ids() if j in after.handbooks)
        raise UsageError(f"unknown jurisdiction '{jurisdiction}' at release {chosen.version}; known: {known}")
    before = workspace_of(root, previous, cache)
    key = f"diff {previous.commit if previous else 'none'} {chosen.commit}"
    diff = cache.get(key) or compare(before, after)
    cache[key] = diff
    entries = clause_entries(after.handbooks[jurisdiction])
    material = [{"clause": c.clause, "audience": _audience_of(c, jurisdiction, before, after), "summary": _summary(c)}
                for c in diff.material if jurisdiction in c.jurisdictions]
    return {
        "release": chosen.version,
        "commit": chosen.commit,
        "date": chosen.date.isoformat(),
        "jurisdiction": jurisdiction,
        "lang": lang,
        "digest": handbook_digest(entries),
        "clauses": entries,
        "previous": previous.version if previous else None,
        "material_changes": material,
        "reacknowledge": bool(material),
    }


# --- check -------------------------------------------------------------------------


@dataclass
class Verdict:
    release: str
    jurisdiction: str
    audience: str | None
    material: list[dict[str, Any]]  # {"clause", "audience", "summary"} of changes the acknowledgement misses
    editorial: list[str]  # clauses changed only editorially

    @property
    def covered(self) -> bool:
        return not self.material

    def to_dict(self) -> dict[str, Any]:
        return {"release": self.release, "jurisdiction": self.jurisdiction, "audience": self.audience,
                "covered": self.covered, "material_changes": self.material, "editorial_changes": self.editorial}


def read_manifest(path: str) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(f"{path}: cannot read it: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: not a JSON manifest: {exc}") from None
    missing = [k for k in MANIFEST_KEYS if not isinstance(data, dict) or k not in data]
    if missing:
        raise UsageError(f"{path}: not an acknowledgement manifest (missing {', '.join(missing)})")
    if not isinstance(data["clauses"], list) or not all(isinstance(c, dict) for c in data["clauses"]):
        raise UsageError(f"{path}: 'clauses' must be a list of clause entries")
    return data


def reads(audience_value: Any, audience: str | None) -> bool:
    """Whether a reader of `audience` (None: anyone) is covered by a clause with this audience (None: everyone)."""
    if audience is None or audience_value is None:
        return True
    return isinstance(audience_value, list) and audience in audience_value


def check(root: str | Path, data: dict[str, Any], audience: str | None = None) -> Verdict:
    """Whether an acknowledgement of the manifest's release still covers the current text."""
    root = Path(root).resolve()
    where = open_git(root)
    commit = resolve_commit(where.toplevel, str(data["commit"]))
    if commit is None:
        raise UsageError(f"the manifest's commit {data['commit']} is not in this repository")
    jurisdiction = str(data["jurisdiction"])
    released = open_revision(root, commit, where)
    if jurisdiction not in released.handbooks:
        raise UsageError(f"the manifest's jurisdiction '{jurisdiction}' does not exist at {commit[:12]}")
    entries = clause_entries(released.handbooks[jurisdiction])
    if handbook_digest(entries) != data["digest"] or [e["digest"] for e in entries] != \
            [c.get("digest") for c in data["clauses"]]:
        raise UsageError(f"the manifest's digests do not match the handbook at {commit[:12]}: "
                         "it was edited, or belongs to another repository")
    current = open_worktree(root)
    if jurisdiction not in current.handbooks:
        raise UsageError(f"the jurisdiction '{jurisdiction}' no longer exists")
    diff = compare(released, current)
    material, editorial = [], []
    for change in diff.changes:
        if jurisdiction not in change.jurisdictions:
            continue
        old = released.handbooks[jurisdiction].clauses.get(change.clause)
        new = current.handbooks[jurisdiction].clauses.get(change.clause)
        if not any(reads(c.get("audience"), audience) for c in (old, new) if c is not None):
            continue
        if change.material:
            material.append({"clause": change.clause, "audience": (new or old).get("audience"),  # type: ignore[union-attr]
                             "summary": _summary(change)})
        else:
            editorial.append(change.clause)
    return Verdict(str(data["release"]), jurisdiction, audience, material, editorial)
