"""`clausebook ci --base REF`: the pull-request check.

Validate and lint what changed since REF, diff the policies, check
`.github/CODEOWNERS`, write a Markdown summary (the GitHub job summary when
`GITHUB_STEP_SUMMARY` is set), print problems (as workflow annotations under
GitHub Actions) and exit 1 on any error.

The comparison starts at the merge base of REF and HEAD, as a pull request's
"Files changed" does: a branch that is behind REF is not blamed for what was
merged into REF since it branched off.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from clausebook.codeowners import CODEOWNERS_PATH
from clausebook.commands import codeowners
from clausebook.commands._common import Subcommands
from clausebook.core.errors import UsageError
from clausebook.core.problems import Problem, has_errors, summary_line
from clausebook.diff.revisions import compute
from clausebook.git import SHALLOW_HINT
from clausebook.lint.config import load_config
from clausebook.lint.engine import lint
from clausebook.outputs.registry import CHECK_SUMMARY, PROBLEMS, formatter
from clausebook.outputs.summary import CheckOutcome
from clausebook.workspace import Workspace, open_git, open_revision, open_worktree

# What the diff reads from the working tree: when none of it is uncommitted, the head is HEAD.
POLICY_PATHS = ("policy", "jurisdictions", "schema", "pyproject.toml")


def register(sub: Subcommands) -> None:
    parser = sub.add_parser(
        "ci", help="the pull-request check: lint, diff, CODEOWNERS, job summary, annotations",
        description="Validate and lint what changed since REF, show the semantic diff, check "
                    ".github/CODEOWNERS, and write a Markdown summary (to $GITHUB_STEP_SUMMARY when it is "
                    "set). Under GitHub Actions problems print as annotations. Exits 1 on any error.")
    parser.add_argument("--base", required=True, metavar="REF",
                        help="the branch the change goes into, e.g. origin/main")
    parser.add_argument("--summary", metavar="FILE",
                        help="append the Markdown summary to FILE (default: $GITHUB_STEP_SUMMARY, else stdout)")
    parser.add_argument("--codequality", metavar="FILE",
                        help="also write the problems as a GitLab code quality report (JSON) to FILE")
    parser.set_defaults(func=run)


# --- the base revision ------------------------------------------------------------


def comparison_base(root: Path, ref: str) -> tuple[str, str | None]:
    """The commit to compare with (the merge base of REF and HEAD) and a note when it is REF itself.

    An unknown REF is a usage error; in a shallow clone the message says to
    fetch the whole history, since that is the usual cause on CI.
    """
    from clausebook.git import merge_base, resolve_commit

    where = open_git(root)
    base = resolve_commit(where.toplevel, ref)
    if base is None:
        if where.shallow:
            raise UsageError(f"the base revision '{ref}' is not in this clone, which is shallow "
                             f"(only the latest commits were fetched); {SHALLOW_HINT}")
        raise UsageError(f"unknown git revision '{ref}'")
    common = merge_base(where.toplevel, base, "HEAD") if where.head is not None else None
    if common is not None:
        return common, None
    if where.shallow:
        raise UsageError(f"'{ref}' and HEAD have no common commit in this clone, which is shallow; "
                         f"{SHALLOW_HINT}")
    return base, f"'{ref}' and HEAD share no history; compared with '{ref}' itself"


def head_label(root: Path, head: str | None) -> str:
    """The commit checked (HEAD) when the policies are committed, as on CI; else the working tree."""
    from clausebook.git import uncommitted
    from clausebook.source import WorktreeSource

    if head is None or bool(uncommitted(root, POLICY_PATHS)):
        return WorktreeSource.label
    return head


# --- lint ---------------------------------------------------------------------------


def lint_problems(workspace: Workspace, base: Workspace) -> list[Problem]:
    """Every problem lint finds in what changed since the base; all of it when the base had no policies."""
    since = base if base.repo.policies else None
    return lint(workspace, load_config(workspace.root), changed_since=since)


# --- the summary ------------------------------------------------------------------------


def write_summary(text: str, target: str | None) -> None:
    """Append to `target` (GitHub's job summary is one file for all steps), else print."""
    if target:
        with open(target, "a", encoding="utf-8") as handle:
            handle.write(text if text.endswith("\n") else text + "\n")
    else:
        sys.stdout.write(text)


# --- the run ------------------------------------------------------------------------------


def run(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    workspace = open_worktree(root)  # not a clausebook repository -> exit 2 before touching git
    base_sha, base_note = comparison_base(root, args.base)
    notes = [base_note] if base_note else []

    where = open_git(root)
    base = open_revision(root, base_sha, where)  # read once, for the diff and for lint
    diff, diff_notes = compute(root, base_sha, head_workspace=workspace, base_workspace=base)
    diff.head = head_label(root, where.head)
    notes += diff_notes
    problems = lint_problems(workspace, base)

    owner_lines: list[str] | None = None
    if has_errors(workspace.problems):
        notes.append("CODEOWNERS was not checked: the repository has validation errors")
    else:
        owner_lines = codeowners.check(workspace)

    if os.environ.get("GITHUB_ACTIONS"):
        annotate = formatter(PROBLEMS, "github")
        sys.stdout.write(annotate(problems))
        if owner_lines:
            # The whole message, lines included: an annotation shows every line of it.
            message = "\n".join(owner_lines)
            sys.stdout.write(annotate([Problem(CODEOWNERS_PATH, 1, 1, "error", "CODEOWNERS", message)]))
    else:
        sys.stdout.write(formatter(PROBLEMS, "text")(problems))
        if owner_lines:
            print("\n".join(owner_lines))
    sys.stdout.flush()
    print(summary_line(problems, workspace.files), file=sys.stderr)
    for note in notes:
        print(f"clausebook: note: {note}", file=sys.stderr)

    if args.codequality:
        Path(args.codequality).write_text(formatter(PROBLEMS, "codequality")(problems), encoding="utf-8")
    outcome = CheckOutcome(problems, workspace.files, diff, owner_lines, notes, args.base, base_sha)
    write_summary(formatter(CHECK_SUMMARY, "markdown")(outcome), args.summary or os.environ.get("GITHUB_STEP_SUMMARY"))
    return 1 if outcome.failed else 0

