"""A jurisdiction's resolved handbook (`Handbook.to_dict()`) as YAML or JSON, for `clausebook resolve`.

Keys keep the handbook's order (policies, sections, clauses, provenance), so
the output reads top to bottom like the handbook itself.
"""

from __future__ import annotations

import json
from typing import Any

import yaml


def format_yaml(handbook: dict[str, Any]) -> str:
    return yaml.safe_dump(handbook, sort_keys=False, allow_unicode=True, width=100)


def format_json(handbook: dict[str, Any]) -> str:
    return json.dumps(handbook, indent=2, ensure_ascii=False) + "\n"
