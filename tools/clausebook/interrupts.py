"""SIGTERM handled like Ctrl-C, so that a writing command cleans up whichever signal stops it.

Python turns SIGINT into `KeyboardInterrupt`, which runs `finally` blocks
(temporary files removed, a staged site discarded); SIGTERM, which CI
services send to cancel a job, kills the process at once by default.
`terminate_as_interrupt()` makes SIGTERM raise `Terminated`, a
`KeyboardInterrupt`, when nobody else handles it; `restore_terminate` puts
the previous handler back. Outside the main thread both do nothing.
"""

from __future__ import annotations

import signal
from collections.abc import Callable
from types import FrameType
from typing import Any


class Terminated(KeyboardInterrupt):
    """The process received SIGTERM."""


Handler = Callable[[int, FrameType | None], Any] | int | None


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise Terminated(f"signal {signum}")


def terminate_as_interrupt() -> Handler:
    """Make SIGTERM raise KeyboardInterrupt (when it would otherwise kill at once); returns the old handler."""
    try:
        if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
            return signal.signal(signal.SIGTERM, _interrupt)
    except ValueError:  # not the main thread: leave signals alone
        pass
    return None


def restore_terminate(previous: Handler) -> None:
    if previous is None:
        return
    try:
        signal.signal(signal.SIGTERM, previous)
    except ValueError:
        pass
