"""Releases: versions tagged in git, the next one proposed from the changes' classes, and the refusals.

DESIGN.md, "Time". A release is an annotated tag `v<MAJOR>.<MINOR>.<PATCH>`
on a commit of the current branch; its date is the tag's date (a
lightweight tag: its commit's). The changes of a release are the semantic
diff (`diff.compare`) between the previous release and HEAD, so "material"
means exactly what it means in a pull request's diff.

The proposal: a material change asks for a minor version
(`[tool.clausebook.release] material = "major"` asks for a major one),
editorial changes only for a patch, no change for nothing (refused). The
first release is proposed as 1.0.0 and compared with an empty repository.

`plan` decides everything and writes nothing; `make` writes the tag and
only the tag (`git tag -a`: no commit, no file, no index change). Refusals
(`Plan.refusals`, exit 1): validation or lint errors, uncommitted changes
under policy/ or jurisdictions/, no change since the last release, a
VERSION that is not above the last release or smaller than the changes
require, a tag that exists already.

`[tool.clausebook.release]` is read here and nowhere else (`load_config`):
`material` ("minor" or "major") and `notice_days` (lint R002; 0: off).
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from clausebook.core.errors import UsageError
from clausebook.core.sources import CONTENT_DIRS
from clausebook.diff.compare import Diff, compare
from clausebook.git import list_tags, tag, tag_exists, uncommitted
from clausebook.workspace import Workspace, _empty, open_git, open_revision, open_worktree

TAG_PREFIX = "v"
_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")
BUMPS = ("patch", "minor", "major")
FIRST_VERSION = "1.0.0"
SECTION = "tool.clausebook.release"


@dataclass(frozen=True)
class ReleaseConfig:
    material: str = "minor"  # the bump a material change asks for
    notice_days: int = 0  # lint R002: days of notice a material change needs before it takes effect; 0: off


def load_config(root: Path) -> ReleaseConfig:
    """`[tool.clausebook.release]` of the repository's pyproject.toml (defaults when absent)."""
    path = Path(root) / "pyproject.toml"
    if not path.is_file():
        return ReleaseConfig()
    try:
        with path.open("rb") as handle:
            table = tomllib.load(handle).get("tool", {}).get("clausebook", {}).get("release", {})
    except (tomllib.TOMLDecodeError, OSError) as exc:
        raise UsageError(f"pyproject.toml: cannot read it: {exc}") from None
    if not isinstance(table, dict):
        raise UsageError(f"pyproject.toml: [{SECTION}] must be a table")
    unknown = sorted(set(table) - {"material", "notice_days"})
    if unknown:
        raise UsageError(f"pyproject.toml: '{unknown[0]}' is not a [{SECTION}] setting; expected material, notice_days")
    material = table.get("material", "minor")
    if material not in ("minor", "major"):
        raise UsageError(f"pyproject.toml: [{SECTION}] material must be \"minor\" or \"major\", not {material!r}")
    notice = table.get("notice_days", 0)
    if not isinstance(notice, int) or isinstance(notice, bool) or notice < 0:
        raise UsageError(f"pyproject.toml: [{SECTION}] notice_days must be a whole number of days (0: off)")
    return ReleaseConfig(material, notice)


def parse_version(text: str) -> tuple[int, int, int]:
    match = _VERSION.match(text.removeprefix(TAG_PREFIX))
    if match is None:
        raise UsageError(f"'{text}' is not a version: give MAJOR.MINOR.PATCH, e.g. 1.4.0")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def bump(version: str, kind: str) -> str:
    major, minor, patch = parse_version(version)
    if kind == "major":
        return f"{major + 1}.0.0"
    if kind == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def bump_between(last: str, new: str) -> str | None:
    """Which part `new` raises over `last`; None when it is not above it."""
    old, given = parse_version(last), parse_version(new)
    if given <= old:
        return None
    if given[0] > old[0]:
        return "major"
    if given[1] > old[1]:
        return "minor"
    return "patch"


@dataclass(frozen=True)
class Release:
    version: str  # "1.4.0"
    tag: str  # "v1.4.0"
    commit: str
    date: dt.date


def releases(root: Path, merged: str | None = "HEAD") -> list[Release]:
    """The releases reachable from `merged` (None: every one), oldest version first."""
    where = open_git(root)
    if where.head is None:
        return []
    found = []
    for item in list_tags(where.toplevel, f"{TAG_PREFIX}*", merged):
        version = item.name.removeprefix(TAG_PREFIX)
        if _VERSION.match(version):
            found.append(Release(version, item.name, item.commit, item.date))
    return sorted(found, key=lambda r: parse_version(r.version))


def workspace_of(root: Path, release: Release | None, cache: dict[str, Workspace] | None = None) -> Workspace:
    """The repository at a release (an empty one for "before the first release")."""
    if release is None:
        return _empty(Path(root).resolve(), "none")
    if cache is not None and release.commit in cache:
        return cache[release.commit]
    workspace = open_revision(Path(root).resolve(), release.commit)
    if cache is not None:
        cache[release.commit] = workspace
    return workspace


@dataclass
class Plan:
    version: str | None  # what would be tagged
    previous: Release | None
    required: str | None  # the bump the changes ask for; None: nothing changed
    diff: Diff | None
    head: str | None
    refusals: list[str] = field(default_factory=list)

    @property
    def tag(self) -> str:
        return f"{TAG_PREFIX}{self.version}"

    @property
    def editorial(self) -> list[str]:
        return [c.clause for c in self.diff.changes if not c.material] if self.diff else []

    def message(self) -> str:
        """The annotated tag's message: the material changes (clause and jurisdictions), the editorial count."""
        since = f"since {self.previous.tag}" if self.previous else "(first release)"
        lines = [f"Policy release {self.tag}", ""]
        material = self.diff.material if self.diff else []
        lines.append(f"Material changes {since}: {len(material)}")
        for change in material:
            lines.append(f"- {change.clause} ({', '.join(change.jurisdictions)}): {change.kind}; {change.reason}")
        count = len(self.editorial)
        lines.append(f"Clauses changed editorially: {count}")
        return "\n".join(lines) + "\n"


def plan(root: str | Path, version: str | None = None, workspace: Workspace | None = None) -> Plan:
    """What `release [VERSION]` would do, and every reason it would not; writes nothing."""
    from clausebook.lint.engine import lint

    root = Path(root).resolve()
    where = open_git(root)
    if where.head is None:
        raise UsageError("the repository has no commits yet: commit the policies, then release")
    if version is not None:
        parse_version(version)
        version = version.removeprefix(TAG_PREFIX)
    config = load_config(root)
    known = releases(root)
    previous = known[-1] if known else None
    result = Plan(version, previous, None, None, where.head)
    dirty = uncommitted(where.toplevel, [where.prefix + d for d in CONTENT_DIRS])
    if dirty:
        shown = ", ".join(dirty[:5]) + (f" and {len(dirty) - 5} more" if len(dirty) > 5 else "")
        result.refusals.append(f"uncommitted changes under policy/ or jurisdictions/ ({shown}): commit them first")
    current = workspace or open_worktree(root)
    errors = [p for p in lint(current) if p.severity == "error"]
    if errors:
        result.refusals.append(f"the repository has {len(errors)} validation or lint error(s): "
                               f"fix them first (`clausebook lint`); the first: {errors[0]}")
    head = open_revision(root, where.head, where)
    result.diff = compare(workspace_of(root, previous), head)
    if not result.diff.changes:
        result.refusals.append(f"nothing changed since {previous.tag if previous else 'the start'}: "
                               "there is nothing to release")
    else:
        result.required = config.material if result.diff.material else "patch"
    proposed = bump(previous.version, result.required or "patch") if previous else FIRST_VERSION
    if version is None:
        result.version = proposed
    elif previous is not None:
        given = bump_between(previous.version, version)
        if given is None:
            result.refusals.append(f"{version} is not above the last release, {previous.version}")
        elif result.required and BUMPS.index(given) < BUMPS.index(result.required):
            result.refusals.append(f"{version} is a {given} release, but the changes since {previous.tag} "
                                   f"need a {result.required} one (at least {proposed})")
    if tag_exists(where.toplevel, result.tag):
        result.refusals.append(f"the tag {result.tag} exists already")
    return result


def make(root: str | Path, planned: Plan) -> None:
    """Write the release's annotated tag at the HEAD the plan was made for; nothing else."""
    if planned.refusals or planned.head is None or planned.version is None:
        raise ValueError("a refused plan cannot be released")
    where = open_git(Path(root).resolve())
    tag(where.toplevel, planned.tag, planned.head, planned.message())
