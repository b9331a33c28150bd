"""`python -m benchmarks` (`make bench`): clausebook against what a user would otherwise run.

Every command is timed as a whole process (start-up and imports included)
over several runs, on synthetic corpora from `benchmarks.generate`, next to
its peers measured in the same run:

- `validate` and `lint` against the parse floor (libyaml parsing every file,
  nothing else) and against `check-jsonschema` with the same schemas;
- `review status` against one `git log -1` per clause file;
- `diff` between the first and the last commit of the corpus;
- `mkdocs build` of the handbook at 1x and 10x the shipped content.

Runs are interleaved (round 1 of every command, then round 2, ...) so that
noise from the machine spreads evenly over the commands being compared. Peak
memory is the resident high-water mark of the command's largest process, as
GNU time reports it. Peers too slow to run in full at a size run on an evenly spread sample
of files, and their time is scaled up from it (start-up counted once); the
table says so. A command that is not available yet shows as n/a.

The table goes to standard output (Markdown), progress to standard error.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import math
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.corpus import Corpus, CorpusSpec, default_cache_dir, ensure_corpus

PROJECT = Path(__file__).resolve().parent.parent
PEERS = Path(__file__).resolve().parent / "peers"
BIN = Path(sys.executable).parent
KINDS = ("owners", "policy", "clause", "jurisdiction", "overlay")
NOT_AVAILABLE = "n/a (not available)"

DEFAULT_SIZES = (500, 5000, 20000)
QUICK_SIZES = (200, 1000)
DEFAULT_REVIEW_CORPUS = (2000, 10000)
QUICK_REVIEW_CORPUS = (400, 2000)

_started = time.monotonic()


def log(message: str) -> None:
    elapsed = int(time.monotonic() - _started)
    print(f"[{elapsed // 60:02d}:{elapsed % 60:02d}] {message}", file=sys.stderr, flush=True)


# --- running one process ------------------------------------------------------------


@dataclass
class Step:
    """One process. `scale` > 1: it ran on a sample, so its variable cost counts `scale` times."""

    argv: list[str]
    cwd: Path | None = None
    scale: float = 1.0


@dataclass
class Outcome:
    seconds: float
    peak_kib: int
    code: int
    stderr: str
    timed_out: bool = False


# A process started straight from this (large) Python process would report our
# own resident size as its peak: Linux keeps the high-water mark across the
# fork and exec. So each command is started by GNU time, a small fresh parent
# that reports the command's own peak; without it, wait4's ru_maxrss is the
# fallback (an upper bound).
GNU_TIME = "/usr/bin/time"


def run_process(step: Step, timeout: float | None = None) -> Outcome:
    """Run to completion (or stop it after `timeout` seconds); wall time, peak RSS (KiB), exit code."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as peak:
        argv = step.argv
        if os.access(GNU_TIME, os.X_OK):
            argv = [GNU_TIME, "--format=%M", f"--output={peak.name}", *argv]
        start = time.perf_counter()
        process = subprocess.Popen(argv, cwd=step.cwd, stdout=subprocess.DEVNULL, stderr=err,
                                   start_new_session=True)
        stopped = threading.Event()

        def stop() -> None:
            stopped.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # the command and everything it started

        timer = threading.Timer(timeout, stop) if timeout is not None else None
        if timer is not None:
            timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            if timer is not None:
                timer.cancel()
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        text = err.read().decode("utf-8", "replace")
        lines = peak.read().split()
    peak_kib = int(lines[-1]) if lines and lines[-1].isdigit() else usage.ru_maxrss
    return Outcome(seconds, peak_kib, process.returncode, text, stopped.is_set())


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:160] if lines else ""


# --- what is measured ---------------------------------------------------------------------


@dataclass
class Case:
    group: str                 # the corpus row group
    task: str                  # validate, lint, review status, diff, mkdocs build
    tool: str                  # what the row shows
    steps: list[Step]
    ours: bool = False
    ok_codes: tuple[int, ...] = (0,)
    fixed: Step | None = None  # the same tool on (almost) nothing: start-up, counted once when scaling
    note: str = ""
    no_result: str | None = None  # why there is no time to show: not available, failed, stopped
    seconds: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)  # what each run really took (for the time budget)
    peak_kib: int = 0
    single_run_reason: str = ""

    def measure(self, timeout: float | None = None) -> float | None:
        """One run of every step; the (scaled) seconds, or None after a failure."""
        started = time.monotonic()
        fixed = 0.0
        if self.fixed is not None and any(s.scale != 1.0 for s in self.steps):
            outcome = run_process(self.fixed, timeout)
            if not self._accept(outcome, timeout):
                return None
            fixed = outcome.seconds
        total = 0.0
        for step in self.steps:
            outcome = run_process(step, timeout)
            if not self._accept(outcome, timeout):
                return None
            total += outcome.seconds if step.scale == 1.0 else fixed + max(0.0, outcome.seconds - fixed) * step.scale
        self.seconds.append(total)
        self.wall.append(time.monotonic() - started)
        return total

    def _accept(self, outcome: Outcome, timeout: float | None) -> bool:
        self.peak_kib = max(self.peak_kib, outcome.peak_kib)
        if outcome.timed_out:
            self.no_result = f"over {timeout:.3g} s (stopped)"
            return False
        if outcome.code in self.ok_codes:
            return True
        if outcome.code == 2 and "not available" in outcome.stderr:
            self.no_result = NOT_AVAILABLE
        else:
            self.no_result = f"failed (exit {outcome.code}): {_last_line(outcome.stderr)}"
        return False

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds and not self.no_result else None


def _clausebook(root: Path, *args: str) -> list[str]:
    script = BIN / "clausebook"
    head = [str(script)] if script.exists() else [sys.executable, "-m", "clausebook"]
    return [*head, "--root", str(root), *args]


def _evenly(items: list[str], count: int) -> list[str]:
    if count >= len(items):
        return items
    return [items[i * len(items) // count] for i in range(count)]


def schema_directory() -> Path:
    from clausebook.core.schemas import PACKAGED_SCHEMAS

    return PACKAGED_SCHEMAS


def check_jsonschema_argv(kind: str, files: Sequence[str]) -> list[str]:
    schema = schema_directory() / f"{kind}.schema.json"
    # Our schemas' `$id`s are https URLs and their `$ref`s are relative: resolve them on disk.
    return [str(BIN / "check-jsonschema"), "--schemafile", str(schema), "--base-uri", schema.as_uri(), *files]


def verify_check_jsonschema() -> str | None:
    """None when check-jsonschema really validates our files offline; else why not."""
    if not (BIN / "check-jsonschema").exists():
        return "n/a (check-jsonschema is not installed: pip install check-jsonschema)"
    good = "id: a-clause\ntitle: A clause\nsection: scope\nlevel: must\nowner: legal\nbody: You must.\n"
    bad_level = good.replace("level: must", "level: mandatory")
    bad_id = good.replace("id: a-clause", "id: A_Clause")  # the id pattern sits behind a relative $ref
    with tempfile.TemporaryDirectory() as folder:
        for name, text in (("good.yaml", good), ("bad-level.yaml", bad_level), ("bad-id.yaml", bad_id)):
            Path(folder, name).write_text(text, encoding="utf-8")
        for name, expected in (("good.yaml", 0), ("bad-level.yaml", 1), ("bad-id.yaml", 1)):
            outcome = run_process(Step(check_jsonschema_argv("clause", [name]), Path(folder)))
            if outcome.code != expected:
                return f"n/a (check-jsonschema gave exit {outcome.code} for {name}, expected {expected})"
    return None


# --- cases per corpus ----------------------------------------------------------------------


@dataclass
class Plan:
    runs: int
    full_peers: bool
    skip: set[str]
    jsonschema_problem: str | None


def _files(corpus: Corpus) -> int:
    return sum(len(corpus.files_of_kind(kind)) for kind in KINDS)


def corpus_label(corpus: Corpus) -> str:
    return (f"{corpus.meta['clauses']:,} clauses · {_files(corpus):,} files · "
            f"{corpus.meta['commit_count']:,} commits")


def validation_cases(corpus: Corpus, plan: Plan) -> list[Case]:
    group, root = corpus_label(corpus), corpus.root
    cases = [
        Case(group, "validate", "clausebook validate", [Step(_clausebook(root, "validate"))], ours=True),
        Case(group, "validate", "parse floor (libyaml, nothing else)",
             [Step([sys.executable, str(PEERS / "parse_floor.py"), str(root)])]),
    ]
    if "lint" not in plan.skip:
        cases.insert(1, Case(group, "lint", "clausebook lint", [Step(_clausebook(root, "lint"))], ours=True,
                             ok_codes=(0, 1)))
    if "check-jsonschema" in plan.skip:
        return cases
    peer = Case(group, "validate", "check-jsonschema (same schemas)", [])
    if plan.jsonschema_problem:
        peer.no_result = plan.jsonschema_problem
    else:
        total = _files(corpus)
        sample = total if plan.full_peers else min(total, 1000)
        for kind in KINDS:
            files = corpus.files_of_kind(kind)
            chosen = _evenly(files, max(1, round(len(files) * sample / total)))
            peer.steps.append(Step(check_jsonschema_argv(kind, chosen), root, len(files) / len(chosen)))
        if sample < total:
            peer.fixed = Step(check_jsonschema_argv("clause", corpus.files_of_kind("clause")[:1]), root)
            peer.note = f"estimated from {sample:,} of {total:,} files"
    cases.append(peer)
    return cases


def naive_sample_size(corpus: Corpus) -> int:
    """How many files the naive review asks git about: each `git log -1` walks the history."""
    files = len(corpus.files_of_kind("clause"))
    return min(files, max(40, 1_000_000 // corpus.meta["commit_count"]))


def review_cases(corpus: Corpus, plan: Plan, sample: int | None = None) -> list[Case]:
    if "review" in plan.skip:
        return []
    group, root = corpus_label(corpus), corpus.root
    files = len(corpus.files_of_kind("clause"))
    count = files if plan.full_peers else min(files, sample or naive_sample_size(corpus))
    naive = Case(group, "review status", "naive: `git log -1` per clause file",
                 [Step([sys.executable, str(PEERS / "naive_review.py"), str(root), "--sample", str(count)],
                       scale=files / count)])
    if count < files:
        naive.fixed = Step([sys.executable, str(PEERS / "naive_review.py"), str(root), "--sample", "0"])
        naive.note = f"estimated from {count:,} of {files:,} files"
    return [Case(group, "review status", "clausebook review status", [Step(_clausebook(root, "review", "status"))],
                 ours=True, ok_codes=(0, 1)), naive]


def diff_cases(corpus: Corpus, plan: Plan) -> list[Case]:
    if "diff" in plan.skip:
        return []
    return [Case(corpus_label(corpus), "diff", "clausebook diff (first commit → last)",
                 [Step(_clausebook(corpus.root, "diff", corpus.first, corpus.head))], ours=True, ok_codes=(0, 1))]


# --- the handbook site at 1x and 10x the shipped content ---------------------------------------

_SITE_SKIP = {".git", ".venv", "site", "build", "tools", "tests", "benchmarks", "__pycache__", ".pytest_cache"}


def _replicate(root: Path, copies: int) -> int:
    """Add `copies - 1` copies of every clause and overlay under new ids; returns clauses added."""
    added = 0
    clauses = [p for p in sorted(root.glob("policy/*/*.yaml")) if p.name != "policy.yaml"]
    overlays = sorted(root.glob("jurisdictions/*/overlays/*.yaml"))
    for copy in range(2, copies + 1):
        for paths, key in ((clauses, "id"), (overlays, "clause")):
            for path in paths:
                stem = path.stem
                text = path.read_text(encoding="utf-8")
                new, count = re.subn(rf"(?m)^{key}: {re.escape(stem)}\s*$", f"{key}: {stem}-x{copy}", text)
                if count == 1:
                    path.with_name(f"{stem}-x{copy}.yaml").write_text(new, encoding="utf-8")
                    added += key == "id"
    return added


def handbook_site(cache_dir: Path, copies: int) -> Path:
    """The project's site sources with the shipped content (x copies), as a one-commit git repository."""
    entries = [e for e in sorted(PROJECT.iterdir()) if e.name not in _SITE_SKIP and not e.name.startswith(".")]
    files = [e for e in entries if e.is_file()]
    files += [f for e in entries if e.is_dir() for f in e.rglob("*") if f.is_file()]
    stamp = max((f.stat().st_mtime_ns for f in files), default=0)
    target = cache_dir / f"site-x{copies}-{len(files)}-{stamp}"  # a new copy whenever a source changes
    if (target / ".git").is_dir():
        return target
    building = Path(tempfile.mkdtemp(prefix=f".site-x{copies}-", dir=cache_dir))
    for entry in entries:
        if entry.is_dir():
            shutil.copytree(entry, building / entry.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(entry, building / entry.name)
    _replicate(building, copies)
    env = {**os.environ, "GIT_AUTHOR_DATE": "2025-06-02T10:00:00+00:00",
           "GIT_COMMITTER_DATE": "2025-06-02T10:00:00+00:00", "GIT_AUTHOR_NAME": "Bench",
           "GIT_AUTHOR_EMAIL": "bench@example.com", "GIT_COMMITTER_NAME": "Bench",
           "GIT_COMMITTER_EMAIL": "bench@example.com"}
    for args in (["init", "--quiet", "--initial-branch=main"], ["add", "-A"],
                 ["commit", "--quiet", "--no-verify", "--no-gpg-sign", "-m", "Handbook content"]):
        subprocess.run(["git", "-C", str(building), *args], check=True, capture_output=True, env=env)
    if target.exists():
        shutil.rmtree(building)
    else:
        building.rename(target)
    return target


def mkdocs_cases(cache_dir: Path, plan: Plan, scales: Sequence[int] = (1, 10)) -> list[Case]:
    if "mkdocs" in plan.skip:
        return []
    cases = []
    for copies in scales:
        label = f"handbook site, shipped content x{copies}"
        case = Case(label, "mkdocs build", f"mkdocs build (x{copies})", [], ours=True)
        if not (PROJECT / "mkdocs.yml").is_file():
            case.no_result = NOT_AVAILABLE
        else:
            site = handbook_site(cache_dir, copies)
            clauses = sum(1 for p in site.glob("policy/*/*.yaml") if p.name != "policy.yaml")
            case.group = f"handbook site: shipped content x{copies} ({clauses:,} clauses)"
            out = site / ".bench-site"
            case.steps = [Step([sys.executable, "-m", "mkdocs", "build", "--quiet", "--site-dir", str(out)], site)]
        cases.append(case)
    return cases


# --- running everything ------------------------------------------------------------------------


class Budget:
    """Stops repeating runs, and stops commands, when the whole benchmark would overrun its time."""

    def __init__(self, seconds: float, timeout: float) -> None:
        self.deadline = time.monotonic() + seconds
        self.command_timeout = timeout

    def allows(self, estimate: float) -> bool:
        return time.monotonic() + estimate < self.deadline

    def timeout(self) -> float:
        return max(5.0, min(self.command_timeout, self.deadline - time.monotonic()))


def measure(cases: list[Case], plan: Plan, budget: Budget, slow: float) -> None:
    """A first run of our own commands (availability, warm caches), then interleaved rounds."""
    for case in cases:
        if case.no_result or not case.ours:
            continue
        log(f"{case.group}: {case.tool} (first run)")
        first = case.measure(budget.timeout())
        if first is None:
            log(f"  {case.no_result}")
            continue
        log(f"  {first:.2f} s")
        if first > slow:  # so slow that this one run is all the time budget allows
            case.single_run_reason = f"1 run: over {slow:.0f} s"
        else:
            case.seconds.clear()  # the first run only warms caches up
    for round_number in range(1, plan.runs + 1):
        for case in cases:
            if case.no_result or case.single_run_reason:
                continue
            estimate = statistics.median(case.wall) if case.wall else 0.0
            if case.seconds and not budget.allows(estimate):
                case.single_run_reason = f"{len(case.seconds)} run{'s' if len(case.seconds) > 1 else ''}: time budget"
                continue
            log(f"{case.group}: {case.tool} (run {round_number}/{plan.runs})")
            seconds = case.measure(budget.timeout())
            if seconds is None:
                log(f"  {case.no_result}")
            else:
                log(f"  {seconds:.2f} s")


# --- reporting ------------------------------------------------------------------------------------


def _seconds(value: float) -> str:
    if value >= 100:
        return f"{value:,.0f} s"
    if value >= 10:
        return f"{value:.1f} s"
    return f"{value:.2f} s"


def _times(value: float) -> str:
    return f"{value:.0f}x" if value >= 10 else f"{value:.1f}x"


def comparison(case: Case, cases: list[Case]) -> str:
    """How one of our commands compares with the peers measured beside it."""
    ours = case.median
    if ours is None or not case.ours:
        return case.note
    parts = []
    peers = [c for c in cases if c.group == case.group and not c.ours and c.median is not None]
    for peer in peers:
        if case.task == "lint" and peer.task != "validate":
            continue
        if case.task not in ("lint", peer.task):
            continue
        name = "the parse floor" if peer.tool.startswith("parse floor") else peer.tool.split(" (")[0].split(":")[0]
        if peer.tool.startswith("parse floor"):
            parts.append(f"{_times(ours / peer.median)} the parse floor")
        elif peer.median >= ours:
            parts.append(f"{_times(peer.median / ours)} faster than {name}")
        else:
            parts.append(f"{_times(ours / peer.median)} slower than {name}")
    if case.task == "mkdocs build" and "x10" in case.tool:
        single = next((c for c in cases if c.task == "mkdocs build" and "x1)" in c.tool and c.median), None)
        if single is not None:
            parts.append(f"{_times(ours / single.median)} the x1 build")
    return " · ".join(parts)


def table(cases: list[Case]) -> str:
    lines = ["| corpus | task | command | median | spread (min–max) | peak RSS | comparison |",
             "|---|---|---|---:|---|---:|---|"]
    previous = None
    for case in cases:
        group = case.group if case.group != previous else ""
        previous = case.group
        tool = f"**{case.tool}**" if case.ours else case.tool
        if case.no_result or not case.seconds:
            why = case.no_result or "not measured"
            lines.append(f"| {group} | {case.task} | {tool} | {why} | | | |")
            continue
        estimated = " (est.)" if case.note.startswith("estimated") else ""
        spread = (f"{_seconds(min(case.seconds))} – {_seconds(max(case.seconds))}"
                  if len(case.seconds) > 1 else "")
        runs = case.single_run_reason or f"{len(case.seconds)} run{'s' if len(case.seconds) > 1 else ''}"
        lines.append(f"| {group} | {case.task} | {tool} | {_seconds(case.median or 0)}{estimated} | "
                     f"{spread} ({runs}) | {case.peak_kib / 1024:,.0f} MiB | {comparison(case, cases)} |")
    return "\n".join(lines)


@dataclass
class Target:
    text: str
    measured: str
    met: bool | None  # None: not measured in this run


def _find(cases: list[Case], clauses: int | None, task: str, tool_prefix: str, commits: int | None = None):
    for case in cases:
        if case.task != task or not case.tool.startswith(tool_prefix) or case.median is None:
            continue
        if clauses is not None and not case.group.startswith(f"{clauses:,} clauses"):
            continue
        if commits is not None and f"{commits:,} commits" not in case.group:
            continue
        return case
    return None


def targets(cases: list[Case], sizes: Sequence[int], review_corpus: tuple[int, int] | None) -> list[Target]:
    found: list[Target] = []
    ours = _find(cases, 5000, "validate", "clausebook")
    floor = _find(cases, 5000, "validate", "parse floor")
    peer = _find(cases, 5000, "validate", "check-jsonschema")
    if ours and floor:
        ratio = ours.median / floor.median
        found.append(Target("validate, 5,000 clauses: within 2x the parse floor", f"{ratio:.2f}x", ratio <= 2))
    else:
        found.append(Target("validate, 5,000 clauses: within 2x the parse floor", "not measured", None))
    if ours and peer:
        ratio = peer.median / ours.median
        found.append(Target("validate, 5,000 clauses: at least 5x faster than check-jsonschema",
                            f"{ratio:.1f}x", ratio >= 5))
    else:
        found.append(Target("validate, 5,000 clauses: at least 5x faster than check-jsonschema", "not measured", None))
    text = "review status, 2,000 clause files and 10,000 commits: at least 20x faster than the naive way, under 5 s"
    review = naive = None
    if review_corpus:
        review = _find(cases, review_corpus[0], "review status", "clausebook", review_corpus[1])
        naive = _find(cases, review_corpus[0], "review status", "naive", review_corpus[1])
    if review and naive:
        ratio = naive.median / review.median
        at_target_size = tuple(review_corpus or ()) == DEFAULT_REVIEW_CORPUS
        found.append(Target(text, f"{_times(ratio)} faster, {_seconds(review.median)}" + (
            "" if at_target_size else f" (at {review_corpus[0]:,} files, {review_corpus[1]:,} commits)"),
            (ratio >= 20 and review.median < 5) if at_target_size else None))
    else:
        found.append(Target(text, "not measured", None))
    diff = _find(cases, 5000, "diff", "clausebook")
    found.append(Target("diff, 5,000 clauses: under 3 s", _seconds(diff.median) if diff else "not measured",
                        diff.median < 3 if diff else None))
    found.extend(growth(cases, sizes))
    return found


def growth(cases: list[Case], sizes: Sequence[int]) -> list[Target]:
    """How each of our commands grows with N: the exponent k in time ~ N^k between the end sizes."""
    if len(sizes) < 2:
        return []
    low, high = min(sizes), max(sizes)
    result = []
    rows = [(task, "clausebook", task) for task in ("validate", "lint", "review status", "diff")]
    rows += [("validate", "parse floor", "for comparison, the parse floor"),
             ("validate", "check-jsonschema", "for comparison, check-jsonschema"),
             ("review status", "naive", "for comparison, the naive review")]
    for task, tool, label in rows:
        small, large = _find(cases, low, task, tool), _find(cases, high, task, tool)
        if small is None or large is None:
            continue
        exponent = math.log(large.median / small.median) / math.log(high / low)
        ours = tool == "clausebook"
        result.append(Target(f"{label}: {'close to linear ' if ours else ''}growth from {low:,} to {high:,} clauses",
                             f"time ~ N^{exponent:.2f} ({_seconds(small.median)} → {_seconds(large.median)})",
                             exponent <= 1.15 if ours else None))
    return result


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    git = subprocess.run(["git", "--version"], capture_output=True, text=True).stdout.strip()
    return (f"{cpu}, {os.cpu_count()} cores{memory}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; {git}")


def report(cases: list[Case], found: list[Target], command: str) -> str:
    marks = {True: "met", False: "**missed**"}
    lines = [table(cases), "", "Targets:", ""]
    lines += [f"- {t.text}: {t.measured}" + (f" — {marks[t.met]}" if t.met is not None else "") for t in found]
    lines += ["", f"Machine: {machine()}.", "",
              f"Run on {dt.date.today().isoformat()} with `{command}`."]
    return "\n".join(lines) + "\n"


# --- the command line ------------------------------------------------------------------------------


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())


def _review_corpus(text: str) -> tuple[int, int] | None:
    if text in ("none", "0", ""):
        return None
    clauses, _, commits = text.partition(":")
    return int(clauses), int(commits)


def size_cases(size: int, args: argparse.Namespace, plan: Plan, cache_dir: Path) -> list[Case]:
    corpus = ensure_corpus(CorpusSpec(size, args.jurisdictions), cache_dir, log)
    return validation_cases(corpus, plan) + review_cases(corpus, plan) + diff_cases(corpus, plan)


def review_corpus_cases(args: argparse.Namespace, plan: Plan, cache_dir: Path) -> list[Case]:
    clauses, commits = args.review_corpus
    corpus = ensure_corpus(CorpusSpec(clauses, args.jurisdictions, commits), cache_dir, log)
    return review_cases(corpus, plan, sample=300)


def _size_of(case: Case) -> tuple[int, int]:
    """(clauses, commits) from a corpus group label, for ordering the table."""
    numbers = [int(n.replace(",", "")) for n in re.findall(r"([\d,]+) (?:clauses|commits)", case.group)]
    return (numbers[0], numbers[-1]) if numbers else (0, 0)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=_sizes, help="clause counts (default 500,5000,20000; --quick: 200,1000)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per command (default 3)")
    parser.add_argument("--quick", action="store_true",
                        help="small corpora and the x1 site only, for a fast look (a few minutes)")
    parser.add_argument("--jurisdictions", type=int, default=10)
    parser.add_argument("--review-corpus", type=_review_corpus, default=None, metavar="CLAUSES:COMMITS",
                        help="the review target corpus (default 2000:10000; 'none' to skip)")
    parser.add_argument("--skip", default="", help="comma-separated: lint, review, diff, mkdocs, check-jsonschema")
    parser.add_argument("--full-peers", action="store_true", help="never sample the slow peers (can take hours)")
    parser.add_argument("--budget", type=float, default=14 * 60, help="seconds; fewer runs when it runs out")
    parser.add_argument("--slow", type=float, default=30.0,
                        help="a command whose first run takes longer is measured once (seconds)")
    parser.add_argument("--timeout", type=float, default=90.0, help="stop a command after this many seconds")
    parser.add_argument("--cache-dir", type=Path, default=None, help="where corpora are kept between runs")
    parser.add_argument("--markdown", type=Path, help="also write the report to this file")
    parser.add_argument("--json", type=Path, help="also write every measurement as JSON")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.sizes is None:
        args.sizes = QUICK_SIZES if args.quick else DEFAULT_SIZES
    if args.review_corpus is None:
        args.review_corpus = QUICK_REVIEW_CORPUS if args.quick else DEFAULT_REVIEW_CORPUS
    args.skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    return args


def main(argv: Sequence[str] | None = None, out: Callable[[str], None] = sys.stdout.write) -> int:
    args = parse_args(argv)
    cache_dir = Path(args.cache_dir or default_cache_dir())
    cache_dir.mkdir(parents=True, exist_ok=True)
    budget = Budget(args.budget, args.timeout)
    plan = Plan(args.runs, args.full_peers, args.skip,
                None if "check-jsonschema" in args.skip else verify_check_jsonschema())
    if plan.jsonschema_problem:
        log(plan.jsonschema_problem)
    # The sizes the targets name first, the largest (the one the time budget may cut short) last.
    sizes = sorted(args.sizes)
    small, large = [n for n in sizes if n <= 5000], [n for n in sizes if n > 5000]
    groups: list[Callable[[], list[Case]]] = [lambda n=n: size_cases(n, args, plan, cache_dir) for n in small]
    if args.review_corpus:
        groups.append(lambda: review_corpus_cases(args, plan, cache_dir))
    groups.append(lambda: mkdocs_cases(cache_dir, plan, (1,) if args.quick else (1, 10)))
    groups += [lambda n=n: size_cases(n, args, plan, cache_dir) for n in large]
    cases: list[Case] = []
    for make in groups:
        group = make()
        measure(group, plan, budget, args.slow)
        cases += group
    order = {id(c): i for i, c in enumerate(cases)}  # the table lists corpora by size, the site last
    cases.sort(key=lambda c: (c.task == "mkdocs build", _size_of(c), order[id(c)]))
    command = "make bench" if argv is None and not sys.argv[1:] else \
        "python -m benchmarks " + " ".join(argv if argv is not None else sys.argv[1:])
    text = report(cases, targets(cases, args.sizes, args.review_corpus), command)
    out(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps([{
            "group": c.group, "task": c.task, "tool": c.tool, "ours": c.ours, "seconds": c.seconds,
            "median": c.median, "peak_kib": c.peak_kib, "note": c.note, "no_result": c.no_result,
        } for c in cases], indent=1), encoding="utf-8")
    log("done")
    return 0


if __name__ == "__main__":
    sys.exit(main())
