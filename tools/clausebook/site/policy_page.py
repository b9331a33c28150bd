"""One policy in one jurisdiction's version (`/<j>/<policy>/`): its sections and clauses in order.

With a `View` the page is in that view's language (`/de/social-media/` in
German, `/de/en/social-media/` the approved English): clause text and
headings through `languages.localized_policy`, our own strings through
`i18n`, and each clause not shown in a current translation says so.
"""

from __future__ import annotations

from clausebook.core.model import GLOBAL
from clausebook.core.resolve import ResolvedPolicy
from clausebook.site import safe
from clausebook.site.banners import switcher
from clausebook.site.blocks import admonition, front_matter, page_text
from clausebook.site.clause import clause_block
from clausebook.site.context import SiteContext, policy_path
from clausebook.site.i18n import t
from clausebook.site.languages import View, localized_policy
from clausebook.site.page import Page


def policy_page(ctx: SiteContext, jurisdiction: str, policy: ResolvedPolicy, view: View | None = None) -> Page:
    view = view or ctx.view(jurisdiction)
    lang = view.lang
    shown = localized_policy(ctx.assessment, view, policy) if view.translated else None
    policy = shown.policy if shown else policy
    path = policy_path(view.folder, policy.id)
    name = ctx.name(jurisdiction)
    # The country first: a phone's header shows only the start of the title.
    title = f"{name}: {policy.title}"
    tags = sorted({t for c in policy.clauses() for t in (c.get("tags") or []) if isinstance(t, str)})
    out = [front_matter(title, tags), "", f"# {safe.plain(name)}: {safe.plain(policy.title)}", "",
           switcher(ctx, path, jurisdiction, policy.id, view), ""]
    if shown is not None and shown.headings_fallback:
        out += [admonition("info cb-translation", t(lang, "fallback_title"), t(lang, "headings_notice")), ""]
    if policy.data.get("summary"):
        out += [safe.markdown(policy.data["summary"]), ""]
    if jurisdiction != GLOBAL:
        out += [t(lang, "version_for", name=safe.plain(name)), ""]
    for section in policy.sections:
        if not section.clauses:
            continue
        out += [f"## {safe.plain(section.title)}", ""]
        if section.intro:
            out += [safe.markdown(section.intro), ""]
        for clause in section.clauses:
            status = shown.statuses.get(clause.id, "current") if shown else "current"
            out += [clause_block(ctx, path, jurisdiction, clause, view, status), ""]
    source = ctx.repo.policies[policy.id].path if policy.id in ctx.repo.policies else None
    clause_tags = {c.id: tuple(str(t) for t in c.get("tags") or [] if isinstance(t, str)) for c in policy.clauses()}
    return Page(path, title, page_text(out), ctx.source(source), {k: v for k, v in clause_tags.items() if v},
                lang=lang)
