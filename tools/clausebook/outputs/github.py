"""Problems as GitHub Actions workflow commands, which GitHub shows as annotations.

`::error file=…,line=…,col=…,title=CODE::message`, one a line. Values are
escaped as the runner expects, so a message with a newline or a path with a
comma cannot end the command early or forge another one.
"""

from __future__ import annotations

from collections.abc import Sequence

from clausebook.core.problems import Problem


def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def github_annotation(p: Problem) -> str:
    # GitHub knows error, warning and notice.
    command = {"error": "error", "warning": "warning"}.get(p.severity, "notice")
    return (
        f"::{command} file={_escape_property(p.path)},line={p.line},col={p.column},"
        f"title={_escape_property(p.code)}::{_escape_data(p.message)}"
    )


def format_github(problems: Sequence[Problem]) -> str:
    return "".join(github_annotation(p) + "\n" for p in problems)
