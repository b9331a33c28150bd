"""The pages readers arrive at: the country picker (`/`) and each jurisdiction's landing page.

A landing page lists the version's policies and, for a country version,
everything that differs from the company-wide policy, with the reason and the
law for each removed clause, so a reader sees at once what is special here.
"""

from __future__ import annotations

from clausebook.core.model import GLOBAL
from clausebook.core.resolve import Provenance, ResolvedClause
from clausebook.site import safe
from clausebook.site.banners import notice, switcher
from clausebook.site.blocks import front_matter, link, page_text, reference, references, table_cell
from clausebook.site.context import GLOBAL_TITLE, SiteContext, landing_path, policy_path
from clausebook.site.i18n import t
from clausebook.site.languages import View, localized_policy
from clausebook.site.page import Page

ACTION_VERBS = {"amend": "amended", "replace": "replaced", "add": "added", "remove": "removed"}

# (clause, its policy, provenance step, title); clause is None for a clause the version removed.
Adaptation = tuple[ResolvedClause | None, str, Provenance, str]


def index_page(ctx: SiteContext) -> Page:
    path = "index.md"
    out = [front_matter("Choose your country"), "", "# Choose your country", "",
           "Pick the version of the handbook for the country you work in. Each version is the "
           "company-wide policy with that country's changes marked as notes, each with its reason "
           "and the law behind it.", "", notice(ctx, path), "", f"## {GLOBAL_TITLE}", "",
           f"- [{GLOBAL_TITLE}]({link(path, landing_path(GLOBAL))}): the company-wide policy "
           "every country version starts from.", ""]
    for region, members in ctx.regions:
        out += [f"## {safe.plain(region)}", ""]
        for jurisdiction in members:
            pad = "    " * ctx.depth(jurisdiction)
            out.append(f"{pad}- [{safe.plain(ctx.name(jurisdiction))}]({link(path, landing_path(jurisdiction))})")
        out.append("")
    out += ["## Keeping it current", "",
            f"- [What changed]({link(path, 'changes.md')}): recent changes in each country's version.",
            f"- [Review status]({link(path, 'review.md')}): when each clause was last reviewed and when it is due.",
            f"- [Where countries differ]({link(path, 'matrix.md')}): every clause in every country, with the "
            "reason and the law for each change.",
            f"- [Lint rules]({link(path, 'rules.md')}): the checks every change to the policy passes.", ""]
    return Page(path, "Choose your country", page_text(out))


def landing_page(ctx: SiteContext, jurisdiction: str, view: View | None = None) -> Page:
    view = view or ctx.view(jurisdiction)
    lang = view.lang
    path = landing_path(view.folder)
    handbook = ctx.handbooks[jurisdiction]
    name = GLOBAL_TITLE if jurisdiction == GLOBAL else ctx.name(jurisdiction)
    data = ctx.repo.jurisdictions[jurisdiction].data if jurisdiction != GLOBAL else {}
    out = [front_matter(name), "", f"# {safe.plain(name)}", "", switcher(ctx, path, jurisdiction, None, view), "",
           notice(ctx, path, lang), ""]
    pdf = link(path, f"{jurisdiction}/handbook.pdf")
    out += [f'<p class="cb-pdf"><a href="{pdf}">{t(lang, "pdf")}</a>, {t(lang, "pdf_for")}</p>', ""]
    if jurisdiction != GLOBAL:
        chain = [GLOBAL, *handbook.chain]
        crumbs = [f"[{safe.plain(ctx.name(j))}]({link(path, landing_path(j))})" for j in chain[:-1]]
        out += [f"**{t(lang, 'builds_on')}:** " + " › ".join(crumbs + [f"**{safe.plain(name)}**"]), ""]
    else:
        out += [t(lang, "global_intro"), ""]
    if data.get("summary"):
        out += [safe.markdown(data["summary"]), ""]
    found = adaptations(ctx, jurisdiction)
    out += [f"## {t(lang, 'policies')}", ""]
    for policy in handbook.policies():
        clauses = list(policy.clauses())
        if view.translated:
            policy = localized_policy(ctx.assessment, view, policy).policy
        changed = {a[0].id for a in found if a[0] is not None and a[1] == policy.id}
        removed = {a[3] for a in found if a[0] is None and a[1] == policy.id}
        count = t(lang, "clauses_one" if len(clauses) == 1 else "clauses", n=len(clauses))
        line = f"- [{safe.plain(policy.title)}]({link(path, policy_path(view.folder, policy.id))}): {count}"
        if jurisdiction != GLOBAL:
            line += ", " + t(lang, "adapted_here", n=len(changed))
            if removed:
                line += ", " + t(lang, "not_applied", n=len(removed))
        out.append(line + ".")
        if policy.data.get("summary"):
            out += ["", safe.indent(safe.markdown(policy.data["summary"])), ""]
    out.append("")
    if jurisdiction != GLOBAL:
        out += what_differs(ctx, path, jurisdiction, found, view)
    children = [j for j in ctx.tree_order if ctx.repo.jurisdictions[j].parent == jurisdiction] \
        if jurisdiction != GLOBAL else []
    if children:
        out += [f"## {t(lang, 'within')}", ""]
        out += [f"- [{safe.plain(ctx.name(c))}]({link(path, landing_path(c))})" for c in children]
        out.append("")
    refs = data.get("references") or []
    if refs:
        out += [f"## {t(lang, 'law_relied')}", ""]
        out += [f"- {reference(r)}" for r in refs]
        out.append("")
    source = ctx.repo.jurisdictions[jurisdiction].path if jurisdiction != GLOBAL else None
    return Page(path, name, page_text(out), ctx.source(source), lang=lang)


def what_differs(ctx: SiteContext, path: str, jurisdiction: str, found: list[Adaptation],
                 view: View | None = None) -> list[str]:
    """The landing page's section on the clauses this version adapted or removed."""
    view = view or ctx.view(jurisdiction)
    out = [f"## {t(view.lang, 'what_differs')}", ""]
    if not found:
        return out + ["Nothing: this version is the company-wide policy as it is.", ""]
    # One count, one row per clause: a clause changed at two levels (Europe, then Germany) is one clause.
    kept: dict[str, list[Adaptation]] = {}
    for adaptation in found:
        if adaptation[0] is not None:
            kept.setdefault(adaptation[0].id, []).append(adaptation)
    dropped = [a for a in found if a[0] is None]
    count = len(kept) + len(dropped)
    out += [f"{count} clause{'s' if count != 1 else ''} differ{'s' if count == 1 else ''} from the "
            f"company-wide policy: {len(kept)} adapted, {len(dropped)} not applied here.", ""]
    if kept:
        out += ["| Clause | Change |", "|---|---|"]
        for steps in kept.values():
            clause, policy_id, _, title = steps[0]
            assert clause is not None
            target = link(path, policy_path(view.folder, policy_id), clause.id)
            changes = ", ".join(f"{ACTION_VERBS.get(step.action, step.action)} for "
                                f"{safe.plain(ctx.name(step.jurisdiction))}" for _, _, step, _ in steps)
            out.append(f"| [{safe.plain(title)}]({target}) | {table_cell(changes)} |")
        out.append("")
    if dropped:
        out += ["**Clauses that do not apply here:**", ""]
        for _, _, step, title in dropped:
            overlay = overlay_data(ctx, step)
            item = f"- **{safe.plain(title)}**, removed for {safe.plain(ctx.name(step.jurisdiction))}"
            if overlay.get("reason"):
                item += ": " + safe.inline(overlay["reason"])
            if overlay.get("references"):
                item += " Law: " + references(overlay["references"])
            out.append(item)
        out.append("")
    return out


def adaptations(ctx: SiteContext, jurisdiction: str) -> list[Adaptation]:
    """Every clause that differs from the base, by title, then by how far up the chain it changed."""
    handbook = ctx.handbooks[jurisdiction]
    found: list[Adaptation] = []
    for clause in handbook.clauses.values():
        for step in clause.provenance:
            if step.jurisdiction != GLOBAL:
                found.append((clause, clause.policy, step, str(clause.get("title", clause.id))))
    for clause_id, (by, path) in sorted(handbook.removed.items()):
        base = ctx.handbooks[GLOBAL].clauses.get(clause_id) if GLOBAL in ctx.handbooks else None
        policy = base.policy if base else ""
        step = Provenance(by, "remove", None, path)
        found.append((None, policy, step, str(base.get("title", clause_id)) if base else clause_id))
    chain = handbook.chain
    return sorted(found, key=lambda f: (f[3].casefold(), chain.index(f[2].jurisdiction)
                                        if f[2].jurisdiction in chain else len(chain)))


def overlay_data(ctx: SiteContext, step: Provenance) -> dict:
    """The overlay file behind a provenance step, as data ({} when it is gone)."""
    jurisdiction = ctx.repo.jurisdictions.get(step.jurisdiction)
    for overlay in jurisdiction.overlays if jurisdiction else []:
        if overlay.path == step.path:
            return overlay.data
    return {}
