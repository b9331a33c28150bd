"""The corpus files as objects that render themselves: clauses, policies, jurisdictions, overlays.

Each keeps what edits change (a clause's paragraphs, wrapping, key order)
and renders to the YAML a person would commit. Rule sentences hold
`{modal}` placeholders filled with the clause's level when rendered, so a
level change rewords the body as a real edit would.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any

from benchmarks.corpus.vocabulary import AUDIENCES, MODAL, WORKS_COUNCIL_TAG
from benchmarks.corpus.yaml_text import to_yaml


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
class ClauseFile:
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
class PolicyFile:
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
class JurisdictionFile:
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
class OverlayFile:
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
