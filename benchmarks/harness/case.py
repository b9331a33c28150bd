"""One row of the table: a command measured over several runs, possibly on a sample of the files.

A sampled peer's time is scaled up from the sample, with its start-up (the
same tool on almost nothing, `fixed`) counted once. A run that fails, is
stopped or reports that the command is not available leaves the row with
`no_result` saying why, instead of a time.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field

from benchmarks.harness.process import Outcome, Step, run_process

NOT_AVAILABLE = "n/a (not available)"


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
    timeout: float | None = None  # a longer limit than the run's --timeout, for a command known to be long

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
            self.no_result = f"failed (exit {outcome.code}): {last_line(outcome.stderr)}"
        return False

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds and not self.no_result else None


def last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:160] if lines else ""
