"""One clause as it appears on a policy page: heading, metadata line, notes, body, examples, links.

`clause_block(ctx, page, jurisdiction, clause)` returns the clause's
Markdown, anchored at `#<clause-id>`. Notes explain every way the clause
differs from the company-wide version (with the reason and the law), and an
overdue review is flagged above the text so nobody relies on it unawares.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from clausebook.core.model import GLOBAL, LEVELS
from clausebook.core.resolve import Provenance, ResolvedClause
from clausebook.site import safe
from clausebook.site.blocks import admonition, date_text, link, references
from clausebook.site.channels import channel_list
from clausebook.site.context import SiteContext, policy_path
from clausebook.site.upcoming import upcoming_block

LEVEL_LABELS = {"must": "Must", "should": "Should", "may": "May", "info": "Info"}
LEVEL_MEANINGS = {"must": "required", "should": "recommended", "may": "allowed", "info": "explains, obliges nothing"}


def clause_block(ctx: SiteContext, page: str, jurisdiction: str, clause: ResolvedClause) -> str:
    out = [f"### {safe.plain(clause.get('title', clause.id))} {{#{clause.id}}}", "", meta_line(ctx, clause), ""]
    out += upcoming_block(ctx, jurisdiction, clause.id)
    review = ctx.reviews.get(clause.id)
    if review is not None and review.status == "overdue" and review.due is not None:
        last = review.last_reviewed.date.isoformat() if review.last_reviewed else "never"
        out += [admonition("warning cb-overdue", f"Review overdue since {review.due.isoformat()}",
                           f"The {safe.plain(ctx.owner_name(review.owner))} team reviews this clause every "
                           f"{review.review_months} months; it was last reviewed on {last}. "
                           "It may be out of date."), ""]
    noted = {n.doc.path for n in clause.notes}
    for step in clause.provenance:
        if step.jurisdiction == GLOBAL or step.path in noted:
            continue
        where = safe.plain(ctx.name(step.jurisdiction))
        if step.action == "replace":
            text = f"In {where}, this clause replaces the company-wide version."
        elif step.action == "add":
            text = f"This clause applies only in {where} and the versions within it."
        else:
            fields = changed_fields(clause, step)
            text = f"Changed for {where}" + (f": {', '.join(fields)}." if fields else ".")
        out += [note("info cb-adapted", text, step.reason, step.references,
                     f"Adapted for {ctx.name(step.jurisdiction)}"), ""]
    for jurisdiction_text in clause.notes:
        if jurisdiction_text.placement == "before":
            out += [jurisdiction_note(ctx, clause, jurisdiction_text), ""]
    out += [safe.markdown(clause.get("body", "")), ""]
    for jurisdiction_text in clause.notes:
        if jurisdiction_text.placement != "before":
            out += [jurisdiction_note(ctx, clause, jurisdiction_text), ""]
    out += examples(clause)
    if clause.get("rationale"):
        out += [admonition("question cb-rationale", "Why this rule", safe.markdown(clause.get("rationale")),
                           collapsible=True), ""]
    if clause.get("references"):
        out += ["**References:** " + references(clause.get("references")), ""]
    if clause.id in ctx.overlaid_clauses:  # where countries differ, the matrix page says how and why
        out += [f"[How other countries differ]({link(page, 'matrix.md', clause.id)}){{: .cb-elsewhere }}", ""]
    related_links = [related(ctx, page, jurisdiction, r) for r in clause.get("related") or []]
    if related_links:
        out += ["**Related:** " + " · ".join(related_links), ""]
    return "\n".join(out).rstrip("\n")


def meta_line(ctx: SiteContext, clause: ResolvedClause) -> str:
    """Level badge, owner, audience, channels, dates and the edit link, on one line."""
    level = clause.get("level")
    parts = []
    if level in LEVELS:
        parts.append(f'<span class="cb-level cb-level-{level}" title="{LEVEL_MEANINGS[level]}">'
                     f"{LEVEL_LABELS[level]}</span>")
    parts.append(f"**Owner:** {safe.plain(ctx.owner_name(clause.get('owner')))}")
    policy = ctx.repo.policies.get(clause.policy)
    titles = {a["id"]: a.get("title", a["id"]) for a in (policy.data.get("audiences") or [])
              if isinstance(a, dict) and "id" in a} if policy else {}
    audience = clause.get("audience")
    who = ", ".join(safe.plain(titles.get(a, a)) for a in audience) if audience else "everyone"
    parts.append(f"**For:** {who}")
    channels = clause.get("channels")
    if channels:
        parts.append("**Channels:** " + ("all" if list(channels) == ["all"] else safe.plain(channel_list(channels))))
    if clause.get("effective"):
        parts.append(f"**Effective:** {date_text(clause.get('effective'))}")
    review = ctx.reviews.get(clause.id)
    if review is not None and review.last_reviewed is not None:
        parts.append(f"**Last reviewed:** {review.last_reviewed.date.isoformat()}")
    elif review is not None:
        parts.append("**Last reviewed:** unknown")
    line = " · ".join(parts)
    edit = ctx.options.edit_url(ctx.facts.repo_prefix + clause.path)
    if edit:  # the separator goes with the link, so a printed page (no edit link) ends cleanly
        line += f'<span class="cb-edit"> · </span>[Edit this clause]({edit}){{: .cb-edit }}'
    # Excluded from search, so a result's preview is the clause's text rather than this line.
    return line + "\n{: .cb-meta data-search-exclude }"


def note(kind: str, text: str | None, reason: str | None, refs: Iterable[Any] | None, title: str) -> str:
    """A note box: `text` (Markdown, already escaped), then why, then the law behind it."""
    body = []
    if text:
        body += [text, ""]
    if reason:
        body += ["**Why:** " + safe.markdown(reason), ""]
    refs = list(refs or [])
    if refs:
        body.append("**Law:** " + references(refs))
    return admonition(kind, title, "\n".join(body).strip("\n"))


def jurisdiction_note(ctx: SiteContext, clause: ResolvedClause, jurisdiction_text: Any) -> str:
    """An overlay's own note on the clause, with the fields that overlay changed as well."""
    step = next((p for p in clause.provenance if p.path == jurisdiction_text.doc.path), None)
    fields = changed_fields(clause, step) if step is not None else []
    body = safe.markdown(jurisdiction_text.text)
    if fields:
        body += f"\n\n*Also changed here: {', '.join(fields)}.*"
    return note("note cb-jurisdiction", body, jurisdiction_text.reason, jurisdiction_text.references,
                f"Note for {ctx.name(jurisdiction_text.jurisdiction)}")


def changed_fields(clause: ResolvedClause, step: Provenance) -> list[str]:
    fields = {key[0] for key, (doc, _) in clause.origins.items() if key and doc.path == step.path}
    return sorted(str(f).replace("_", " ") for f in fields if f not in ("id", "section"))


def examples(clause: ResolvedClause) -> list[str]:
    """The do/don't examples as a two-column table (nothing when there are none)."""
    found = clause.get("examples") or {}
    do = [e for e in found.get("do") or [] if isinstance(e, str)]
    dont = [e for e in found.get("dont") or [] if isinstance(e, str)]
    if not do and not dont:
        return []
    rows = ["| Do | Don't |", "|---|---|"]
    for index in range(max(len(do), len(dont))):
        left = f"✓ {safe.inline(do[index], table=True)}" if index < len(do) else ""
        right = f"✗ {safe.inline(dont[index], table=True)}" if index < len(dont) else ""
        rows.append(f"| {left} | {right} |")
    return rows + [""]


def related(ctx: SiteContext, page: str, jurisdiction: str, clause_id: Any) -> str:
    """A link to a related clause in this version, or its title marked as not applying here."""
    handbook = ctx.handbooks[jurisdiction]
    target = handbook.clauses.get(clause_id) if isinstance(clause_id, str) else None
    if target is None:
        base = ctx.handbooks[GLOBAL].clauses.get(clause_id) if GLOBAL in ctx.handbooks else None
        title = safe.plain(base.get("title", clause_id) if base else clause_id)
        return f"{title} (does not apply here)"
    title = safe.plain(target.get("title", target.id))
    destination = policy_path(jurisdiction, target.policy)
    anchor = link(page, destination, target.id) if destination != page else f"#{target.id}"
    return f"[{title}]({anchor})"
