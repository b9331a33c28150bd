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
from clausebook.site.i18n import t
from clausebook.site.languages import View
from clausebook.site.upcoming import upcoming_block
from clausebook.translate.status import CURRENT, STALE_EDITORIAL

LEVEL_LABELS = {level: t("en", f"level.{level}") for level in LEVELS}

# Field names as the notes list them, per language (English: the field's own name).
FIELD_NAMES = {
    "de": {"title": "Titel", "body": "Text", "examples": "Beispiele", "level": "Verbindlichkeit",
           "rationale": "Begründung", "references": "Quellen", "owner": "Verantwortlich"},
    "fr": {"title": "titre", "body": "texte", "examples": "exemples", "level": "niveau",
           "rationale": "justification", "references": "références", "owner": "responsable"},
}


def clause_block(ctx: SiteContext, page: str, jurisdiction: str, clause: ResolvedClause,
                 view: View | None = None, status: str = CURRENT) -> str:
    """The clause in `view` (default: the handbook's main view); `status` its translation status."""
    view = view or ctx.view(jurisdiction)
    lang = view.lang
    out = [f"### {safe.plain(clause.get('title', clause.id))} {{#{clause.id}}}", "", meta_line(ctx, clause, lang), ""]
    out += translation_notice(ctx, page, view, clause, status)
    out += upcoming_block(ctx, jurisdiction, clause.id, lang)
    review = ctx.reviews.get(clause.id)
    if review is not None and review.status == "overdue" and review.due is not None:
        last = review.last_reviewed.date.isoformat() if review.last_reviewed else t(lang, "never")
        out += [admonition("warning cb-overdue", t(lang, "overdue_title", due=review.due.isoformat()),
                           t(lang, "overdue_text", owner=safe.plain(ctx.owner_name(review.owner)),
                             months=review.review_months, last=last)), ""]
    noted = {n.doc.path for n in clause.notes}
    for step in clause.provenance:
        if step.jurisdiction == GLOBAL or step.path in noted:
            continue
        where = safe.plain(ctx.name(step.jurisdiction))
        if step.action == "replace":
            text = t(lang, "replaces", name=where)
        elif step.action == "add":
            text = t(lang, "only_here", name=where)
        else:
            fields = changed_fields(clause, step, lang)
            text = t(lang, "changed_for", name=where) + (f": {', '.join(fields)}." if fields else ".")
        out += [note("info cb-adapted", text, step.reason, step.references,
                     t(lang, "adapted", name=ctx.name(step.jurisdiction)), lang), ""]
    for jurisdiction_text in clause.notes:
        if jurisdiction_text.placement == "before":
            out += [jurisdiction_note(ctx, clause, jurisdiction_text, lang), ""]
    out += [safe.markdown(clause.get("body", "")), ""]
    for jurisdiction_text in clause.notes:
        if jurisdiction_text.placement != "before":
            out += [jurisdiction_note(ctx, clause, jurisdiction_text, lang), ""]
    out += examples(clause, lang)
    if clause.get("rationale"):
        out += [admonition("question cb-rationale", t(lang, "why_rule"), safe.markdown(clause.get("rationale")),
                           collapsible=True), ""]
    if clause.get("references"):
        out += [admonition("quote cb-references", t(lang, "references"), references(clause.get("references")),
                           collapsible=True), ""]
    if clause.id in ctx.overlaid_clauses:  # where countries differ, the matrix page says how and why
        out += [f"[{t(lang, 'elsewhere')}]({link(page, 'matrix.md', clause.id)}){{: .cb-elsewhere }}", ""]
    related_links = [related(ctx, page, view, r) for r in clause.get("related") or []]
    if related_links:
        out += [f"**{t(lang, 'related')}:** " + " · ".join(related_links), ""]
    return "\n".join(out).rstrip("\n")


def translation_notice(ctx: SiteContext, page: str, view: View, clause: ResolvedClause, status: str) -> list[str]:
    """The box saying the text shown is not the current translation, in the reader's language."""
    if not view.translated or status == CURRENT:
        return []
    lang = view.lang
    if status == STALE_EDITORIAL:
        source = ctx.views(view.jurisdiction)[-1]
        target = link(page, policy_path(source.folder, clause.policy), clause.id)
        return [admonition("info cb-translation cb-stale-editorial", t(lang, "stale_editorial_title"),
                           t(lang, "stale_editorial", source=target)), ""]
    key = "missing" if status == "missing" else "stale_material"
    return [admonition(f"warning cb-translation cb-{status}", t(lang, "fallback_title"), t(lang, key)), ""]


def meta_line(ctx: SiteContext, clause: ResolvedClause, lang: str = "en") -> str:
    """Level badge, owner, audience, channels, dates and the edit link, on one line."""
    level = clause.get("level")
    parts = []
    if level in LEVELS:
        parts.append(f'<span class="cb-level cb-level-{level}" title="{t(lang, "meaning." + level)}">'
                     f"{t(lang, 'level.' + level)}</span>")
    parts.append(f"**{t(lang, 'owner')}:** {safe.plain(ctx.owner_name(clause.get('owner')))}")
    policy = ctx.repo.policies.get(clause.policy)
    titles = {a["id"]: a.get("title", a["id"]) for a in (policy.data.get("audiences") or [])
              if isinstance(a, dict) and "id" in a} if policy else {}
    audience = clause.get("audience")
    who = ", ".join(safe.plain(titles.get(a, a)) for a in audience) if audience else t(lang, "everyone")
    parts.append(f"**{t(lang, 'for')}:** {who}")
    channels = clause.get("channels")
    if channels:
        parts.append(f"**{t(lang, 'channels')}:** " + (t(lang, "all") if list(channels) == ["all"]
                                                      else safe.plain(channel_list(channels))))
    if clause.get("effective"):
        parts.append(f"**{t(lang, 'effective')}:** {date_text(clause.get('effective'))}")
    review = ctx.reviews.get(clause.id)
    if review is not None and review.last_reviewed is not None:
        parts.append(f"**{t(lang, 'last_reviewed')}:** {review.last_reviewed.date.isoformat()}")
    elif review is not None:
        parts.append(f"**{t(lang, 'last_reviewed')}:** {t(lang, 'unknown')}")
    line = " · ".join(parts)
    edit = ctx.options.edit_url(ctx.facts.repo_prefix + clause.path)
    if edit:  # the separator goes with the link, so a printed page (no edit link) ends cleanly
        line += f'<span class="cb-edit"> · </span>[{t(lang, "edit_clause")}]({edit}){{: .cb-edit }}'
    # Excluded from search, so a result's preview is the clause's text rather than this line.
    return line + "\n{: .cb-meta data-search-exclude }"


def note(kind: str, text: str | None, reason: str | None, refs: Iterable[Any] | None, title: str,
         lang: str = "en") -> str:
    """A note box: `text` (Markdown, already escaped), then why, then the law behind it."""
    body = []
    if text:
        body += [text, ""]
    why = []  # folded: the note itself is read first, the reason and the law on request
    if reason:
        why += [f"**{t(lang, 'why')}:** " + safe.markdown(reason), ""]
    refs = list(refs or [])
    if refs:
        why.append(f"**{t(lang, 'law')}:** " + references(refs))
    if why:
        body.append(admonition("info cb-why", t(lang, "why_law"), "\n".join(why).strip("\n"), collapsible=True))
    return admonition(kind, title, "\n".join(body).strip("\n"))


def jurisdiction_note(ctx: SiteContext, clause: ResolvedClause, jurisdiction_text: Any, lang: str = "en") -> str:
    """An overlay's own note on the clause, with the fields that overlay changed as well."""
    step = next((p for p in clause.provenance if p.path == jurisdiction_text.doc.path), None)
    fields = changed_fields(clause, step, lang) if step is not None else []
    body = safe.markdown(jurisdiction_text.text)
    if fields:
        body += f"\n\n*{t(lang, 'also_changed', fields=', '.join(fields))}*"
    return note("note cb-jurisdiction", body, jurisdiction_text.reason, jurisdiction_text.references,
                t(lang, "note_for", name=ctx.name(jurisdiction_text.jurisdiction)), lang)


def changed_fields(clause: ResolvedClause, step: Provenance, lang: str = "en") -> list[str]:
    fields = {key[0] for key, (doc, _) in clause.origins.items() if key and doc.path == step.path}
    names = FIELD_NAMES.get(lang.split("-")[0].lower(), {})
    return sorted(names.get(str(f), str(f).replace("_", " ")) for f in fields if f not in ("id", "section"))


def examples(clause: ResolvedClause, lang: str = "en") -> list[str]:
    """The do/don't examples as a two-column table, folded (nothing when there are none)."""
    found = clause.get("examples") or {}
    do = [e for e in found.get("do") or [] if isinstance(e, str)]
    dont = [e for e in found.get("dont") or [] if isinstance(e, str)]
    if not do and not dont:
        return []
    rows = [f"| {t(lang, 'do')} | {t(lang, 'dont')} |", "|---|---|"]
    for index in range(max(len(do), len(dont))):
        left = f"✓ {safe.inline(do[index], table=True)}" if index < len(do) else ""
        right = f"✗ {safe.inline(dont[index], table=True)}" if index < len(dont) else ""
        rows.append(f"| {left} | {right} |")
    return [admonition("example cb-examples", t(lang, "examples"), "\n".join(rows), collapsible=True), ""]


def related(ctx: SiteContext, page: str, view: View, clause_id: Any) -> str:
    """A link to a related clause in this version, or its title marked as not applying here."""
    handbook = ctx.handbooks[view.jurisdiction]
    target = handbook.clauses.get(clause_id) if isinstance(clause_id, str) else None
    if target is None:
        base = ctx.handbooks[GLOBAL].clauses.get(clause_id) if GLOBAL in ctx.handbooks else None
        title = safe.plain(base.get("title", clause_id) if base else clause_id)
        return t(view.lang, "not_here", title=title)
    if view.translated:  # the related clause's title in the reader's language
        from clausebook.translate.localize import clause_text

        target = clause_text(ctx.assessment, view.jurisdiction, view.lang, target.id).clause
    title = safe.plain(target.get("title", target.id))
    destination = policy_path(view.folder, target.policy)
    anchor = link(page, destination, target.id) if destination != page else f"#{target.id}"
    return f"[{title}]({anchor})"
