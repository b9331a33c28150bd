"""The /versions/ page: every release with its date, its material changes and its acknowledgement manifests.

Newest first. Each release lists its material changes (clause, where, why)
and counts the editorial ones, and links each handbook's manifest
(`/<j>/acknowledgements/<version>.json`, the file an HR system imports).
Upcoming text (merged, not yet in force) is listed with its date.
"""

from __future__ import annotations

import html

from clausebook.site import safe
from clausebook.site.blocks import page_opening, page_text, table_cell
from clausebook.site.context import SiteContext
from clausebook.site.page import Page
from clausebook.site.releases import TimeFacts, manifest_path

PATH = "versions.md"
TITLE = "Versions"


def release_pdf_path(tag: str, jurisdiction: str) -> str:
    """Where `clausebook pdf --out-dir site --releases` writes a release's PDF, relative to this page."""
    return f"{tag}/{jurisdiction}/handbook.pdf"


def anchor(tag: str) -> str:
    """The id of a release's heading on the versions page: `v1.2.0` -> `v1-2-0`."""
    return tag.replace(".", "-")


def versions_page(ctx: SiteContext, time: TimeFacts) -> Page:
    out = page_opening(TITLE, "Each release of the policies, newest first: when it was released, what changed in "
                       "substance, the acknowledgement manifest and PDF of each version (the digests an "
                       "acknowledgement is checked against). Editorial changes do not ask anyone to "
                       "acknowledge again; material ones do, for the versions they reach.")
    if time.upcoming:
        out += ["## Upcoming changes", "", "| Takes effect | Clause | Version |", "|---|---|---|"]
        for (jurisdiction, clause_id), (when, _) in sorted(time.upcoming.items(), key=lambda i: (i[1][0], i[0])):
            out.append(f"| {when} | {ctx.clause_link(PATH, clause_id, jurisdiction)} | "
                       f"{table_cell(safe.plain(ctx.name(jurisdiction)))} |")
        out.append("")
    if not time.releases:
        out += ["No release has been tagged yet (`clausebook release`).", ""]
    for entry in time.releases:
        release = entry.release
        # A release tag is v<digits>.<digits>.<digits> (release.releases): nothing in it to escape.
        out += [f"## {release.tag} {{#{anchor(release.tag)}}}", "",
                f"Released on {release.date.isoformat()} at commit `{release.commit[:12]}`"
                + (f", after {safe.plain(entry.previous.tag)}." if entry.previous else " (the first release)."), ""]
        material = entry.diff.material
        editorial = [c for c in entry.diff.changes if not c.material]
        if material:
            out += ["| Clause | Versions | What changed |", "|---|---|---|"]
            for change in material:
                where = ", ".join(safe.plain(ctx.name(j)) for j in change.jurisdictions)
                out.append(f"| {ctx.clause_link(PATH, change.clause, change.jurisdictions[0])} | "
                           f"{table_cell(where)} | {table_cell(safe.plain(change.kind + ': ' + change.reason))} |")
            out.append("")
        else:
            out += ["No material changes.", ""]
        out += [f"Clauses changed editorially: {len(editorial)}.", ""]
        links = [f"[{table_cell(safe.plain(ctx.name(j)))}]({manifest_path(j, release.version)})"
                 for j in entry.manifests]
        out += ["**Acknowledgement manifests:** " + " · ".join(links), ""]
        # Raw links: the PDFs are written after the build (`make pdfs`), so MkDocs cannot check them.
        pdfs = [f'<a href="{release_pdf_path(release.tag, j)}">{html.escape(ctx.name(j))}</a>' for j in entry.manifests]
        out += ['<p class="cb-pdf"><strong>PDF:</strong> ' + " · ".join(pdfs) + "</p>", ""]
    return Page(PATH, TITLE, page_text(out))
