"""outputs/spreadsheet.py: CSV whose cells a spreadsheet never runs as formulas."""

from __future__ import annotations

import csv
import io

import pytest

from clausebook.outputs.spreadsheet import neutralise, to_csv

from .repos import GitRepo


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_starts_get_a_leading_quote(cell):
    assert neutralise(cell) == "'" + cell


@pytest.mark.parametrize("cell", ["account-handover", "2026-01-01", "a=b", "", "'quoted", "x-1"])
def test_other_cells_are_left_alone(cell):
    assert neutralise(cell) == cell


def test_rows_as_csv():
    text = to_csv(("clause", "tags", "due", "months"),
                  [{"clause": "=cmd|' /C calc'!A0", "tags": ["-a", "b"], "due": None, "months": 12}])
    assert text.splitlines()[0] == "clause,tags,due,months"
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows == [{"clause": "'=cmd|' /C calc'!A0", "tags": "'-a;b", "due": "", "months": "12"}]


def test_review_report_neutralises_an_author_name(git_repo: GitRepo, run):
    git_repo.commit("Base policy", base=True, author='=HYPERLINK("http://example.com") <x@example.com>')
    result = run("--root", git_repo.root, "review", "report", "--format", "csv")
    assert result.code == 0, result
    authors = {row["author"] for row in csv.DictReader(io.StringIO(result.out))}
    assert authors == {'\'=HYPERLINK("http://example.com") <x@example.com>'}
