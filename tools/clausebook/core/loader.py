"""YAML documents that remember where every key and value came from.

PyYAML's C parser composes the node graph (marks included); we build the
plain data ourselves from it, which is where duplicate keys, alias expansion,
dates and positions are handled. The result is a `Document`: plain data for
the schema and the rest of the core, plus a position for every path in it.
"""

from __future__ import annotations

import bisect
import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

import yaml

from clausebook.core.loader_errors import yaml_error_problem
from clausebook.core.problems import Location, Problem

if TYPE_CHECKING:
    from clausebook.core.resolve import ResolvedClause

try:  # libyaml: about 13x faster than the pure-Python parser
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 1024 * 1024
# Aliases are shared references: cheap to load, but every walk expands them
# (a 306-byte "billion laughs" file becomes tens of millions of nodes). A real
# clause has well under a thousand nodes.
MAX_EXPANDED_NODES = 20_000

PathKey = tuple  # a path into the data: ("examples", "do", 2)

_TOKEN = re.compile(r"\S+")
_STR = "tag:yaml.org,2002:str"
_MERGE = "tag:yaml.org,2002:merge"
_COLLECTION_TAGS = frozenset({"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"})
_SCALAR_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_ScalarNode = yaml.ScalarNode
_PLAIN_TAGS: dict[str, str] = {}  # plain scalar text -> its resolved tag, shared by every file


def _shown_tag(tag: str) -> str:
    """A tag as it is written in the file: `!!set`, not `tag:yaml.org,2002:set`."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:yaml.org,2002:") else tag


class _ComposeLoader(_Loader):
    """The libyaml loader, remembering how plain scalars resolve.

    Resolving a plain scalar's tag (is `12` an int, `no` a bool?) runs a few
    regular expressions in Python for every key and value; the answer depends
    only on the text, and keys and short values repeat across files.
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> Any:
        if self.yaml_path_resolvers:
            return super().resolve(kind, value, implicit)
        # Without path resolvers, only plain scalars can resolve to anything but the default tags.
        if kind is not _ScalarNode:
            return self.DEFAULT_MAPPING_TAG if kind is yaml.MappingNode else self.DEFAULT_SEQUENCE_TAG
        if not implicit[0]:
            return self.DEFAULT_SCALAR_TAG
        tag = _PLAIN_TAGS.get(value)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(value) <= 64 and len(_PLAIN_TAGS) < 100_000:
                _PLAIN_TAGS[value] = tag
        return tag


class LoadError(Exception):
    """A file that cannot become a document; carries the one problem to report."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class Document:
    """One parsed YAML file.

    `marks` maps each path to ((key line, key column), (value line, value
    column), scalar style); the root path () maps to the document's start.
    Lines and columns are 1-based.
    """

    path: str
    data: dict
    text: str
    marks: dict[PathKey, tuple[tuple[int, int], tuple[int, int], str | None]] = field(repr=False)
    # What resolution derives from this document alone. Loads of two
    # revisions share an unchanged document, so they share these results
    # too, and the diff sees at once that nothing changed (core/resolve.py).
    resolved_base: ResolvedClause | None = field(default=None, init=False, repr=False, compare=False)
    applied_to: dict[int, tuple[ResolvedClause, ResolvedClause]] = field(
        default_factory=dict, init=False, repr=False, compare=False)

    def _nearest(self, path: PathKey) -> PathKey:
        while path and path not in self.marks:
            path = path[:-1]
        return path

    def loc(self, path: PathKey = (), key: bool = False) -> Location:
        """Where the value (or, with key=True, the key) at `path` is written."""
        found = self._nearest(tuple(path))
        if not found:
            return Location(self.path, 1, 1)
        key_mark, value_mark, _ = self.marks[found]
        line, column = key_mark if key else value_mark
        return Location(self.path, line, column)

    def text_loc(self, path: PathKey, offset: int) -> Location:
        """Where character `offset` of the string at `path` is written.

        Literal blocks (`|`, how clause bodies are written) map exactly. Other
        styles (plain, quoted, folded) join or re-wrap lines, and whitespace
        is all that changes: so the n-th occurrence of the word at `offset`
        in the value is its n-th occurrence in the file after the value's start.
        """
        path = tuple(path)
        entry = self.marks.get(path)
        value = self.get(path)
        if entry is None or not isinstance(value, str):
            return self.loc(path)
        _, (line, column), style = entry
        if style == "|":
            return self._literal_loc(value, line, column, offset)
        if offset <= 0:
            if style == ">":
                return self._block_first(line, column)
            return Location(self.path, line, column + 1 if style in ("'", '"') else column)
        token = _TOKEN.match(value, offset)
        if token is None:
            return Location(self.path, line, column)
        word = token.group()
        occurrence = value.count(word, 0, offset)
        starts = self.line_starts
        position = starts[line - 1] + column - 1 if line - 1 < len(starts) else len(self.text)
        for _ in range(occurrence + 1):
            position = self.text.find(word, position)
            if position < 0:
                return Location(self.path, line, column)
            position += len(word)
        position -= len(word)
        found_line = bisect.bisect_right(starts, position)
        return Location(self.path, found_line, position - starts[found_line - 1] + 1)

    def _literal_loc(self, value: str, line: int, column: int, offset: int) -> Location:
        first = self._block_first(line, column)
        if first.line == line:
            return first
        # The value keeps a block's leading empty lines, so count from the line after the indicator.
        before = value[:offset]
        line_in_block = before.count("\n")
        col_in_line = offset - (before.rfind("\n") + 1)
        return Location(self.path, line + 1 + line_in_block, first.column + col_in_line)

    def _block_first(self, line: int, column: int) -> Location:
        """The first character of a block scalar's content (the line after its indicator)."""
        lines = self.text.splitlines()
        index = line  # 0-based index of the line after the indicator
        while index < len(lines) and not lines[index].strip():
            index += 1
        if index >= len(lines):
            return Location(self.path, line, column)
        text = lines[index]
        return Location(self.path, index + 1, len(text) - len(text.lstrip(" ")) + 1)

    @cached_property
    def line_starts(self) -> list[int]:
        """The offset in `text` at which each line starts."""
        return [0, *(m.end() for m in re.finditer("\n", self.text))]

    def get(self, path: PathKey, default: Any = None) -> Any:
        node: Any = self.data
        for part in path:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                return default
        return node


def _decode(path: str, raw: bytes) -> str:
    if b"\0" in raw[:8192]:
        raise LoadError(Problem(path, 1, 1, "error", "S003", "binary file: expected UTF-8 YAML text"))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise LoadError(
            Problem(path, line, column, "error", "S003",
                    f"not UTF-8 text: byte 0x{raw[exc.start]:02x} cannot be decoded; save the file as UTF-8")
        ) from None


class _Builder:
    """Turns a composed node graph into plain data, recording positions."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.marks: dict[PathKey, tuple[tuple[int, int], tuple[int, int], str | None]] = {}
        self.problems: list[Problem] = []
        self.expanded = 0
        self._active: set[int] = set()

    def _problem(self, node: yaml.Node, code: str, message: str) -> None:
        self.problems.append(Problem(self.path, node.start_mark.line + 1, node.start_mark.column + 1,
                                     "error", code, message))

    def build(self, node: yaml.Node, path: PathKey, key_mark: tuple[int, int]) -> Any:
        self.expanded += 1
        if self.expanded > MAX_EXPANDED_NODES:
            # Point at the top-level key whose value blew up: that is what to fix.
            line, column = self.marks[path[:1]][0] if path[:1] in self.marks else (1, 1)
            raise LoadError(Problem(self.path, line, column, "error", "S005",
                                    f"aliases expand to more than {MAX_EXPANDED_NODES} values; "
                                    "write the content out instead of repeating anchors"))
        start = node.start_mark
        value_mark = (start.line + 1, start.column + 1)
        if isinstance(node, _ScalarNode):
            # Most nodes: a scalar cannot contain itself, so no alias-cycle check.
            self.marks[path] = (key_mark, value_mark, node.style)
            return node.value if node.tag == _STR else self._scalar(node)
        if id(node) in self._active:
            raise LoadError(Problem(self.path, *value_mark, "error", "S005", "an alias refers to itself"))
        self.marks[path] = (key_mark, value_mark, None)
        if node.tag not in _COLLECTION_TAGS:
            # `!!set {a, b}`, `!!python/object/apply:...`, `!include x`: refused like a tag on a
            # scalar, never read as if it were not there.
            self._problem(node, "S002", f"unsupported YAML tag {_shown_tag(node.tag)} on a "
                                        f"{'list' if isinstance(node, yaml.SequenceNode) else 'mapping'}; "
                                        "remove the tag")
        self._active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.build(item, path + (i,), (item.start_mark.line + 1, item.start_mark.column + 1))
                        for i, item in enumerate(node.value)]
            assert isinstance(node, yaml.MappingNode)
            return self._mapping(node, path)
        finally:
            self._active.discard(id(node))

    def _mapping(self, node: yaml.MappingNode, path: PathKey) -> dict:
        result: dict[str, Any] = {}
        first_seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key_mark = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if key_node.tag == _MERGE:
                self._problem(key_node, "S002", "merge keys ('<<') are not supported; write the keys out")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self._problem(key_node, "S002", "a key must be plain text, not a list or mapping")
                continue
            # The key as written: YAML 1.1 would turn `no:` or `on:` into booleans.
            key = key_node.value
            if key in first_seen:
                earlier = first_seen[key].start_mark.line + 1
                self._problem(key_node, "S006",
                              f"duplicate key '{key}' (first on line {earlier}); YAML would keep only the last one")
                continue
            first_seen[key] = key_node
            result[key] = self.build(value_node, path + (key,), key_mark)
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == _STR:
            return node.value
        constructor = _SCALAR_CONSTRUCTOR.yaml_constructors.get(node.tag)
        if constructor is None:
            self._problem(node, "S002", f"unsupported YAML tag {_shown_tag(node.tag)}")
            return node.value
        try:
            value = constructor(_SCALAR_CONSTRUCTOR, node)
        except (yaml.YAMLError, ValueError, TypeError, AttributeError, OverflowError) as exc:
            self._problem(node, "S002", f"invalid {node.tag.rsplit(':', 1)[-1]} value: {exc}")
            return node.value
        # Unquoted dates become date objects; the schema speaks JSON, so give
        # them back as the YYYY-MM-DD text that was written.
        if isinstance(value, _dt.datetime):
            return value.isoformat()
        if isinstance(value, _dt.date):
            return value.isoformat()
        if isinstance(value, (bytes, set)):
            self._problem(node, "S002", f"unsupported YAML tag {_shown_tag(node.tag)}")
            return node.value
        return value


def parse(path: str, raw: bytes) -> tuple[Document | None, list[Problem]]:
    """Parse one file's bytes into a Document; every problem has a position."""
    if len(raw) > MAX_FILE_BYTES:
        return None, [Problem(path, 1, 1, "error", "S004",
                              f"file is {len(raw) // 1024} KiB; the limit is {MAX_FILE_BYTES // 1024} KiB")]
    try:
        text = _decode(path, raw)
        try:
            root = yaml.compose(text, Loader=_ComposeLoader)
        except yaml.YAMLError as exc:
            return None, [yaml_error_problem(path, exc, text)]
        if root is None:
            return None, [Problem(path, 1, 1, "error", "S008", "file is empty: expected a mapping of keys to values")]
        if not isinstance(root, yaml.MappingNode):
            kind = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
            return None, [Problem(path, root.start_mark.line + 1, root.start_mark.column + 1, "error", "S008",
                                  f"expected a mapping of keys to values, found {kind}")]
        builder = _Builder(path)
        data = builder.build(root, (), (root.start_mark.line + 1, root.start_mark.column + 1))
    except LoadError as exc:
        return None, [exc.problem]
    except RecursionError:
        return None, [Problem(path, 1, 1, "error", "S005", "the document nests too deeply")]
    return Document(path, data, text, builder.marks), builder.problems
