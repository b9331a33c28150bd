'''A clause body that is hard to read (Flesch reading ease below the threshold, default 30).

Employees read the handbook quickly and on their phones. The Flesch reading
ease score (0-100; higher is easier; 30 reads like an academic paper) is
computed with the textstat library on the body as a reader sees it, without
Markdown syntax, link targets or code. Short bodies are skipped: a score over
a few words says little. Thresholds: `min-reading-ease` and
`readability-min-words` under `[tool.clausebook.lint]`.

**Bad:**

```yaml
body: |
  Notwithstanding the foregoing, personnel utilising organisational communication infrastructure for
  non-operational dissemination of proprietary informational assets shall be subject to disciplinary
  consideration proportionate to the seriousness of the contravention and to applicable contractual
  obligations, irrespective of the communication modality employed.
```

**Good:**

```yaml
body: |
  Do not use company accounts to share company information for your own purposes. If you do, we may
  take disciplinary action. What we do depends on how serious it is and on your contract. This applies
  on every platform and in every format.
```
'''

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from clausebook.core.errors import UsageError
from clausebook.core.markdown import plain_prose, sentences, words
from clausebook.core.problems import Problem
from clausebook.lint.config import Option
from clausebook.lint.text import BODY, clause_texts

if TYPE_CHECKING:
    from clausebook.lint.engine import LintContext

CODE = "C004"
SEVERITY = "warning"
SUMMARY = "The body's Flesch reading ease is below the configured minimum (default 30)."
OPTIONS = (
    Option("min-reading-ease", 30.0, "lowest Flesch reading ease (textstat) of a body", minimum=-1000, maximum=121),
    Option("readability-min-words", 30, "bodies shorter than this many words are not scored", minimum=1),
)


def reader_text(markdown: str) -> tuple[str, int]:
    """The body as running sentences (each ended with a full stop) and its word count."""
    plain = plain_prose(markdown)
    parts = []
    count = 0
    for start, end in sentences(markdown):
        sentence = " ".join(plain[start:end].split())
        count += len(words(plain, start, end))
        parts.append(sentence if sentence[-1:] in ".!?" else sentence + ".")
    return " ".join(parts), count


@lru_cache(maxsize=4096)
def reading_ease(text: str) -> float:
    try:
        import textstat
    except ImportError:  # pragma: no cover - textstat is a dependency
        raise UsageError("rule C004 needs the textstat package; install it or add C004 to 'ignore'") from None
    try:
        return float(textstat.flesch_reading_ease(text))
    except LookupError as exc:  # an English syllable dictionary that is not installed
        raise UsageError(f"rule C004 cannot score readability: {str(exc).strip().splitlines()[0]}; "
                         "install a textstat that ships its dictionary, or add C004 to 'ignore'") from None


def check(ctx: LintContext) -> Iterator[Problem]:
    minimum = ctx.option("min-reading-ease")
    shortest = ctx.option("readability-min-words")
    for shared in ctx.clauses():
        clause = shared.clause
        body = next(clause_texts(clause, (BODY,)), None)
        if body is None:
            continue
        text, count = reader_text(body.text)
        if count < shortest:
            continue
        score = reading_ease(text)
        if score < minimum:
            yield ctx.problem(body.start, f"the body is hard to read: Flesch reading ease {score:.0f}, the minimum "
                                          f"is {minimum:g}; use shorter sentences and plainer words", clause=clause)
