"""Running the rows: a first run of our own commands, then interleaved rounds within a time budget.

Interleaving (round 1 of every command, then round 2, ...) spreads noise from
the machine evenly over the commands being compared.
"""

from __future__ import annotations

import statistics
import time

from benchmarks.harness.case import Case
from benchmarks.harness.plan import Plan
from benchmarks.harness.progress import log


class Budget:
    """Stops repeating runs, and stops commands, when the whole benchmark would overrun its time."""

    def __init__(self, seconds: float, timeout: float) -> None:
        self.deadline = time.monotonic() + seconds
        self.command_timeout = timeout

    def allows(self, estimate: float) -> bool:
        return time.monotonic() + estimate < self.deadline

    def timeout(self, case: Case) -> float:
        limit = max(self.command_timeout, case.timeout or 0.0)
        return max(5.0, min(limit, self.deadline - time.monotonic()))


def measure(cases: list[Case], plan: Plan, budget: Budget, slow: float) -> None:
    """A first run of our own commands (availability, warm caches), then interleaved rounds."""
    for case in cases:
        if case.no_result or not case.ours:
            continue
        log(f"{case.group}: {case.tool} (first run)")
        first = case.measure(budget.timeout(case))
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
            seconds = case.measure(budget.timeout(case))
            if seconds is None:
                log(f"  {case.no_result}")
            else:
                log(f"  {seconds:.2f} s")
