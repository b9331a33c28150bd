"""The boxes pages open with: the not-legal-advice notice, the version and language switchers, the history note.

The language switch links the same page in the handbook's other views
(`languages.View`); like the version switcher, its links carry
`cb-same-clause`, so the script keeps the reader on the clause being read.
"""

from __future__ import annotations

from clausebook.core.model import GLOBAL
from clausebook.site import safe
from clausebook.site.blocks import admonition, link
from clausebook.site.context import GLOBAL_NAME, SiteContext, landing_path, policy_path
from clausebook.site.i18n import native_name, t
from clausebook.site.languages import View
from clausebook.site.options import DEFAULT_NOTICE


def notice(ctx: SiteContext, page: str, lang: str = "en") -> str:
    """The legal notice the company configured (`legal_notice`), or "" when it chose none.

    The shipped default notice is ours, so it is shown in the page's language; a company's own is as written.
    """
    if not ctx.options.legal_notice.strip():
        return ""
    default = ctx.options.legal_notice == DEFAULT_NOTICE
    text = safe.markdown(t(lang, "legal_notice") if default else ctx.options.legal_notice)
    if ctx.options.about_page:
        text += f" [About this handbook]({link(page, ctx.options.about_page)})"
    title = t(lang, "legal_notice_title") if ctx.options.legal_notice_title == t("en", "legal_notice_title") \
        else ctx.options.legal_notice_title
    return admonition("warning cb-notice", title, text)


def language_switch(ctx: SiteContext, page: str, view: View, target: str | None) -> list[str]:
    """The same page in the handbook's other languages (nothing for a handbook in one language)."""
    views = ctx.views(view.jurisdiction)
    if len(views) < 2:
        return []

    def label(other: View) -> str:
        name = native_name(other.lang)
        return t(other.lang, "source_label", language=name) if not other.translated else name

    entries = []
    for other in views:
        if other == view:
            entries.append(f"**{label(other)}**")
            continue
        destination = policy_path(other.folder, target) if target else landing_path(other.folder)
        marker = "{: .cb-same-clause " if target else "{: "
        entries.append(f'[{label(other)}]({link(page, destination)}){marker}hreflang="{other.lang}" '
                       f'lang="{other.lang}" }}')
    return [f'- **{t(view.lang, "language")}:** ' + " · ".join(entries)]


def switcher(ctx: SiteContext, page: str, jurisdiction: str, target: str | None, view: View | None = None) -> str:
    """Links to the same page in every other jurisdiction (and language, first); the current one marked."""
    lang = view.lang if view else "en"

    def entry(j: str) -> str:
        label = safe.plain(GLOBAL_NAME if j == GLOBAL else ctx.name(j))
        if j == jurisdiction:
            return f"**{label}** {t(lang, 'this_version')}"
        destination = policy_path(j, target) if target else landing_path(j)
        if target and target not in {p.id for p in ctx.handbooks[j].policies()}:
            destination = landing_path(j)
        if destination == landing_path(j):
            return f"[{label}]({link(page, destination)})"
        # The same policy in another version: the script adds the clause being read as the anchor.
        return f"[{label}]({link(page, destination)}){{: .cb-same-clause }}"

    languages = language_switch(ctx, page, view, target) if view else []
    lines = [*languages, f"- **{t(lang, 'company_wide')}:** {entry(GLOBAL)}"] if GLOBAL in ctx.handbooks \
        else list(languages)
    for region, members in ctx.regions:
        lines.append(f"- **{safe.plain(region)}:** " + " · ".join(entry(j) for j in members))
    # one line on a phone
    title = t(lang, "switch_both" if languages else "switch_country", name=ctx.name(jurisdiction))
    return admonition("abstract cb-switcher", title, "\n".join(lines), collapsible=True)


def history_intro(ctx: SiteContext) -> list[str]:
    """Why the history is missing or incomplete, when it is (the changes and review pages)."""
    out = []
    if ctx.facts.history_note:
        out += [admonition("info", "About the history", safe.plain(ctx.facts.history_note)), ""]
    return out
