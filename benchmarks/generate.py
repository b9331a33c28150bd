"""`python -m benchmarks.generate`: write one synthetic corpus (see `benchmarks.corpus`).

Run `python -m benchmarks.generate --clauses 500 --out DIR` to write one into
an empty folder, or leave out `--out` to build it into the cache; either way
the repository's path is printed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from benchmarks.corpus import CorpusSpec, build, ensure_corpus


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate",
                                     description="A deterministic synthetic clausebook repository, "
                                                 "with years of git history.")
    parser.add_argument("--clauses", type=int, default=500)
    parser.add_argument("--jurisdictions", type=int, default=10)
    parser.add_argument("--commits", type=int, default=0, help="default: as many as clauses")
    parser.add_argument("--seed", type=int, default=CorpusSpec.seed)
    parser.add_argument("--out", type=Path, help="write here (an empty folder) instead of the cache")
    args = parser.parse_args(list(argv) if argv is not None else None)
    spec = CorpusSpec(args.clauses, args.jurisdictions, args.commits, args.seed)
    if args.out:
        if args.out.exists() and any(args.out.iterdir()):
            parser.error(f"{args.out} is not empty")
        corpus = build(spec, args.out)
    else:
        corpus = ensure_corpus(spec, log=lambda m: print(m, file=sys.stderr))
    print(corpus.root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
