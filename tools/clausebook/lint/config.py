"""Lint configuration: `[tool.clausebook.lint]` in the repository's pyproject.toml.

```toml
[tool.clausebook.lint]
select = ["C", "L", "X"]          # codes or prefixes to run (default: every rule)
ignore = ["C004", "L/us/dtsa-notice"]
max-sentence-words = 35
min-reading-ease = 30
readability-min-words = 30
duplicate-threshold = 0.9

[tool.clausebook.lint.severity]
C003 = "info"
"L/us" = "warning"
```

A selector is a whole code (`C003`, `L/us/no-media-ban`), a family (`C`,
`L`), a code prefix (`C00`) or a jurisdiction's legal rules (`L/us`). The
most specific selector wins, so `select = ["C"]` with `ignore = ["C004"]`
runs every C rule but C004. Structure problems (S) always come from
`validate` and are not configured here.

Thresholds are declared by the rule that reads them, as yamllint's
`CONF`/`DEFAULT`: a rule module's `OPTIONS` is a tuple of `Option` (name,
default, bounds, help). This module checks every key once, against the union
of those declarations, fills in the defaults, and names the file and the key
of a bad one (with a "did you mean" for a misspelt key). A rule reads its
value with `ctx.option("max-sentence-words")`.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from clausebook.core.errors import UsageError
from clausebook.core.problems import SEVERITIES

CONFIG_FILE = "pyproject.toml"
SECTION = "tool.clausebook.lint"
FAMILIES = ("S", "C", "L", "R", "T", "X")

# The keys that are not rule options.
SELECTION_KEYS = ("select", "ignore", "severity")


@dataclass(frozen=True)
class Option:
    """One rule setting under [tool.clausebook.lint], declared in the `OPTIONS` of the rule that reads it.

    The default's type is the option's type: an int default takes whole
    numbers only, a float default any number.
    """

    name: str  # as written in pyproject.toml
    default: int | float
    help: str  # one line, for the README and `clausebook rules`
    minimum: float
    maximum: float | None = None

    def checked(self, value: Any) -> int | float:
        """`value` as this option's type; UsageError naming the key when it is the wrong type or out of bounds."""
        whole = isinstance(self.default, int)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (whole and not isinstance(value, int)):
            raise _bad(self.name, f"must be {'a whole number' if whole else 'a number'}, not {value!r}")
        if value < self.minimum or (self.maximum is not None and value > self.maximum):
            bound = (f"between {self.minimum:g} and {self.maximum:g}" if self.maximum is not None
                     else f"at least {self.minimum:g}")
            raise _bad(self.name, f"must be {bound}, not {value!r}")
        return int(value) if whole else float(value)


def declared_options() -> dict[str, tuple[str, Option]]:
    """Every rule option by name, with the code of the rule that declares it, in rule order."""
    from clausebook.lint.registry import all_rules

    found: dict[str, tuple[str, Option]] = {}
    for module in all_rules():
        for option in getattr(module, "OPTIONS", ()):
            if option.name in found or option.name in SELECTION_KEYS:
                raise RuntimeError(f"lint option '{option.name}' of {module.CODE} is declared twice")
            found[option.name] = (module.CODE, option)
    return found


def _filled(given: Mapping[str, Any]) -> Mapping[str, Any]:
    """Declared defaults overlaid with `given` (already checked), read-only."""
    values = {name: option.default for name, (_, option) in declared_options().items()}
    unknown = sorted(set(given) - set(values))
    if unknown:
        raise TypeError(f"unknown lint option {unknown[0]!r}")
    values.update(given)
    return MappingProxyType(values)

_SELECTOR = re.compile(r"^(?:[SCLRTX][0-9]{0,3}|L/[a-z0-9-]+(?:/[a-z0-9-]+)?)$")


def selector_matches(selector: str, code: str) -> bool:
    """Whether `selector` (a code, family, prefix or `L/<jurisdiction>`) covers `code`."""
    if selector == code:
        return True
    if code.startswith(selector + "/"):
        return True  # "L" covers "L/us/x"; "L/us" covers "L/us/x"
    return "/" not in selector and "/" not in code and code.startswith(selector)


def _most_specific(selectors: tuple[str, ...], code: str) -> int:
    """Length of the longest selector covering `code`; -1 when none does."""
    return max((len(s) for s in selectors if selector_matches(s, code)), default=-1)


@dataclass(frozen=True, init=False)
class LintConfig:
    """Which rules run, at what severity, with which option values (every declared option, defaults filled in).

    Options are passed as `options={"max-sentence-words": 20}` or, in code,
    as keywords (`max_sentence_words=20`); each reads back as
    `option("max-sentence-words")` or the attribute `max_sentence_words`.
    """

    select: tuple[str, ...]
    ignore: tuple[str, ...]
    severity: Mapping[str, str]
    options: Mapping[str, Any]

    def __init__(self, select: tuple[str, ...] = FAMILIES, ignore: tuple[str, ...] = (),
                 severity: Mapping[str, str] | None = None, options: Mapping[str, Any] | None = None,
                 **named_options: Any) -> None:
        given = dict(options or {})
        given.update({name.replace("_", "-"): value for name, value in named_options.items()})
        # frozen: the dataclass way to set fields once, in __init__
        object.__setattr__(self, "select", tuple(select))
        object.__setattr__(self, "ignore", tuple(ignore))
        object.__setattr__(self, "severity", dict(severity or {}))
        object.__setattr__(self, "options", _filled(given))

    def option(self, name: str) -> Any:
        """The value of a declared rule option, e.g. `option("max-sentence-words")`."""
        return self.options[name]

    def __getattr__(self, attribute: str) -> Any:
        # Called only for names that are not fields: `max_sentence_words` reads the option.
        # object.__getattribute__ raises AttributeError, not recursion, before `options` is set.
        options = object.__getattribute__(self, "options")
        name = attribute.replace("_", "-")
        if name in options:
            return options[name]
        raise AttributeError(attribute)

    def enabled(self, code: str) -> bool:
        chosen = _most_specific(self.select, code)
        return chosen >= 0 and chosen > _most_specific(self.ignore, code)

    def may_enable(self, prefix: str) -> bool:
        """Whether any code under `prefix` (e.g. the family "L") can be enabled."""
        if self.enabled(prefix):
            return True
        return any(selector_matches(prefix, s) for s in self.select)

    def severity_of(self, code: str, default: str) -> str:
        best, chosen = -1, default
        for selector, severity in self.severity.items():
            if selector_matches(selector, code) and len(selector) > best:
                best, chosen = len(selector), severity
        return chosen


def _bad(key: str, message: str) -> UsageError:
    return UsageError(f"{CONFIG_FILE}: [{SECTION}] '{key}' {message}")


def _selectors(key: str, value: Any, known: Callable[[str], bool]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _bad(key, "must be a list of rule codes, e.g. [\"C003\", \"X\"]")
    for selector in value:
        _check_selector(key, selector, known)
    return tuple(value)


def _check_selector(key: str, selector: str, known: Callable[[str], bool]) -> None:
    if not _SELECTOR.match(selector):
        raise _bad(key, f"has '{selector}', which is not a rule code, a family (S, C, L, R, X) or L/<jurisdiction>")
    if selector.startswith("S"):
        raise _bad(key, f"has '{selector}': structure checks (S) always run; fix the problem instead")
    if not known(selector):
        raise _bad(key, f"has unknown rule code '{selector}' (see `clausebook rules`)")


def _known_code(selector: str) -> bool:
    from clausebook.lint.registry import known_selector

    return known_selector(selector)


def parse_config(table: Any, known: Callable[[str], bool] = _known_code) -> LintConfig:
    """A LintConfig from the `[tool.clausebook.lint]` table; UsageError on any bad key or value."""
    if table is None:
        return LintConfig()
    if not isinstance(table, dict):
        raise UsageError(f"{CONFIG_FILE}: [{SECTION}] must be a table")
    declared = declared_options()
    settings: dict[str, Any] = {}
    options: dict[str, Any] = {}
    for key, value in table.items():
        if key in ("select", "ignore"):
            settings[key] = _selectors(key, value, known)
        elif key == "severity":
            if not isinstance(value, dict):
                raise _bad(key, "must be a table of code = \"error\" | \"warning\" | \"info\"")
            for selector, severity in value.items():
                _check_selector(f"severity.{selector}", selector, known)
                if severity not in SEVERITIES:
                    raise _bad(f"severity.{selector}", f"must be one of {', '.join(SEVERITIES)}, not {severity!r}")
            settings["severity"] = dict(value)
        elif key in declared:
            options[key] = declared[key][1].checked(value)
        else:
            expected = [*SELECTION_KEYS, *declared]
            close = difflib.get_close_matches(key, expected, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            raise _bad(key, f"is not a lint setting; {hint}expected one of: {', '.join(expected)}")
    return LintConfig(**settings, options=options)


def load_config(root: Path) -> LintConfig:
    """The lint configuration of the repository at `root` (defaults when there is none)."""
    path = Path(root) / CONFIG_FILE
    if not path.is_file():
        return LintConfig()
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{CONFIG_FILE}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise UsageError(f"{CONFIG_FILE}: cannot read it: {exc.strerror or exc}") from None
    section = data.get("tool", {}).get("clausebook", {})
    if not isinstance(section, dict):
        raise UsageError(f"{CONFIG_FILE}: [tool.clausebook] must be a table")
    misplaced = sorted(key for key in section if key in (*SELECTION_KEYS, *declared_options()))
    if misplaced:
        raise UsageError(f"{CONFIG_FILE}: '{misplaced[0]}' belongs under [{SECTION}], not [tool.clausebook]")
    return parse_config(section.get("lint"))
