"""The lint rules, one module each; this list is the registry (one line per rule).

To add a rule: write `rules/<code>_<name>.py` with CODE, SEVERITY, SUMMARY, a
docstring with **Bad:** and **Good:** examples and `check(ctx)`, add its line
here, and a test in tests/. `clausebook rules` and the handbook's rules page
follow by themselves.
"""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

# One line per rule, in code order.
_MODULES = (
    "c001_level_wording",
    "c002_vague_wording",
    "c003_sentence_length",
    "c004_readability",
    "c005_must_examples",
    "c006_broken_links",
    "c007_duplicate_text",
    "c008_unused_silence",
    "l_jurisdiction_rules",
    "r001_overdue_review",
    "x001_raw_html",
    "x002_unsafe_link_scheme",
    "x003_insecure_link",
    "x004_remote_embed",
)

RULES: list[ModuleType] = [import_module(f"{__name__}.{name}") for name in _MODULES]
