"""Problems as a GitLab code quality report (JSON), the file `artifacts:reports:codequality` reads.

The fingerprint hashes the path, code and message but not the line, so a
finding that moves because lines were added above it stays the same finding
in GitLab's merge-request widget.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from clausebook.core.problems import Problem

_SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def format_codequality(problems: Sequence[Problem]) -> str:
    report = []
    for p in problems:
        fingerprint = hashlib.sha256(f"{p.path}\0{p.code}\0{p.message}".encode()).hexdigest()
        report.append({
            "description": f"{p.code} {p.message}",
            "check_name": p.code,
            "fingerprint": fingerprint,
            "severity": _SEVERITY.get(p.severity, "info"),
            "location": {"path": p.path, "lines": {"begin": p.line}},
        })
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"
