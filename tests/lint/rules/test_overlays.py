"""Problems an overlay creates are reported at the overlay, whichever rule finds them."""

from __future__ import annotations

from .helpers import CLAUSE, clause_yaml, found, run_lint


def test_fixture_repository_is_clean(tmp_path):
    assert run_lint(tmp_path / "repo", {}) == []


# --- problems an overlay creates are reported at the overlay -----------------------------------------

def test_overlay_level_change_is_reported_at_the_overlay(tmp_path):
    overlay = ("clause: monitoring\naction: amend\nreason: Works council agreement.\n"
               "set:\n  level: must\n")
    problems = run_lint(tmp_path / "repo", {"jurisdictions/de/overlays/monitoring.yaml": overlay})
    assert found(problems, "C001") == [("C001", "jurisdictions/de/overlays/monitoring.yaml", 5, 10)]


def test_overlay_note_is_checked_at_its_own_line(tmp_path):
    overlay = ("clause: confidentiality\naction: amend\nreason: Local law.\nappend: |\n"
               "  Ask the works council.\n  Use <em>judgement</em> as appropriate.\n")
    problems = run_lint(tmp_path / "repo", {"jurisdictions/eu/overlays/confidentiality.yaml": overlay})
    path = "jurisdictions/eu/overlays/confidentiality.yaml"
    assert found(problems, "X001") == [("X001", path, 6, 7)]
    # the same note reaches de through eu: reported once
    assert found(problems, "C002") == [("C002", path, 6, 26)]


def test_link_to_a_clause_a_jurisdiction_removes_is_reported_at_the_removal(tmp_path):
    files = {
        CLAUSE: clause_yaml("posting", "You must read [monitoring](#monitoring)."),
        "jurisdictions/de/overlays/monitoring.yaml": "clause: monitoring\naction: remove\nreason: Not used here.\n",
    }
    problems = run_lint(tmp_path / "repo", files)
    assert found(problems, "C006") == [("C006", "jurisdictions/de/overlays/monitoring.yaml", 2, 9)]
    assert "posting" in next(p.message for p in problems if p.code == "C006")


def test_replaced_body_is_checked_in_the_overlay(tmp_path):
    overlay = ("clause: confidentiality\naction: replace\nreason: Local law.\nwith:\n  title: Confidentiality\n"
               "  level: must\n  owner: legal\n  body: |\n    Keep secrets etc.\n")
    problems = run_lint(tmp_path / "repo", {"jurisdictions/eu/overlays/confidentiality.yaml": overlay})
    path = "jurisdictions/eu/overlays/confidentiality.yaml"
    assert ("C001", path, 9, 5) in found(problems, "C001")
    assert found(problems, "C002") == [("C002", path, 9, 18)]


def test_plain_scalar_positions_follow_the_word(tmp_path):
    # Bodies written as plain or folded scalars: the word is found in the file.
    text = ("id: posting\ntitle: Posting\nsection: scope\nlevel: should\nowner: legal\n"
            "body: You should post news\n  and updates etc. when ready.\n")
    problems = run_lint(tmp_path / "repo", {CLAUSE: text})
    assert found(problems, "C002") == [("C002", CLAUSE, 7, 15)]
