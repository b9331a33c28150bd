"""The corpus's git history: years of the edits a policy team really makes, as fast-import commits.

`History(spec).write(stream)` builds the initial repository (`Content`),
imports it as the first commit, then writes `spec.total_commits - 1` more:
new clauses spread evenly, and a mix of rewording, level changes,
formatting-only reflows, moves, renames, overlay edits and
`Policy-Reviewed:` review commits, at fixed dates over seven years. Every
revision validates cleanly.
"""

from __future__ import annotations

import datetime as dt
from typing import IO, Any

from benchmarks.corpus.content import Content
from benchmarks.corpus.fast_import import FastImportWriter
from benchmarks.corpus.spec import CorpusSpec
from benchmarks.corpus.vocabulary import AUTHORS, LEVELS, OWNERS
from benchmarks.corpus.yaml_text import to_yaml

HISTORY_START = dt.datetime(2019, 1, 7, 9, 0, tzinfo=dt.UTC)
HISTORY_END = dt.datetime(2025, 12, 15, 17, 0, tzinfo=dt.UTC)


class History:
    def __init__(self, spec: CorpusSpec) -> None:
        self.spec = spec
        self.content = Content(spec)
        self.prose = self.content.prose
        self.rng = self.content.rng  # one generator for everything, so one seed fixes the whole corpus

    def write(self, stream: IO[bytes]) -> dict[str, Any]:
        """Stream the whole history; the fast-import marks of the first, middle and last commits."""
        spec = self.spec
        total = spec.total_commits
        new_clauses = max(0, min(spec.clauses // 20, total // 20))
        self.content.build(spec.clauses - new_clauses)
        writer = FastImportWriter(stream)
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

    def commit_dates(self, count: int) -> list[dt.datetime]:
        span = (HISTORY_END - HISTORY_START).total_seconds()
        step = span / max(1, count)
        return [HISTORY_START + dt.timedelta(seconds=int(i * step + self.rng.random() * step * 0.8))
                for i in range(count)]

    def initial_files(self, writer: FastImportWriter) -> None:
        owners = {"owners": {tid: {"name": name, "email": f"{tid}@example.com", "github": gh}
                             for tid, (name, gh) in OWNERS.items()}}
        writer.modify("policy/owners.yaml",
                      to_yaml(owners, "yaml-language-server: $schema=../schema/owners.schema.json"))
        for policy in self.content.policies:
            writer.modify(f"policy/{policy.id}/policy.yaml", policy.render())
        for clause in self.content.clauses.values():
            writer.modify(clause.path, clause.render())
        for jurisdiction in self.content.jurisdictions:
            writer.modify(f"jurisdictions/{jurisdiction.id}/jurisdiction.yaml", jurisdiction.render())
        for overlay in self.content.overlays.values():
            writer.modify(overlay.path, overlay.render())

    def op_new_clause(self, writer: FastImportWriter) -> str:
        policy = self.rng.choice(self.content.policies)
        clause = self.content.make_clause(policy)
        writer.modify(clause.path, clause.render())
        return f"Add {clause.id} to the {policy.title.lower()}\n"

    def edit(self, writer: FastImportWriter) -> str:
        rng = self.rng
        kind = rng.choices(["reword", "level", "reflow", "overlay", "move", "rename", "review"],
                           [34, 9, 14, 14, 3, 2, 24])[0]
        if kind == "review":
            ids = sorted(set(rng.choice(self.content.ids) for _ in range(rng.randint(1, 5))))
            trailers = "".join(f"Policy-Reviewed: {cid}\n" for cid in ids)
            return f"Review {len(ids)} clause{'s' if len(ids) > 1 else ''}\n\n{trailers}"
        if kind == "overlay" and self.content.overlays:
            return self.op_overlay(writer)
        clause = self.content.clauses[rng.choice(self.content.ids)]
        if kind == "move" and len(self.content.policies) > 1:
            policy = rng.choice([p for p in self.content.policies if p.id != clause.policy])
            writer.delete(clause.path)
            clause.policy = policy.id
            clause.fields["section"] = rng.choice(policy.sections)[0]
            writer.modify(clause.path, clause.render())
            return f"Move {clause.id} to the {policy.title.lower()}\n"
        if kind == "rename" and not self.content.overlaid.get(clause.id) and not self.content.referenced.get(clause.id):
            old = clause.id
            writer.delete(clause.path)
            del self.content.clauses[old]
            clause.id = clause.fields["id"] = self.content.new_id()
            self.content.clauses[clause.id] = clause
            self.content.ids[self.content.ids.index(old)] = clause.id
            writer.modify(clause.path, clause.render())
            return f"Rename {old} to {clause.id}\n"
        if kind == "level":  # the body's wording follows (see `fill`)
            clause.fields["level"] = rng.choice([lv for lv in LEVELS if lv != clause.fields["level"]])
            if clause.fields["level"] == "must" and set(clause.fields.get("examples", {})) != {"do", "dont"}:
                clause.fields["examples"] = self.prose.examples()
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
            paragraph.insert(position, self.prose.sentence())  # keep the link
        else:  # a rule stays a rule, so the body keeps saying what the level says
            paragraph[position] = bullet + (self.prose.rule() if "{modal" in old else self.prose.sentence())
        writer.modify(clause.path, clause.render())
        return f"{clause.id}: clearer wording\n"

    def op_overlay(self, writer: FastImportWriter) -> str:
        rng = self.rng
        overlay = self.content.overlays[rng.choice(self.content.overlay_keys)]
        data = overlay.data
        jurisdiction = next(j for j in self.content.jurisdictions if j.id == overlay.jurisdiction)
        if data["action"] == "amend" and "append" in data and rng.random() < 0.5:
            data["append"] = self.prose.note(jurisdiction)
        elif data["action"] in ("replace", "add") and rng.random() < 0.5:  # the body's wording follows
            data["with"]["level"] = rng.choice([lv for lv in LEVELS if lv != data["with"]["level"]])
        else:
            data["reason"] = self.prose.overlay_reason(jurisdiction)
        writer.modify(overlay.path, overlay.render())
        return f"{overlay.jurisdiction}: update the overlay for {overlay.clause}\n"

