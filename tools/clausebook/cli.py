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


def _command_named(argv: Sequence[str]) -> str | None:
    """The command `argv` runs, when it is plain to see: the first word that is not a global option."""
    words = iter(argv)
    for word in words:
        if word == "--root":
            next(words, None)
        elif not word.startswith("-"):
            return word if word in COMMANDS else None
        elif not word.startswith("--root="):
            return None  # --help, --version or a mistake: the whole parser answers
    return None


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = _Parser(prog="clausebook", description="Policies as YAML clauses in git, adapted per jurisdiction.")
    parser.add_argument("--root", default=".", help="the repository to work on (default: the current directory)")
    parser.add_argument("--version", action="version", version=f"clausebook {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    # Each command module imports what it needs (MkDocs, WeasyPrint, translate-toolkit...):
    # a run of one command loads only that one, so `validate` starts as fast as it can.
    for name in (only,) if only else COMMANDS:
        importlib.import_module(f"clausebook.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command_named(words))
    args = parser.parse_args(words)
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
