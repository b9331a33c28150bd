"""The rows for one synthetic corpus: validate, lint, review status and diff, each beside its peers.

Peers: the parse floor (libyaml parsing every file, nothing else),
`check-jsonschema` with our schemas (checked first to really validate them
offline), and the naive review (one `git log -1` per clause file). Peers
too slow for a size run on an evenly spread sample of files.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks.corpus import Corpus
from benchmarks.harness.case import Case
from benchmarks.harness.plan import Plan
from benchmarks.harness.process import Step, run_process

PEERS = Path(__file__).resolve().parent.parent / "peers"
BIN = Path(sys.executable).parent
KINDS = ("owners", "policy", "clause", "jurisdiction", "overlay")


def clausebook_argv(root: Path, *args: str) -> list[str]:
    script = BIN / "clausebook"
    head = [str(script)] if script.exists() else [sys.executable, "-m", "clausebook"]
    return [*head, "--root", str(root), *args]


def evenly(items: list[str], count: int) -> list[str]:
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


def file_count(corpus: Corpus) -> int:
    return sum(len(corpus.files_of_kind(kind)) for kind in KINDS)


def corpus_label(corpus: Corpus) -> str:
    return (f"{corpus.meta['clauses']:,} clauses · {file_count(corpus):,} files · "
            f"{corpus.meta['commit_count']:,} commits")


def validation_cases(corpus: Corpus, plan: Plan) -> list[Case]:
    group, root = corpus_label(corpus), corpus.root
    cases = [
        Case(group, "validate", "clausebook validate", [Step(clausebook_argv(root, "validate"))], ours=True),
        Case(group, "validate", "parse floor (libyaml, nothing else)",
             [Step([sys.executable, str(PEERS / "parse_floor.py"), str(root)])]),
    ]
    if "lint" not in plan.skip:
        cases.insert(1, Case(group, "lint", "clausebook lint", [Step(clausebook_argv(root, "lint"))], ours=True,
                             ok_codes=(0, 1)))
    if "check-jsonschema" in plan.skip:
        return cases
    peer = Case(group, "validate", "check-jsonschema (same schemas)", [])
    if plan.jsonschema_problem:
        peer.no_result = plan.jsonschema_problem
    else:
        total = file_count(corpus)
        sample = total if plan.full_peers else min(total, 1000)
        for kind in KINDS:
            files = corpus.files_of_kind(kind)
            chosen = evenly(files, max(1, round(len(files) * sample / total)))
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
    return [Case(group, "review status", "clausebook review status", [Step(clausebook_argv(root, "review", "status"))],
                 ours=True, ok_codes=(0, 1)), naive]


def diff_cases(corpus: Corpus, plan: Plan) -> list[Case]:
    if "diff" in plan.skip:
        return []
    group = corpus_label(corpus)
    redline = corpus.root / ".bench-redline.docx"  # beside the corpus, outside its policy folders
    return [Case(group, "diff", "clausebook diff (first commit → last)",
                 [Step(clausebook_argv(corpus.root, "diff", corpus.first, corpus.head))], ours=True, ok_codes=(0, 1)),
            Case(group, "diff", "clausebook diff --format json (first → last)",
                 [Step(clausebook_argv(corpus.root, "diff", corpus.first, corpus.head, "--format", "json"))],
                 ours=True, ok_codes=(0, 1)),
            Case(group, "diff", "clausebook diff --format docx (Word redline, first → last)",
                 [Step(clausebook_argv(corpus.root, "diff", corpus.first, corpus.head, "--format", "docx",
                                       "--out", str(redline)))], ours=True, ok_codes=(0, 1))]


# A day in the middle of the corpus history (2019-2025): about half the
# clauses with an `effective` date take effect later, so `--at` has real work.
IN_FORCE_DAY = "2022-06-30"


def in_force_cases(corpus: Corpus, plan: Plan) -> list[Case]:
    """`resolve` beside `resolve --at` a mid-history day (the text in force, effective dates honoured)."""
    if "resolve" in plan.skip:
        return []
    group, root = corpus_label(corpus), corpus.root
    plain = clausebook_argv(root, "resolve", "-j", "global", "--format", "json")
    return [Case(group, "resolve", "clausebook resolve", [Step(plain)], ours=True),
            Case(group, "resolve --at", f"clausebook resolve --at {IN_FORCE_DAY}",
                 [Step([*plain, "--at", IN_FORCE_DAY])], ours=True)]
