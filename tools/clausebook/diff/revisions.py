"""Both sides of a diff: a revision against another revision or the working tree."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from clausebook import git
from clausebook.core.errors import UsageError
from clausebook.core.problems import count
from clausebook.diff.compare import Diff, compare
from clausebook.outputs.diff import short
from clausebook.source import WorktreeSource
from clausebook.workspace import Workspace, open_git, open_revision, open_worktree


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
    where = open_git(root_path)
    base_ws = base_workspace or open_revision(root_path, base, where)
    if head is not None:
        head_ws = open_revision(root_path, head, where)
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


def compute_at(root: str | os.PathLike[str], first: str, second: str | None = None) -> tuple[Diff, list[str]]:
    """The texts in force on two dates (or at two revisions) compared; `second` omitted: today."""
    from clausebook.timeline import text_in_force, today

    root_path = Path(root).resolve()
    if not WorktreeSource(root_path).has_policy_dir():
        raise UsageError("not a clausebook repository: there is no policy/ folder here (use --root DIR)")
    before = text_in_force(root_path, first)
    after = text_in_force(root_path, second if second is not None else today().isoformat())
    diff = compare(before.workspace, after.workspace, before.commit, after.commit)
    notes = [f"comparing the text in force on {before.label.split(', in force on ')[1]} (commit {short(diff.base)}) "
             f"with the text in force on {after.date.isoformat()} (commit {short(diff.head)})",
             error_note(before.workspace, before.label), error_note(after.workspace, after.label)]
    if diff.skipped:
        notes.append("not compared because they fail to load at one of the dates: " + ", ".join(diff.skipped))
    return diff, [n for n in notes if n]


def signature(root: str | os.PathLike[str], head: str | None) -> tuple[str, dt.datetime]:
    """Who a redline's revisions are attributed to: the head commit's author and author date.

    For the working tree (no commit yet): git's `user.name` (else "working tree") and now.
    """
    where = open_git(Path(root).resolve())
    if head is not None:
        sha = git.resolve_commit(where.toplevel, head)
        if sha is not None:
            found = git.author(where.toplevel, sha)
            return found.name, found.when
    return git.config_get(where.toplevel, "user.name") or "working tree", dt.datetime.now(dt.UTC)
