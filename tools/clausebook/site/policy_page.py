"""One policy in one jurisdiction's version (`/<j>/<policy>/`): its sections and clauses in order."""

from __future__ import annotations

from clausebook.core.model import GLOBAL
from clausebook.core.resolve import ResolvedPolicy
from clausebook.site import safe
from clausebook.site.banners import switcher
from clausebook.site.blocks import front_matter, page_text
from clausebook.site.clause import clause_block
from clausebook.site.context import SiteContext, policy_path
from clausebook.site.page import Page


def policy_page(ctx: SiteContext, jurisdiction: str, policy: ResolvedPolicy) -> Page:
    path = policy_path(jurisdiction, policy.id)
    name = ctx.name(jurisdiction)
    # The country first: a phone's header shows only the start of the title.
    title = f"{name}: {policy.title}"
    tags = sorted({t for c in policy.clauses() for t in (c.get("tags") or []) if isinstance(t, str)})
    out = [front_matter(title, tags), "", f"# {safe.plain(name)}: {safe.plain(policy.title)}", "",
           switcher(ctx, path, jurisdiction, policy.id), ""]
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
            out += [clause_block(ctx, path, jurisdiction, clause), ""]
    source = ctx.repo.policies[policy.id].path if policy.id in ctx.repo.policies else None
    clause_tags = {c.id: tuple(str(t) for t in c.get("tags") or [] if isinstance(t, str)) for c in policy.clauses()}
    return Page(path, title, page_text(out), ctx.source(source), {k: v for k, v in clause_tags.items() if v})
