"""Every shipped YAML file names its schema in a modeline, and that schema passes with check-jsonschema, offline.

Editors (yaml-language-server) read `# yaml-language-server: $schema=...`;
plain JSON Schema tools take the same path. The schemas carry no `$id`, so
their relative `$ref`s resolve from the schema folder and nothing is fetched.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)$", re.M)


def shipped_files() -> dict[Path, list[Path]]:
    """schema path -> the YAML files that name it."""
    by_schema: dict[Path, list[Path]] = {}
    for path in sorted([*ROOT.glob("policy/**/*.yaml"), *ROOT.glob("jurisdictions/**/*.yaml")]):
        match = MODELINE.search(path.read_text(encoding="utf-8"))
        assert match, f"{path.relative_to(ROOT)} names no schema in a modeline"
        by_schema.setdefault((path.parent / match.group(1)).resolve(), []).append(path)
    return by_schema


def test_every_shipped_file_passes_check_jsonschema_with_its_modeline_schema_offline():
    by_schema = shipped_files()
    assert sum(len(files) for files in by_schema.values()) >= 80
    check = Path(sys.executable).parent / "check-jsonschema"
    # An unreachable proxy: any attempt to fetch a schema fails instead of going out.
    env = {"PATH": "/usr/bin:/bin", "HTTPS_PROXY": "http://127.0.0.1:9", "HTTP_PROXY": "http://127.0.0.1:9",
           "NO_PROXY": ""}
    for schema, files in by_schema.items():
        assert schema.parent == ROOT / "schema", schema
        proc = subprocess.run([str(check), "--schemafile", str(schema), *map(str, files)],
                              capture_output=True, text=True, env=env)
        assert proc.returncode == 0, (schema.name, proc.stdout[-2000:], proc.stderr[-2000:])
