"""Which languages each handbook is published in, where, and its policies' text in each.

Contract (DESIGN.md, "Translations"; README "Languages"): a handbook whose
jurisdiction has a translated `locale` (or more `languages`) is published

    /<j>/               in its locale (de, fr-FR, fr-CA): translated where a translation may be shown
    /<j>/<lang>/        in each further language, e.g. /ca/fr/
    /<j>/<source>/      the approved source text, e.g. /de/en/ (always, for a translated handbook)

A handbook in the source language is published once, at `/<j>/`. Each of
these is a `View`; its `folder` is the URL folder and its own search scope.
`localized_policy` gives a policy with every clause and heading in the view's
language through `translate.localize` (stale-material and missing texts are
the approved source), and each clause's status so the page can say so.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from clausebook.core.errors import UsageError
from clausebook.core.model import GLOBAL
from clausebook.core.resolve import ResolvedPolicy, ResolvedSection
from clausebook.translate.localize import clause_text, policy_text
from clausebook.translate.status import CURRENT, SHOWABLE, Assessment


@dataclass(frozen=True)
class View:
    jurisdiction: str
    lang: str  # BCP 47 tag of the text shown
    folder: str  # URL folder under the site root: "de", "de/en"
    translated: bool  # the clause text comes from translation files


@dataclass(frozen=True)
class LocalizedPolicy:
    policy: ResolvedPolicy
    statuses: dict[str, str]  # clause id -> translation status ("current" for the source text)
    headings_fallback: bool  # some headings are the source text


def folder_name(tag: str) -> str:
    return tag.lower()


def handbook_views(jurisdiction: str, languages: list[str], source: str) -> list[View]:
    """The views of one handbook: its locale first at /<j>/, then more languages, then the source."""
    if jurisdiction == GLOBAL or not languages:
        return [View(jurisdiction, source, jurisdiction, False)]
    out = [View(jurisdiction, languages[0], jurisdiction, True)]
    out += [View(jurisdiction, lang, f"{jurisdiction}/{folder_name(lang)}", True) for lang in languages[1:]]
    return out + [View(jurisdiction, source, f"{jurisdiction}/{folder_name(source)}", False)]


def localized_policy(assessment: Assessment, view: View, policy: ResolvedPolicy) -> LocalizedPolicy:
    """`policy` of `view`'s handbook in the view's language (unchanged for a source-language view)."""
    if not view.translated:
        return LocalizedPolicy(policy, {c.id: CURRENT for c in policy.clauses()}, False)
    statuses: dict[str, str] = {}
    sections = []
    try:
        headings = policy_text(assessment, view.lang, policy.id)
    except UsageError:  # a policy without a source document: its own headings
        headings = None
    for section in policy.sections:
        clauses = []
        for clause in section.clauses:
            localized = clause_text(assessment, view.jurisdiction, view.lang, clause.id)
            statuses[clause.id] = localized.status
            # Keep the clause the site resolved (the text in force) where nothing is translated.
            clauses.append(localized.clause if localized.clause.id == clause.id else clause)
        title, intro = (headings.sections.get(section.id, (section.title, section.intro))
                        if headings else (section.title, section.intro))
        sections.append(ResolvedSection(section.id, title, intro, clauses))
    data = dict(policy.data)
    title = policy.title
    if headings is not None:
        title = headings.title
        if headings.summary:
            data["summary"] = headings.summary
    fallback = headings is not None and headings.status not in SHOWABLE
    return LocalizedPolicy(replace(policy, title=title, data=data, sections=sections), statuses, fallback)
