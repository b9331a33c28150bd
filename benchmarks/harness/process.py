"""Running one command as a process: its wall time, its own peak memory and its exit code.

A command over its time limit is killed with everything it started (it runs
in its own session), so a hung peer cannot stall the whole benchmark.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path


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
