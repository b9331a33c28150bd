"""The pull-request check's job summary in Markdown: verdict, problems, code owners, policy changes.

`clausebook ci` gathers a `CheckOutcome`; `format_summary` writes it for a
reader of the pull request (GitHub's job summary, or a comment). The
problem table stops after `SUMMARY_PROBLEMS` rows, since the job log has
them all; the policy changes follow as `diff_markdown` writes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clausebook.core.problems import Problem, has_errors, summary_line
from clausebook.diff.compare import Diff
from clausebook.diff.redline import escape_markdown
from clausebook.outputs.diff import code, short
from clausebook.outputs.diff_markdown import format_markdown

# Rows of the problem table in the summary; every problem is still printed.
SUMMARY_PROBLEMS = 50


@dataclass(frozen=True)
class CheckOutcome:
    """What `clausebook ci` found, compared with `ref` from its merge base `base_sha`."""

    problems: Sequence[Problem]
    files: int
    diff: Diff | None
    codeowners_lines: list[str] | None  # None when CODEOWNERS could not be checked; [] when up to date
    notes: Sequence[str]
    ref: str
    base_sha: str

    @property
    def failed(self) -> bool:
        return has_errors(self.problems) or bool(self.codeowners_lines)


def message_markdown(text: str) -> str:
    """A message of ours in Markdown: its `commands` as code spans, everything else literal.

    Our messages quote commands in backticks; escaping those would show the
    backslashes (`\\`clausebook codeowners\\``) instead of a code span.
    """
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an odd backtick: nothing is code
        return escape_markdown(text)
    return "".join(code(part) if index % 2 else escape_markdown(part) for index, part in enumerate(parts))


def format_summary(outcome: CheckOutcome) -> str:
    problems, codeowners_lines = outcome.problems, outcome.codeowners_lines
    out = [f"## clausebook: {'failed' if outcome.failed else 'passed'}\n\n"]
    out.append(f"Compared with {code(outcome.ref)} (merge base {code(short(outcome.base_sha))}). "
               f"{escape_markdown(summary_line(problems, outcome.files))}.\n")
    for note in outcome.notes:
        out.append(f"\n> **Note:** {message_markdown(note)}\n")
    if problems:
        out.append("\n### Problems\n\n| Where | Severity | Code | Message |\n|---|---|---|---|\n")
        for p in problems[:SUMMARY_PROBLEMS]:
            out.append(f"| `{p.path}:{p.line}:{p.column}` | {p.severity} | `{p.code}` | "
                       f"{message_markdown(p.message).replace(chr(10), ' ')} |\n")
        if len(problems) > SUMMARY_PROBLEMS:
            out.append(f"\n_{len(problems) - SUMMARY_PROBLEMS} more in the job log._\n")
    out.append("\n### Code owners\n\n")
    if codeowners_lines is None:
        out.append("Not checked: fix the errors above first.\n")
    elif codeowners_lines:
        out.append(message_markdown(codeowners_lines[0]) + "\n")
        if len(codeowners_lines) > 1:
            out.append("\n```diff\n" + "\n".join(codeowners_lines[1:]) + "\n```\n")
    else:
        out.append("`.github/CODEOWNERS` is up to date.\n")
    if outcome.diff is not None:
        out.append("\n" + format_markdown(outcome.diff, heading="###"))
    return "".join(out)
