"""Progress lines on standard error, stamped with the time since the benchmark started.

Standard output carries only the report, so `make bench > table.md` works.
"""

from __future__ import annotations

import sys
import time

_started = time.monotonic()


def log(message: str) -> None:
    elapsed = int(time.monotonic() - _started)
    print(f"[{elapsed // 60:02d}:{elapsed % 60:02d}] {message}", file=sys.stderr, flush=True)
