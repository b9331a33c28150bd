"""`clausebook codeowners [--check]`: write or check `.github/CODEOWNERS` from the clause owners."""

from __future__ import annotations

import argparse
import stat
import sys
from pathlib import Path

from clausebook.codeowners import CODEOWNERS_PATH, differences, generate
from clausebook.commands._common import Subcommands, refuse_on_errors
from clausebook.core.errors import UsageError
from clausebook.files import write_atomically
from clausebook.workspace import Workspace, open_worktree


def register(sub: Subcommands) -> None:
    parser = sub.add_parser(
        "codeowners", help="write (or check) .github/CODEOWNERS from the clause owners",
        description="Write .github/CODEOWNERS so that each clause file and each overlay file needs the "
                    "approval of its owner's GitHub team (from policy/owners.yaml).")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when the file is missing or out of date, showing the lines")
    parser.set_defaults(func=run)


def read_current(root: Path) -> str | None:
    """The CODEOWNERS on disk (None when there is none).

    Whatever is there is compared, never trusted: bytes that are not UTF-8
    read as replacement characters (so the file is out of date, and is
    rewritten), and anything but a regular file (a directory, a FIFO that
    would block) is an error naming the path.
    """
    path = root / CODEOWNERS_PATH
    try:
        status = path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise UsageError(f"cannot read {CODEOWNERS_PATH}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(status.st_mode):
        what = "a directory" if stat.S_ISDIR(status.st_mode) else "not a regular file"
        raise UsageError(f"{CODEOWNERS_PATH} is {what}; remove or rename it, then run `clausebook codeowners`")
    try:
        return path.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        raise UsageError(f"cannot read {CODEOWNERS_PATH}: {exc.strerror or exc}") from None


def check(workspace: Workspace) -> list[str]:
    """What is wrong with the CODEOWNERS on disk: [] when it is up to date."""
    expected, _ = generate(workspace)
    actual = read_current(workspace.root)
    if actual is None:
        return [f"{CODEOWNERS_PATH} does not exist; run `clausebook codeowners` and commit it"]
    lines = differences(expected, actual)
    if not lines:
        return []
    return [f"{CODEOWNERS_PATH} is out of date: a clause or overlay file was added, moved or changed owner. "
            "Run `clausebook codeowners` and commit the file. Lines to change (- on disk, + expected):",
            *lines[2:]]


def run(args: argparse.Namespace) -> int:
    workspace = open_worktree(args.root)
    not_done = "checked" if args.check else "written"
    if refused := refuse_on_errors(
            workspace.problems, f"{CODEOWNERS_PATH} would miss the files they affect, so it was not {not_done}"):
        return refused
    expected, warnings = generate(workspace)
    for warning in warnings:
        print(f"clausebook: warning: {warning}", file=sys.stderr)
    if args.check:
        problems = check(workspace)
        if problems:
            print("\n".join(problems))
            return 1
        print(f"{CODEOWNERS_PATH} is up to date", file=sys.stderr)
        return 0
    target = workspace.root / CODEOWNERS_PATH
    if read_current(workspace.root) == expected:
        print(f"{CODEOWNERS_PATH} is already up to date", file=sys.stderr)
        return 0
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot write {CODEOWNERS_PATH}: {exc.strerror or exc}; nothing was changed") from None
    write_atomically(target, expected)
    print(f"wrote {CODEOWNERS_PATH}", file=sys.stderr)
    return 0
