"""The performance targets the README names, each checked against this run's measurements.

A target whose rows were not measured (skipped, another size) says so
instead of passing or failing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from benchmarks.harness.case import Case
from benchmarks.harness.table import seconds_text, times_text

# The corpus the review target is stated for: clause files, commits.
TARGET_REVIEW_CORPUS = (2000, 10000)
# The corpus the translation target is stated for (clauses).
TRANSLATION_SIZE = 5000


@dataclass
class Target:
    text: str
    measured: str
    met: bool | None  # None: not measured in this run


def find_case(cases: list[Case], clauses: int | None, task: str, tool_prefix: str,
              commits: int | None = None) -> Case | None:
    """The first measured row of that task and tool, on a corpus of that many clauses (and commits)."""
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
    ours = find_case(cases, 5000, "validate", "clausebook")
    floor = find_case(cases, 5000, "validate", "parse floor")
    peer = find_case(cases, 5000, "validate", "check-jsonschema")
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
        review = find_case(cases, review_corpus[0], "review status", "clausebook", review_corpus[1])
        naive = find_case(cases, review_corpus[0], "review status", "naive", review_corpus[1])
    if review and naive:
        ratio = naive.median / review.median
        at_target_size = tuple(review_corpus or ()) == TARGET_REVIEW_CORPUS
        found.append(Target(text, f"{times_text(ratio)} faster, {seconds_text(review.median)}" + (
            "" if at_target_size else f" (at {review_corpus[0]:,} files, {review_corpus[1]:,} commits)"),
            (ratio >= 20 and review.median < 5) if at_target_size else None))
    else:
        found.append(Target(text, "not measured", None))
    diff = find_case(cases, 5000, "diff", "clausebook")
    found.append(Target("diff, 5,000 clauses: under 3 s", seconds_text(diff.median) if diff else "not measured",
                        diff.median < 3 if diff else None))
    translate = find_case(cases, TRANSLATION_SIZE, "translate status", "clausebook translate")
    review_same = find_case(cases, TRANSLATION_SIZE, "translate status", "clausebook review")
    text = "translate status, 5,000 clauses in 3 languages: within 2x review status on the same corpus"
    if translate and review_same:
        ratio = translate.median / review_same.median
        found.append(Target(text, f"{ratio:.2f}x ({seconds_text(translate.median)})", ratio <= 2))
    else:
        found.append(Target(text, "not measured", None))
    found.append(in_force_target(cases))
    found.extend(scale_targets(cases))
    found.extend(site_targets(cases))
    found.extend(growth(cases, sizes))
    return found


def in_force_target(cases: list[Case]) -> Target:
    """`resolve --at` costs at most two loads and one history scan: 2x `resolve` plus one `review status`."""
    text = "resolve --at, 5,000 clauses and 5,000 commits: within 2x resolve plus one review status"
    at = find_case(cases, 5000, "resolve --at", "clausebook", 5000)
    plain = find_case(cases, 5000, "resolve", "clausebook", 5000)
    review = find_case(cases, 5000, "review status", "clausebook", 5000)
    if not (at and plain and review):
        return Target(text, "not measured", None)
    budget = 2 * plain.median + review.median
    return Target(text, f"{seconds_text(at.median)} (budget {seconds_text(budget)})", at.median <= budget)


# At a large company's size: lint and diff as multiples of the parse floor, and memory.
FLOOR_TARGETS = (("lint", "clausebook", 3.0), ("diff", "clausebook", 2.5))
SCALE_SIZES = (5000, 20000)
MEMORY_LIMIT_KIB = 1024 * 1024
MEMORY_SIZE = 20000


def scale_targets(cases: list[Case]) -> list[Target]:
    """lint within 3x and diff within 2.5x the parse floor; every command under 1 GiB at 20,000 clauses."""
    found = []
    for task, tool, limit in FLOOR_TARGETS:
        for size in SCALE_SIZES:
            text = f"{task}, {size:,} clauses: within {limit:g}x the parse floor"
            ours, floor = find_case(cases, size, task, tool), find_case(cases, size, "validate", "parse floor")
            if ours is None or floor is None:
                found.append(Target(text, "not measured", None))
                continue
            ratio = ours.median / floor.median
            found.append(Target(text, f"{ratio:.1f}x ({seconds_text(ours.median)})", ratio <= limit))
    ours = [c for c in cases if c.ours and c.peak_kib and c.group.startswith(f"{MEMORY_SIZE:,} clauses")]
    text = f"peak memory of every command at {MEMORY_SIZE:,} clauses: under 1 GiB"
    if not ours:
        found.append(Target(text, "not measured", None))
    else:
        worst = max(ours, key=lambda c: c.peak_kib)
        found.append(Target(text, f"largest {worst.peak_kib / 1024:,.0f} MiB ({worst.tool})",
                            all(c.peak_kib < MEMORY_LIMIT_KIB for c in ours)))
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
        small, large = find_case(cases, low, task, tool), find_case(cases, high, task, tool)
        if small is None or large is None:
            continue
        exponent = math.log(large.median / small.median) / math.log(high / low)
        ours = tool == "clausebook"
        result.append(Target(f"{label}: {'close to linear ' if ours else ''}growth from {low:,} to {high:,} clauses",
                             f"time ~ N^{exponent:.2f} ({seconds_text(small.median)} → {seconds_text(large.median)})",
                             exponent <= 1.15 if ours else None))
    return result


OVERHEAD_LIMIT = 1.3


def site_targets(cases: list[Case]) -> list[Target]:
    """The plugin within 1.3x plain MkDocs on the same pages; the 100 handbooks in parallel against one build."""
    found = []
    text = f"mkdocs build with the plugin: within {OVERHEAD_LIMIT:g}x plain MkDocs on the rendered pages"
    plugin = find_case(cases, None, "plugin overhead", "mkdocs build with")
    plain = find_case(cases, None, "plugin overhead", "plain mkdocs")
    if plugin and plain:
        ratio = plugin.median / plain.median
        found.append(Target(text, f"{ratio:.2f}x ({seconds_text(plugin.median)} vs {seconds_text(plain.median)})",
                            ratio <= OVERHEAD_LIMIT))
    else:
        found.append(Target(text, "not measured", None))
    text = "100 handbooks: every handbook built in parallel no slower than one build"
    one = find_case(cases, None, "all handbooks", "one mkdocs build")
    parallel = find_case(cases, None, "all handbooks", "clausebook build")
    if one and parallel:
        ratio = parallel.median / one.median
        found.append(Target(text, f"{ratio:.2f}x one build ({seconds_text(parallel.median)} vs "
                                  f"{seconds_text(one.median)}, {parallel.tool})", ratio <= 1))
    else:
        found.append(Target(text, "not measured", None))
    return found
