"""Problem records: one finding at one place, sorted and counted.

A problem reads `path:line:column: severity CODE message`, like a compiler.
How problems are printed (text, json, github annotations, sarif, code
quality) is the business of `clausebook.outputs`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

SEVERITIES = ("error", "warning", "info")
_SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True, order=True)
class Location:
    """A place in a repository file; line and column are 1-based."""

    path: str
    line: int = 1
    column: int = 1


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    column: int
    severity: str
    code: str
    message: str
    # Optional extra context (e.g. the rule's legal reference); not part of the
    # compiler-style line, but carried into JSON and SARIF.
    hint: str | None = field(default=None, compare=False)

    @classmethod
    def at(cls, location: Location, severity: str, code: str, message: str, hint: str | None = None) -> Problem:
        return cls(location.path, location.line, location.column, severity, code, message, hint)

    @property
    def location(self) -> Location:
        return Location(self.path, self.line, self.column)

    def sort_key(self) -> tuple:
        return (self.path, self.line, self.column, _SEVERITY_RANK.get(self.severity, 9), self.code, self.message)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
        }

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.severity} {self.code} {self.message}"


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    unique = dict.fromkeys(problems)  # keep the first of exact repeats
    return sorted(unique, key=Problem.sort_key)


def count(problems: Sequence[Problem], severity: str) -> int:
    return sum(1 for p in problems if p.severity == severity)


def has_errors(problems: Sequence[Problem]) -> bool:
    return any(p.severity == "error" for p in problems)


def summary_line(problems: Sequence[Problem], files_checked: int) -> str:
    errors, warnings, infos = (count(problems, s) for s in SEVERITIES)
    files = f"{files_checked} file{'s' if files_checked != 1 else ''} checked"
    parts = [f"{errors} error{'s' if errors != 1 else ''}", f"{warnings} warning{'s' if warnings != 1 else ''}"]
    if infos:
        parts.append(f"{infos} info")
    return f"{files}: " + ", ".join(parts)
