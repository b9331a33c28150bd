"""The upcoming text of a clause, shown above the text in force: its date and a redline.

A change merged with a later `effective` date is not in force yet; the
policy page shows the text in force, and this box shows what will change
and when (deletions struck through, insertions underlined).
"""

from __future__ import annotations

from clausebook.diff.fields import field_label
from clausebook.diff.redline import to_markdown_lines
from clausebook.site import safe
from clausebook.site.blocks import admonition
from clausebook.site.context import SiteContext
from clausebook.site.i18n import t


def upcoming_block(ctx: SiteContext, jurisdiction: str, clause_id: str, lang: str = "en") -> list[str]:
    found = ctx.facts.upcoming.get((jurisdiction, clause_id))
    if found is None:
        return []
    when, change = found
    # `when` is an ISO date (site.releases normalises it): digits and hyphens only.
    body = [t(lang, "upcoming_text", when=when), ""]
    for redline in change.redlines:
        if jurisdiction not in redline.jurisdictions:
            continue
        body += [f"**{safe.plain(field_label(redline.field))}:**", ""]
        body += [f"{line}  " if line.strip() else "" for line in to_markdown_lines(redline.segments)]
        body.append("")
    return [admonition("tip cb-upcoming", t(lang, "upcoming"), "\n".join(body).rstrip()), ""]
