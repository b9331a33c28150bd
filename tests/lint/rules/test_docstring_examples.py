"""Every rule's docstring examples run: lint flags the Bad example with the rule's code, and not the Good one."""

from __future__ import annotations

from types import ModuleType

import pytest

from clausebook.lint.registry import all_rules

from .helpers import example_block, example_files, run_lint

# Rules whose examples are not clause files: R001's and R002's are git history (R002 runs in
# test_r002), T002's a whole handbook.
NOT_CLAUSE_EXAMPLES = {"R001", "R002", "T002"}
RUNNABLE = [pytest.param(module, id=module.CODE) for module in all_rules() if module.CODE not in NOT_CLAUSE_EXAMPLES]


def _codes(problems: list, code: str) -> list[str]:
    return [f"{p.path}:{p.line}: {p.message}" for p in problems if p.code == code or p.code.startswith(code + "/")]


@pytest.mark.parametrize("module", RUNNABLE)
def test_bad_example_is_flagged(tmp_path, module: ModuleType) -> None:
    bad = example_block(module.__doc__ or "", "Bad")
    assert bad is not None, f"{module.CODE} has no ```yaml block under **Bad:**"
    assert _codes(run_lint(tmp_path / "repo", example_files(bad)), module.CODE), f"{module.CODE} missed its Bad example"


@pytest.mark.parametrize("module", RUNNABLE)
def test_good_example_is_not_flagged(tmp_path, module: ModuleType) -> None:
    bad, good = example_block(module.__doc__ or "", "Bad"), example_block(module.__doc__ or "", "Good")
    assert bad is not None and good is not None, f"{module.CODE} has no ```yaml block under **Good:**"
    # The Good example runs with the Bad example's files other than clauses (a jurisdiction's rules, say).
    context = {path: text for path, text in example_files(bad).items() if not path.startswith("policy/")}
    problems = run_lint(tmp_path / "repo", {**context, **example_files(good)})
    assert _codes(problems, module.CODE) == []


def test_every_rule_has_runnable_examples_but_the_listed_ones() -> None:
    for module in all_rules():
        runnable = example_block(module.__doc__ or "", "Bad") is not None
        assert runnable != (module.CODE in NOT_CLAUSE_EXAMPLES), module.CODE
