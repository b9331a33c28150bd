"""The whole report: the table, the targets, the machine it ran on and the command that made it."""

from __future__ import annotations

import datetime as dt
import os
import platform
import subprocess
from pathlib import Path

from benchmarks.harness.case import Case
from benchmarks.harness.table import table
from benchmarks.harness.targets import Target


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
