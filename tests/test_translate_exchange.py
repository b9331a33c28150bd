"""`translate export` -> a translator fills it in -> `translate import`: XLIFF 2.0 and PO, with the right digests."""

from __future__ import annotations

import pytest
from translate.storage.pypo import pofile
from translate.storage.xliff2 import Xliff2File

from clausebook.cli import main
from clausebook.translate.exchange import parse_unit_id, unit_id
from clausebook.translate.status import Assessment
from clausebook.workspace import open_worktree

from .repos import write_repo

DE = "id: de\nname: Germany\nparent: eu\nlocale: de-DE\nregion: Europe\n"
OVERLAY = ("clause: monitoring\naction: amend\nreason: Works council co-determination.\n"
           "append: |\n  Ask the works council\n  first.\n")


def _repo(tmp_path):
    return write_repo(tmp_path / "repo", {"jurisdictions/de/jurisdiction.yaml": DE,
                                          "jurisdictions/de/overlays/monitoring.yaml": OVERLAY})


def _fill(store, prefix: str = "DE: ") -> None:
    for unit in store.units:
        if getattr(unit, "isheader", lambda: False)():
            continue
        unit.target = prefix + str(unit.source)
        unit.markfuzzy(False)


def _statuses(root) -> set[str]:
    return {i.status for h in Assessment(open_worktree(root)).handbooks() for i in h.items}


def test_unit_ids_are_nmtokens_and_round_trip():
    uid = unit_id("policy/social-media/i18n/de/monitoring.yaml", ("examples", "do", 2))
    assert "/" not in uid and " " not in uid
    assert parse_unit_id(uid) == ("policy/social-media/i18n/de/monitoring.yaml", ("examples", "do", 2))
    section = unit_id("policy/social-media/i18n/de/policy.yaml", ("sections", "scope", "intro"))
    assert parse_unit_id(section) == ("policy/social-media/i18n/de/policy.yaml", ("sections", "scope", "intro"))


@pytest.mark.parametrize("name", ["de.xlf", "de.po"])
def test_export_fill_import_round_trips_with_the_right_digests(tmp_path, capsys, name):
    root = _repo(tmp_path)
    out = tmp_path / name
    assert main(["--root", str(root), "translate", "export", "--lang", "de", "--out", str(out)]) == 0
    raw = out.read_bytes()
    store = Xliff2File.parsestring(raw) if name.endswith(".xlf") else pofile.parsestring(raw)
    if name.endswith(".xlf"):
        assert b'version="2.0"' in raw and b'trgLang="de"' in raw
    sources = {str(u.source) for u in store.units}
    assert "Works council co-determination." in sources and "Ask the works council first." in sources
    _fill(store)
    out.write_bytes(bytes(store))
    capsys.readouterr()
    assert main(["--root", str(root), "translate", "import", str(out)]) == 0
    written = capsys.readouterr().out
    assert "wrote jurisdictions/de/i18n/de/monitoring.yaml" in written
    assert "wrote policy/social-media/i18n/de/policy.yaml" in written
    assert _statuses(root) == {"current"}
    german = (root / "jurisdictions/de/i18n/de/monitoring.yaml").read_text(encoding="utf-8")
    assert german.startswith("# yaml-language-server: $schema=../../../../schema/translation.schema.json\n")
    assert "reason: 'DE: Works council co-determination.'" in german
    assert open_worktree(root).problems == []
    # Nothing left: a second export is empty.
    assert main(["--root", str(root), "translate", "export", "--lang", "de", "--out", str(out)]) == 0
    assert "Nothing to translate" in capsys.readouterr().err


def test_import_refuses_units_whose_source_changed_and_writes_nothing(tmp_path, capsys):
    root = _repo(tmp_path)
    out = tmp_path / "de.xlf"
    main(["--root", str(root), "translate", "export", "--lang", "de", "--out", str(out)])
    store = Xliff2File.parsestring(out.read_bytes())
    _fill(store)
    out.write_bytes(bytes(store))
    (root / "jurisdictions/de/overlays/monitoring.yaml").write_text(
        OVERLAY.replace("first.", "before any tool runs."), encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(root), "translate", "import", str(out)]) == 1
    captured = capsys.readouterr()
    assert "refused jurisdictions:de:i18n:de:monitoring.yaml:append: the source changed since the export" \
        in captured.out
    assert "nothing was written" in captured.err
    assert not (root / "policy/social-media/i18n").exists() and not (root / "jurisdictions/de/i18n").exists()


def test_untranslated_or_fuzzy_units_leave_their_file_unwritten(tmp_path, capsys):
    root = _repo(tmp_path)
    out = tmp_path / "de.po"
    main(["--root", str(root), "translate", "export", "--lang", "de", "--out", str(out)])
    store = pofile.parsestring(out.read_bytes())
    _fill(store)
    for unit in store.units:
        if unit.getcontext().startswith("jurisdictions:de:i18n:de:monitoring.yaml:append"):
            unit.markfuzzy(True)
    out.write_bytes(bytes(store))
    capsys.readouterr()
    assert main(["--root", str(root), "translate", "import", str(out)]) == 0
    captured = capsys.readouterr()
    assert "jurisdictions/de/i18n/de/monitoring.yaml not written: 1 string(s)" in captured.err
    assert not (root / "jurisdictions/de/i18n/de/monitoring.yaml").exists()
    assert (root / "policy/social-media/i18n/de/policy.yaml").exists()


def test_exchange_usage_errors(tmp_path, capsys):
    root = _repo(tmp_path)
    assert main(["--root", str(root), "translate", "export", "--lang", "de", "--out", str(tmp_path / "x.txt")]) == 2
    assert main(["--root", str(root), "translate", "export", "--lang", "ja", "--out", str(tmp_path / "x.xlf")]) == 2
    broken = tmp_path / "broken.xlf"
    broken.write_text("<xliff", encoding="utf-8")
    assert main(["--root", str(root), "translate", "import", str(broken)]) == 2
    assert "not a readable XLIFF 2.0 file" in capsys.readouterr().err
