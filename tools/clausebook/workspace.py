"""The one load -> check -> resolve path every command starts from.

Commands and the MkDocs plugin call `open_worktree` (or `open_source` for a
git revision) and get back the repository, every jurisdiction's handbook and
the structure problems found on the way.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import schemas
from .checks import check
from .model import Repository
from .problems import Problem, sort_problems
from .repository import load
from .resolve import Handbook
from .source import Source, WorktreeSource


@dataclass
class Workspace:
    root: Path
    repo: Repository
    handbooks: dict[str, Handbook]
    problems: list[Problem]  # load, schema and structure problems, sorted

    @property
    def files(self) -> int:
        return self.repo.files


def open_source(root: Path, source: Source) -> Workspace:
    root = Path(root).resolve()
    repo = load(source, schemas.schema_dir(root))
    handbooks, problems = check(repo)
    return Workspace(root, repo, handbooks, sort_problems([*repo.problems, *problems]))


def open_worktree(root: str | Path) -> Workspace:
    root = Path(root).resolve()
    return open_source(root, WorktreeSource(root))
