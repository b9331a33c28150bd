"""Exchange with a translation system: XLIFF 2.0 or PO out, translation files back in.

Both formats go through translate-toolkit (`translate.storage.xliff2`,
`translate.storage.pypo`), the library behind Pootle and Weblate: it reads
and writes every XLIFF 2.0 and PO detail (namespaces, `xml:space`, escapes,
plural-free msgctxt) that a hand-written serializer would get subtly wrong.

**Export** (`export_units`): every document of the handbooks in `--lang`
whose translation is not current, one unit per string of its source text.
Texts go out normalised as the diff normalises them (a paragraph is one
line). A unit's id names the translation file and the string in it,
`policy:social-media:i18n:de:monitoring.yaml:examples.do.0` (XLIFF unit ids
are NMTOKENs: no slashes). A stale translation's text is put in as the
target, marked for review (XLIFF `state="initial"`, PO `#, fuzzy`), so the
translator edits rather than starts over.

**Import** (`import_units`): each unit's `<source>` is compared with today's
source text (normalised as the diff does): a unit whose source changed since
the export, or that the source no longer has, is refused and named; then
nothing is written at all. A document is written only when every string of
its source is translated (not empty, not fuzzy); others are reported as
incomplete and left alone. The written file carries today's digest, which
is the exported one, since every string matched.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clausebook.core.assemble import classify
from clausebook.core.errors import UsageError
from clausebook.core.identity import canonical
from clausebook.core.loader import PathKey
from clausebook.core.translation import SourceDoc, Sources, lookup, units
from clausebook.translate.files import render, write_all
from clausebook.translate.status import CURRENT, Assessment

FORMATS = {".xlf": "xliff", ".xliff": "xliff", ".po": "po", ".pot": "po"}


def format_of(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UsageError(f"cannot tell the exchange format of '{path}': name it .xlf or .xliff (XLIFF 2.0) or .po")
    return FORMATS[suffix]


def unit_id(path: str, at: PathKey) -> str:
    return path.replace("/", ":") + ":" + ".".join(str(p) for p in at)


def parse_unit_id(text: str) -> tuple[str, PathKey] | None:
    head, sep, tail = text.partition(".yaml:")
    if not sep or not tail:
        return None
    parts: list[Any] = tail.split(".")
    at: list[Any] = []
    for index, part in enumerate(parts):
        after_list = index > 0 and parts[index - 1] in ("do", "dont")
        at.append(int(part) if after_list and part.isdigit() else part)
    return (head + ".yaml").replace(":", "/"), tuple(at)


@dataclass(frozen=True)
class Unit:
    id: str
    source: str
    target: str
    done: bool  # translated, not empty and not marked for review


def export_units(assessment: Assessment, lang: str) -> list[Unit]:
    """What needs translating for the handbooks in `lang`, one unit per string, in handbook order."""
    handbooks = assessment.handbooks(lang=lang)
    if not handbooks:
        known = sorted({h.lang for h in assessment.handbooks()})
        raise UsageError(f"no handbook is in '{lang}'; translated handbooks: {', '.join(known) or 'none'}")
    found: dict[str, Unit] = {}
    for handbook in handbooks:
        for item in handbook.items:
            if item.status == CURRENT:
                continue
            translation = item.translation
            path = translation.path if translation is not None else item.source.translation_path(lang)
            for at, text in units(item.source.text()):
                uid = unit_id(path, at)
                old = lookup(translation.data, at) if translation is not None else None
                old = canonical(old) if isinstance(old, str) else ""
                found.setdefault(uid, Unit(uid, canonical(text), old, False))
    return list(found.values())


def write_exchange(units_: list[Unit], out: Path, source_lang: str, target_lang: str) -> None:
    if format_of(out) == "xliff":
        from translate.storage.xliff2 import Xliff2File

        store: Any = Xliff2File(sourcelanguage=source_lang, targetlanguage=target_lang)
    else:
        from translate.storage.pypo import pofile

        store = pofile()
        store.updateheader(add=True, Language=target_lang, X_Source_Language=source_lang)
    for unit in units_:
        added = store.addsourceunit(unit.source)
        if format_of(out) == "xliff":
            added.setid(unit.id)
        else:
            added.setcontext(unit.id)
            added.addnote(unit.id.partition(".yaml:")[0].replace(":", "/") + ".yaml", origin="developer")
        if unit.target:
            added.target = unit.target
            added.markfuzzy(True)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(bytes(store))


def read_exchange(path: Path) -> list[Unit]:
    """The units of an exchange file; UsageError when it cannot be read as its extension says."""
    kind = format_of(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read '{path}': {exc.strerror or exc}") from None
    try:
        if kind == "xliff":
            from translate.storage.xliff2 import Xliff2File

            store: Any = Xliff2File.parsestring(raw)
        else:
            from translate.storage.pypo import pofile

            store = pofile.parsestring(raw)
    except Exception as exc:  # the toolkit raises lxml, ValueError and its own parse errors
        raise UsageError(f"'{path}' is not a readable {'XLIFF 2.0' if kind == 'xliff' else 'PO'} file: "
                         f"{exc}") from None
    found = []
    for unit in store.units:
        if kind == "po" and unit.isheader():
            continue
        uid = unit.getid() if kind == "xliff" else unit.getcontext()
        target = str(unit.target or "")
        done = bool(target.strip()) and not unit.isfuzzy() and bool(unit.istranslated())
        found.append(Unit(str(uid or ""), str(unit.source or ""), target, done))
    return found


@dataclass
class ImportResult:
    written: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (unit id, why)
    incomplete: list[tuple[str, int]] = field(default_factory=list)  # (translation path, strings left)


def _source_for(sources: Sources, path: str) -> SourceDoc | None:
    kind = classify(path)
    if kind is None or kind[0] != "translation":
        return None
    return sources.source_for(kind[1], kind[2], kind[4])


def import_units(assessment: Assessment, units_: list[Unit], root: Path) -> ImportResult:
    """Check every unit against today's source; write the complete documents, or nothing when any is refused."""
    result = ImportResult()
    by_file: dict[str, dict[PathKey, Unit]] = {}
    for unit in units_:
        parsed = parse_unit_id(unit.id)
        if parsed is None:
            result.refused.append((unit.id, "not a clausebook unit id (…/<file>.yaml:<field>)"))
            continue
        by_file.setdefault(parsed[0], {})[parsed[1]] = unit
    files: dict[str, str] = {}
    for path, given in by_file.items():
        source = _source_for(assessment.sources, path)
        if source is None:
            result.refused += [(u.id, f"{path} translates nothing in this repository") for u in given.values()]
            continue
        text = source.text()
        for at, unit in given.items():
            now = lookup(text, at)
            if not isinstance(now, str):
                result.refused.append((unit.id, f"{source.path} no longer has this text"))
            elif canonical(now) != canonical(unit.source):
                result.refused.append((unit.id, f"the source changed since the export ({source.path})"))
        left = sum(1 for at, _ in units(text) if at not in given or not given[at].done)
        if left:
            result.incomplete.append((path, left))
            continue
        data = _fill(text, {at: u.target for at, u in given.items()})
        data["source"] = source.digest()
        files[path] = render(path, data)
    if not result.refused and files:
        try:
            write_all(root, files)
        except OSError as exc:
            raise UsageError(f"cannot write the translation files: {exc.strerror or exc}; nothing was written") \
                from None
        result.written = sorted(files)
    return result


def _fill(text: Any, targets: dict[PathKey, str], at: PathKey = ()) -> Any:
    """`text` with every string replaced by its target (sections addressed by id, as `units` does)."""
    if isinstance(text, str):
        return targets[at]
    if isinstance(text, list):
        if at == ("sections",):
            return [{"id": s["id"], **{k: targets[("sections", s["id"], k)] for k in ("title", "intro") if k in s}}
                    for s in text]
        return [_fill(item, targets, at + (i,)) for i, item in enumerate(text)]
    if isinstance(text, dict):
        return {k: _fill(v, targets, at + (k,)) for k, v in text.items()}
    return text


def iter_refusals(result: ImportResult) -> Iterator[str]:
    for uid, why in result.refused:
        yield f"refused {uid}: {why}"
