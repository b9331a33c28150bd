"""JSON Schema validation of documents, with errors mapped back to YAML positions.

One validator per document kind is built once (schemas checked once, shared
`$ref` definitions through a `referencing` registry) and reused for every file.
Each document is first put to jsonschema-rs, a compiled draft 2020-12
validator, for a yes/no answer in microseconds; only a document it rejects goes
through jsonschema, whose errors carry what we need to word a message and find
its line. jsonschema is imported only then, or when a repository brings schemas
of its own.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from clausebook.core.loader import Document
from clausebook.core.problems import Location, Problem

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

KINDS = ("owners", "policy", "clause", "jurisdiction", "overlay", "translation")
# Kinds added after repositories began keeping their own schema/ folder: when
# that folder has no file for one, the packaged schema is used.
_OPTIONAL_KINDS = ("translation",)
PACKAGED_SCHEMAS = Path(__file__).resolve().parent.parent / "schema"

_TYPE_NAMES = {
    "string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
    "array": "a list", "object": "a mapping of keys to values", "null": "empty",
}


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "null"


def schema_dir(root: Path | None) -> Path:
    """The repository's own schema/ folder when it has one, else the packaged copy."""
    if root is not None and (root / "schema").is_dir():
        return root / "schema"
    return PACKAGED_SCHEMAS


def _names(file: Path, schema: dict) -> list[str]:
    """Where a schema is found by a `$ref`: its file name, which the shipped schemas' relative refs use
    (they carry no `$id`, so that plain JSON Schema tools resolve the refs from the file's own folder,
    offline), and its `$id` when a repository's own schema has one."""
    names = [file.name]
    if isinstance(schema.get("$id"), str):
        names.append(schema["$id"])
    return names


def _schema_files(directory: Path) -> list[Path]:
    """The folder's schema files, plus the packaged ones of optional kinds it lacks."""
    files = sorted(directory.glob("*.schema.json"))
    names = {f.name for f in files}
    files += [PACKAGED_SCHEMAS / f"{kind}.schema.json" for kind in _OPTIONAL_KINDS
              if f"{kind}.schema.json" not in names]
    return files


@lru_cache(maxsize=8)
def validators(directory: Path) -> dict[str, Draft202012Validator]:
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    resources = []
    contents: dict[str, dict] = {}
    for file in _schema_files(directory):
        schema = json.loads(file.read_text(encoding="utf-8"))
        Draft202012Validator.check_schema(schema)
        contents[file.name.removesuffix(".schema.json")] = schema
        resources += [(uri, Resource.from_contents(schema)) for uri in _names(file, schema)]
    registry = Registry().with_resources(resources)
    missing = [kind for kind in KINDS if kind not in contents]
    if missing:
        raise FileNotFoundError(f"{directory}: no schema for {', '.join(missing)}")
    return {
        kind: Draft202012Validator(contents[kind], registry=registry,
                                   format_checker=Draft202012Validator.FORMAT_CHECKER)
        for kind in KINDS
    }


def _is_packaged_copy(directory: Path) -> bool:
    """The packaged schemas, or a byte-identical copy: known to pass `check_schema`."""
    if directory == PACKAGED_SCHEMAS:
        return True
    names = sorted(p.name for p in directory.glob("*.schema.json"))
    if names != sorted(p.name for p in PACKAGED_SCHEMAS.glob("*.schema.json")):
        return False
    return all((directory / n).read_bytes() == (PACKAGED_SCHEMAS / n).read_bytes() for n in names)


def _python_regex(value: str) -> bool:
    """The `regex` format as jsonschema's format checker judges it: whatever Python's `re` compiles.

    Jurisdiction rules carry Python regular expressions; jsonschema-rs would
    judge them as ECMA-262 ones, so it is given this check instead, and the
    quick check of a jurisdiction file agrees with jsonschema's.
    """
    try:
        re.compile(value)
    except (re.error, OverflowError, RecursionError):
        return False
    return True


@lru_cache(maxsize=8)
def quick_checks(directory: Path) -> dict[str, Callable[[Any], bool]]:
    """kind -> a compiled yes/no check that agrees with the full validator on valid documents."""
    import jsonschema_rs

    if not _is_packaged_copy(directory):
        validators(directory)  # a repository's own schemas: fail on a broken one exactly as before
    documents: dict[str, Any] = {}
    roots: dict[str, Any] = {}
    for file in _schema_files(directory):
        schema = json.loads(file.read_text(encoding="utf-8"))
        roots[file.name.removesuffix(".schema.json")] = schema
        documents.update(dict.fromkeys(_names(file, schema), schema))

    def retrieve(uri: str) -> Any:
        # Every $ref stays inside the schema folder: never fetch anything. A
        # relative ref in a schema without `$id` comes with a default base.
        return documents[uri] if uri in documents else documents[uri.rsplit("/", 1)[-1]]

    return {
        kind: jsonschema_rs.validator_for(roots[kind], retriever=retrieve, validate_formats=True,
                                          formats={"regex": _python_regex}).is_valid
        for kind in KINDS
    }


def _name(path: Iterable[Any]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "document"


def _leaves(error: ValidationError) -> Iterable[ValidationError]:
    """anyOf/oneOf errors carry their alternatives; report the most relevant one."""
    from jsonschema.exceptions import best_match

    if error.context and error.validator not in ("oneOf", "anyOf"):
        yield error
    elif error.context:
        best = best_match(error.context)
        # When every alternative fails on the same object for "required",
        # the combined message reads better than any single alternative.
        if best.validator == "required" and list(best.absolute_path) == list(error.absolute_path):
            yield error
        else:
            yield from _leaves(best)
    else:
        yield error


ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"


def _id_like(value: object) -> str | None:
    """The id an editor most likely meant: 'Monitoring_Tools ' -> 'monitoring-tools'."""
    words = re.findall(r"[a-z0-9]+", str(value).lower())
    return "-".join(words) or None


def _message(error: ValidationError, doc: Document) -> tuple[tuple, bool, str]:
    """(path to point at, point at the key?, plain message)."""
    path = tuple(error.absolute_path)
    field = _name(path)
    value = error.instance
    schema = error.schema if isinstance(error.schema, dict) else {}
    kind = error.validator
    if kind == "additionalProperties" and isinstance(value, dict):
        allowed = list(schema.get("properties", {}))
        extras = [k for k in value if k not in schema.get("properties", {})]
        key = extras[0] if extras else ""
        hint = difflib.get_close_matches(key, allowed, n=1)
        message = f"unknown key '{key}'"
        if hint:
            message += f"; did you mean '{hint[0]}'?"
        elif allowed:
            message += f"; allowed here: {', '.join(allowed)}"
        return path + (key,), True, message
    if kind is None:  # a `false` subschema: this key may not appear here
        # jsonschema leaves the key itself out of the path; find it by identity.
        parent = doc.get(path)
        if isinstance(parent, dict):
            key = next((k for k, v in parent.items() if v is value), None)
            if key is not None:
                return path + (key,), True, f"'{_name(path + (key,))}' is not allowed here" + _action_suffix(doc)
        return path, True, f"'{field}' is not allowed here" + _action_suffix(doc)
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else str(error.validator_value)
        where = "" if not path else f" in '{field}'"
        return path, bool(path), f"missing required key '{missing}'{where}" + _action_suffix(doc)
    if kind == "enum":
        enum_values = cast(list[object], error.validator_value)
        options = ", ".join(str(o) for o in enum_values)
        return path, False, f"'{field}' must be one of {options} (found '{value}')"
    if kind == "const":
        return path, False, f"'{field}' must be {error.validator_value!r}"
    if kind == "type":
        expected = error.validator_value
        expected = expected if isinstance(expected, list) else [expected]
        names = " or ".join(_TYPE_NAMES.get(t) or str(t) for t in expected)
        return path, False, f"'{field}' must be {names}, not {_TYPE_NAMES[_type_of(value)]}"
    if kind in ("minLength", "pattern") and isinstance(value, str) and not value.strip():
        return path, False, f"'{field}' must not be empty"
    if kind == "pattern":
        described = schema.get("description")
        if described:
            meaning = described[0].lower() + described[1:].rstrip(".")
            suggestion = _id_like(value) if error.validator_value == ID_PATTERN else None
            like = f", such as '{suggestion}'" if suggestion and suggestion != value else ""
            return path, False, f"'{field}' must be {meaning}{like} (found '{value}')"
        return path, False, f"'{field}' does not match {error.validator_value} (found '{value}')"
    if kind == "format":
        if error.validator_value == "date":
            return path, False, f"'{field}' must be a real calendar date, YYYY-MM-DD (found '{value}')"
        if error.validator_value == "regex":
            return path, False, f"'{field}' is not a valid regular expression: {value}"
    if kind == "uniqueItems":
        return path, False, f"'{field}' lists the same item twice"
    if kind in ("minItems", "minProperties"):
        return path, False, f"'{field}' must not be empty"
    if kind in ("minimum", "maximum"):
        bound = "at least" if kind == "minimum" else "at most"
        return path, False, f"'{field}' must be {bound} {error.validator_value} (found {value})"
    if kind == "maxLength":
        return path, False, f"'{field}' is longer than {error.validator_value} characters"
    if kind == "oneOf" and path and "rules" in path:
        return path, False, "a rule needs either 'forbid', or 'require' together with 'tags'"
    if kind == "anyOf" and doc.get(("action",)) == "amend":
        return path, True, "an amend overlay needs at least one of set, append, prepend, examples"
    if kind == "propertyNames":
        return path, True, f"'{field}' has a key that is not a valid id"
    return path, False, f"'{field}': {error.message}"


def _action_suffix(doc: Document) -> str:
    action = doc.get(("action",))
    return f" (action '{action}')" if isinstance(action, str) else ""


def validate(doc: Document, kind: str, directory: Path) -> list[Problem]:
    quick = quick_checks(directory).get(kind)
    if quick is not None and quick(doc.data):
        return []  # jsonschema would find nothing either
    validator = validators(directory)[kind]
    problems = []
    for top in validator.iter_errors(doc.data):
        for error in _leaves(top):
            path, at_key, message = _message(error, doc)
            # A missing top-level key is a whole-file problem: 1:1.
            location = doc.loc(path, key=at_key) if path else Location(doc.path, 1, 1)
            problems.append(Problem.at(location, "error", "S001", message))
    return problems
