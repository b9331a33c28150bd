"""The bad-input corpus (tests/bad_inputs/*.yaml): each case its exit code, problems and positions, fast, no traceback.

Every case runs the real CLI in-process on a small repository in a temp
dir. A case that takes more than a second fails; one that would hang (a
FIFO read, a runaway pattern) is stopped by an alarm and fails too.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from clausebook.cli import main

from .repos import GitRepo, write_repo

CORPUS = Path(__file__).parent / "bad_inputs"
CLAUSE = "policy/social-media/monitoring.yaml"
SECONDS = 1.0


def _cases() -> list[Any]:
    found = []
    for path in sorted(CORPUS.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            found.append(pytest.param(case, id=f"{path.stem}/{case['name']}"))
    return found


CASES = _cases()


def test_the_corpus_is_large_enough_and_names_are_unique():
    names = [param.id for param in CASES]
    assert len(names) >= 80
    assert len(set(names)) == len(names)


def _content(value: Any) -> str | bytes | None:
    if isinstance(value, dict) and "latin1" in value:
        return value["latin1"].encode("latin-1")
    return value


def _clause_text(case: dict) -> str | bytes | None:
    if "clause_bytes" in case:
        return case["clause_bytes"].encode("latin-1")
    if "clause" not in case:
        return None
    text = case["clause"]
    if "big" in case:
        text = text.replace("{big}", "  x\n" * (case["big"] // 4))
    if "deep" in case:
        text = text.replace("{deep}", "[" * case["deep"] + "]" * case["deep"])
    return text


def _build(root: Path, case: dict) -> None:
    files = {path: _content(value) for path, value in (case.get("files") or {}).items()}
    clause = _clause_text(case)
    if clause is not None:
        files[CLAUSE] = clause
    if case.get("git"):
        repo = GitRepo(root)
        repo.commit("Start", files, base=True, date="2025-01-01T09:00:00+00:00")
        repo.close()
        write_repo(root, {p: _content(v) for p, v in (case.get("after") or {}).items()}, base=False)
    else:
        write_repo(root, files)
    if case.get("remove_policy_dir"):
        shutil.rmtree(root / "policy", ignore_errors=True)
    for path, target in (case.get("symlinks") or {}).items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, root / path)
    for path in case.get("fifos") or []:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(root / path)
    for path in case.get("dirs") or []:
        (root / path).mkdir(parents=True, exist_ok=True)


class _Hung(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise _Hung


def _run(root: Path, args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str, float]:
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, 10)
    start = time.perf_counter()
    try:
        code = main(["--root", str(root), *args])
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 2
    except _Hung:
        pytest.fail(f"clausebook {' '.join(args)} did not finish in 10 s")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    elapsed = time.perf_counter() - start
    captured = capsys.readouterr()
    return code, captured.out, captured.err, elapsed


def _matches(problem: dict, expected: dict, default_path: str | None) -> bool:
    path = expected.get("path", default_path)
    return (problem["code"] == expected["code"]
            and (path is None or problem["path"] == path)
            and all(problem[key] == expected[key] for key in ("line", "column") if key in expected)
            and expected.get("message", "") in problem["message"])


@pytest.mark.parametrize("case", CASES)
def test_bad_input(case: dict, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "repo"
    _build(root, case)
    args = [str(a) for a in case.get("args", ["validate", "--format", "json"])]
    code, out, err, elapsed = _run(root, args, capsys)

    assert "Traceback" not in out + err and "internal error" not in err, err
    assert code == case["exit"], f"exit {code}, expected {case['exit']}\nout: {out}\nerr: {err}"
    assert elapsed < SECONDS, f"took {elapsed:.2f}s"
    if "stderr" in case:
        assert case["stderr"] in err
    if "stdout_not" in case:
        assert case["stdout_not"] not in out, out
    if "stdout_lines" in case:
        assert len(out.splitlines()) == case["stdout_lines"], out
    if case.get("expect"):
        problems = json.loads(out)
        default_path = CLAUSE if "clause" in case or "clause_bytes" in case else None
        for expected in case["expect"]:
            assert any(_matches(p, expected, default_path) for p in problems), (expected, problems)
        for problem in problems:
            assert "\n" not in problem["message"], problem
