"""How many cores this process may use, and whether it may fork: one answer for lint and the site build."""

from __future__ import annotations

import os
import sys


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the platform has one)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def can_fork() -> bool:
    """Whether this platform forks safely (macOS' system libraries do not survive a fork)."""
    return hasattr(os, "fork") and sys.platform != "darwin"
