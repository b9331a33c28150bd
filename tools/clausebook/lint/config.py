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
`validate` and are not configured here. Defaults are data (`DEFAULTS`); every
value is checked once, here, and a bad one names the file and the key.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clausebook.core.errors import UsageError
from clausebook.core.problems import SEVERITIES

CONFIG_FILE = "pyproject.toml"
SECTION = "tool.clausebook.lint"
FAMILIES = ("S", "C", "L", "R", "X")

# Thresholds, as written in pyproject.toml, with their defaults.
DEFAULTS: dict[str, Any] = {
    "max-sentence-words": 35,
    "min-reading-ease": 30.0,
    "readability-min-words": 30,
    "duplicate-threshold": 0.9,
}

_SELECTOR = re.compile(r"^(?:[SCLRX][0-9]{0,3}|L/[a-z0-9-]+(?:/[a-z0-9-]+)?)$")


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


@dataclass(frozen=True)
class LintConfig:
    select: tuple[str, ...] = FAMILIES
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    max_sentence_words: int = DEFAULTS["max-sentence-words"]
    min_reading_ease: float = DEFAULTS["min-reading-ease"]
    readability_min_words: int = DEFAULTS["readability-min-words"]
    duplicate_threshold: float = DEFAULTS["duplicate-threshold"]

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


def _number(key: str, value: Any, kind: type, low: float, high: float | None = None) -> Any:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or (kind is int and not isinstance(value, int)):
        raise _bad(key, f"must be {'a whole number' if kind is int else 'a number'}, not {value!r}")
    if value < low or (high is not None and value > high):
        bound = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise _bad(key, f"must be {bound}, not {value!r}")
    return kind(value)


def _known_code(selector: str) -> bool:
    from clausebook.lint.registry import known_selector

    return known_selector(selector)


def parse_config(table: Any, known: Callable[[str], bool] = _known_code) -> LintConfig:
    """A LintConfig from the `[tool.clausebook.lint]` table; UsageError on any bad key or value."""
    if table is None:
        return LintConfig()
    if not isinstance(table, dict):
        raise UsageError(f"{CONFIG_FILE}: [{SECTION}] must be a table")
    options: dict[str, Any] = {}
    for key, value in table.items():
        if key in ("select", "ignore"):
            options[key] = _selectors(key, value, known)
        elif key == "severity":
            if not isinstance(value, dict):
                raise _bad(key, "must be a table of code = \"error\" | \"warning\" | \"info\"")
            for selector, severity in value.items():
                _check_selector(f"severity.{selector}", selector, known)
                if severity not in SEVERITIES:
                    raise _bad(f"severity.{selector}", f"must be one of {', '.join(SEVERITIES)}, not {severity!r}")
            options["severity"] = dict(value)
        elif key == "max-sentence-words":
            options["max_sentence_words"] = _number(key, value, int, 1)
        elif key == "min-reading-ease":
            options["min_reading_ease"] = _number(key, value, float, -1000, 121)
        elif key == "readability-min-words":
            options["readability_min_words"] = _number(key, value, int, 1)
        elif key == "duplicate-threshold":
            options["duplicate_threshold"] = _number(key, value, float, 0.5, 1)
        else:
            expected = ", ".join(["select", "ignore", "severity", *DEFAULTS])
            raise _bad(key, f"is not a lint setting; expected one of: {expected}")
    return LintConfig(**options)


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
    misplaced = sorted(key for key in section if key in ("select", "ignore", "severity", *DEFAULTS))
    if misplaced:
        raise UsageError(f"{CONFIG_FILE}: '{misplaced[0]}' belongs under [{SECTION}], not [tool.clausebook]")
    return parse_config(section.get("lint"))
