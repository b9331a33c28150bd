"""A jurisdiction's resolved handbook (`Handbook.to_dict()`) as YAML or JSON, for `clausebook resolve`.

Keys keep the handbook's order (policies, sections, clauses, provenance), so
the output reads top to bottom like the handbook itself. YAML reads as an
editor writes it: text of several lines as a literal block (`|`), one-line
text unquoted where YAML allows and never folded.
"""

from __future__ import annotations

import json
from typing import Any

import yaml


class _Dumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # A literal block keeps the text exactly; PyYAML quotes it instead when it cannot (trailing spaces).
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def format_yaml(handbook: dict[str, Any]) -> str:
    return yaml.dump(handbook, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=1_000_000)


def format_json(handbook: dict[str, Any]) -> str:
    return json.dumps(handbook, indent=2, ensure_ascii=False) + "\n"
