"""Writing translation files: YAML with the editor modeline, the source digest first, all or none.

A translation file reads like the document it translates: the same keys in
the same order, multi-line Markdown as `|` blocks, and the
`# yaml-language-server: $schema=...` modeline on line 1 so editors check it
against `schema/translation.schema.json`. `write_all` writes every file or,
if any write fails, none: each goes to a temporary file beside its target
first, and only when all are written are they renamed into place.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from clausebook.outputs.yaml_text import dump_document

SCHEMA = "schema/translation.schema.json"


def modeline(path: str) -> str:
    depth = path.count("/")
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA}\n"


def render(path: str, data: Mapping[str, Any]) -> str:
    """The text of translation file `path` (relative to the root) holding `data` (`source` first)."""
    ordered = {"source": data["source"], **{k: v for k, v in data.items() if k != "source"}}
    body = dump_document(ordered)
    return modeline(path) + body


def write_all(root: Path, files: Mapping[str, str]) -> None:
    """Write every `path -> text` under `root`, or none of them (OSError after cleaning up)."""
    staged: list[tuple[Path, Path]] = []
    try:
        for relative, text in files.items():
            target = root / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".clausebook-", suffix=".yaml", dir=target.parent)
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
            staged.append((Path(temporary), target))
    except OSError:
        for staged_file, _ in staged:
            staged_file.unlink(missing_ok=True)
        raise
    for staged_file, target in staged:
        os.replace(staged_file, target)
