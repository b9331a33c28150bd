"""`clausebook lint`: not built yet."""

from __future__ import annotations

from ..errors import UsageError


def register(sub) -> None:
    parser = sub.add_parser("lint", help="(not available yet)")
    parser.set_defaults(func=run)


def run(args) -> int:
    raise UsageError("'lint' is not available yet")
