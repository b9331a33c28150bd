"""`/<j>/feed.xml`: an Atom feed of the material changes of one handbook.

One entry per release that materially changed the handbook (newest first);
before the first release, one entry per merged commit with a material
change. Written with feedgen (a maintained Atom/RSS writer on lxml), so the
XML is well formed and escaped whatever the clause text holds; `id`s are
the entries' URLs on the site when `site_url` is known, else stable URNs.
"""

from __future__ import annotations

import datetime as dt

from feedgen.feed import FeedGenerator

from clausebook.diff.compare import ClauseChange
from clausebook.site.context import SiteContext, landing_path
from clausebook.site.releases import TimeFacts
from clausebook.site.versions_page import anchor

FEED_NAME = "feed.xml"


def feed_path(jurisdiction: str) -> str:
    return f"{jurisdiction}/{FEED_NAME}"


def _stamp(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(0, 0), dt.UTC)


def _summary(changes: list[ClauseChange]) -> str:
    return "\n".join(f"{c.title} ({c.clause}): {c.kind}; {c.reason}" for c in changes)


def feed_xml(ctx: SiteContext, time: TimeFacts, jurisdiction: str, site_url: str | None) -> bytes:
    base = site_url.rstrip("/") + "/" if site_url else None
    home = f"{base}{landing_path(jurisdiction).removesuffix('index.md')}" if base else None
    fg = FeedGenerator()
    fg.id(f"{home}{FEED_NAME}" if home else f"urn:clausebook:{jurisdiction}:feed")
    fg.title(f"Policy changes: {ctx.name(jurisdiction)}")
    fg.subtitle("Material changes to this handbook, one entry per release.")
    fg.language(time.lang)
    if home:
        fg.link(href=home, rel="alternate")
        fg.link(href=f"{home}{FEED_NAME}", rel="self")
    entries: list[tuple[str, str, dt.date, list[ClauseChange], str | None]] = []
    for entry in time.releases:
        changes = [c for c in entry.diff.material if jurisdiction in c.jurisdictions]
        if changes:
            link = f"{base}versions/#{anchor(entry.release.tag)}" if base else None
            entries.append((f"urn:clausebook:{jurisdiction}:release:{entry.release.version}",
                            f"Release {entry.release.tag}", entry.release.date, changes, link))
    if not time.releases:
        for merged in time.merged:
            changes = [c for c in merged.changes if jurisdiction in c.jurisdictions]
            if changes:
                entries.append((f"urn:clausebook:{jurisdiction}:commit:{merged.commit}", merged.subject or
                                f"Change {merged.commit[:12]}", merged.date, changes, None))
    newest = max((e[2] for e in entries), default=time.day or dt.date(1970, 1, 1))
    fg.updated(_stamp(newest))
    for identifier, title, day, changes, link in reversed(entries):  # feedgen lists the last added first
        item = fg.add_entry()
        item.id(identifier)
        item.title(title)
        item.updated(_stamp(day))
        item.published(_stamp(day))
        item.content(_summary(changes), type="text")
        if link:
            item.link(href=link, rel="alternate")
    return fg.atom_str(pretty=True)
