"""A jurisdiction's resolved handbook (`Handbook.to_dict()`) as YAML or JSON, for `clausebook resolve`.

Keys keep the handbook's order (policies, sections, clauses, provenance), so
the output reads top to bottom like the handbook itself. YAML reads as an
editor writes it: text of several lines as a literal block (`|`), one-line
text unquoted where YAML allows and never folded.
"""

from __future__ import annotations

import json
from typing import Any

from clausebook.outputs.yaml_text import dump_data


def format_yaml(handbook: dict[str, Any]) -> str:
    return dump_data(handbook)


def format_json(handbook: dict[str, Any]) -> str:
    return json.dumps(handbook, indent=2, ensure_ascii=False) + "\n"
