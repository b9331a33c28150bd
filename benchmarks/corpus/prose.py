"""Sentences for the corpus, drawn from the vocabulary with the corpus's one random generator.

Rules carry `{modal}` placeholders (filled with the clause's level on
rendering); explanations oblige nothing at any level, so lint's level
checks stay clean however the text is edited.
"""

from __future__ import annotations

import datetime as dt
import random

from benchmarks.corpus.files import JurisdictionFile, fill
from benchmarks.corpus.vocabulary import (
    EXPLAIN,
    LAW_WORDS,
    NEGATIVE_VERBS,
    OBJECTS,
    OWNERS,
    VERBS,
    WHEN,
    WHERE,
    WHO,
)


class Prose:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def rule(self) -> str:
        """A sentence template that obliges (or, at level info, describes) something."""
        rng = self.rng
        if rng.random() < 0.5:
            return f"{rng.choice(WHO)} {{modal}} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(WHEN)}."
        return (f"{rng.choice(WHO)} {{modal_not}} {rng.choice(NEGATIVE_VERBS)} {rng.choice(OBJECTS)} "
                f"{rng.choice(WHERE)}.")

    def explanation(self) -> str:
        """A sentence that obliges nothing, whatever the level."""
        rng = self.rng
        if rng.random() < 0.3:
            return (f"The {rng.choice(list(OWNERS))} team can {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
                    f"{rng.choice(WHEN)}.")
        return rng.choice(EXPLAIN).format(obj=rng.choice(OBJECTS), team=rng.choice(list(OWNERS)))

    def sentence(self) -> str:
        return self.rule() if self.rng.random() < 0.6 else self.explanation()

    def examples(self) -> dict[str, list[str]]:
        rng = self.rng
        return {"do": [fill(self.rule(), "should") for _ in range(rng.randint(1, 3))],
                "dont": [fill(self.rule(), "must") for _ in range(rng.randint(1, 2))]}

    def references(self, prefix: str) -> list[dict[str, str]]:
        rng = self.rng
        refs = []
        for _ in range(rng.randint(1, 2)):
            section = rng.randint(1, 120)
            law = rng.choice(LAW_WORDS)
            refs.append({"title": f"{law} Act, section {section}",
                         "url": f"https://law.example.org/{prefix}/{law.lower().replace(' ', '-')}/{section}",
                         "cite": f"§ {section}"})
        return refs

    def date(self) -> str:
        return (dt.date(2019, 1, 1) + dt.timedelta(days=self.rng.randrange(0, 2500))).isoformat()

    def overlay_reason(self, jurisdiction: JurisdictionFile) -> str:
        law = self.rng.choice(LAW_WORDS)
        return f"The {jurisdiction.name} {law} Act sets stricter rules here. {self.explanation()}\n"

    def note(self, jurisdiction: JurisdictionFile) -> str:
        return f"**In {jurisdiction.name}.** {self.explanation()} {self.explanation()}\n"
