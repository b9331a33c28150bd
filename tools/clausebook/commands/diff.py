"""`clausebook diff BASE [HEAD]`: what the policies say differently, clause by clause."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from clausebook.diff.comparison import Diff, compare
from clausebook.outputs.diff import format_json, format_markdown, format_text, short
from clausebook.core.errors import UsageError
from clausebook.core.model import GLOBAL, Repository
from clausebook.core.problems import count
from clausebook.core.resolve import Handbook
from clausebook.source import GitSource, WorktreeSource
from clausebook.workspace import Workspace, open_source, open_worktree

FORMATS = ("text", "markdown", "json")


def register(sub) -> None:
    parser = sub.add_parser(
        "diff", help="semantic diff between two git revisions",
        description="Compare the resolved clauses of every jurisdiction at two revisions: which clauses were "
                    "added, removed or modified, which fields, where, and whether the change is material "
                    "(an obligation added, dropped, strengthened or weakened) or editorial. Formatting-only "
                    "edits and moved files are no change.")
    parser.add_argument("base", metavar="BASE", help="the revision to compare from (a branch, tag or commit)")
    parser.add_argument("head", metavar="HEAD", nargs="?",
                        help="the revision to compare to (default: the working tree)")
    parser.add_argument("--format", choices=FORMATS, default="text",
                        help="text (a terminal), markdown (a pull-request comment) or json")
    parser.add_argument("--exit-code", action="store_true",
                        help="exit 1 when there are changes, as `git diff --exit-code` does")
    parser.set_defaults(func=run)


def _empty(root: Path, label: str) -> Workspace:
    """A revision from before the repository had a policy/ folder: no clauses at all."""
    repo = Repository(label=label)
    return Workspace(root, repo, {GLOBAL: Handbook(GLOBAL, "Global", [], {}, {}, repo)}, [])


def open_revision(root: Path, revision: str, git_repo=None) -> Workspace:
    """The workspace of a git revision, read from git objects; UsageError when it does not exist."""
    with GitSource(root, revision, repo=git_repo) as source:
        if not source.has_policy_dir():
            return _empty(root, source.label)
        return open_source(root, source)


def error_note(workspace: Workspace, name: str) -> str | None:
    """A note that a revision has errors: the diff then covers only what loads there."""
    errors = count(workspace.problems, "error")
    if not errors:
        return None
    return (f"{name} has {errors} error{'s' if errors != 1 else ''}; the diff covers what loads there "
            "(run `clausebook validate` on it for details)")


def _revision_name(revision: str, workspace: Workspace) -> str:
    sha = workspace.repo.label
    return f"revision {short(sha)}" if revision == sha else f"revision {revision} ({short(sha)})"


def open_git(root: Path):
    """The git repository `root` is in; UsageError when there is none."""
    import git

    try:
        return git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise UsageError(f"{root}: not inside a git repository; `diff` compares git revisions") from None


def compute(root: str | os.PathLike[str], base: str, head: str | None = None,
            head_workspace: Workspace | None = None, base_workspace: Workspace | None = None,
            ) -> tuple[Diff, list[str]]:
    """Load both sides and compare them; the notes say what could not be compared and why.

    `head_workspace` is the already-open working tree (the caller reports its
    errors itself, so no note is made of them); `base_workspace` the base
    revision when the caller has opened it already.
    """
    root_path = Path(root).resolve()
    if not WorktreeSource(root_path).has_policy_dir():
        raise UsageError("not a clausebook repository: there is no policy/ folder here (use --root DIR)")
    with open_git(root_path) as git_repo:
        base_ws = base_workspace or open_revision(root_path, base, git_repo)
        if head is not None:
            head_ws = open_revision(root_path, head, git_repo)
            head_name = _revision_name(head, head_ws)
        else:
            head_ws = head_workspace or open_worktree(root_path)
            head_name = "the working tree"
    notes = [error_note(base_ws, _revision_name(base, base_ws))]
    if head_workspace is None:
        notes.append(error_note(head_ws, head_name))
    diff = compare(base_ws, head_ws)
    if diff.skipped:
        notes.append("not compared because they fail to load at one of the revisions: " + ", ".join(diff.skipped))
    return diff, [n for n in notes if n]


def use_color(stream=sys.stdout) -> bool:
    return stream.isatty() and not os.environ.get("NO_COLOR")


def run(args) -> int:
    diff, notes = compute(args.root, args.base, args.head)
    for note in notes:
        print(f"clausebook: note: {note}", file=sys.stderr)
    if args.format == "json":
        sys.stdout.write(format_json(diff))
    elif args.format == "markdown":
        sys.stdout.write(format_markdown(diff))
    else:
        sys.stdout.write(format_text(diff, color=use_color(sys.stdout)))
    return 1 if args.exit_code and diff.changes else 0
