"""The naive way to find when each clause last changed: one `git log -1` per clause file.

This is what a script (or a per-page MkDocs plugin) does without a one-pass
history scan. `python naive_review.py ROOT [--sample K]` asks git about every
clause file, or about K of them spread evenly over the sorted list (the
benchmark then scales the time up), and prints `path date` lines.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys


def clause_files(root: str) -> list[str]:
    found = []
    policy = os.path.join(root, "policy")
    for folder in sorted(os.listdir(policy)):
        if os.path.isdir(os.path.join(policy, folder)):
            for name in sorted(os.listdir(os.path.join(policy, folder))):
                if name.endswith(".yaml") and name != "policy.yaml":
                    found.append(f"policy/{folder}/{name}")
    return found


def evenly(items: list[str], count: int) -> list[str]:
    if count >= len(items):
        return items
    return [items[i * len(items) // count] for i in range(count)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("root")
    parser.add_argument("--sample", type=int, default=None, help="ask about this many files only")
    args = parser.parse_args(argv)
    files = clause_files(args.root)
    if args.sample is not None:
        files = evenly(files, args.sample)
    for path in files:
        date = subprocess.run(["git", "-C", args.root, "log", "-1", "--format=%cI", "--", path],
                              capture_output=True, text=True, check=True).stdout.strip()
        print(path, date)
    return 0


if __name__ == "__main__":
    sys.exit(main())
