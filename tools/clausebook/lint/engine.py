"""The lint engine: run every enabled rule over the resolved handbooks and collect problems.

Rules see each jurisdiction's resolved handbook, not the raw files, so a
problem that an overlay creates (a replaced body, an appended note) is found
where it takes effect and reported at the overlay file and line that wrote it.
A clause left unchanged by a jurisdiction is the same object in its handbook
as in its parent's, so each distinct clause is checked once, however many
jurisdictions share it; equal findings are reported once.

Order of work: structure problems (S) from the workspace; each rule module in
registry order; configuration (select, ignore, severity); `lint_ignore`
silences; then the rules that report on silences themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import ModuleType
from typing import Any

from clausebook.core.identity import content_key
from clausebook.core.model import Repository
from clausebook.core.problems import Location, Problem, sort_problems
from clausebook.core.resolve import Handbook, ResolvedClause
from clausebook.history.model import History
from clausebook.history.scan import PendingScan, begin_scan
from clausebook.lint.config import LintConfig, load_config
from clausebook.lint.parallel import run_rules
from clausebook.lint.registry import all_rules
from clausebook.lint.text import RENDERED, TextPart, clause_texts
from clausebook.workspace import Workspace


@dataclass(frozen=True)
class Scope:
    """What `--changed-since` leaves to lint: (jurisdiction, clause id) pairs and changed documents."""

    pairs: frozenset[tuple[str, str]]
    documents: frozenset[str]  # paths of changed policy.yaml / jurisdiction.yaml files

    def clause_ids(self) -> set[str]:
        return {clause_id for _, clause_id in self.pairs}


@dataclass(frozen=True)
class SharedClause:
    """One distinct resolved clause and the jurisdictions (in scope) whose handbook holds it."""

    clause: ResolvedClause
    jurisdictions: tuple[str, ...]


@dataclass
class Silence:
    """One `lint_ignore` entry of a resolved clause."""

    clause: ResolvedClause
    index: int
    rule: str
    reason: str
    used: bool = False

    def location(self) -> Location:
        return self.clause.locate(("lint_ignore", self.index, "rule"))


@dataclass
class _State:
    """What every rule's context shares: caches and who owns each problem."""

    shared: list[SharedClause] | None = None
    owners: dict[Problem, list[ResolvedClause]] = field(default_factory=dict)
    silences: list[Silence] = field(default_factory=list)
    texts: dict[tuple[int, tuple[str, ...]], tuple[TextPart, ...]] = field(default_factory=dict)
    by_clause: dict[str, set[str]] | None = None  # clause id -> jurisdictions in scope
    pending: PendingScan | None = None  # the history scan the command started before loading
    history: History | None = None


class LintContext:
    """What a rule's `check(ctx)` works with.

    - `workspace` (its `root`, `repo`, every `handbooks`), `config`,
      `option(name)` (a threshold the rule declares in `OPTIONS`), `fail_on`
      (e.g. {"overdue"});
    - `handbooks`: the jurisdictions to lint (all, or those `--changed-since`
      touches), parents before children;
    - `clauses()`: each distinct resolved clause in scope, with its jurisdictions;
    - `in_scope(clause_id, jurisdiction=None)`;
    - `texts(clause, kinds)`: the clause's strings, each able to locate an offset;
    - `problem(location, message, clause=...)`: a Problem with this rule's code
      and severity, tied to the clause so that its `lint_ignore` applies.
    """

    def __init__(self, workspace: Workspace, handbooks: dict[str, Handbook], config: LintConfig,
                 fail_on: frozenset[str], scope: Scope | None, rule: ModuleType | None = None,
                 state: _State | None = None) -> None:
        self.workspace = workspace
        self.handbooks = handbooks
        self.config = config
        self.fail_on = fail_on
        self.scope = scope
        self.rule = rule
        self._state = state or _State()
        if self._state.by_clause is None and scope is not None:
            self._state.by_clause = _by_clause(scope)
        self._by_clause = self._state.by_clause

    @property
    def options(self) -> LintConfig:
        return self.config

    def option(self, name: str) -> Any:
        """The configured value of a rule option its module declares in `OPTIONS`."""
        return self.config.option(name)

    @property
    def repo(self) -> Repository:
        return self.workspace.repo

    def for_rule(self, rule: ModuleType) -> LintContext:
        return LintContext(self.workspace, self.handbooks, self.config, self.fail_on, self.scope, rule, self._state)

    # --- scope ---------------------------------------------------------------

    def in_scope(self, clause_id: str, jurisdiction: str | None = None) -> bool:
        if self._by_clause is None:
            return jurisdiction is None or jurisdiction in self.handbooks
        found = self._by_clause.get(clause_id, ())
        return bool(found) if jurisdiction is None else jurisdiction in found

    def document_in_scope(self, path: str) -> bool:
        return self.scope is None or path in self.scope.documents

    def clauses(self) -> list[SharedClause]:
        """Each distinct resolved clause in scope, in handbook order, with its jurisdictions."""
        if self._state.shared is None:
            seen: dict[int, tuple[ResolvedClause, list[str]]] = {}
            for jurisdiction, handbook in self.handbooks.items():
                for clause in handbook.clauses.values():
                    if not self.in_scope(clause.id, jurisdiction):
                        continue
                    entry = seen.setdefault(id(clause), (clause, []))
                    entry[1].append(jurisdiction)
            self._state.shared = [SharedClause(c, tuple(js)) for c, js in seen.values()]
        return self._state.shared

    def history(self) -> History:
        """The git history of the repository, scanned once for every rule (NotAGitRepository outside git)."""
        state = self._state
        if state.history is None:
            pending = state.pending or begin_scan(self.workspace.root)
            state.history = pending.finish(self.repo)
        return state.history

    # --- text ----------------------------------------------------------------

    def texts(self, clause: ResolvedClause, kinds: Iterable[str] = RENDERED) -> tuple[TextPart, ...]:
        """The clause's strings of these kinds (see `text.clause_texts`), computed once per clause."""
        kinds = tuple(kinds)
        cache = self._state.texts
        key = (id(clause), kinds)
        found = cache.get(key)
        if found is None:
            # Every kind's parts come from one walk of the clause, in reading order; a
            # subset keeps that order, which is the order `clause_texts` gives it in.
            every = cache.get((id(clause), RENDERED))
            if every is None:
                every = cache[(id(clause), RENDERED)] = tuple(clause_texts(clause, RENDERED))
            wanted = frozenset(kinds)
            found = cache[key] = tuple(part for part in every if part.kind in wanted)
        return found

    def document_texts(self) -> Iterator[TextPart]:
        """Markdown outside clauses that the site renders: policy summaries and section intros,
        jurisdiction summaries (only those in scope)."""
        for policy in self.repo.policies.values():
            if not self.document_in_scope(policy.path):
                continue
            doc = policy.doc
            if isinstance(doc.data.get("summary"), str):
                yield TextPart("summary", doc.data["summary"], doc, ("summary",))
            for index, section in enumerate(doc.data.get("sections") or []):
                if isinstance(section, dict) and isinstance(section.get("intro"), str):
                    yield TextPart("intro", section["intro"], doc, ("sections", index, "intro"))
        for jurisdiction in self.repo.jurisdictions.values():
            if not self.document_in_scope(jurisdiction.path):
                continue
            doc = jurisdiction.doc
            if isinstance(doc.data.get("summary"), str):
                yield TextPart("summary", doc.data["summary"], doc, ("summary",))

    def rendered_texts(self) -> Iterator[tuple[TextPart, ResolvedClause | None]]:
        """Every Markdown string the site renders, with its clause (None for policy and jurisdiction text)."""
        for shared in self.clauses():
            for part in self.texts(shared.clause, RENDERED):
                yield part, shared.clause
        for part in self.document_texts():
            yield part, None

    # --- reporting -----------------------------------------------------------

    def problem(self, location: Location, message: str, *, clause: ResolvedClause | None = None,
                code: str | None = None, severity: str | None = None, hint: str | None = None) -> Problem:
        """A problem from the running rule; `clause` makes the clause's `lint_ignore` apply to it."""
        rule = self.rule
        found = Problem.at(location, severity or str(getattr(rule, "SEVERITY", "warning")),
                           code or str(getattr(rule, "CODE", "?")), message, hint)
        if clause is not None:
            self._state.owners.setdefault(found, []).append(clause)
        return found

    @property
    def silences(self) -> list[Silence]:
        """Every `lint_ignore` entry of the clauses in scope; `used` is set once silences are applied."""
        return self._state.silences


def _by_clause(scope: Scope) -> dict[str, set[str]]:
    result: dict[str, set[str]] = {}
    for jurisdiction, clause_id in scope.pairs:
        result.setdefault(clause_id, set()).add(jurisdiction)
    return result


# --- --changed-since ----------------------------------------------------------

def changed_scope(workspace: Workspace, since: str | Workspace) -> Scope:
    """The clauses and overlays whose content changed since a revision, and the jurisdictions they touch.

    `since` is a git revision, or that revision already opened (the pull-request
    check loads the base once for the diff and for lint).
    """
    if isinstance(since, Workspace):
        old = since.repo
    else:
        from clausebook.workspace import open_revision

        # The one way to open a revision, as `diff` does: a revision from before
        # policy/ existed is an empty repository, so everything counts as added.
        old = open_revision(workspace.root, since).repo
    new = workspace.repo
    handbooks = workspace.handbooks
    pairs: set[tuple[str, str]] = set()
    documents: set[str] = set()

    old_clauses = {cid: content_key(c.data) for cid, c in old.clauses().items()}
    for clause_id, clause in new.clauses().items():
        if old_clauses.get(clause_id) != content_key(clause.data):
            pairs.update((j, clause_id) for j in handbooks)

    def overlays(repo: Repository) -> dict[tuple[str, str], str]:
        return {(j.id, o.clause): content_key(o.data) for j in repo.jurisdictions.values() for o in j.overlays}

    old_overlays, new_overlays = overlays(old), overlays(new)
    for key in old_overlays.keys() | new_overlays.keys():
        if old_overlays.get(key) != new_overlays.get(key):
            jurisdiction, clause_id = key
            if jurisdiction in new.jurisdictions:
                pairs.update((d, clause_id) for d in new.descendants(jurisdiction) if d in handbooks)

    for place in new.jurisdictions.values():
        was = old.jurisdictions.get(place.id)
        if was is None or content_key(was.data) != content_key(place.data):
            documents.add(place.path)
            for d in new.descendants(place.id):
                if d in handbooks:
                    pairs.update((d, clause_id) for clause_id in handbooks[d].clauses)
    for policy in new.policies.values():
        before = old.policies.get(policy.id)
        if before is None or content_key(before.data) != content_key(policy.data):
            documents.add(policy.path)
    return Scope(frozenset(pairs), frozenset(documents))


# --- the run ------------------------------------------------------------------

def _collect_silences(ctx: LintContext) -> list[Silence]:
    silences = []
    for shared in ctx.clauses():
        entries = shared.clause.get("lint_ignore") or []
        for index, entry in enumerate(entries):
            if isinstance(entry, dict) and isinstance(entry.get("rule"), str):
                silences.append(Silence(shared.clause, index, entry["rule"], str(entry.get("reason", ""))))
    return silences


def _apply_silences(problems: list[Problem], ctx: LintContext) -> list[Problem]:
    """Drop problems that every clause they belong to silences; mark the silences used."""
    by_clause: dict[int, list[Silence]] = {}
    for silence in ctx.silences:
        by_clause.setdefault(id(silence.clause), []).append(silence)
    kept = []
    owners = ctx._state.owners
    for found in problems:
        clauses = owners.get(found)
        if not clauses:
            kept.append(found)
            continue
        silenced_everywhere = True
        for clause in clauses:
            matching = [s for s in by_clause.get(id(clause), []) if s.rule == found.code]
            for silence in matching:
                silence.used = True
            if not matching:
                silenced_everywhere = False
        if not silenced_everywhere:
            kept.append(found)
    return kept


def _configure(problems: Iterable[Problem], config: LintConfig) -> list[Problem]:
    result = []
    enabled: dict[str, bool] = {}  # by code: a rule reports thousands of problems
    severities: dict[tuple[str, str], str] = {}
    for found in problems:
        on = enabled.get(found.code)
        if on is None:
            on = enabled[found.code] = config.enabled(found.code)
        if not on:
            continue
        key = (found.code, found.severity)
        severity = severities.get(key)
        if severity is None:
            severity = severities[key] = config.severity_of(found.code, found.severity)
        result.append(found if severity == found.severity else replace(found, severity=severity))
    return result


def lint(workspace: Workspace, config: LintConfig | None = None, changed_since: str | Workspace | None = None,
         fail_on: frozenset[str] = frozenset(), jobs: int | None = None,
         history: PendingScan | None = None) -> list[Problem]:
    """Structure problems plus every enabled rule's problems, configured, silenced and sorted.

    `changed_since` (a revision, or its opened workspace) narrows the rules to
    what changed since then. `jobs`: 1 runs every rule in this process, 2 runs
    a family of them in a forked worker (`lint.parallel`); None decides by the
    cores and the size of the repository. The findings are the same either way.
    `history`: a scan begun before the workspace was loaded, so git reads its
    log meanwhile.
    """
    config = config if config is not None else load_config(Path(workspace.root))
    scope = changed_scope(workspace, changed_since) if changed_since is not None else None
    order = workspace.repo.jurisdiction_ids()
    handbooks = {j: workspace.handbooks[j] for j in order if j in workspace.handbooks}
    if scope is not None:
        touched = {j for j, _ in scope.pairs}
        handbooks = {j: h for j, h in handbooks.items() if j in touched}
    ctx = LintContext(workspace, handbooks, config, frozenset(fail_on), scope)
    if history is not None:
        history.wait()  # before a worker is forked
        ctx._state.pending = history

    rules = [rule for rule in all_rules() if config.may_enable(rule.CODE)]
    early = [rule for rule in rules if not getattr(rule, "AFTER_SILENCES", False)]
    late = [rule for rule in rules if getattr(rule, "AFTER_SILENCES", False)]

    found = _configure(run_rules(ctx, early, jobs), config)
    ctx._state.silences.extend(_collect_silences(ctx))
    found = _apply_silences(found, ctx)
    later: list[Problem] = []
    for rule in late:
        later.extend(rule.check(ctx.for_rule(rule)))
    found.extend(_apply_silences(_configure(later, config), ctx))
    return sort_problems([*workspace.problems, *found])
