"""The package keeps one home per concern: who may run git, who may touch YAML, how big a module may grow."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tools" / "clausebook"
MAX_LINES = 450


def _imports(path: Path) -> set[str]:
    """Every module a file imports, at any depth (a function-level import counts too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _modules_importing(*names: str) -> set[str]:
    return {path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")
            if any(name == imported or imported.startswith(f"{name}.") for imported in _imports(path)
                   for name in names)}


def test_only_the_git_module_runs_processes_or_git():
    assert _modules_importing("subprocess", "git") == {"git.py"}


def test_yaml_is_parsed_by_the_loader_and_written_by_one_writer():
    assert _modules_importing("yaml") == {"core/loader.py", "outputs/yaml_text.py"}


def test_the_core_runs_no_process_and_prints_nothing():
    for path in (PACKAGE / "core").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        assert not {"subprocess", "clausebook.git", "clausebook.source"} & _imports(path), path.name
        printing = [node.lineno for node in ast.walk(tree)
                    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print"]
        assert printing == [], f"{path.name} prints at lines {printing}"


def test_no_module_is_over_the_size_limit():
    sizes = {path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
             for path in PACKAGE.rglob("*.py")}
    assert {name: lines for name, lines in sizes.items() if lines > MAX_LINES} == {}
