"""`python -m benchmarks` (`make bench`): clausebook against what a user would otherwise run.

Every command is timed as a whole process (start-up and imports included)
over several runs, on synthetic corpora from `benchmarks.corpus`, next to
its peers measured in the same run:

- `validate` and `lint` against the parse floor (libyaml parsing every file,
  nothing else) and against `check-jsonschema` with the same schemas;
- `review status` against one `git log -1` per clause file;
- `diff` between the first and the last commit of the corpus;
- `mkdocs build` of the handbook at 1x and 10x the shipped content, the plugin
  against plain MkDocs on `clausebook render`'s pages, and a 100-handbook
  corpus built in one process against `clausebook build` (one per handbook).

Runs are interleaved (round 1 of every command, then round 2, ...) so that
noise from the machine spreads evenly over the commands being compared. Peak
memory is the resident high-water mark of the command's largest process, as
GNU time reports it. Peers too slow to run in full at a size run on an evenly spread sample
of files, and their time is scaled up from it (start-up counted once); the
table says so. A command that is not available yet shows as n/a.

The table goes to standard output (Markdown), progress to standard error.
This module is the command line; the harness itself is `benchmarks.harness`.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from benchmarks.corpus import CorpusSpec, default_cache_dir, ensure_corpus
from benchmarks.harness.case import Case
from benchmarks.harness.corpus_cases import (
    diff_cases,
    in_force_cases,
    review_cases,
    validation_cases,
    verify_check_jsonschema,
)
from benchmarks.harness.plan import Plan
from benchmarks.harness.progress import log
from benchmarks.harness.report import report
from benchmarks.harness.rounds import Budget, measure
from benchmarks.harness.site_cases import mkdocs_cases, overhead_cases, parallel_cases
from benchmarks.harness.targets import TARGET_REVIEW_CORPUS, TRANSLATION_SIZE, targets
from benchmarks.harness.translation_cases import translation_cases

DEFAULT_SIZES = (500, 5000, 20000)
QUICK_SIZES = (200, 1000)
DEFAULT_REVIEW_CORPUS = TARGET_REVIEW_CORPUS
QUICK_REVIEW_CORPUS = (400, 2000)


def _sizes(text: str) -> tuple[int, ...]:
    return tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())


def _review_corpus(text: str) -> tuple[int, int] | None:
    if text in ("none", "0", ""):
        return None
    clauses, _, commits = text.partition(":")
    return int(clauses), int(commits)


def size_cases(size: int, args: argparse.Namespace, plan: Plan, cache_dir: Path) -> list[Case]:
    corpus = ensure_corpus(CorpusSpec(size, args.jurisdictions), cache_dir, log)
    cases = (validation_cases(corpus, plan) + review_cases(corpus, plan) + diff_cases(corpus, plan)
             + in_force_cases(corpus, plan))
    if size == TRANSLATION_SIZE:
        cases += translation_cases(corpus, plan, cache_dir)
    return cases


def review_corpus_cases(args: argparse.Namespace, plan: Plan, cache_dir: Path) -> list[Case]:
    clauses, commits = args.review_corpus
    corpus = ensure_corpus(CorpusSpec(clauses, args.jurisdictions, commits), cache_dir, log)
    return review_cases(corpus, plan, sample=300)


def corpus_size(case: Case) -> tuple[int, int]:
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
    parser.add_argument("--skip", default="",
                        help="comma-separated: lint, review, diff, resolve, translate, mkdocs, site-overhead, "
                             "site-parallel, check-jsonschema")
    parser.add_argument("--full-peers", action="store_true", help="never sample the slow peers (can take hours)")
    parser.add_argument("--budget", type=float, default=50 * 60, help="seconds; fewer runs when it runs out")
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
    groups.append(lambda: overhead_cases(cache_dir, plan))
    groups.append(lambda: parallel_cases(cache_dir, plan))
    groups += [lambda n=n: size_cases(n, args, plan, cache_dir) for n in large]
    cases: list[Case] = []
    for make in groups:
        group = make()
        measure(group, plan, budget, args.slow)
        cases += group
    order = {id(c): i for i, c in enumerate(cases)}  # the table lists corpora by size, the site last
    site_tasks = ("mkdocs build", "plugin overhead", "all handbooks")
    cases.sort(key=lambda c: (c.task in site_tasks, corpus_size(c), order[id(c)]))
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
