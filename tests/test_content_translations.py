"""The shipped handbooks in their employees' languages: complete, current, and in the binding language where the law says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from clausebook.workspace import open_worktree

ROOT = Path(__file__).resolve().parent.parent


def test_every_translated_handbook_is_complete_and_current(run):
    result = run("--root", ROOT, "translate", "status", "--format", "json")
    assert result.code == 0, result.err
    assert json.loads(result.out) == []  # nothing stale, nothing missing, in any handbook
    text = run("--root", ROOT, "translate", "status").out
    for line in ("de (Germany, de-DE):", "fr (France, fr-FR):", "ca-qc (Quebec, fr-CA):"):
        assert line in text
    assert "0 stale-editorial, 0 stale-material, 0 missing" in text


@pytest.mark.parametrize("jurisdiction", ["fr", "ca-qc"])
def test_france_and_quebec_require_their_translation(jurisdiction):
    """L1321-6 Code du travail; Charter of the French Language s. 41: rules in another language are unenforceable."""
    data = open_worktree(ROOT).repo.jurisdictions[jurisdiction].data
    assert data["requires_translation"] is True
    assert data["locale"].startswith("fr")


def test_the_quebec_text_uses_quebec_legal_terms():
    quebec = ROOT / "policy/social-media/i18n/fr-CA"
    personal_data = (quebec / "personal-data.yaml").read_text(encoding="utf-8")
    assert "renseignements personnels" in personal_data and "données personnelles" not in personal_data
    overlay = (ROOT / "jurisdictions/ca-qc/i18n/fr/monitoring.yaml").read_text(encoding="utf-8")
    assert "évaluation des facteurs relatifs à la vie privée" in overlay


def test_the_german_text_names_the_works_council_and_its_agreement():
    german = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "jurisdictions/de/i18n/de").glob("*.yaml"))
    assert "Betriebsrat" in german and "Betriebsvereinbarung" in german
