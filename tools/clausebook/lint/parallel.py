"""Run lint rules on two cores: a forked worker takes one family of rules while this process runs the rest.

Lint's time is spent in the rules more than in loading, and the rules are
independent of each other.
They fall into families by what they compute and cache, and two families
of about equal cost go to the two processes:

- here: the prose rules (C001-C005, L, R002: plain text, sentences and words
  of each clause) and the markup rules (C006, X001-X005: links and HTML tags
  of every rendered string);
- in the worker: the git history and what reads it (R001 review, T001-T003
  translation status) and the near-duplicate index (C007).

Each family runs in one process, so no cache is computed twice. The worker is
a `fork` of this process taken after the workspace is loaded and resolved, so
it starts in a millisecond with everything in memory, and every clause object
has the same address in both processes: the worker sends back its problems
with the `id()` of the clauses they belong to, and this process ties them to
its own objects (for `lint_ignore`). Results are merged in registry order,
so the findings and their order are exactly those of a run in one process
(a test compares the two on a seeded corpus).

Where `fork` is not available (Windows, macOS' default), on one core, in a
process with other threads running, or for a small repository (where a fork
costs more than it saves), everything runs here.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import TYPE_CHECKING

from clausebook.core.errors import UsageError
from clausebook.core.problems import Problem
from clausebook.cores import available_cores, can_fork

if TYPE_CHECKING:
    from clausebook.core.resolve import ResolvedClause
    from clausebook.lint.engine import LintContext

# The family the worker runs (see the module docstring).
WORKER_FAMILY = frozenset({"C007", "R001", "T001", "T002", "T003"})
# Below this many distinct clauses one process is faster than two.
PARALLEL_FROM = 400

Found = list[tuple[Problem, list[int]]]  # problems with the id()s of their clauses


def worth_forking(ctx: LintContext, jobs: int | None) -> bool:
    # A fork copies only the calling thread: a lock another thread holds (the import lock, a
    # logging handler's) would stay locked in the worker for ever. Lint then stays in one process.
    if not can_fork() or threading.active_count() > 1:
        return False
    if jobs is not None:
        return jobs > 1
    return available_cores() > 1 and len(ctx.clauses()) >= PARALLEL_FROM


def run_rules(ctx: LintContext, rules: Sequence[ModuleType], jobs: int | None) -> list[Problem]:
    """Every rule's problems, in the order of `rules`, each rule's in the order it found them."""
    if not worth_forking(ctx, jobs):
        return [found for rule in rules for found in rule.check(ctx.for_rule(rule))]
    ctx.clauses()  # computed before the fork: the worker's clause objects are this process's
    mine = [rule for rule in rules if rule.CODE not in WORKER_FAMILY]
    theirs = [rule for rule in rules if rule.CODE in WORKER_FAMILY]
    if not mine or not theirs:
        return [found for rule in rules for found in rule.check(ctx.for_rule(rule))]
    worker = _fork(lambda: {rule.CODE: _with_owners(ctx, rule) for rule in theirs})
    try:
        here = {rule.CODE: list(rule.check(ctx.for_rule(rule))) for rule in mine}
    except BaseException:
        worker.stop()
        raise
    there = worker.result()
    clauses = _clauses_by_id(ctx)
    owners = ctx._state.owners
    result: list[Problem] = []
    for rule in rules:
        if rule.CODE in here:
            result.extend(here[rule.CODE])
            continue
        for found, owner_ids in there[rule.CODE]:
            for owner in owner_ids:
                # Every worker rule ties its problems to the handbooks' clauses; a clause made
                # in the worker alone would have no counterpart here, and no silence to apply.
                if owner in clauses:
                    owners.setdefault(found, []).append(clauses[owner])
            result.append(found)
    return result


def _with_owners(ctx: LintContext, rule: ModuleType) -> Found:
    problems = list(rule.check(ctx.for_rule(rule)))
    owners = ctx._state.owners
    return [(found, [id(clause) for clause in owners.get(found, ())]) for found in problems]


def _clauses_by_id(ctx: LintContext) -> dict[int, ResolvedClause]:
    found: dict[int, ResolvedClause] = {}
    for handbook in ctx.workspace.handbooks.values():
        for clause in handbook.clauses.values():
            found[id(clause)] = clause
    return found


class _Worker:
    """A forked child computing one value, sent back pickled through a pipe."""

    def __init__(self, pid: int, reader: int) -> None:
        self.pid, self.reader = pid, reader

    def result(self) -> dict[str, Found]:
        with os.fdopen(self.reader, "rb") as pipe:
            payload = pipe.read()
        _, status = os.waitpid(self.pid, 0)
        if not payload:
            raise UsageError(f"a lint worker process ended without a result (exit status {status})")
        kind, value = pickle.loads(payload)
        if kind == "error":
            raise value
        return value

    def stop(self) -> None:
        try:
            os.kill(self.pid, signal.SIGTERM)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.reader)


def _pickled_error(error: Exception) -> bytes:
    try:
        return pickle.dumps(("error", error), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an exception that does not pickle: its text and where it was raised
        text = "".join(traceback.format_exception(error))
        return pickle.dumps(("error", RuntimeError(f"in a lint worker process:\n{text}")))


def _fork(compute: Callable[[], dict[str, Found]]) -> _Worker:
    reader, writer = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid:
        os.close(writer)
        return _Worker(pid, reader)
    # The worker: compute, write, and leave without running this process's exit handlers.
    os.close(reader)
    code = 0
    try:
        try:
            payload = pickle.dumps(("value", compute()), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as error:  # raised again in the parent, as a run in one process would
            payload = _pickled_error(error)
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(payload)
    except BaseException:  # noqa: BLE001 - anything else: the parent reports a worker without a result
        code = 70
    os._exit(code)
