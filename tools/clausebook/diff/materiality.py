"""Material or editorial: whether a changed clause alters what employees must do, and why.

A change is material when the level, the audience or the channels changed
(who or where a duty applies), or when the count of any obligation phrase in
the clause's words (its body and jurisdiction notes) changed. Everything else
is editorial. `classify` returns the verdict with the reasons a reader sees.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

from clausebook.core.identity import canonical
from clausebook.core.resolve import ResolvedClause

MATERIAL, EDITORIAL = "material", "editorial"

# The phrases that create a duty or a prohibition, counted in a clause's text
# (its body and jurisdiction notes). Synonyms count as one phrase, so that a
# plain-language rewrite ("shall" -> "must", "is required to" -> "must") is
# editorial while "must" -> "should" is material:
#   must      must, shall, required to, has to, have to
#   must not  must not, mustn't, shall not, shan't, may not
#   never     never
# Prohibitions are matched before the bare verb, so "must not" counts once as
# "must not" and not also as "must". "may" and "should" oblige nobody: a
# "must" turning into a "should" shows as one "must" fewer.
OBLIGATION_PHRASES = ("must", "must not", "never")
# Every phrase starts with one of "mshrn": the lookahead lets the search skip
# other positions without trying each alternative there (twice as fast).
_OBLIGATION = re.compile(
    r"(?=[mshrn])\b(must\s+not|mustn['’]t|shall\s+not|shan['’]t|may\s+not"
    r"|must|shall|required\s+to|ha(?:s|ve)\s+to|never)\b",
    re.IGNORECASE,
)


def _phrase(matched: str) -> str:
    words = " ".join(matched.lower().replace("’", "'").split())
    if words in ("never",):
        return "never"
    if words.endswith(("not", "n't")):
        return "must not"
    return "must"


# Fields whose change alters who or what an obligation covers.
SCOPE_FIELDS = ("audience", "channels")


@lru_cache(maxsize=8192)
def obligations(text: str) -> Counter[str]:
    """How often each obligation phrase occurs in `text` (case and spacing ignored).

    Cached: a clause's text is classified once per jurisdiction it changed in,
    usually the same text each time. Callers only read the result.
    """
    found: Counter[str] = Counter()
    for match in _OBLIGATION.finditer(text):
        found[_phrase(match.group(1))] += 1
    return found


def clause_text(clause: ResolvedClause) -> str:
    """The words that carry a clause's obligations: its body and its jurisdiction notes."""
    parts = [n.text for n in clause.notes if n.placement == "before"]
    body = clause.fields.get("body")
    parts.append(body if isinstance(body, str) else "")
    parts += [n.text for n in clause.notes if n.placement == "after"]
    return "\n\n".join(parts)


def _describe_counts(counts: Counter[str]) -> str:
    present = [f"'{p}' ×{counts[p]}" for p in OBLIGATION_PHRASES if counts[p]]
    return ", ".join(present) if present else "no obligation phrases"


def _describe_scope(value: Any) -> str:
    if value is None:
        return "everyone"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value) or "nobody"
    return str(value)


def classify(old: ResolvedClause, new: ResolvedClause) -> tuple[bool, list[str]]:
    """Material or editorial for one jurisdiction's modified clause, and why.

    Material: the level changed, the audience or channels changed (who or
    where the duty applies), or the count of any obligation phrase in the
    body and notes changed. Everything else (rewording that keeps every
    obligation, titles, owners, examples, references, tags) is editorial.
    """
    reasons = []
    if canonical(old.fields.get("level")) != canonical(new.fields.get("level")):
        reasons.append(f"level {old.fields.get('level')} → {new.fields.get('level')}")
    for name in SCOPE_FIELDS:
        before, after = canonical(old.fields.get(name)), canonical(new.fields.get(name))
        if before != after:
            reasons.append(f"{'audience' if name == 'audience' else name} "
                           f"{_describe_scope(before)} → {_describe_scope(after)}")
    old_counts, new_counts = obligations(clause_text(old)), obligations(clause_text(new))
    for phrase in OBLIGATION_PHRASES:
        if old_counts[phrase] != new_counts[phrase]:
            more = new_counts[phrase] > old_counts[phrase]
            what = "a prohibition" if phrase != "must" else "a duty"
            reasons.append(f"{what} {'added' if more else 'dropped'} "
                           f"('{phrase}' ×{old_counts[phrase]} → ×{new_counts[phrase]})")
    if reasons:
        return True, reasons
    return False, [f"same obligations ({_describe_counts(new_counts)})"]
