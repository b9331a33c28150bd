"""The handbook pages as Markdown, independent of any site generator.

`build_site(workspace, options)` turns a loaded repository into pages
({docs-relative path: Markdown}) and their navigation. The MkDocs plugin
serves these pages from memory; `clausebook render --out DIR` writes them
to disk for any Material-compatible generator (MkDocs, Zensical). Both
therefore publish byte-for-byte the same Markdown.

Only Markdown that MkDocs + Material and Zensical both understand is used:
admonitions and details, content tabs, attribute lists, tables and
headings with explicit ids. Every value that comes from an editor passes
through `safe` first.

A page is a function of the commit: history and review status come from
git (`gather`), and the review "as of" date is the HEAD commit's date, not
today, so two builds of one commit are identical.

URLs (with MkDocs' directory URLs):

    /                          pick a jurisdiction, grouped by region
    /global/, /<j>/            a jurisdiction's landing page
    /<j>/<policy>/             one page per policy; each clause at #<clause-id>
    /changes/ /review/ /rules/ what changed, review status, the lint rules
"""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from clausebook.core.model import GLOBAL, LEVELS, Repository
from clausebook.core.resolve import Handbook, Provenance, ResolvedClause, ResolvedPolicy
from clausebook.site import safe
from clausebook.site.facts import Facts, gather
from clausebook.workspace import Workspace

GLOBAL_NAME = "All countries"
GLOBAL_TITLE = "All countries (base policy)"
OTHER_REGION = "Other countries"
LEVEL_LABELS = {"must": "Must", "should": "Should", "may": "May", "info": "Info"}
LEVEL_MEANINGS = {"must": "required", "should": "recommended", "may": "allowed", "info": "explains, obliges nothing"}
STATUS_LABELS = {"overdue": "Overdue", "due-soon": "Due soon", "unknown": "Unknown", "ok": "OK"}
ACTION_VERBS = {"amend": "amended", "replace": "replaced", "add": "added", "remove": "removed"}
# Characters that could end a Markdown link early, percent-encoded in a reference's URL.
URL_UNSAFE = re.compile(r"[\s<>\"'()\[\]{}\\`|]")
# Shipped with the package and added to every site (badges, switcher, print).
ASSETS = ("clausebook.css", "clausebook.js")
ASSET_DIR = "assets/clausebook"


@dataclass(frozen=True)
class RenderOptions:
    """What the pages need to know about where they are published."""

    repo_url: str | None = None  # e.g. https://github.com/example/clausebook
    edit_branch: str = "main"
    edit_url_template: str = "{repo_url}/edit/{branch}/{path}"
    about_page: str | None = None  # docs-relative path of a hand-written "about" page, if the site has one
    changes_limit: int = 20

    def edit_url(self, path: str) -> str | None:
        if not self.repo_url:
            return None
        return self.edit_url_template.format(repo_url=self.repo_url.rstrip("/"), branch=self.edit_branch, path=path)

    def commit_url(self, sha: str) -> str | None:
        return f"{self.repo_url.rstrip('/')}/commit/{sha}" if self.repo_url else None


@dataclass(frozen=True)
class Page:
    path: str  # docs-relative, e.g. "de/social-media.md"
    title: str  # plain text
    markdown: str
    source: str | None = None  # the file its edit button opens, relative to the git work tree


@dataclass
class Site:
    pages: dict[str, Page]
    nav: list  # MkDocs `nav` structure (titles HTML-escaped, as MkDocs templates print them raw)

    def markdown(self) -> dict[str, str]:
        return {path: page.markdown for path, page in self.pages.items()}


def asset_files() -> dict[str, bytes]:
    """{docs-relative path: content} of the stylesheet and script every site gets."""
    package = resources.files("clausebook.site") / "assets"
    return {f"{ASSET_DIR}/{name}": (package / name).read_bytes() for name in ASSETS}


# --- small helpers ----------------------------------------------------------


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative link between two docs pages (MkDocs and Zensical both resolve `.md` links)."""
    target = posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    return target + (f"#{anchor}" if anchor else "")


def nav_title(text: str) -> str:
    # MkDocs themes print nav titles and front-matter titles without escaping.
    return html.escape(" ".join(str(text).split()), quote=True)


def front_matter(title: str, tags: Sequence[str] = ()) -> str:
    lines = ["---", f"title: {json.dumps(nav_title(title), ensure_ascii=False)}"]
    if tags:
        # Material lists a page's tags above its content; for a whole policy
        # that is dozens, so they feed the tags plugin and search but are not shown.
        lines += ["hide:", "  - tags", "tags:"]
        lines.extend(f"  - {json.dumps(tag)}" for tag in tags)
    lines.append("---")
    return "\n".join(lines)


def admonition(kind: str, title: str, body: str, collapsible: bool = False) -> str:
    marker = "???" if collapsible else "!!!"
    return f'{marker} {kind} "{safe.plain(title).replace(chr(34), "&quot;")}"\n\n{safe.indent(body)}'


def reference(ref: Any) -> str:
    if not isinstance(ref, dict):
        return safe.plain(ref)
    title = safe.plain(ref.get("title", ""))
    url = ref.get("url")
    if isinstance(url, str) and re.match(r"https?://", url):
        encoded = URL_UNSAFE.sub(lambda m: "".join(f"%{b:02X}" for b in m.group().encode()), url)
        text = f"[{title}]({encoded})"
    else:
        text = title
    if ref.get("cite"):
        text += f" ({safe.plain(ref['cite'])})"
    return text


def references(refs: Iterable[Any]) -> str:
    return "; ".join(reference(r) for r in refs)


def date_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else safe.plain(value)


# --- the site ---------------------------------------------------------------


class _Renderer:
    def __init__(self, workspace: Workspace, facts: Facts, options: RenderOptions) -> None:
        self.repo: Repository = workspace.repo
        self.handbooks: dict[str, Handbook] = workspace.handbooks
        self.facts = facts
        self.options = options
        self.reviews = facts.review_by_clause
        self.jurisdictions = [j for j in self.repo.jurisdiction_ids() if j in self.handbooks]

    # names and places -------------------------------------------------------

    def name(self, jurisdiction: str) -> str:
        if jurisdiction == GLOBAL:
            return GLOBAL_NAME
        return str(self.repo.jurisdictions[jurisdiction].name)

    def region(self, jurisdiction: str) -> str:
        """The picker group: the jurisdiction's own region, else its nearest ancestor's."""
        for ancestor in reversed(self.repo.ancestors(jurisdiction)):
            region = self.repo.jurisdictions[ancestor].data.get("region")
            if isinstance(region, str) and region.strip():
                return region.strip()
        return OTHER_REGION

    def tree_order(self) -> list[str]:
        """Jurisdictions depth first, children under their parent, siblings by name."""
        order: list[str] = []
        known = set(self.jurisdictions) - {GLOBAL}

        def visit(parent: str | None) -> None:
            children = [j for j in known if (self.repo.jurisdictions[j].parent if
                                             self.repo.jurisdictions[j].parent in known else None) == parent]
            for child in sorted(children, key=lambda j: (self.name(j).casefold(), j)):
                if child not in order:
                    order.append(child)
                    visit(child)

        visit(None)
        order.extend(sorted(known - set(order)))  # a cycle: checks report it; list it anyway
        return order

    def regions(self) -> list[tuple[str, list[str]]]:
        groups: dict[str, list[str]] = {}
        for jurisdiction in self.tree_order():
            groups.setdefault(self.region(jurisdiction), []).append(jurisdiction)
        return sorted(groups.items(), key=lambda item: (item[0] == OTHER_REGION, item[0].casefold()))

    def picker_order(self) -> list[str]:
        """Every jurisdiction as the picker lists them: region by region, parents before children."""
        return [j for _, members in self.regions() for j in members]

    def depth(self, jurisdiction: str) -> int:
        """How far below the top of its region a jurisdiction sits (for indenting the picker)."""
        chain = self.repo.ancestors(jurisdiction)
        region = self.region(jurisdiction)
        return sum(1 for a in chain[:-1] if self.region(a) == region)

    @staticmethod
    def landing(jurisdiction: str) -> str:
        return f"{jurisdiction}/index.md"

    @staticmethod
    def policy_page(jurisdiction: str, policy: str) -> str:
        return f"{jurisdiction}/{policy}.md"

    def owner_name(self, owner: Any) -> str:
        team = self.repo.owners.get(owner) if isinstance(owner, str) else None
        return str(team.get("name", owner)) if isinstance(team, dict) else str(owner)

    def source(self, path: str | None) -> str | None:
        """A repository file's path as the git host knows it (for edit links)."""
        return self.facts.repo_prefix + path if path else None

    def notice(self, page: str) -> str:
        text = ("The content of this handbook is a starting point written from public sources. "
                "It is not legal advice.")
        if self.options.about_page:
            text += f" [About this handbook]({link(page, self.options.about_page)})"
        return admonition("warning cb-notice", "Not legal advice", text)

    # the pages --------------------------------------------------------------

    def site(self) -> Site:
        pages: list[Page] = [self.index_page()]
        for jurisdiction in self.jurisdictions:
            pages.append(self.landing_page(jurisdiction))
            handbook = self.handbooks[jurisdiction]
            for policy in handbook.policies():
                pages.append(self.policy_page_for(jurisdiction, policy))
        pages += [self.changes_page(), self.review_page(), self.rules_page()]
        return Site({p.path: p for p in pages}, self.nav())

    def nav(self) -> list:
        def jurisdiction_entry(jurisdiction: str) -> dict:
            children: list = [self.landing(jurisdiction)]
            children += [{nav_title(p.title): self.policy_page(jurisdiction, p.id)}
                         for p in self.handbooks[jurisdiction].policies()]
            return {nav_title(self.name(jurisdiction)): children}

        nav: list = [{"Home": "index.md"}]
        if GLOBAL in self.handbooks:
            nav.append(jurisdiction_entry(GLOBAL))
        for region, members in self.regions():
            nav.append({nav_title(region): [jurisdiction_entry(j) for j in members]})
        nav.append({"Keeping it current": [{"What changed": "changes.md"}, {"Review status": "review.md"},
                                           {"Lint rules": "rules.md"}]})
        return nav

    def index_page(self) -> Page:
        path = "index.md"
        out = [front_matter("Choose your country"), "", "# Choose your country", "",
               "Pick the version of the handbook for the country you work in. Each version is the "
               "company-wide policy with that country's changes marked as notes, each with its reason "
               "and the law behind it.", "", self.notice(path), "", f"## {GLOBAL_TITLE}", "",
               f"- [{GLOBAL_TITLE}]({link(path, self.landing(GLOBAL))}): the company-wide policy "
               "every country version starts from.", ""]
        for region, members in self.regions():
            out += [f"## {safe.plain(region)}", ""]
            for jurisdiction in members:
                pad = "    " * self.depth(jurisdiction)
                out.append(f"{pad}- [{safe.plain(self.name(jurisdiction))}]({link(path, self.landing(jurisdiction))})")
            out.append("")
        out += ["## Keeping it current", "",
                f"- [What changed]({link(path, 'changes.md')}): recent changes in each country's version.",
                f"- [Review status]({link(path, 'review.md')}): when each clause was last reviewed and when it is due.",
                f"- [Lint rules]({link(path, 'rules.md')}): the checks every change to the policy passes.", ""]
        return Page(path, "Choose your country", "\n".join(out))

    def switcher(self, page: str, jurisdiction: str, target: str | None) -> str:
        """Links to the same page in every other jurisdiction; the current one marked."""

        def entry(j: str) -> str:
            label = safe.plain(GLOBAL_NAME if j == GLOBAL else self.name(j))
            if j == jurisdiction:
                return f"**{label}** (this version)"
            destination = self.policy_page(j, target) if target else self.landing(j)
            if target and target not in {p.id for p in self.handbooks[j].policies()}:
                destination = self.landing(j)
            return f"[{label}]({link(page, destination)})"

        lines = [f"- **Company-wide:** {entry(GLOBAL)}"] if GLOBAL in self.handbooks else []
        for region, members in self.regions():
            lines.append(f"- **{safe.plain(region)}:** " + " · ".join(entry(j) for j in members))
        title = f"Version: {self.name(jurisdiction)} (switch country)"
        return admonition("abstract cb-switcher", title, "\n".join(lines), collapsible=True)

    def adaptations(self, jurisdiction: str) -> list[tuple[ResolvedClause | None, str, Provenance, str]]:
        """(clause, its policy, provenance step, title) for every clause that differs from the base."""
        handbook = self.handbooks[jurisdiction]
        found = []
        for clause in handbook.clauses.values():
            for step in clause.provenance:
                if step.jurisdiction != GLOBAL:
                    found.append((clause, clause.policy, step, str(clause.get("title", clause.id))))
        for clause_id, (by, path) in sorted(handbook.removed.items()):
            base = self.handbooks[GLOBAL].clauses.get(clause_id) if GLOBAL in self.handbooks else None
            policy = base.policy if base else ""
            step = Provenance(by, "remove", None, path)
            found.append((None, policy, step, str(base.get("title", clause_id)) if base else clause_id))
        chain = handbook.chain
        return sorted(found, key=lambda f: (f[3].casefold(), chain.index(f[2].jurisdiction)
                                            if f[2].jurisdiction in chain else len(chain)))

    def overlay_data(self, step: Provenance) -> dict:
        jurisdiction = self.repo.jurisdictions.get(step.jurisdiction)
        for overlay in jurisdiction.overlays if jurisdiction else []:
            if overlay.path == step.path:
                return overlay.data
        return {}

    def landing_page(self, jurisdiction: str) -> Page:
        path = self.landing(jurisdiction)
        handbook = self.handbooks[jurisdiction]
        name = GLOBAL_TITLE if jurisdiction == GLOBAL else self.name(jurisdiction)
        data = self.repo.jurisdictions[jurisdiction].data if jurisdiction != GLOBAL else {}
        out = [front_matter(name), "", f"# {safe.plain(name)}", "", self.switcher(path, jurisdiction, None), "",
               self.notice(path), ""]
        if jurisdiction != GLOBAL:
            chain = [GLOBAL, *handbook.chain]
            crumbs = [f"[{safe.plain(self.name(j))}]({link(path, self.landing(j))})" for j in chain[:-1]]
            out += ["**Builds on:** " + " › ".join(crumbs + [f"**{safe.plain(name)}**"]), ""]
        else:
            out += ["The company-wide policy. Every country version starts from it and marks its own "
                    "changes as notes.", ""]
        if data.get("summary"):
            out += [safe.markdown(data["summary"]), ""]
        adaptations = self.adaptations(jurisdiction)
        out += ["## Policies", ""]
        for policy in handbook.policies():
            clauses = list(policy.clauses())
            changed = {a[0].id for a in adaptations if a[0] is not None and a[1] == policy.id}
            removed = {a[3] for a in adaptations if a[0] is None and a[1] == policy.id}
            line = f"- [{safe.plain(policy.title)}]({link(path, self.policy_page(jurisdiction, policy.id))}): " \
                   f"{len(clauses)} clause{'s' if len(clauses) != 1 else ''}"
            if jurisdiction != GLOBAL:
                line += f", {len(changed)} adapted here"
                if removed:
                    line += f", {len(removed)} not applied here"
            out.append(line + ".")
            if policy.data.get("summary"):
                out += ["", safe.indent(safe.markdown(policy.data["summary"])), ""]
        out.append("")
        if jurisdiction != GLOBAL:
            out += ["## What differs here", ""]
            if not adaptations:
                out += ["Nothing: this version is the company-wide policy as it is.", ""]
            else:
                count = len({(a[0].id if a[0] else a[3]) for a in adaptations})
                out += [f"{count} clause{'s' if count != 1 else ''} differ{'s' if count == 1 else ''} from the "
                        f"company-wide policy ({len(adaptations)} adaptation{'s' if len(adaptations) != 1 else ''}).",
                        ""]
                kept = [a for a in adaptations if a[0] is not None]
                if kept:
                    out += ["| Clause | Change | By |", "|---|---|---|"]
                    for clause, policy_id, step, title in kept:
                        label = safe.plain(title)
                        target = link(path, self.policy_page(jurisdiction, policy_id), clause.id)
                        out.append(f"| [{label}]({target}) | {ACTION_VERBS.get(step.action, step.action)} "
                                   f"| {safe.plain(self.name(step.jurisdiction))} |")
                    out.append("")
                dropped = [a for a in adaptations if a[0] is None]
                if dropped:
                    out += ["**Clauses that do not apply here:**", ""]
                    for _, _, step, title in dropped:
                        overlay = self.overlay_data(step)
                        item = f"- **{safe.plain(title)}**, removed for {safe.plain(self.name(step.jurisdiction))}"
                        if overlay.get("reason"):
                            item += ": " + safe.inline(overlay["reason"])
                        if overlay.get("references"):
                            item += " Law: " + references(overlay["references"])
                        out.append(item)
                    out.append("")
        children = [j for j in self.tree_order() if self.repo.jurisdictions[j].parent == jurisdiction] \
            if jurisdiction != GLOBAL else []
        if children:
            out += ["## Versions within this one", ""]
            out += [f"- [{safe.plain(self.name(c))}]({link(path, self.landing(c))})" for c in children]
            out.append("")
        refs = data.get("references") or []
        if refs:
            out += ["## Law this version relies on", ""]
            out += [f"- {reference(r)}" for r in refs]
            out.append("")
        source = self.repo.jurisdictions[jurisdiction].path if jurisdiction != GLOBAL else None
        return Page(path, name, "\n".join(out).rstrip("\n") + "\n", self.source(source))

    def policy_page_for(self, jurisdiction: str, policy: ResolvedPolicy) -> Page:
        path = self.policy_page(jurisdiction, policy.id)
        name = self.name(jurisdiction)
        # The country first: a phone's header shows only the start of the title.
        title = f"{name}: {policy.title}"
        tags = sorted({t for c in policy.clauses() for t in (c.get("tags") or []) if isinstance(t, str)})
        out = [front_matter(title, tags), "", f"# {safe.plain(name)}: {safe.plain(policy.title)}", "",
               self.switcher(path, jurisdiction, policy.id), ""]
        if policy.data.get("summary"):
            out += [safe.markdown(policy.data["summary"]), ""]
        if jurisdiction != GLOBAL:
            out += [f"This is the version for {safe.plain(name)}. Clauses that differ from the company-wide "
                    f"policy carry a marked note with the reason and the law behind it.", ""]
        for section in policy.sections:
            if not section.clauses:
                continue
            out += [f"## {safe.plain(section.title)}", ""]
            if section.intro:
                out += [safe.markdown(section.intro), ""]
            for clause in section.clauses:
                out += [self.clause(path, jurisdiction, clause), ""]
        source = self.repo.policies[policy.id].path if policy.id in self.repo.policies else None
        return Page(path, title, "\n".join(out).rstrip("\n") + "\n", self.source(source))

    # one clause ---------------------------------------------------------------

    def meta_line(self, clause: ResolvedClause) -> str:
        level = clause.get("level")
        parts = []
        if level in LEVELS:
            parts.append(f'<span class="cb-level cb-level-{level}" title="{LEVEL_MEANINGS[level]}">'
                         f"{LEVEL_LABELS[level]}</span>")
        parts.append(f"**Owner:** {safe.plain(self.owner_name(clause.get('owner')))}")
        policy = self.repo.policies.get(clause.policy)
        titles = {a["id"]: a.get("title", a["id"]) for a in (policy.data.get("audiences") or [])
                  if isinstance(a, dict) and "id" in a} if policy else {}
        audience = clause.get("audience")
        who = ", ".join(safe.plain(titles.get(a, a)) for a in audience) if audience else "everyone"
        parts.append(f"**For:** {who}")
        channels = clause.get("channels")
        if channels:
            parts.append("**Channels:** " + ("all" if list(channels) == ["all"] else
                                             ", ".join(safe.plain(c) for c in channels)))
        if clause.get("effective"):
            parts.append(f"**Effective:** {date_text(clause.get('effective'))}")
        review = self.reviews.get(clause.id)
        if review is not None and review.last_reviewed is not None:
            parts.append(f"**Last reviewed:** {review.last_reviewed.date.isoformat()}")
        elif review is not None:
            parts.append("**Last reviewed:** unknown")
        edit = self.options.edit_url(self.facts.repo_prefix + clause.path)
        if edit:
            parts.append(f"[Edit this clause]({edit}){{: .cb-edit }}")
        return " · ".join(parts) + "\n{: .cb-meta }"

    @staticmethod
    def note(kind: str, text: str | None, reason: str | None, refs: Iterable[Any], title: str) -> str:
        body = []
        if text:
            body += [text, ""]  # our own sentence, its names already escaped
        if reason:
            body += ["**Why:** " + safe.markdown(reason), ""]
        refs = list(refs)
        if refs:
            body.append("**Law:** " + references(refs))
        return admonition(kind, title, "\n".join(body).strip("\n"))

    def clause(self, page: str, jurisdiction: str, clause: ResolvedClause) -> str:
        out = [f"### {safe.plain(clause.get('title', clause.id))} {{#{clause.id}}}", "", self.meta_line(clause), ""]
        review = self.reviews.get(clause.id)
        if review is not None and review.status == "overdue" and review.due is not None:
            last = review.last_reviewed.date.isoformat() if review.last_reviewed else "never"
            out += [admonition("warning cb-overdue", f"Review overdue since {review.due.isoformat()}",
                               f"The {safe.plain(self.owner_name(review.owner))} team reviews this clause every "
                               f"{review.review_months} months; it was last reviewed on {last}. "
                               "It may be out of date."), ""]
        noted = {n.doc.path for n in clause.notes}
        for step in clause.provenance:
            if step.jurisdiction == GLOBAL or step.path in noted:
                continue
            where = safe.plain(self.name(step.jurisdiction))
            if step.action == "replace":
                text = f"In {where}, this clause replaces the company-wide version."
            elif step.action == "add":
                text = f"This clause applies only in {where} and the versions within it."
            else:
                fields = self.changed_fields(clause, step)
                text = f"Changed for {where}" + (f": {', '.join(fields)}." if fields else ".")
            out += [self.note("info cb-adapted", text, step.reason, step.references,
                              f"Adapted for {self.name(step.jurisdiction)}"), ""]
        for note in clause.notes:
            if note.placement == "before":
                out += [self.jurisdiction_note(clause, note), ""]
        out += [safe.markdown(clause.get("body", "")), ""]
        for note in clause.notes:
            if note.placement != "before":
                out += [self.jurisdiction_note(clause, note), ""]
        out += self.examples(clause)
        if clause.get("rationale"):
            out += [admonition("question cb-rationale", "Why this rule", safe.markdown(clause.get("rationale")),
                               collapsible=True), ""]
        if clause.get("references"):
            out += ["**References:** " + references(clause.get("references")), ""]
        related = [self.related(page, jurisdiction, r) for r in clause.get("related") or []]
        if related:
            out += ["**Related:** " + " · ".join(related), ""]
        return "\n".join(out).rstrip("\n")

    def jurisdiction_note(self, clause: ResolvedClause, note: Any) -> str:
        text = note.text
        step = next((p for p in clause.provenance if p.path == note.doc.path), None)
        fields = self.changed_fields(clause, step) if step is not None else []
        body = safe.markdown(text)
        if fields:
            body += f"\n\n*Also changed here: {', '.join(fields)}.*"
        parts = [body, ""]
        if note.reason:
            parts += ["**Why:** " + safe.markdown(note.reason), ""]
        if note.references:
            parts.append("**Law:** " + references(note.references))
        return admonition("note cb-jurisdiction", f"Note for {self.name(note.jurisdiction)}",
                          "\n".join(parts).strip("\n"))

    @staticmethod
    def changed_fields(clause: ResolvedClause, step: Provenance) -> list[str]:
        fields = {key[0] for key, (doc, _) in clause.origins.items() if key and doc.path == step.path}
        return sorted(str(f).replace("_", " ") for f in fields if f not in ("id", "section"))

    @staticmethod
    def examples(clause: ResolvedClause) -> list[str]:
        examples = clause.get("examples") or {}
        do = [e for e in examples.get("do") or [] if isinstance(e, str)]
        dont = [e for e in examples.get("dont") or [] if isinstance(e, str)]
        if not do and not dont:
            return []
        rows = ["| Do | Don't |", "|---|---|"]
        for index in range(max(len(do), len(dont))):
            left = f"✓ {safe.inline(do[index], table=True)}" if index < len(do) else ""
            right = f"✗ {safe.inline(dont[index], table=True)}" if index < len(dont) else ""
            rows.append(f"| {left} | {right} |")
        return rows + [""]

    def related(self, page: str, jurisdiction: str, clause_id: Any) -> str:
        handbook = self.handbooks[jurisdiction]
        target = handbook.clauses.get(clause_id) if isinstance(clause_id, str) else None
        if target is None:
            base = self.handbooks[GLOBAL].clauses.get(clause_id) if GLOBAL in self.handbooks else None
            title = safe.plain(base.get("title", clause_id) if base else clause_id)
            return f"{title} (does not apply here)"
        title = safe.plain(target.get("title", target.id))
        destination = self.policy_page(jurisdiction, target.policy)
        anchor = link(page, destination, target.id) if destination != page else f"#{target.id}"
        return f"[{title}]({anchor})"

    # what changed, review, rules -------------------------------------------------

    def clause_link(self, page: str, clause_id: str, jurisdiction: str) -> str:
        handbook = self.handbooks.get(jurisdiction)
        clause = handbook.clauses.get(clause_id) if handbook else None
        if clause is None:
            for other in self.jurisdictions:  # a clause a jurisdiction added: its first version
                clause = self.handbooks[other].clauses.get(clause_id)
                if clause is not None:
                    jurisdiction = other
                    break
        if clause is None:
            return f"{safe.plain(clause_id)} (removed)"
        title = safe.plain(clause.get("title", clause_id)).replace("|", "&#124;")
        return f"[{title}]({link(page, self.policy_page(jurisdiction, clause.policy), clause_id)})"

    def history_intro(self) -> list[str]:
        out = []
        if self.facts.history_note:
            out += [admonition("info", "About the history", safe.plain(self.facts.history_note)), ""]
        return out

    def changes_page(self) -> Page:
        path = "changes.md"
        out = [front_matter("What changed"), "", "# What changed", "",
               "Recent changes to the content of each country's version, newest first, read from the "
               "git history. Edits that only change formatting are not listed. A change to the "
               "company-wide policy appears in every version.", ""]
        out += self.history_intro()
        history = self.facts.history
        if history is None:
            return Page(path, "What changed", "\n".join(out).rstrip("\n") + "\n")
        for jurisdiction in [GLOBAL, *self.picker_order()] if GLOBAL in self.handbooks else self.picker_order():
            title = GLOBAL_TITLE if jurisdiction == GLOBAL else self.name(jurisdiction)
            out += [f"## {safe.plain(title)}", ""]
            limit = self.options.changes_limit
            events = history.changes(limit=limit + 1, jurisdiction=jurisdiction)
            if not events:
                out += ["No changes recorded yet.", ""]
                continue
            cut = len(events) > limit
            out += ["| Date | Clauses | Change | Made in | Commit |", "|---|---|---|---|---|"]
            groups = self.by_commit(events[:limit])
            for index, group in enumerate(groups):
                first = group[0]
                clauses = ", ".join(dict.fromkeys(self.clause_link(path, e.clause, jurisdiction) for e in group))
                if cut and index == len(groups) - 1 and events[limit].commit == first.commit:
                    clauses += " and more"  # the commit changed more clauses than the page lists
                made_in = dict.fromkeys(j for e in group for j in e.jurisdictions)
                where = ", ".join(safe.plain(self.name(j) if j == GLOBAL or j in self.repo.jurisdictions else j)
                                  for j in made_in).replace("|", "&#124;")
                url = self.options.commit_url(first.commit)
                commit = f"[{safe.code_inline(first.commit[:7])}]({url})" if url else safe.code_inline(first.commit[:7])
                subject = safe.plain(first.subject).replace("|", "&#124;")
                out.append(f"| {first.date.isoformat()} | {clauses} | {subject} | {where} | {commit} |")
            if cut:
                out += ["", f"Showing the newest {limit} clause changes."]
            out.append("")
        return Page(path, "What changed", "\n".join(out).rstrip("\n") + "\n")

    @staticmethod
    def by_commit(events: list) -> list[list]:
        """Consecutive events of one commit, together (events are newest first)."""
        groups: list[list] = []
        for event in events:
            if groups and groups[-1][0].commit == event.commit:
                groups[-1].append(event)
            else:
                groups.append([event])
        return groups

    def review_page(self) -> Page:
        path = "review.md"
        out = [front_matter("Review status"), "", "# Review status", "",
               "Every clause is reviewed by its owner team at a set interval. A change to a clause counts as "
               "a review; a review without a change is recorded with `clausebook review record`.", ""]
        out += self.history_intro()
        reviews = self.facts.reviews
        if self.facts.as_of is None or not reviews:
            return Page(path, "Review status", "\n".join(out).rstrip("\n") + "\n")
        counts: dict[str, int] = {}
        for item in reviews:
            counts[item.status] = counts.get(item.status, 0) + 1
        summary = ", ".join(f"{counts[s]} {STATUS_LABELS.get(s, s).lower()}" for s in STATUS_LABELS if counts.get(s))
        out += [f"As of {self.facts.as_of.isoformat()}, the date of the commit this site was built from: "
                f"{len(reviews)} clauses, {summary}.", "",
                "| Clause | Owner | Every | Last reviewed | Due | Status |", "|---|---|---|---|---|---|"]
        for item in reviews:
            last = item.last_reviewed.date.isoformat() if item.last_reviewed else "unknown"
            due = item.due.isoformat() if item.due else "unknown"
            status = (f'<span class="cb-status cb-status-{item.status}">'
                      f"{STATUS_LABELS.get(item.status, item.status)}</span>")
            owner = safe.plain(self.owner_name(item.owner)).replace("|", "&#124;")
            out.append(f"| {self.clause_link(path, item.clause, GLOBAL)} | {owner} | {item.review_months} months "
                       f"| {last} | {due} | {status} |")
        return Page(path, "Review status", "\n".join(out).rstrip("\n") + "\n")

    def rules_page(self) -> Page:
        from clausebook.lint.registry import FAMILIES

        path = "rules.md"
        out = [front_matter("Lint rules"), "", "# Lint rules", "",
               "Every change to the policy is checked by `clausebook lint`. Each rule has a stable code; "
               "configure severities under `[tool.clausebook]` in `pyproject.toml`, and silence a rule for "
               "one clause with `lint_ignore` and a reason.", ""]
        by_family: dict[str, list] = {}
        for doc in self.facts.rules:
            by_family.setdefault(doc.family, []).append(doc)
        for family, title in FAMILIES.items():
            docs = by_family.get(family, [])
            if not docs and family != "L":
                continue
            out += [f"## {family}: {safe.plain(title)}", ""]
            for doc in docs:
                anchor = doc.code.lower().replace("/", "-")
                out += [f"### {safe.plain(doc.code)}: {safe.plain(doc.summary)} {{#{anchor}}}", "",
                        f"Severity: **{safe.plain(doc.severity)}**", ""]
                if doc.description and doc.description != doc.summary:
                    out += [safe.markdown(doc.description), ""]
                out += ['=== "Bad"', "", safe.indent(safe.code_block(doc.bad, "yaml")), "",
                        '=== "Good"', "", safe.indent(safe.code_block(doc.good, "yaml")), ""]
            if family == "L":
                out += self.jurisdiction_rules()
        return Page(path, "Lint rules", "\n".join(out).rstrip("\n") + "\n")

    def jurisdiction_rules(self) -> list[str]:
        out = []
        for jurisdiction in self.picker_order():
            rules = [r for r in self.repo.jurisdictions[jurisdiction].rules if isinstance(r, dict) and "id" in r]
            if not rules:
                continue
            out += [f"### Rules of {safe.plain(self.name(jurisdiction))}", "",
                    f"These apply to the {safe.plain(self.name(jurisdiction))} version and every version within it.",
                    ""]
            for rule in sorted(rules, key=lambda r: str(r["id"])):
                code = f"L/{jurisdiction}/{rule['id']}"
                out.append(f"- {safe.code_inline(code)}: {safe.plain(rule.get('message', ''))} "
                           f"*{safe.plain(rule.get('reference', ''))}*")
                if rule.get("forbid"):
                    out.append(f"    - No clause text may match {safe.code_inline(rule['forbid'])}.")
                if rule.get("require"):
                    tags = ", ".join(safe.plain(t) for t in rule.get("tags") or [])
                    out.append(f"    - Every clause tagged {tags} must match {safe.code_inline(rule['require'])}.")
            out.append("")
        return out


def render_site(workspace: Workspace, facts: Facts, options: RenderOptions | None = None) -> Site:
    """The pages and navigation of the handbook; pure given the facts."""
    return _Renderer(workspace, facts, options or RenderOptions()).site()


def build_site(workspace: Workspace, options: RenderOptions | None = None, with_history: bool = True) -> Site:
    return render_site(workspace, gather(workspace, with_history), options)


def docs_pages(docs_dir: Path) -> list[str]:
    """The hand-written Markdown pages of a docs folder, docs-relative, sorted."""
    if not docs_dir.is_dir():
        return []
    return sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md") if p.is_file())
