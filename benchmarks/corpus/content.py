"""The policy repository the corpus starts from: policies, clauses, jurisdictions and overlays.

`Content` holds the model every commit edits, and the bookkeeping that keeps
each revision valid: which clauses are overlaid, linked to, added or removed
by a jurisdiction, so that no edit breaks an overlay or a `related` link.
Everything is drawn from one seeded random generator, in a fixed order.
"""

from __future__ import annotations

import random
from typing import Any

from benchmarks.corpus.files import ClauseFile, JurisdictionFile, OverlayFile, PolicyFile, fill
from benchmarks.corpus.prose import Prose
from benchmarks.corpus.spec import CorpusSpec
from benchmarks.corpus.vocabulary import (
    AUDIENCES,
    CHANNELS,
    ID_WORDS,
    JURISDICTIONS,
    LEVEL_WEIGHTS,
    LEVELS,
    OWNERS,
    POLICIES,
    SECTION_TOPICS,
    TAGS,
    WORKS_COUNCIL_TAG,
    WORKS_COUNCIL_TEXT,
)


class Content:
    def __init__(self, spec: CorpusSpec) -> None:
        self.spec = spec
        self.rng = random.Random(spec.seed)
        self.prose = Prose(self.rng)
        self.clauses: dict[str, ClauseFile] = {}
        self.ids: list[str] = []                 # clause ids in creation order, for sampling
        self.policies: list[PolicyFile] = []
        self.jurisdictions: list[JurisdictionFile] = []
        self.overlays: dict[tuple[str, str], OverlayFile] = {}
        self.overlay_keys: list[tuple[str, str]] = []
        self.overlaid: dict[str, int] = {}       # clause id -> overlays that target it
        self.referenced: dict[str, int] = {}     # clause id -> clauses that name it in `related`
        self.added_ids: set[str] = set()
        self.removed_ids: set[str] = set()       # removed by some jurisdiction: nothing new may link to them
        self._id_pool = self._id_candidates()
        self._next_id = 0

    def build(self, clauses: int) -> None:
        """The initial repository: policies, `clauses` clauses, then jurisdictions and their overlays."""
        self.build_policies()
        for _ in range(clauses):
            self.make_clause(self.rng.choice(self.policies))
        self.build_jurisdictions()
        self.build_overlays()

    # -- ids and text ----------------------------------------------------------------

    def _id_candidates(self) -> list[str]:
        pairs = [f"{a}-{b}" for a in ID_WORDS for b in ID_WORDS if a != b]
        self.rng.shuffle(pairs)
        return pairs

    def new_id(self) -> str:
        while True:
            if self._next_id < len(self._id_pool):
                candidate = self._id_pool[self._next_id]
                self._next_id += 1
            else:
                candidate = "-".join(self.rng.sample(ID_WORDS, 3))
            if candidate not in self.clauses and candidate not in self.added_ids:
                return candidate


    def paragraphs(self, related: list[str]) -> list[list[str]]:
        rng = self.rng
        result = [[self.prose.sentence() for _ in range(rng.randint(2, 5))] for _ in range(rng.randint(2, 4))]
        result[0].insert(0, self.prose.rule())  # the body always states the rule at the clause's level
        if rng.random() < 0.4:
            result.insert(1, [f"- {self.prose.sentence()}" for _ in range(rng.randint(3, 5))])
        if related:
            target = self.clauses[related[0]]
            result[-1].append(f"See [{target.fields['title'].lower()}](#{target.id}) for the related rule.")
        if rng.random() < 0.3:
            result.insert(0, [f"**{rng.choice(['Why this matters', 'In short', 'What to do'])}.** "
                              f"{self.prose.explanation()}"])
        return result


    # -- building the initial repository ---------------------------------------------

    def build_policies(self) -> None:
        count = min(len(POLICIES), max(3, self.spec.clauses // 1500 + 3))
        topics = list(SECTION_TOPICS)
        for index in range(count):
            pid, title, prefix = POLICIES[index]
            chosen = self.rng.sample(topics, self.rng.randint(6, 10))
            chosen.sort(key=topics.index)
            sections = [(f"{prefix}-{topic}", name) for topic, name in chosen]
            self.policies.append(PolicyFile(pid, title, prefix, self.rng.choice(list(OWNERS)), sections))

    def make_clause(self, policy: PolicyFile) -> ClauseFile:
        rng = self.rng
        cid = self.new_id()
        level = rng.choices(LEVELS, LEVEL_WEIGHTS)[0]
        fields: dict[str, Any] = {"id": cid, "title": cid.replace("-", " ").capitalize(),
                                  "section": rng.choice(policy.sections)[0]}
        if rng.random() < 0.7:
            fields["order"] = rng.randrange(1, 100) * 10
        fields.update(level=level, owner=rng.choice(list(OWNERS)))
        if rng.random() < 0.4:
            fields["audience"] = [a for a, _ in AUDIENCES if rng.random() < 0.5] or ["employees"]
        if rng.random() < 0.3:
            fields["channels"] = sorted(rng.sample(CHANNELS, rng.randint(1, 3)))
        if rng.random() < 0.2:
            fields["review_months"] = rng.choice([6, 24, 36])
        if rng.random() < 0.3:
            fields["effective"] = self.prose.date()
        related: list[str] = []
        if self.ids and rng.random() < 0.5:
            picks = (rng.choice(self.ids) for _ in range(rng.randint(1, 3)))
            related = sorted({p for p in picks if p not in self.removed_ids})
        if rng.random() < 0.5:
            fields["rationale"] = " ".join(self.prose.explanation() for _ in range(rng.randint(1, 3))) + "\n"
        if level == "must" or rng.random() < 0.6:  # a must clause always shows do and don't (lint C005)
            fields["examples"] = self.prose.examples()
        if rng.random() < 0.4:
            fields["references"] = self.prose.references(policy.prefix)
        if related:
            fields["related"] = related
            for other in related:
                self.referenced[other] = self.referenced.get(other, 0) + 1
        tags = sorted(rng.sample(TAGS, rng.randint(1, 3))) if rng.random() < 0.7 else []
        pinned = None
        if rng.random() < 0.02:
            tags.append(WORKS_COUNCIL_TAG)
            pinned = WORKS_COUNCIL_TEXT
        if tags:
            fields["tags"] = sorted(tags)
        clause = ClauseFile(cid, policy.id, fields, [], pinned, wrap=rng.choice([0, 0, 72, 80, 100]),
                         comment=rng.random() < 0.7, alternate_order=rng.random() < 0.2)
        clause.paragraphs = self.paragraphs(related)
        self.clauses[cid] = clause
        self.ids.append(cid)
        return clause

    def build_jurisdictions(self) -> None:
        for index in range(self.spec.jurisdictions):
            if index < len(JURISDICTIONS):
                jid, name, parent, locale, region = JURISDICTIONS[index]
            else:  # beyond the catalogue: synthetic regions under the earlier ones
                jid, name = f"region-{index}", f"Region {index}"
                tops = [j.id for j in self.jurisdictions if j.parent is None]
                parent = tops[index % len(tops)] if index % 3 else None
                locale, region = "en-GB", "Elsewhere"
            self.jurisdictions.append(JurisdictionFile(jid, name, parent, locale, region))

    def build_overlays(self) -> None:
        base = sorted(self.clauses)
        by_id = {j.id: j for j in self.jurisdictions}
        for jurisdiction in self.jurisdictions:  # parents first
            visible = list(by_id[jurisdiction.parent].visible) if jurisdiction.parent else list(base)
            count = max(4, len(base) * 3 // 100)
            targets = self.rng.sample(visible, min(count, len(visible)))
            actions = ["amend", "replace", "remove"] + [
                self.rng.choices(["amend", "replace", "remove"], [70, 18, 12])[0] for _ in targets[3:]]
            gone = set()
            for target, action in zip(targets, actions, strict=False):  # fewer than 3 targets: fewer actions
                if action == "remove" and (self.referenced.get(target) or target in self.added_ids):
                    action = "amend"  # removing a clause another one links to breaks the link (lint C006)
                self.add_overlay(jurisdiction, target, action)
                if action == "remove":
                    gone.add(target)
                    self.removed_ids.add(target)
            visible = [c for c in visible if c not in gone]
            for _ in range(max(1, count // 6)):
                new_id = self.new_id()
                self.added_ids.add(new_id)
                self.add_overlay(jurisdiction, new_id, "add")
                visible.append(new_id)
            jurisdiction.visible = visible


    def add_overlay(self, jurisdiction: JurisdictionFile, target: str, action: str) -> OverlayFile:
        rng = self.rng
        data: dict[str, Any] = {"action": action, "reason": self.prose.overlay_reason(jurisdiction)}
        if rng.random() < 0.6:
            data["references"] = self.prose.references(jurisdiction.id)
        level = rng.choices(LEVELS, LEVEL_WEIGHTS)[0]
        paragraphs: list[list[str]] = []
        if action == "amend":
            # No `set: level`: the base body would then say another level than the handbook shows.
            choice = rng.random()
            if choice < 0.35:
                data["set"] = {"review_months": rng.choice([6, 12])} if rng.random() < 0.6 else \
                    {"audience": ["employees", "contractors"]}
            if choice > 0.2:
                data["append"] = self.prose.note(jurisdiction)
            if rng.random() < 0.15:
                data["prepend"] = f"{self.prose.explanation()}\n"
            if rng.random() < 0.25 or "set" not in data and "append" not in data and "prepend" not in data:
                data["examples"] = {"do": [fill(self.prose.rule(), "should")]}
        elif action in ("replace", "add"):
            paragraphs = self.paragraphs([])
            title = f"{target.replace('-', ' ').capitalize()} in {jurisdiction.name}"
            with_: dict[str, Any] = {"title": title[:120]}
            if action == "add":
                policy = rng.choice(self.policies)
                with_["section"] = rng.choice(policy.sections)[0]
            with_.update(level=level, owner=rng.choice(list(OWNERS)), body="")
            with_["examples"] = self.prose.examples()
            if rng.random() < 0.5:
                with_["tags"] = sorted(rng.sample(TAGS, 2))
            data["with"] = with_
        overlay = OverlayFile(jurisdiction.id, target, data, paragraphs)
        self.overlays[(jurisdiction.id, target)] = overlay
        self.overlay_keys.append((jurisdiction.id, target))
        self.overlaid[target] = self.overlaid.get(target, 0) + 1
        return overlay

