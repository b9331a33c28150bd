"""Load a whole repository from a source: classify, parse and schema-check every file.

Nothing here decides whether references between documents make sense; that is
`checks`. A document that fails to parse or fails its schema stays out of the
model (its id is remembered, so later checks do not pile up follow-on errors).
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from clausebook.core import schemas
from clausebook.core.errors import UsageError
from clausebook.core.loader import MAX_FILE_BYTES, Document, parse
from clausebook.core.model import Clause, Jurisdiction, Overlay, Policy, Repository, Translation
from clausebook.core.problems import Problem, has_errors
from clausebook.core.sources import Entry, Source


def classify(path: str) -> tuple[str, ...] | None:
    """What kind of document a path holds, with the ids its location implies."""
    parts = path.split("/")
    if not path.endswith(".yaml"):
        return None
    stem = posixpath.basename(path)[: -len(".yaml")]
    if len(parts) == 5 and parts[2] == "i18n" and parts[0] in ("policy", "jurisdictions"):
        # A translation: ("translation", kind, folder, lang, target id).
        if parts[0] == "jurisdictions":
            return ("translation", "overlay", parts[1], parts[3], stem)
        return ("translation", "policy" if stem == "policy" else "clause", parts[1], parts[3], stem)
    if parts[0] == "policy":
        if len(parts) == 2 and stem == "owners":
            return ("owners",)
        if len(parts) == 3:
            return ("policy", parts[1]) if stem == "policy" else ("clause", parts[1], stem)
    if parts[0] == "jurisdictions":
        if len(parts) == 3 and stem == "jurisdiction":
            return ("jurisdiction", parts[1])
        if len(parts) == 4 and parts[2] == "overlays":
            return ("overlay", parts[1], stem)
    return None


class _Loaded:
    """Documents by kind, before they are tied together."""

    def __init__(self) -> None:
        self.policies: dict[str, Document] = {}
        self.clauses: list[tuple[str, Document]] = []
        self.jurisdictions: dict[str, Document] = {}
        self.overlays: list[tuple[str, Document]] = []
        self.translations: list[tuple[tuple[str, ...], Document]] = []
        self.owners: Document | None = None


# The documents of the most recent load, by (path, kind, schema folder, bytes) and,
# from a git revision, by (path, kind, schema folder, blob id) too. Loading a second
# revision (diff, lint --changed-since) or loading again (mkdocs serve) then parses
# and schema-checks only the files that changed; from git, the unchanged files are
# not even read, as the blob ids of the two trees say which differ.
# Documents are never modified once loaded, so two repositories may share one.
_Parsed = dict[tuple, tuple[Document | None, tuple[Problem, ...]]]
_last_load: _Parsed = {}


def _parse_checked(path: str, kind: str, raw: bytes, schema_directory: Path,
                   seen: _Parsed, blob: str | None = None) -> tuple[Document | None, list[Problem]]:
    key = (path, kind, schema_directory, raw)
    known = _last_load.get(key) or seen.get(key)
    if known is None:
        doc, problems = parse(path, raw)
        if doc is not None:
            problems += schemas.validate(doc, kind, schema_directory)
        known = (doc, tuple(problems))
    seen[key] = known
    if blob is not None:
        seen[(path, kind, schema_directory, "blob", blob)] = known
    return known[0], list(known[1])


def _known_blobs(source: Source, entries: list[Entry], schema_directory: Path,
                 seen: _Parsed) -> dict[str, str]:
    """path -> blob id for the files a source can name by blob id; those parsed last time go into `seen`.

    The source is told which files remain to be read, so it fetches only those.
    """
    fingerprint = getattr(source, "fingerprint", None)
    if fingerprint is None:
        return {}
    blobs: dict[str, str] = {}
    unread = []
    for entry in entries:
        kind = classify(entry.path)
        blob = fingerprint(entry.path) if kind is not None and not entry.escapes else None
        if kind is None or blob is None:
            unread.append(entry.path)
            continue
        blobs[entry.path] = blob
        key = (entry.path, kind[0], schema_directory, "blob", blob)
        if key in _last_load:
            seen[key] = _last_load[key]
        else:
            unread.append(entry.path)
    getattr(source, "will_read", lambda paths: None)(unread)
    return blobs


def load(source: Source, schema_directory: Path) -> Repository:
    global _last_load
    if not source.has_policy_dir():
        raise UsageError("not a clausebook repository: there is no policy/ folder here (use --root DIR)")
    repo = Repository(label=source.label)
    loaded = _Loaded()
    broken: set[tuple[str, str]] = set()  # (kind, id) of documents left out of the model
    seen: _Parsed = {}
    entries = source.entries()
    blobs = _known_blobs(source, entries, schema_directory, seen)
    for entry in entries:
        kind = classify(entry.path)
        if kind is None:
            if entry.path.endswith((".yml", ".yaml", ".json")):
                repo.files += 1
                repo.problems.append(Problem(entry.path, 1, 1, "warning", "S009",
                                             _unexpected_file_message(entry.path)))
            continue
        repo.files += 1
        if entry.escapes:
            repo.problems.append(Problem(entry.path, 1, 1, "error", "S007",
                                         "this path is a symlink that resolves outside the repository; it is not read"))
            broken.add((kind[0], kind[-1]))
            continue
        if entry.unreadable:
            repo.problems.append(Problem(entry.path, 1, 1, "error", "S007",
                                         f"this path is {entry.unreadable}; it is not read"))
            broken.add((kind[0], kind[-1]))
            continue
        if entry.size > MAX_FILE_BYTES:
            size, limit = entry.size // 1024, MAX_FILE_BYTES // 1024
            repo.problems.append(Problem(entry.path, 1, 1, "error", "S004",
                                         f"file is {size} KiB; the limit is {limit} KiB"))
            broken.add((kind[0], kind[-1]))
            continue
        blob = blobs.get(entry.path)
        reused = seen.get((entry.path, kind[0], schema_directory, "blob", blob)) if blob else None
        if reused is not None:
            doc, problems = reused[0], list(reused[1])
        else:
            try:
                raw = source.read(entry.path)
            except OSError as exc:
                repo.problems.append(Problem(entry.path, 1, 1, "error", "S007",
                                             f"cannot read file: {exc.strerror or exc}"))
                broken.add((kind[0], kind[-1]))
                continue
            doc, problems = _parse_checked(entry.path, kind[0], raw, schema_directory, seen, blob)
        repo.problems.extend(problems)
        if doc is None or has_errors(problems):
            broken.add((kind[0], _declared_id(doc, kind)))
            continue
        if kind[0] == "owners":
            loaded.owners = doc
        elif kind[0] == "policy":
            loaded.policies[kind[1]] = doc
        elif kind[0] == "clause":
            loaded.clauses.append((kind[1], doc))
        elif kind[0] == "jurisdiction":
            loaded.jurisdictions[kind[1]] = doc
        elif kind[0] == "translation":
            loaded.translations.append((kind, doc))
        else:
            loaded.overlays.append((kind[1], doc))
    _last_load = seen
    _assemble(repo, loaded, broken)
    return repo


def _declared_id(doc: Document | None, kind: tuple[str, ...]) -> str:
    if doc is not None and kind[0] != "translation":
        key = "clause" if kind[0] == "overlay" else "id"
        value = doc.data.get(key)
        if isinstance(value, str):
            return value
    return kind[-1]


def _unexpected_file_message(path: str) -> str:
    if path.endswith(".yml"):
        return "clausebook reads only '.yaml' files; rename this file to end in '.yaml'"
    return ("unexpected file: clauses live in policy/<policy>/<clause>.yaml, overlays in "
            "jurisdictions/<jurisdiction>/overlays/<clause>.yaml; this file is not read")


def _assemble(repo: Repository, loaded: _Loaded, broken: set[tuple[str, str]]) -> None:
    repo.broken = broken
    if loaded.owners is not None:
        repo.owners_doc = loaded.owners
        repo.owners = loaded.owners.data.get("owners", {})
    for folder, doc in sorted(loaded.policies.items()):
        repo.policies[folder] = Policy(folder, doc)
    seen: dict[str, Clause] = {}
    for folder, doc in sorted(loaded.clauses, key=lambda item: item[1].path):
        policy = repo.policies.get(folder)
        if policy is None:
            broken.add(("clause", doc.data["id"]))
            repo.orphans.append(doc)
            continue
        clause_id = doc.data["id"]
        if clause_id in seen:
            repo.duplicates.append((doc, seen[clause_id]))
            continue
        seen[clause_id] = policy.clauses[clause_id] = Clause(clause_id, folder, doc)
    for folder, doc in sorted(loaded.jurisdictions.items()):
        repo.jurisdictions[folder] = Jurisdiction(folder, doc)
    for folder, doc in sorted(loaded.overlays, key=lambda item: item[1].path):
        jurisdiction = repo.jurisdictions.get(folder)
        if jurisdiction is None:
            repo.orphans.append(doc)
            continue
        jurisdiction.overlays.append(Overlay(folder, doc))
    for (_, kind, folder, lang, target), doc in loaded.translations:
        repo.translations[(kind, folder, lang, target)] = Translation(kind, folder, lang, target, doc)
