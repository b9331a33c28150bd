"""The pre-commit hooks a policy repository uses: which staged files trigger them, and what they refuse."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .repos import clause, write_repo

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CLAUSE = "policy/social-media/posting.yaml"


@pytest.mark.parametrize("hook_id", ["clausebook-validate", "clausebook-lint"])
def test_pre_commit_hooks_run_on_policy_changes_and_fail_on_errors(hook_id, tmp_path):
    """What pre-commit would do with each hook: match the staged paths, run the entry, read the exit code."""
    hooks = {hook["id"]: hook for hook in yaml.safe_load((PROJECT_ROOT / ".pre-commit-hooks.yaml").read_text())}
    assert set(hooks) == {"clausebook-validate", "clausebook-lint"}
    hook = hooks[hook_id]
    files = re.compile(hook["files"])
    for staged in ("policy/social-media/monitoring.yaml", "jurisdictions/de/overlays/monitoring.yaml",
                   "schema/clause.schema.json", "policy/owners.yaml"):
        assert files.search(staged), staged
    for unrelated in ("README.md", "docs/about.md", "tools/clausebook/cli.py", "mkdocs.yml"):
        assert not files.search(unrelated), unrelated
    assert hook["pass_filenames"] is False  # overlays and links span files: the whole repository is checked
    program, *arguments = shlex.split(hook["entry"])
    executable = Path(sys.executable).with_name(program)
    good = write_repo(tmp_path / "good", {})
    bad = write_repo(tmp_path / "bad", {CLAUSE: clause("posting", level="mandatory")})
    for root, expected in ((good, 0), (bad, 1)):
        proc = subprocess.run([str(executable), *arguments], cwd=root, capture_output=True, text=True)
        assert proc.returncode == expected, proc.stdout + proc.stderr
        assert "Traceback" not in proc.stderr
