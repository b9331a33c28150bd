"""Printing problems in the format asked for, and the exit code that follows."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from clausebook.core.problems import (
    Problem,
    format_github,
    format_json,
    format_text,
    has_errors,
    summary_line,
)

FORMATTERS: dict[str, Callable[[Sequence[Problem]], str]] = {
    "text": format_text,
    "json": format_json,
    "github": format_github,
}


def sarif(problems: Sequence[Problem]) -> str:
    from clausebook.outputs.sarif import format_sarif

    return format_sarif(problems)


FORMATTERS["sarif"] = sarif


def add_format_option(parser, default: str = "text") -> None:
    parser.add_argument("--format", choices=sorted(FORMATTERS), default=default,
                        help="text (one problem a line), json, github (workflow annotations) or sarif 2.1.0")


def emit(problems: Sequence[Problem], fmt: str, files: int, failed: bool | None = None) -> int:
    sys.stdout.write(FORMATTERS[fmt](problems))
    sys.stdout.flush()
    if fmt == "text":
        print(summary_line(problems, files), file=sys.stderr)
    return 1 if (has_errors(problems) if failed is None else failed) else 0
