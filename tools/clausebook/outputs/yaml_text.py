"""The one writer of YAML: data as an editor would write it, and MkDocs configuration read and written back.

Every YAML clausebook writes comes from here (the one YAML *parser* of
repository documents is `core/loader.py`). `dump_data` writes text of several
lines as a literal block (`|`) and one-line text unquoted where YAML allows,
never folded, keys in the order given. The MkDocs configuration is read and
written back with the tags clausebook does not interpret (`!ENV`,
`!!python/name:`) kept as they were, so `clausebook render` can copy a
project's `mkdocs.yml` into the folder it writes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from clausebook.core.errors import UsageError


class _DataDumper(yaml.SafeDumper):
    pass


class _FileDumper(yaml.SafeDumper):
    pass


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # A literal block keeps the text exactly; PyYAML quotes it instead when it cannot (trailing spaces).
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def _file_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # In a file an editor keeps, a block of several lines ends with a newline (`|`, not `|-`);
    # the loader normalises text, so the content is the same.
    if "\n" in value.strip("\n"):
        return _text(dumper, value if value.endswith("\n") else value + "\n")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_DataDumper.add_representer(str, _text)
_FileDumper.add_representer(str, _file_text)


def dump_data(data: Any) -> str:
    """Data as YAML an editor would write, every string exactly as given (what `resolve` prints)."""
    return yaml.dump(data, Dumper=_DataDumper, sort_keys=False, allow_unicode=True, width=1_000_000)


def dump_document(data: Any) -> str:
    """Data as the body of a repository document an editor will keep editing (a translation file)."""
    return yaml.dump(data, Dumper=_FileDumper, sort_keys=False, allow_unicode=True, width=1000)


class _Tagged:
    """A value with a YAML tag we do not interpret (`!ENV`, `!!python/name:`), written back as it was."""

    def __init__(self, tag: str, value: Any) -> None:
        self.tag, self.value = tag, value


class _ConfigLoader(yaml.SafeLoader):
    pass


class _ConfigDumper(yaml.SafeDumper):
    pass


def _construct_tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.ScalarNode):
        value: Any = loader.construct_scalar(node)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_mapping(node, deep=True)  # type: ignore[arg-type]
    return _Tagged(node.tag, value)


def _represent_tagged(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    if isinstance(data.value, list):
        return dumper.represent_sequence(data.tag, data.value)
    if isinstance(data.value, dict):
        return dumper.represent_mapping(data.tag, data.value)
    return dumper.represent_scalar(data.tag, str(data.value))


_ConfigLoader.add_multi_constructor("!", _construct_tagged)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _construct_tagged)
_ConfigDumper.add_representer(_Tagged, _represent_tagged)


def read_mkdocs_config(path: Path) -> dict[str, Any]:
    """A MkDocs configuration file as data, its uninterpreted tags kept; UsageError when it cannot be read."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 (safe subclass)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path.name}: cannot read it: {exc}") from None
    if not isinstance(data, dict):
        raise UsageError(f"{path.name}: expected a mapping of settings")
    return data


def dump_mkdocs_config(config: dict[str, Any]) -> str:
    """A MkDocs configuration as YAML, with the tags `read_mkdocs_config` kept."""
    return yaml.dump(config, Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True, width=100)
