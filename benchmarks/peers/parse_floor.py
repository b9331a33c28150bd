"""The parse floor: read every YAML file of a repository with libyaml, and nothing else.

No positions, no schema, no checks: the least any validator of these files
has to do. `python parse_floor.py ROOT` prints how many files it parsed.
"""

from __future__ import annotations

import os
import sys

import yaml


def main(root: str) -> int:
    count = 0
    for top in ("policy", "jurisdictions"):
        for folder, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                if name.endswith(".yaml"):
                    with open(os.path.join(folder, name), "rb") as handle:
                        yaml.load(handle.read(), Loader=yaml.CSafeLoader)
                    count += 1
    print(f"{count} files parsed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
