"""Every output format, in one table: (kind of data, format name) -> formatter.

A formatter is a pure function from one kind of data to the text printed.
Commands never import a formatter module: they add `--format` with
`add_format_option(parser, KIND)`, so its choices, default and help come
from this table, and print `formatter(KIND, args.format)(data)`.

Adding a format is one row here and one function in its module. A row with
`offered=False` is written only by a dedicated option (`ci --codequality
FILE`) and is not a `--format` choice.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass

from clausebook.outputs import (
    affected,
    codequality,
    diff_json,
    diff_markdown,
    diff_text,
    explain,
    github,
    handbook,
    problems,
    review,
    rules,
    sarif,
    summary,
)

# Kinds of data, each with the record its formatters take.
PROBLEMS = "problems"  # Sequence[Problem]
DIFF = "diff"  # Diff; text also takes color=
HANDBOOK = "handbook"  # Handbook.to_dict()
REVIEW_STATUS = "review-status"  # review.StatusListing
REVIEW_REPORT = "review-report"  # the rows of clausebook.review.report()
RULES = "rules"  # rules.RuleListing
RULE = "rule"  # lint.registry.RuleDoc
LEGAL_RULE = "legal-rule"  # a jurisdiction's rule, as a mapping
CHECK_SUMMARY = "check-summary"  # summary.CheckOutcome
EXPLANATION = "explanation"  # explain.Explanation
AFFECTED = "affected"  # diff.affected.Affected


@dataclass(frozen=True)
class Format:
    kind: str
    name: str
    render: Callable[..., str]
    # How `--help` names it: "github (workflow annotations)".
    description: str
    offered: bool = True


FORMATS: tuple[Format, ...] = (
    Format(PROBLEMS, "text", problems.format_text, "text (one problem a line)"),
    Format(PROBLEMS, "json", problems.format_json, "json"),
    Format(PROBLEMS, "github", github.format_github, "github (workflow annotations)"),
    Format(PROBLEMS, "sarif", sarif.format_sarif, "sarif 2.1.0"),
    Format(PROBLEMS, "codequality", codequality.format_codequality, "GitLab code quality", offered=False),
    Format(DIFF, "text", diff_text.format_text, "text (a terminal)"),
    Format(DIFF, "markdown", diff_markdown.format_markdown, "markdown (a pull-request comment)"),
    Format(DIFF, "json", diff_json.format_json, "json"),
    Format(HANDBOOK, "yaml", handbook.format_yaml, "yaml"),
    Format(HANDBOOK, "json", handbook.format_json, "json"),
    Format(REVIEW_STATUS, "text", review.format_status_text, "text (a table and a summary line)"),
    Format(REVIEW_STATUS, "json", review.format_status_json, "json"),
    Format(REVIEW_STATUS, "csv", review.format_status_csv, "csv (for a spreadsheet)"),
    Format(REVIEW_REPORT, "csv", review.format_report_csv, "csv (for a spreadsheet)"),
    Format(REVIEW_REPORT, "json", review.format_report_json, "json"),
    Format(RULES, "text", rules.format_listing_text, "text"),
    Format(RULES, "json", rules.format_listing_json, "json"),
    Format(RULE, "text", rules.format_rule_text, "text"),
    Format(RULE, "json", rules.format_rule_json, "json"),
    Format(LEGAL_RULE, "text", rules.format_legal_rule_text, "text"),
    Format(LEGAL_RULE, "json", rules.format_legal_rule_json, "json"),
    Format(CHECK_SUMMARY, "markdown", summary.format_summary, "markdown (a job summary)"),
    Format(EXPLANATION, "text", explain.format_text, "text"),
    Format(AFFECTED, "text", affected.format_text, "text (a handbook a line, with why)"),
    Format(AFFECTED, "json", affected.format_json, "json (a CI job matrix)"),
)

_BY_KEY = {(f.kind, f.name): f for f in FORMATS}


def formats(kind: str) -> list[Format]:
    """The `--format` choices for `kind`, in the order `--help` lists them."""
    return [f for f in FORMATS if f.kind == kind and f.offered]


def formatter(kind: str, name: str) -> Callable[..., str]:
    """The function that prints `kind` data as `name`; a LookupError names the known formats."""
    try:
        return _BY_KEY[(kind, name)].render
    except KeyError:
        known = ", ".join(f.name for f in FORMATS if f.kind == kind) or "none"
        raise LookupError(f"no '{name}' format for {kind}; known: {known}") from None


def _spoken_list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def add_format_option(parser: argparse.ArgumentParser, kind: str, default: str | None = None) -> None:
    """`--format` for `kind`: choices, default (the first format unless given) and help from `FORMATS`."""
    offered = formats(kind)
    if not offered:
        raise LookupError(f"no format is offered for {kind}")
    parser.add_argument("--format", choices=[f.name for f in offered], default=default or offered[0].name,
                        help=_spoken_list([f.description for f in offered]))
