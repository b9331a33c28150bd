"""What several commands print the same way: problems in the format asked for, and the refusal on errors.

Both return the exit code that follows (0 fine, 1 the input has problems),
so a command ends with `return emit(...)` or stops at `if refused: return
refused`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TypeAlias

from clausebook.core.problems import Problem, has_errors, summary_line
from clausebook.outputs.registry import PROBLEMS, formatter

# What `register(sub)` receives: the CLI's subcommand table.
Subcommands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

# How a refusal begins; each command adds what it did not do and why.
ERRORS_ABOVE = "clausebook: the repository has errors (above); "
FIX_FIRST = "fix them first (`clausebook validate`)"


def emit(problems: Sequence[Problem], fmt: str, files: int) -> int:
    """Print `problems` as `fmt` on stdout (with the summary line on stderr for text); 1 when any is an error."""
    sys.stdout.write(formatter(PROBLEMS, fmt)(problems))
    sys.stdout.flush()
    if fmt == "text":
        print(summary_line(problems, files), file=sys.stderr)
    return 1 if has_errors(problems) else 0


def refuse_on_errors(problems: Sequence[Problem], consequence: str = FIX_FIRST) -> int:
    """0 when no problem is an error; else print the errors, say what was not done, and return 1.

    Only errors are printed: the command was not asked to lint, and warnings
    would bury the reason it stopped.
    """
    errors = [p for p in problems if p.severity == "error"]
    if not errors:
        return 0
    sys.stdout.write(formatter(PROBLEMS, "text")(errors))
    print(ERRORS_ABOVE + consequence, file=sys.stderr)
    return 1
