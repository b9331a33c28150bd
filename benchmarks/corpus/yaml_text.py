"""YAML text as people write it, for the corpus files: block style, flow lists, unquoted dates.

`to_yaml(data, comment)` emits only what the generator produces (mappings,
lists, strings, ints, bools), quoting a string only when a YAML reader would
otherwise take it for something else, so files look hand-written.
"""

from __future__ import annotations

import json
import re
from typing import Any

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.'()/&?!-]*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_RESERVED = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}
FLOW_KEYS = {"audience", "channels", "related", "tags"}


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if _DATE.fullmatch(value):
        return value  # unquoted, as people write dates
    if _PLAIN.fullmatch(value) and value.lower() not in _RESERVED and not value.endswith(" "):
        return value
    return json.dumps(value, ensure_ascii=False)


def _emit(data: dict[str, Any], indent: int = 0) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines += _emit(value, indent + 2)
        elif isinstance(value, list) and key in FLOW_KEYS:
            lines.append(f"{pad}{key}: [{', '.join(value)}]")
        elif isinstance(value, list):
            lines.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, dict):
                    inner = _emit(item, indent + 4)
                    lines.append(f"{pad}  - {inner[0].lstrip()}")
                    lines += inner[1:]
                else:
                    lines.append(f"{pad}  - {_scalar(item)}")
        elif isinstance(value, str) and "\n" in value:
            lines.append(f"{pad}{key}: |")
            lines += [f"{pad}  {line}" if line else "" for line in value.rstrip("\n").split("\n")]
        else:
            lines.append(f"{pad}{key}: {_scalar(value)}")
    return lines


def to_yaml(data: dict[str, Any], comment: str | None = None) -> str:
    head = [f"# {comment}"] if comment else []
    return "\n".join(head + _emit(data)) + "\n"

