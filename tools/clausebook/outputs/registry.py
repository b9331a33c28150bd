"""Every output format, in one table: (kind of data, format name) -> formatter.

A formatter is a pure function from one kind of data to the text printed.
Commands never import a formatter module: they add `--format` with
`add_format_option(parser, KIND)`, so its choices, default and help come
from this table, and print `formatter(KIND, args.format)(data)`.

Adding a format is one row here and one function in its module. A
`binary` row returns bytes (`diff --format docx`); its command writes them
to `--out FILE` and refuses standard output. A row with
`offered=False` is written only by a dedicated option (`ci --codequality
FILE`) and is not a `--format` choice.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from typing import Any

from clausebook.outputs.terminal import json_escape_controls, printable

# Kinds of data, each with the record its formatters take.
PROBLEMS = "problems"  # Sequence[Problem]
DIFF = "diff"  # Diff; text also takes color=
HANDBOOK = "handbook"  # Handbook.to_dict()
REVIEW_STATUS = "review-status"  # review.StatusListing
REVIEW_REPORT = "review-report"  # the rows of clausebook.review.report()
REVIEW_REMINDERS = "review-reminders"  # Sequence[reminders.Reminder]
RULES = "rules"  # rules.RuleListing
RULE = "rule"  # lint.registry.RuleDoc
LEGAL_RULE = "legal-rule"  # a jurisdiction's rule, as a mapping
CHECK_SUMMARY = "check-summary"  # summary.CheckOutcome
EXPLANATION = "explanation"  # explain.Explanation
TRANSLATION_STATUS = "translation-status"  # Sequence[translate.status.HandbookStatus]
RELEASE = "release"  # release.Plan; also takes dry_run=, tagged=
ACK_MANIFEST = "ack-manifest"  # acknowledgements.manifest()
ACK_CHECK = "ack-check"  # acknowledgements.Verdict
MATRIX = "matrix"  # core.matrix.Matrix
AFFECTED = "affected"  # diff.affected.Affected


@dataclass(frozen=True)
class Format:
    kind: str
    name: str
    # "module:function" under clausebook.outputs. A command imports only the
    # formatter it prints with: `validate` never loads the Word or PDF libraries.
    where: str
    # How `--help` names it: "github (workflow annotations)".
    description: str
    offered: bool = True
    binary: bool = False  # bytes, written only to a file (`--out FILE`)

    @property
    def render(self) -> Callable[..., Any]:
        """The formatter itself (str, or bytes for a binary format), imported on first use."""
        module, _, function = self.where.partition(":")
        found: Callable[..., Any] = getattr(import_module(f"clausebook.outputs.{module}"), function)
        return found


FORMATS: tuple[Format, ...] = (
    Format(PROBLEMS, "text", "problems:format_text", "text (one problem a line)"),
    Format(PROBLEMS, "json", "problems:format_json", "json"),
    Format(PROBLEMS, "github", "github:format_github", "github (workflow annotations)"),
    Format(PROBLEMS, "sarif", "sarif:format_sarif", "sarif 2.1.0"),
    Format(PROBLEMS, "codequality", "codequality:format_codequality", "GitLab code quality", offered=False),
    Format(DIFF, "text", "diff_text:format_text", "text (a terminal)"),
    Format(DIFF, "markdown", "diff_markdown:format_markdown", "markdown (a pull-request comment)"),
    Format(DIFF, "json", "diff_json:format_json", "json"),
    Format(DIFF, "docx", "docx:format_docx", "docx (Word, tracked changes; needs --out)", binary=True),
    Format(HANDBOOK, "yaml", "handbook:format_yaml", "yaml"),
    Format(HANDBOOK, "json", "handbook:format_json", "json"),
    Format(REVIEW_STATUS, "text", "review:format_status_text", "text (a table and a summary line)"),
    Format(REVIEW_STATUS, "json", "review:format_status_json", "json"),
    Format(REVIEW_STATUS, "csv", "review:format_status_csv", "csv (for a spreadsheet)"),
    Format(REVIEW_STATUS, "markdown", "review:format_status_markdown", "markdown (counts per team, then what is due)"),
    Format(REVIEW_REPORT, "csv", "review:format_report_csv", "csv (for a spreadsheet)"),
    Format(REVIEW_REPORT, "json", "review:format_report_json", "json"),
    Format(REVIEW_REMINDERS, "json", "review:format_reminders_json", "json (for the reminder workflow)"),
    Format(REVIEW_REMINDERS, "markdown", "review:format_reminders_markdown", "markdown (each issue's title and body)"),
    Format(RULES, "text", "rules:format_listing_text", "text"),
    Format(RULES, "json", "rules:format_listing_json", "json"),
    Format(RULE, "text", "rules:format_rule_text", "text"),
    Format(RULE, "json", "rules:format_rule_json", "json"),
    Format(LEGAL_RULE, "text", "rules:format_legal_rule_text", "text"),
    Format(LEGAL_RULE, "json", "rules:format_legal_rule_json", "json"),
    Format(CHECK_SUMMARY, "markdown", "summary:format_summary", "markdown (a job summary)"),
    Format(EXPLANATION, "text", "explain:format_text", "text"),
    Format(TRANSLATION_STATUS, "text", "translation:format_text", "text (counts per handbook, then each item)"),
    Format(TRANSLATION_STATUS, "json", "translation:format_json", "json"),
    Format(RELEASE, "text", "release:format_text", "text"),
    Format(RELEASE, "json", "release:format_json", "json"),
    Format(ACK_MANIFEST, "json", "acknowledgements:format_manifest_json", "json"),
    Format(ACK_CHECK, "text", "acknowledgements:format_check_text", "text"),
    Format(ACK_CHECK, "json", "acknowledgements:format_check_json", "json"),
    Format(MATRIX, "text", "matrix:format_text", "text (a grid and the differences)"),
    Format(MATRIX, "csv", "matrix:format_csv", "csv (one row per cell)"),
    Format(MATRIX, "json", "matrix:format_json", "json (one record per cell)"),
    Format(MATRIX, "markdown", "matrix:format_markdown", "markdown"),
    Format(AFFECTED, "text", "affected:format_text", "text (a handbook a line, with why)"),
    Format(AFFECTED, "json", "affected:format_json", "json (a CI job matrix)"),
)

_BY_KEY = {(f.kind, f.name): f for f in FORMATS}


def formats(kind: str) -> list[Format]:
    """The `--format` choices for `kind`, in the order `--help` lists them."""
    return [f for f in FORMATS if f.kind == kind and f.offered]


# Formats read by a person in a terminal or a log: control characters from the
# repository are shown as escapes there (outputs/terminal.py). JSON formats
# escape them as JSON does (\u001b), including the C1 and bidi controls that
# json.dumps(ensure_ascii=False) would leave raw.
_READ_IN_A_TERMINAL = {"text", "markdown", "github"}
_JSON = {"json", "sarif", "codequality"}


def _for_terminal(render: Callable[..., str]) -> Callable[..., str]:
    def safe(*args: Any, **kwargs: Any) -> str:
        return printable(render(*args, **kwargs), keep_colors=bool(kwargs.get("color")))
    return safe


def _for_json(render: Callable[..., str]) -> Callable[..., str]:
    def safe(*args: Any, **kwargs: Any) -> str:
        return json_escape_controls(render(*args, **kwargs))
    return safe


def formatter(kind: str, name: str) -> Callable[..., str]:
    """The function that prints `kind` data as `name`; a LookupError names the known formats.

    Text, Markdown and annotation formats come wrapped so that no control
    character reaches the reader raw; JSON formats escape them as JSON.
    """
    try:
        render = _BY_KEY[(kind, name)].render
    except KeyError:
        known = ", ".join(f.name for f in FORMATS if f.kind == kind) or "none"
        raise LookupError(f"no '{name}' format for {kind}; known: {known}") from None
    if name in _READ_IN_A_TERMINAL:
        return _for_terminal(render)
    if name in _JSON:
        return _for_json(render)
    return render


def is_binary(kind: str, name: str) -> bool:
    """True for a format that writes bytes to a file (`docx`), never to standard output."""
    found = _BY_KEY.get((kind, name))
    return bool(found and found.binary)


def _spoken_list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def add_format_option(parser: argparse.ArgumentParser, kind: str, default: str | None = None) -> None:
    """`--format` for `kind`: choices, default (the first format unless given) and help from `FORMATS`."""
    offered = formats(kind)
    if not offered:
        raise LookupError(f"no format is offered for {kind}")
    parser.add_argument("--format", choices=[f.name for f in offered], default=default or offered[0].name,
                        help=_spoken_list([f.description for f in offered]))
