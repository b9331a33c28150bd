"""The JSON Schemas themselves, and the editor hints in every shipped YAML file."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from clausebook.core.assemble import classify
from clausebook.core.schemas import KINDS, PACKAGED_SCHEMAS

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = {"owners": "owners", "policy": "policy", "clause": "clause", "jurisdiction": "jurisdiction",
               "overlay": "overlay", "translation": "translation"}


def _objects(node):
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" in node:
            yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects(value)


@pytest.mark.parametrize("name", [*KINDS, "common"])
def test_schema_is_valid_2020_12_and_resolves_from_its_own_folder(name):
    schema = json.loads((ROOT / "schema" / f"{name}.schema.json").read_text())
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    # No `$id`: an https one makes plain tools (check-jsonschema) fetch the relative refs from it.
    assert "$id" not in schema


@pytest.mark.parametrize("name", [*KINDS, "common"])
def test_every_object_forbids_unknown_keys(name):
    schema = json.loads((ROOT / "schema" / f"{name}.schema.json").read_text())
    for obj in _objects(schema):
        assert obj.get("additionalProperties") is False, obj.get("properties", {}).keys()


@pytest.mark.slow
def test_the_built_package_ships_the_repository_schemas(tmp_path):
    """An installed clausebook (no repository schema/ folder) validates with these very schemas."""
    shipped = sorted(f.name for f in (ROOT / "schema").glob("*.json"))
    assert shipped == sorted(f"{kind}.schema.json" for kind in [*KINDS, "common"])
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
                    "--wheel-dir", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("clausebook-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        for name in shipped:
            packaged = archive.read(f"clausebook/schema/{name}").decode("utf-8")
            assert packaged == (ROOT / "schema" / name).read_text(encoding="utf-8"), name
    assert PACKAGED_SCHEMAS.name == "schema" and (PACKAGED_SCHEMAS / shipped[0]).is_file()


def _yaml_files():
    for folder in ("policy", "jurisdictions"):
        yield from sorted((ROOT / folder).rglob("*.yaml"))


def test_every_yaml_file_names_its_schema_for_editors():
    files = list(_yaml_files())
    assert files
    for file in files:
        rel = file.relative_to(ROOT).as_posix()
        kind = classify(rel)
        assert kind is not None, rel
        first = file.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), rel
        target = (file.parent / first.split("$schema=", 1)[1].strip()).resolve()
        assert target == (ROOT / "schema" / f"{SCHEMA_FILE[kind[0]]}.schema.json").resolve(), rel


def test_a_bad_id_is_explained_in_words_with_the_id_it_likely_meant(run, repo_dir):
    from .repos import clause, write_repo

    write_repo(repo_dir, {"policy/social-media/confidentiality.yaml": clause("Client_Data")})
    out = run("--root", repo_dir, "validate").out
    assert ("'id' must be lower-case words joined by single hyphens, such as 'client-data' "
            "(found 'Client_Data')") in out
