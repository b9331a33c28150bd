"""A deterministic synthetic clausebook repository, with years of git history.

`ensure_corpus(CorpusSpec(clauses=5000))` returns a git repository of that
many clauses spread over several policies, `jurisdictions` jurisdictions
(parent chains up to three deep, every overlay action), and `commits` commits
of the edits a policy team really makes: rewording, level changes,
formatting-only reflows, moves, renames, new clauses, overlay edits and
`Policy-Reviewed:` review commits, at fixed dates spread over seven years.

Everything comes from one seeded random generator and is written through a
single `git fast-import` process, so the same spec always gives the same
commit ids. Every revision validates cleanly: each edit keeps the model
consistent (no overlay on a removed clause, no rename of a referenced one).
Corpora are cached under a directory keyed by the spec and this file's own
hash, so a repeated run reuses them.

Run `python -m benchmarks.generate --clauses 500 --out DIR` to write one.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

GENERATOR_VERSION = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:12]
HISTORY_START = dt.datetime(2019, 1, 7, 9, 0, tzinfo=dt.UTC)
HISTORY_END = dt.datetime(2025, 12, 15, 17, 0, tzinfo=dt.UTC)

# --- vocabulary -------------------------------------------------------------

OWNERS = {
    "legal": ("Legal", "@example/legal"),
    "communications": ("Communications", "@example/comms"),
    "privacy": ("Privacy office", "@example/privacy"),
    "security": ("Information security", "@example/security"),
    "people": ("People and culture", "@example/people"),
    "finance": ("Finance", "@example/finance"),
    "it": ("IT operations", "@example/it"),
    "compliance": ("Compliance", "@example/compliance"),
}
AUDIENCES = [("employees", "Employees"), ("contractors", "Contractors and agency staff"),
             ("managers", "People managers"), ("executives", "Executives"),
             ("account-managers", "Official account managers")]
CHANNELS = ["all", "linkedin", "x", "instagram", "tiktok", "youtube", "facebook", "github", "email", "chat"]
TAGS = ["privacy", "security", "confidentiality", "conduct", "monitoring", "records", "finance", "travel",
        "devices", "media", "safety", "training", "vendors", "customers", "reporting"]
POLICIES = [
    ("social-media", "Social media policy", "sm"), ("acceptable-use", "Acceptable use policy", "au"),
    ("data-protection", "Data protection policy", "dp"), ("information-security", "Information security policy", "is"),
    ("code-of-conduct", "Code of conduct", "cc"), ("remote-work", "Remote work policy", "rw"),
    ("travel-and-expenses", "Travel and expenses policy", "te"), ("anti-bribery", "Anti-bribery policy", "ab"),
    ("records-retention", "Records retention policy", "rr"), ("whistleblowing", "Whistleblowing policy", "wb"),
    ("health-and-safety", "Health and safety policy", "hs"), ("procurement", "Procurement policy", "pr"),
]
SECTION_TOPICS = [
    ("scope", "Scope and purpose"), ("roles", "Roles and responsibilities"), ("everyday", "Everyday practice"),
    ("approvals", "Approvals"), ("records", "Keeping records"), ("incidents", "When something goes wrong"),
    ("suppliers", "Working with suppliers"), ("customers", "Customers and the public"),
    ("devices", "Devices and accounts"), ("oversight", "Monitoring and oversight"),
    ("training", "Training and awareness"), ("exceptions", "Exceptions"), ("leaving", "Joining and leaving"),
    ("reporting", "Raising concerns"),
]
ID_WORDS = [
    "account", "access", "advocacy", "approval", "archive", "badge", "budget", "client", "code", "conduct",
    "conference", "contract", "customer", "data", "device", "disclosure", "document", "email", "expense",
    "feedback", "gift", "hospitality", "incident", "interview", "invoice", "laptop", "leave", "media",
    "meeting", "mobile", "network", "office", "partner", "password", "payment", "personal", "phone", "photo",
    "press", "privacy", "product", "public", "record", "recording", "remote", "report", "research", "review",
    "risk", "safety", "security", "social", "software", "supplier", "training", "travel", "vendor", "visitor",
    "wellbeing", "workplace",
]
WHO = ["You", "Employees", "Managers", "Contractors", "Account managers", "Team leads", "Executives",
       "Everyone who works with the company"]
VERBS = ["report", "protect", "review", "approve", "store", "delete", "label", "archive", "record", "check",
         "document", "escalate", "encrypt", "lock away"]
NEGATIVE_VERBS = ["share", "post", "forward", "publish", "copy", "discuss", "upload", "disclose"]
OBJECTS = ["client information", "personal data", "unreleased product details", "passwords and access codes",
           "customer complaints", "financial results", "internal documents", "security incidents",
           "photos of the office", "screenshots of internal tools", "contracts with suppliers",
           "recordings of meetings", "expense receipts", "travel bookings", "source code", "access badges",
           "company devices", "health information", "job applications", "purchase orders",
           "gifts and hospitality", "conflicts of interest"]
WHEN = ["within one working day", "before the end of the week", "as soon as you notice it", "before you post",
        "when a project ends", "every quarter", "before you travel", "when in doubt",
        "unless the legal team has approved it", "after a customer asks", "on company devices only",
        "through the approved tools"]
WHERE = ["on personal accounts", "in public channels", "outside the company", "with people who do not need it",
         "in messaging apps", "on social media", "in shared folders", "at conferences"]
EXPLAIN = [
    "This protects {obj} and the people who rely on it.",
    "The {team} team can help if you are unsure what applies.",
    "Mistakes happen, and what matters most is that they are reported quickly.",
    "Once you make {obj} public, the company cannot take it back.",
    "Ask your manager when a situation is not covered here.",
    "The same rule applies on every platform and in every country we work in.",
    "Regulators and customers expect us to be able to show how we handle {obj}.",
    "Most problems start with a small shortcut that seemed harmless at the time.",
]
LAW_WORDS = ["Employment", "Data Protection", "Works Council", "Consumer", "Labour Code", "Privacy",
             "Whistleblower Protection", "Trade Secrets", "Equal Treatment", "Telecommunications"]

# (id, name, parent, locale, region); parents come before their children.
JURISDICTIONS = [
    ("eu", "European Union", None, "en-IE", "Europe"), ("de", "Germany", "eu", "de-DE", "Europe"),
    ("de-by", "Bavaria", "de", "de-DE", "Europe"), ("us", "United States", None, "en-US", "North America"),
    ("us-ca", "California", "us", "en-US", "North America"), ("fr", "France", "eu", "fr-FR", "Europe"),
    ("uk", "United Kingdom", None, "en-GB", "Europe"), ("ca", "Canada", None, "en-CA", "North America"),
    ("ca-on", "Ontario", "ca", "en-CA", "North America"), ("us-ny", "New York", "us", "en-US", "North America"),
    ("es", "Spain", "eu", "es-ES", "Europe"), ("es-ct", "Catalonia", "es", "ca-ES", "Europe"),
    ("au", "Australia", None, "en-AU", "Asia Pacific"), ("au-nsw", "New South Wales", "au", "en-AU", "Asia Pacific"),
    ("it", "Italy", "eu", "it-IT", "Europe"), ("nl", "Netherlands", "eu", "nl-NL", "Europe"),
    ("jp", "Japan", None, "ja-JP", "Asia Pacific"), ("in", "India", None, "en-IN", "Asia Pacific"),
    ("br", "Brazil", None, "pt-BR", "Latin America"), ("mx", "Mexico", None, "es-MX", "Latin America"),
    ("us-tx", "Texas", "us", "en-US", "North America"), ("ca-qc", "Quebec", "ca", "fr-CA", "North America"),
    ("ie", "Ireland", "eu", "en-IE", "Europe"), ("pl", "Poland", "eu", "pl-PL", "Europe"),
    ("se", "Sweden", "eu", "sv-SE", "Europe"), ("at", "Austria", "eu", "de-AT", "Europe"),
    ("ch", "Switzerland", None, "de-CH", "Europe"), ("sg", "Singapore", None, "en-SG", "Asia Pacific"),
    ("kr", "South Korea", None, "ko-KR", "Asia Pacific"), ("za", "South Africa", None, "en-ZA", "Africa"),
    ("fr-idf", "Ile-de-France", "fr", "fr-FR", "Europe"), ("us-il", "Illinois", "us", "en-US", "North America"),
]
AUTHORS = ["Ana Ortiz <ana.ortiz@example.com>", "Ben Okafor <ben.okafor@example.com>",
           "Chloe Martin <chloe.martin@example.com>", "Dev Patel <dev.patel@example.com>",
           "Eva Schmidt <eva.schmidt@example.com>", "Farid Haddad <farid.haddad@example.com>",
           "Grace Liu <grace.liu@example.com>", "Hugo Laurent <hugo.laurent@example.com>"]
LEVELS = ["must", "should", "may", "info"]
LEVEL_WEIGHTS = [35, 30, 10, 25]
# Rule sentences are stored with placeholders and filled in with the clause's
# level when rendered, so a level change rewords the body as a real edit would
# (lint's C001 wants the body to say what the level says).
MODAL = {"must": ("must", "must not"), "should": ("should", "should not"), "may": ("may", "may not"),
         "info": ("can", "cannot")}
WORKS_COUNCIL_TAG = "works-council"
WORKS_COUNCIL_TEXT = ("Where a works council exists, the company agrees any tool that can monitor staff with the "
                      "works council before it is used.")

# --- specification ------------------------------------------------------------


@dataclass(frozen=True)
class CorpusSpec:
    """What to generate. `commits` counts every commit, the initial import included."""

    clauses: int
    jurisdictions: int = 10
    commits: int = 0  # 0: as many commits as clauses (at least 50)
    seed: int = 20260101

    @property
    def total_commits(self) -> int:
        return self.commits or max(50, self.clauses)

    @property
    def key(self) -> str:
        return f"n{self.clauses}-j{self.jurisdictions}-k{self.total_commits}-s{self.seed}-{GENERATOR_VERSION}"


@dataclass
class Corpus:
    root: Path
    spec: CorpusSpec
    meta: dict[str, Any]

    @property
    def head(self) -> str:
        return self.meta["commits"]["head"]

    @property
    def first(self) -> str:
        return self.meta["commits"]["first"]

    def files_of_kind(self, kind: str) -> list[str]:
        return self.meta["files"][kind]


# --- YAML text ------------------------------------------------------------------

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ,.'()/&?!-]*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_RESERVED = {"y", "n", "yes", "no", "true", "false", "on", "off", "null"}
FLOW_KEYS = {"audience", "channels", "related", "tags"}


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if _DATE.fullmatch(value):
        return value  # unquoted, as people write dates
    if _PLAIN.fullmatch(value) and value.lower() not in _RESERVED and not value.endswith(" "):
        return value
    return json.dumps(value, ensure_ascii=False)


def _emit(data: dict[str, Any], indent: int = 0) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines += _emit(value, indent + 2)
        elif isinstance(value, list) and key in FLOW_KEYS:
            lines.append(f"{pad}{key}: [{', '.join(value)}]")
        elif isinstance(value, list):
            lines.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, dict):
                    inner = _emit(item, indent + 4)
                    lines.append(f"{pad}  - {inner[0].lstrip()}")
                    lines += inner[1:]
                else:
                    lines.append(f"{pad}  - {_scalar(item)}")
        elif isinstance(value, str) and "\n" in value:
            lines.append(f"{pad}{key}: |")
            lines += [f"{pad}  {line}" if line else "" for line in value.rstrip("\n").split("\n")]
        else:
            lines.append(f"{pad}{key}: {_scalar(value)}")
    return lines


def to_yaml(data: dict[str, Any], comment: str | None = None) -> str:
    head = [f"# {comment}"] if comment else []
    return "\n".join(head + _emit(data)) + "\n"


# --- the model --------------------------------------------------------------------


def fill(text: str, level: str) -> str:
    """Put the level's own words into a sentence template."""
    word, negated = MODAL[level]
    return text.replace("{modal_not}", negated).replace("{modal}", word)


def render_body(paragraphs: list[list[str]], level: str, wrap: int = 0, pinned: str | None = None) -> str:
    blocks = []
    for paragraph in paragraphs:
        if paragraph and paragraph[0].startswith("- "):
            blocks.append("\n".join(paragraph))  # a list: one item a line, never re-wrapped
        elif wrap:
            blocks.append(textwrap.fill(" ".join(paragraph), wrap, break_on_hyphens=False, break_long_words=False))
        else:
            blocks.append(" ".join(paragraph))
    if pinned:
        blocks.append(pinned)
    return fill("\n\n".join(blocks), level) + "\n"



@dataclass
class _Clause:
    id: str
    policy: str
    fields: dict[str, Any]          # everything but the body
    paragraphs: list[list[str]]     # sentences, or "- item" lines for a list
    pinned: str | None = None       # a closing paragraph no edit touches (rule-relevant text)
    wrap: int = 0                   # 0: one line per paragraph
    comment: bool = True
    alternate_order: bool = False

    @property
    def path(self) -> str:
        return f"policy/{self.policy}/{self.id}.yaml"

    def body(self) -> str:
        return render_body(self.paragraphs, self.fields["level"], self.wrap, self.pinned)

    def render(self) -> str:
        order = ["id", "title", "section", "order", "level", "owner", "audience", "channels", "review_months",
                 "effective", "body", "rationale", "examples", "references", "related", "tags"]
        if self.alternate_order:  # a formatting-only difference
            order = ["id", "title", "owner", "level", "section", "order", "body", "tags", "related", "audience",
                     "channels", "review_months", "effective", "rationale", "references", "examples"]
        data = dict(self.fields, body=self.body())
        ordered = {key: data[key] for key in order if key in data}
        comment = "yaml-language-server: $schema=../../schema/clause.schema.json" if self.comment else None
        return to_yaml(ordered, comment)


@dataclass
class _Policy:
    id: str
    title: str
    prefix: str
    owner: str
    sections: list[tuple[str, str]]

    def render(self) -> str:
        data = {
            "id": self.id, "title": self.title, "owner": self.owner, "review_months": 12,
            "summary": f"What the {self.title.lower()} asks of everyone who works with the company, and why.\n",
            "audiences": [{"id": a, "title": t} for a, t in AUDIENCES],
            "sections": [{"id": s, "title": t, "intro": f"{t}: what this part of the policy covers."}
                         for s, t in self.sections],
        }
        return to_yaml(data, "yaml-language-server: $schema=../../schema/policy.schema.json")


@dataclass
class _Jurisdiction:
    id: str
    name: str
    parent: str | None
    locale: str
    region: str
    visible: list[str] = field(default_factory=list)  # clause ids in its handbook, in a stable order

    def render(self) -> str:
        data: dict[str, Any] = {"id": self.id, "name": self.name}
        if self.parent:
            data["parent"] = self.parent
        data.update({
            "locale": self.locale, "region": self.region,
            "summary": f"{self.name} adds local employment and data protection rules to the base policies.\n",
            "references": [{"title": f"{self.name} Employment Act",
                            "url": f"https://law.example.org/{self.id}/employment"}],
            "rules": [{"id": "no-blanket-monitoring", "message": "Do not describe monitoring as unlimited.",
                       "reference": f"{self.name} Data Protection Act", "forbid": r"\b[Uu]nlimited monitoring\b"}],
        })
        if self.parent is None:
            data["rules"].append({"id": "works-council",
                                  "message": "Monitoring clauses must mention the works council.",
                                  "reference": f"{self.name} Works Council Act", "tags": [WORKS_COUNCIL_TAG],
                                  "require": "works council"})
        return to_yaml(data, "yaml-language-server: $schema=../../schema/jurisdiction.schema.json")


@dataclass
class _Overlay:
    jurisdiction: str
    clause: str
    data: dict[str, Any]
    paragraphs: list[list[str]] = field(default_factory=list)  # the body of a replace or add

    @property
    def path(self) -> str:
        return f"jurisdictions/{self.jurisdiction}/overlays/{self.clause}.yaml"

    def render(self) -> str:
        data = dict(self.data)
        if "with" in data:
            data["with"] = dict(data["with"], body=render_body(self.paragraphs, data["with"]["level"]))
        return to_yaml({"clause": self.clause, **data},
                       "yaml-language-server: $schema=../../../schema/overlay.schema.json")


class _Writer:
    """Streams commits into `git fast-import`."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.mark = 0
        self.changes: list[bytes] = []

    def modify(self, path: str, text: str) -> None:
        data = text.encode("utf-8")
        self.changes.append(b"M 100644 inline " + path.encode() + b"\ndata %d\n" % len(data) + data + b"\n")

    def delete(self, path: str) -> None:
        self.changes.append(b"D " + path.encode() + b"\n")

    def commit(self, message: str, when: dt.datetime, author: str) -> int:
        self.mark += 1
        stamp = f"{author} {int(when.timestamp())} +0000"
        body = message.encode("utf-8")
        out = [b"commit refs/heads/main\n", b"mark :%d\n" % self.mark,
               f"author {stamp}\ncommitter {stamp}\n".encode(), b"data %d\n" % len(body), body, b"\n"]
        if self.mark > 1:
            out.append(b"from :%d\n" % (self.mark - 1))
        self.stream.write(b"".join(out + self.changes) + b"\n")
        self.changes = []
        return self.mark


class _Generator:
    def __init__(self, spec: CorpusSpec) -> None:
        self.spec = spec
        self.rng = random.Random(spec.seed)
        self.clauses: dict[str, _Clause] = {}
        self.ids: list[str] = []                 # clause ids in creation order, for sampling
        self.policies: list[_Policy] = []
        self.jurisdictions: list[_Jurisdiction] = []
        self.overlays: dict[tuple[str, str], _Overlay] = {}
        self.overlay_keys: list[tuple[str, str]] = []
        self.overlaid: dict[str, int] = {}       # clause id -> overlays that target it
        self.referenced: dict[str, int] = {}     # clause id -> clauses that name it in `related`
        self.added_ids: set[str] = set()
        self.removed_ids: set[str] = set()       # removed by some jurisdiction: nothing new may link to them
        self._id_pool = self._id_candidates()
        self._next_id = 0

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

    def paragraphs(self, related: list[str]) -> list[list[str]]:
        rng = self.rng
        result = [[self.sentence() for _ in range(rng.randint(2, 5))] for _ in range(rng.randint(2, 4))]
        result[0].insert(0, self.rule())  # the body always states the rule at the clause's level
        if rng.random() < 0.4:
            result.insert(1, [f"- {self.sentence()}" for _ in range(rng.randint(3, 5))])
        if related:
            target = self.clauses[related[0]]
            result[-1].append(f"See [{target.fields['title'].lower()}](#{target.id}) for the related rule.")
        if rng.random() < 0.3:
            result.insert(0, [f"**{rng.choice(['Why this matters', 'In short', 'What to do'])}.** "
                              f"{self.explanation()}"])
        return result

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

    # -- building the initial repository ---------------------------------------------

    def build_policies(self) -> None:
        count = min(len(POLICIES), max(3, self.spec.clauses // 1500 + 3))
        topics = list(SECTION_TOPICS)
        for index in range(count):
            pid, title, prefix = POLICIES[index]
            chosen = self.rng.sample(topics, self.rng.randint(6, 10))
            chosen.sort(key=topics.index)
            sections = [(f"{prefix}-{topic}", name) for topic, name in chosen]
            self.policies.append(_Policy(pid, title, prefix, self.rng.choice(list(OWNERS)), sections))

    def make_clause(self, policy: _Policy) -> _Clause:
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
            fields["effective"] = self.date()
        related: list[str] = []
        if self.ids and rng.random() < 0.5:
            picks = (rng.choice(self.ids) for _ in range(rng.randint(1, 3)))
            related = sorted({p for p in picks if p not in self.removed_ids})
        if rng.random() < 0.5:
            fields["rationale"] = " ".join(self.explanation() for _ in range(rng.randint(1, 3))) + "\n"
        if level == "must" or rng.random() < 0.6:  # a must clause always shows do and don't (lint C005)
            fields["examples"] = self.examples()
        if rng.random() < 0.4:
            fields["references"] = self.references(policy.prefix)
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
        clause = _Clause(cid, policy.id, fields, [], pinned, wrap=rng.choice([0, 0, 72, 80, 100]),
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
            self.jurisdictions.append(_Jurisdiction(jid, name, parent, locale, region))

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
            for target, action in zip(targets, actions):
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

    def overlay_reason(self, jurisdiction: _Jurisdiction) -> str:
        law = self.rng.choice(LAW_WORDS)
        return f"The {jurisdiction.name} {law} Act sets stricter rules here. {self.explanation()}\n"

    def note(self, jurisdiction: _Jurisdiction) -> str:
        return f"**In {jurisdiction.name}.** {self.explanation()} {self.explanation()}\n"

    def add_overlay(self, jurisdiction: _Jurisdiction, target: str, action: str) -> _Overlay:
        rng = self.rng
        data: dict[str, Any] = {"action": action, "reason": self.overlay_reason(jurisdiction)}
        if rng.random() < 0.6:
            data["references"] = self.references(jurisdiction.id)
        level = rng.choices(LEVELS, LEVEL_WEIGHTS)[0]
        paragraphs: list[list[str]] = []
        if action == "amend":
            # No `set: level`: the base body would then say another level than the handbook shows.
            choice = rng.random()
            if choice < 0.35:
                data["set"] = {"review_months": rng.choice([6, 12])} if rng.random() < 0.6 else \
                    {"audience": ["employees", "contractors"]}
            if choice > 0.2:
                data["append"] = self.note(jurisdiction)
            if rng.random() < 0.15:
                data["prepend"] = f"{self.explanation()}\n"
            if rng.random() < 0.25 or "set" not in data and "append" not in data and "prepend" not in data:
                data["examples"] = {"do": [fill(self.rule(), "should")]}
        elif action in ("replace", "add"):
            paragraphs = self.paragraphs([])
            title = f"{target.replace('-', ' ').capitalize()} in {jurisdiction.name}"
            with_: dict[str, Any] = {"title": title[:120]}
            if action == "add":
                policy = rng.choice(self.policies)
                with_["section"] = rng.choice(policy.sections)[0]
            with_.update(level=level, owner=rng.choice(list(OWNERS)), body="")
            with_["examples"] = self.examples()
            if rng.random() < 0.5:
                with_["tags"] = sorted(rng.sample(TAGS, 2))
            data["with"] = with_
        overlay = _Overlay(jurisdiction.id, target, data, paragraphs)
        self.overlays[(jurisdiction.id, target)] = overlay
        self.overlay_keys.append((jurisdiction.id, target))
        self.overlaid[target] = self.overlaid.get(target, 0) + 1
        return overlay

    # -- history -------------------------------------------------------------------

    def commit_dates(self, count: int) -> list[dt.datetime]:
        span = (HISTORY_END - HISTORY_START).total_seconds()
        step = span / max(1, count)
        return [HISTORY_START + dt.timedelta(seconds=int(i * step + self.rng.random() * step * 0.8))
                for i in range(count)]

    def write(self, stream: BinaryIO) -> dict[str, Any]:
        spec = self.spec
        total = spec.total_commits
        new_clauses = max(0, min(spec.clauses // 20, total // 20))
        self.build_policies()
        for _ in range(spec.clauses - new_clauses):
            self.make_clause(self.rng.choice(self.policies))
        self.build_jurisdictions()
        self.build_overlays()
        writer = _Writer(stream)
        dates = self.commit_dates(total)
        self.initial_files(writer)
        marks = {"first": writer.commit("Import the company policies\n", dates[0], AUTHORS[0])}
        # The remaining commits: new clauses spread evenly, the rest a mix of edits and reviews.
        edits = total - 1
        new_at = set(self.rng.sample(range(edits), min(new_clauses, edits)))
        reviews = 0
        for index in range(edits):
            author = self.rng.choice(AUTHORS)
            if index in new_at:
                message = self.op_new_clause(writer)
            else:
                message = self.edit(writer)
                reviews += message.count("Policy-Reviewed:")
            mark = writer.commit(message, dates[index + 1], author)
            if index == edits // 2:
                marks["middle"] = mark
        marks["head"] = writer.mark
        stream.write(b"done\n")
        return {"marks": marks, "reviews": reviews}

    def initial_files(self, writer: _Writer) -> None:
        owners = {"owners": {tid: {"name": name, "email": f"{tid}@example.com", "github": gh}
                             for tid, (name, gh) in OWNERS.items()}}
        writer.modify("policy/owners.yaml",
                      to_yaml(owners, "yaml-language-server: $schema=../schema/owners.schema.json"))
        for policy in self.policies:
            writer.modify(f"policy/{policy.id}/policy.yaml", policy.render())
        for clause in self.clauses.values():
            writer.modify(clause.path, clause.render())
        for jurisdiction in self.jurisdictions:
            writer.modify(f"jurisdictions/{jurisdiction.id}/jurisdiction.yaml", jurisdiction.render())
        for overlay in self.overlays.values():
            writer.modify(overlay.path, overlay.render())

    def op_new_clause(self, writer: _Writer) -> str:
        policy = self.rng.choice(self.policies)
        clause = self.make_clause(policy)
        writer.modify(clause.path, clause.render())
        return f"Add {clause.id} to the {policy.title.lower()}\n"

    def edit(self, writer: _Writer) -> str:
        rng = self.rng
        kind = rng.choices(["reword", "level", "reflow", "overlay", "move", "rename", "review"],
                           [34, 9, 14, 14, 3, 2, 24])[0]
        if kind == "review":
            ids = sorted(set(rng.choice(self.ids) for _ in range(rng.randint(1, 5))))
            trailers = "".join(f"Policy-Reviewed: {cid}\n" for cid in ids)
            return f"Review {len(ids)} clause{'s' if len(ids) > 1 else ''}\n\n{trailers}"
        if kind == "overlay" and self.overlays:
            return self.op_overlay(writer)
        clause = self.clauses[rng.choice(self.ids)]
        if kind == "move" and len(self.policies) > 1:
            policy = rng.choice([p for p in self.policies if p.id != clause.policy])
            writer.delete(clause.path)
            clause.policy = policy.id
            clause.fields["section"] = rng.choice(policy.sections)[0]
            writer.modify(clause.path, clause.render())
            return f"Move {clause.id} to the {policy.title.lower()}\n"
        if kind == "rename" and not self.overlaid.get(clause.id) and not self.referenced.get(clause.id):
            old = clause.id
            writer.delete(clause.path)
            del self.clauses[old]
            clause.id = clause.fields["id"] = self.new_id()
            self.clauses[clause.id] = clause
            self.ids[self.ids.index(old)] = clause.id
            writer.modify(clause.path, clause.render())
            return f"Rename {old} to {clause.id}\n"
        if kind == "level":  # the body's wording follows (see `fill`)
            clause.fields["level"] = rng.choice([lv for lv in LEVELS if lv != clause.fields["level"]])
            if clause.fields["level"] == "must" and set(clause.fields.get("examples", {})) != {"do", "dont"}:
                clause.fields["examples"] = self.examples()
            writer.modify(clause.path, clause.render())
            return f"{clause.id}: make it '{clause.fields['level']}'\n"
        if kind == "reflow":
            clause.wrap = rng.choice([w for w in (0, 72, 80, 100) if w != clause.wrap])
            clause.alternate_order = not clause.alternate_order
            clause.comment = not clause.comment
            writer.modify(clause.path, clause.render())
            return f"{clause.id}: reflow, no change in wording\n"
        paragraph = rng.choice([p for p in clause.paragraphs if not p[0].startswith("- ")] or clause.paragraphs)
        position = rng.randrange(len(paragraph))
        old = paragraph[position]
        bullet = "- " if old.startswith("- ") else ""
        if old.startswith("See ["):
            paragraph.insert(position, self.sentence())  # keep the link
        else:  # a rule stays a rule, so the body keeps saying what the level says
            paragraph[position] = bullet + (self.rule() if "{modal" in old else self.sentence())
        writer.modify(clause.path, clause.render())
        return f"{clause.id}: clearer wording\n"

    def op_overlay(self, writer: _Writer) -> str:
        rng = self.rng
        overlay = self.overlays[rng.choice(self.overlay_keys)]
        data = overlay.data
        jurisdiction = next(j for j in self.jurisdictions if j.id == overlay.jurisdiction)
        if data["action"] == "amend" and "append" in data and rng.random() < 0.5:
            data["append"] = self.note(jurisdiction)
        elif data["action"] in ("replace", "add") and rng.random() < 0.5:  # the body's wording follows
            data["with"]["level"] = rng.choice([lv for lv in LEVELS if lv != data["with"]["level"]])
        else:
            data["reason"] = self.overlay_reason(jurisdiction)
        writer.modify(overlay.path, overlay.render())
        return f"{overlay.jurisdiction}: update the overlay for {overlay.clause}\n"


# --- building and caching -------------------------------------------------------------


def default_cache_dir() -> Path:
    configured = os.environ.get("CLAUSEBOOK_BENCH_CACHE")
    return Path(configured) if configured else Path(tempfile.gettempdir()) / "clausebook-bench"


def _git(root: Path, *args: str, **kwargs: Any) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, **kwargs)


def build(spec: CorpusSpec, root: Path) -> Corpus:
    """Generate `spec` into the empty (or missing) directory `root`."""
    root.mkdir(parents=True, exist_ok=True)
    _git(root, "init", "--quiet", "--initial-branch=main")
    _git(root, "config", "gc.auto", "0")
    _git(root, "config", "core.autocrlf", "false")
    marks_file = root / ".git" / "bench-marks"
    generator = _Generator(spec)
    process = subprocess.Popen(["git", "-C", str(root), "fast-import", "--quiet", "--done",
                                f"--export-marks={marks_file}"], stdin=subprocess.PIPE)
    assert process.stdin is not None
    try:
        with process.stdin:
            result = generator.write(process.stdin)
    finally:
        if process.wait() != 0:
            raise RuntimeError(f"git fast-import failed with exit code {process.returncode}")
    _git(root, "reset", "--hard", "--quiet", "main")
    shas = dict(line.lstrip(":").split() for line in marks_file.read_text().split("\n") if line)
    marks_file.unlink()
    commits = {name: shas[str(mark)] for name, mark in result["marks"].items()}
    files: dict[str, list[str]] = {"owners": ["policy/owners.yaml"], "policy": [], "clause": [],
                                   "jurisdiction": [], "overlay": []}
    for policy in generator.policies:
        files["policy"].append(f"policy/{policy.id}/policy.yaml")
    files["clause"] = sorted(c.path for c in generator.clauses.values())
    files["jurisdiction"] = [f"jurisdictions/{j.id}/jurisdiction.yaml" for j in generator.jurisdictions]
    files["overlay"] = sorted(o.path for o in generator.overlays.values())
    actions: dict[str, int] = {}
    for overlay in generator.overlays.values():
        actions[overlay.data["action"]] = actions.get(overlay.data["action"], 0) + 1
    meta = {
        "spec": asdict(spec), "generator": GENERATOR_VERSION, "commits": commits,
        "commit_count": spec.total_commits, "review_commits": result["reviews"],
        "clauses": len(generator.clauses), "policies": len(generator.policies),
        "jurisdictions": {j.id: j.parent for j in generator.jurisdictions},
        "overlay_actions": actions, "files": files,
    }
    (root / ".git" / "bench-corpus.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return Corpus(root, spec, meta)


def ensure_corpus(spec: CorpusSpec, cache_dir: Path | None = None, log=None) -> Corpus:
    """The cached corpus for `spec`, generating it first when needed."""
    cache_dir = Path(cache_dir or default_cache_dir())
    root = cache_dir / spec.key
    meta_file = root / ".git" / "bench-corpus.json"
    if meta_file.is_file():
        return Corpus(root, spec, json.loads(meta_file.read_text(encoding="utf-8")))
    cache_dir.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{spec.key}-", dir=cache_dir))
    try:
        if log:
            log(f"generating {spec.clauses} clauses, {spec.jurisdictions} jurisdictions, "
                f"{spec.total_commits} commits ...")
        build(spec, building)
        if root.exists():  # another run finished first
            shutil.rmtree(building)
        else:
            building.rename(root)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    return Corpus(root, spec, json.loads(meta_file.read_text(encoding="utf-8")))


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.corpus.content", description=__doc__.split("\n")[0])
    parser.add_argument("--clauses", type=int, default=500)
    parser.add_argument("--jurisdictions", type=int, default=10)
    parser.add_argument("--commits", type=int, default=0, help="default: as many as clauses")
    parser.add_argument("--seed", type=int, default=CorpusSpec.seed)
    parser.add_argument("--out", type=Path, help="write here (an empty folder) instead of the cache")
    args = parser.parse_args(list(argv) if argv is not None else None)
    spec = CorpusSpec(args.clauses, args.jurisdictions, args.commits, args.seed)
    if args.out:
        if args.out.exists() and any(args.out.iterdir()):
            parser.error(f"{args.out} is not empty")
        corpus = build(spec, args.out)
    else:
        corpus = ensure_corpus(spec, log=lambda m: print(m, file=sys.stderr))
    print(corpus.root)
    return 0


if __name__ == "__main__":
    sys.exit(main())
