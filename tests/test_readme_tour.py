"""The README's tour shows the clause as the repository ships it."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_the_tour_example_matches_the_shipped_clause():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tour = readme[readme.index("## A five-minute tour"):]
    block = re.search(r"```yaml\n(.*?)```", tour, re.S).group(1)
    shown = yaml.safe_load("\n".join(line.strip() if not line.startswith("     ") else line[3:]
                                     for line in block.splitlines()))
    shipped = yaml.safe_load((ROOT / "policy/social-media" / f"{shown['id']}.yaml").read_text(encoding="utf-8"))
    assert block.lstrip().startswith((ROOT / "policy/social-media/monitoring.yaml").read_text().splitlines()[0])
    for key, value in shown.items():
        if key == "body":
            assert shipped["body"].startswith(value.rstrip(".\n").rstrip(".")), "the body's first words"
        else:
            assert shipped[key] == value, key
