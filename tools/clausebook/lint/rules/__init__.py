"""The lint rules, one module each; this list is the registry (one line per rule).

To add a rule: write `rules/<code>_<name>.py` with CODE, SEVERITY, SUMMARY,
optional OPTIONS (`config.Option`s it reads with `ctx.option(name)`), a
docstring with **Bad:** and **Good:** examples and `check(ctx)`, add its line
here, and `tests/lint/rules/test_<module>.py`. `clausebook rules`, the
handbook's rules page and the README's configuration block follow by
themselves.

The examples run as tests (tests/lint/rules/test_docstring_examples.py): the
Bad example must be flagged with the rule's code, the Good one must not.
Each is a ```yaml block of one or more documents separated by `---`. A
document that starts with a `# <path>.yaml` comment is that file; a clause
file (under `policy/`) gets the fields it leaves out (id from the file name,
title, section, owner, `level: info`, a body). A document without a path is
a clause at `policy/social-media/example.yaml`. The Good example also gets
the Bad example's files outside `policy/` (a jurisdiction's rules, say).
Examples that are not files (R001's git history) are ```text blocks.
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
    "r002_notice_period",
    "t001_stale_translation",
    "t002_missing_translation",
    "t003_translation_of_nothing",
    "x001_raw_html",
    "x002_unsafe_link_scheme",
    "x003_insecure_link",
    "x004_remote_embed",
    "x005_control_characters",
)

RULES: list[ModuleType] = [import_module(f"{__name__}.{name}") for name in _MODULES]
