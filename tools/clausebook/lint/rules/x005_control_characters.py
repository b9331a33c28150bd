r'''Control characters in any text of the repository.

A terminal obeys control characters: `\e[2K` and a carriage return erase
the line a reviewer is reading in `clausebook diff` or a CI log, `\e[8m`
hides text, and bidirectional overrides (U+202E) show words in an order
other than the one stored, so the redline says one thing and the handbook
another. They have no place in a policy. clausebook's own output shows them
as escapes (`\x1b`), and this rule points at each one: in clauses, overlays,
policies, jurisdictions and owners, in every string, keys and ids included.
YAML forbids most of them written raw, but double-quoted escapes (`"\e"`,
`"\u202e"`) load.

**Bad:**

```yaml
body: "You must not read private messages.\e[2K\rYou may read private messages."
```

**Good:**

```yaml
body: You must not read private messages.
```
'''

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from clausebook.core.loader import Document, PathKey
from clausebook.core.problems import Problem
from clausebook.outputs.terminal import first_control, one_line

if TYPE_CHECKING:
    from clausebook.lint.engine import LintContext

CODE = "X005"
SEVERITY = "error"
SUMMARY = "A control character (escape, carriage return, bidi override) in text."


def _strings(value: Any, path: PathKey) -> Iterator[tuple[PathKey, str, bool]]:
    """Every string in `value` with its path, and whether it is a key."""
    if isinstance(value, str):
        yield path, value, False
    elif isinstance(value, dict):
        for key, item in value.items():
            yield path + (key,), str(key), True
            yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, path + (index,))


def _documents(ctx: LintContext) -> Iterator[Document]:
    repo = ctx.repo
    if repo.owners_doc is not None:
        yield repo.owners_doc
    for policy in repo.policies.values():
        yield policy.doc
        for clause in policy.clauses.values():
            yield clause.doc
    for jurisdiction in repo.jurisdictions.values():
        yield jurisdiction.doc
        for overlay in jurisdiction.overlays:
            yield overlay.doc


def check(ctx: LintContext) -> Iterator[Problem]:
    for doc in _documents(ctx):
        if not ctx.document_in_scope(doc.path):
            continue
        if "\\" not in doc.text and first_control(doc.text) is None:
            continue  # no control character in the file, and no escape (`"\e"`) that could write one
        for path, text, is_key in _strings(doc.data, ()):
            found = first_control(text)
            if found is None:
                continue
            offset, name = found
            where = doc.loc(path, key=True) if is_key else doc.text_loc(path, offset)
            field = ".".join(str(p) for p in path) or "the document"
            yield ctx.problem(where, f"{name} in {one_line(field)}: control characters can hide or rewrite "
                                     "text in a terminal or CI log; remove it")
