from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clausebook.cli import main

from .repos import GitRepo, write_repo

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def __repr__(self) -> str:
        return f"Result(code={self.code}, out={self.out!r}, err={self.err!r})"


@pytest.fixture
def run(capsys):
    """Run the clausebook CLI in-process: run("--root", d, "validate") -> Result."""

    def _run(*argv: str) -> Result:
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:  # argparse usage errors
            code = exc.code if isinstance(exc.code, int) else 2
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return _run


@pytest.fixture
def run_process():
    """Run clausebook as a real process (for tracebacks, exit codes, stdin)."""

    def _run(*argv: str, cwd: Path | None = None, env: dict | None = None) -> Result:
        proc = subprocess.run([sys.executable, "-m", "clausebook", *map(str, argv)], capture_output=True,
                              text=True, cwd=cwd, env=env)
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return _run


@pytest.fixture
def repo_dir(tmp_path):
    """A minimal valid repository on disk; tests add files with write_repo(path, {...})."""
    return write_repo(tmp_path / "repo")


@pytest.fixture
def git_repo(tmp_path):
    repo = GitRepo(tmp_path / "git")
    yield repo
    repo.close()
