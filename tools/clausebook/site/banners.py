"""The boxes pages open with: the not-legal-advice notice, the version switcher, the history note."""

from __future__ import annotations

from clausebook.core.model import GLOBAL
from clausebook.site import safe
from clausebook.site.blocks import admonition, link
from clausebook.site.context import GLOBAL_NAME, SiteContext, landing_path, policy_path


def notice(ctx: SiteContext, page: str) -> str:
    """The legal notice the company configured (`legal_notice`), or "" when it chose none."""
    if not ctx.options.legal_notice.strip():
        return ""
    text = safe.markdown(ctx.options.legal_notice)
    if ctx.options.about_page:
        text += f" [About this handbook]({link(page, ctx.options.about_page)})"
    return admonition("warning cb-notice", ctx.options.legal_notice_title, text)


def switcher(ctx: SiteContext, page: str, jurisdiction: str, target: str | None) -> str:
    """Links to the same page in every other jurisdiction; the current one marked."""

    def entry(j: str) -> str:
        label = safe.plain(GLOBAL_NAME if j == GLOBAL else ctx.name(j))
        if j == jurisdiction:
            return f"**{label}** (this version)"
        destination = policy_path(j, target) if target else landing_path(j)
        if target and target not in {p.id for p in ctx.handbooks[j].policies()}:
            destination = landing_path(j)
        if destination == landing_path(j):
            return f"[{label}]({link(page, destination)})"
        # The same policy in another version: the script adds the clause being read as the anchor.
        return f"[{label}]({link(page, destination)}){{: .cb-same-clause }}"

    lines = [f"- **Company-wide:** {entry(GLOBAL)}"] if GLOBAL in ctx.handbooks else []
    for region, members in ctx.regions:
        lines.append(f"- **{safe.plain(region)}:** " + " · ".join(entry(j) for j in members))
    title = f"{ctx.name(jurisdiction)} · switch country"  # one line on a phone
    return admonition("abstract cb-switcher", title, "\n".join(lines), collapsible=True)


def history_intro(ctx: SiteContext) -> list[str]:
    """Why the history is missing or incomplete, when it is (the changes and review pages)."""
    out = []
    if ctx.facts.history_note:
        out += [admonition("info", "About the history", safe.plain(ctx.facts.history_note)), ""]
    return out
