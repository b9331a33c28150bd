"""Command-line entry point: argument parsing only.

Each command lives in `commands/<name>.py` with `register(subparsers)` and a
`run(args) -> int`; this module maps the core's exceptions to exit codes:
0 fine, 1 the input has problems, 2 the command cannot run.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from clausebook import __version__
from clausebook.core.errors import UsageError
from clausebook.interrupts import Terminated, restore_terminate, terminate_as_interrupt
from clausebook.outputs.terminal import one_line

COMMANDS = ("validate", "lint", "resolve", "explain", "diff", "affected", "review", "codeowners", "ci", "render",
            "rules", "translate", "release", "ack", "pdf", "matrix", "build")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's usage errors exit 2, as the contract says
        self.print_usage(sys.stderr)
        self.exit(2, f"clausebook: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="clausebook", description="Policies as YAML clauses in git, adapted per jurisdiction.")
    parser.add_argument("--root", default=".", help="the repository to work on (default: the current directory)")
    parser.add_argument("--version", action="version", version=f"clausebook {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMANDS:
        importlib.import_module(f"clausebook.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # SIGTERM (a cancelled CI job) unwinds like Ctrl-C, so writing commands
    # remove what they had half-written and leave everything as it was.
    previous_terminate = terminate_as_interrupt()
    try:
        return int(args.func(args) or 0)
    except UsageError as exc:
        print(f"clausebook: error: {one_line(exc)}", file=sys.stderr)
        return 2
    except Terminated:
        print("clausebook: stopped (SIGTERM); nothing was changed", file=sys.stderr)
        return 143
    except KeyboardInterrupt:
        print("clausebook: interrupted; nothing was changed", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `| head`); nothing more to say.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except Exception as exc:  # a bug: say so in one line, never a traceback
        if os.environ.get("CLAUSEBOOK_DEBUG"):
            raise
        print(f"clausebook: internal error: {type(exc).__name__}: {one_line(exc)} "
              "(set CLAUSEBOOK_DEBUG=1 for details, and please report it)", file=sys.stderr)
        return 2
    finally:
        restore_terminate(previous_terminate)


if __name__ == "__main__":
    sys.exit(main())
