"""The renderer's own fixed strings, one table per language: badges, labels, notices, headings.

Contract: every string our pages print that is not editor text comes from
`STRINGS` through `t(lang, key, **values)`. A language without a table (or a
key missing from one) falls back to English, so a new language never breaks a
build. `lang` may be a full BCP 47 tag (`fr-CA`); the table is chosen by its
primary subtag. `{name}`-style placeholders are filled with already-escaped
text by the caller; the tables themselves are our own, trusted Markdown.

Editor text (clause titles, bodies, jurisdiction names) is not translated
here: that is the translation files' job (`translate/localize.py`).
"""

from __future__ import annotations

SOURCE_UI = "en"

STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "pdf.contents": "Contents",
        "pdf.page_of": "Page {page} of {pages}", "pdf.about": "About this version", "pdf.version": "Version",
        "pdf.commit": "Commit", "pdf.date": "Date", "pdf.clauses": "Clauses", "pdf.digest": "Handbook digest",
        "pdf.not_in_git": "none (not in git)",
        "pdf.sub": "The company's policies as they apply in {name}: the company-wide text with this version's "
                   "changes marked as notes, each with its reason and the law behind it.",
        "pdf.sub_global": "The company-wide policies every country version starts from.",
        "pdf.note": "The digest is computed from the approved text of every clause in the order printed here: "
                    "a copy with the same digest says the same thing. Each page's footer names this edition. "
                    "This handbook is a starting point written from public sources; it is not legal advice.",
        "level.must": "Must", "level.should": "Should", "level.may": "May", "level.info": "Info",
        "meaning.must": "required", "meaning.should": "recommended", "meaning.may": "allowed",
        "meaning.info": "explains, obliges nothing",
        "owner": "Owner", "for": "For", "everyone": "everyone", "channels": "Channels", "all": "all",
        "effective": "Effective", "last_reviewed": "Last reviewed", "unknown": "unknown", "never": "never",
        "edit_clause": "Edit this clause",
        "why": "Why", "law": "Law", "do": "Do", "dont": "Don't", "why_rule": "Why this rule",
        "examples": "Examples", "why_law": "Why, and the law",
        "references": "References", "related": "Related", "not_here": "{title} (does not apply here)",
        "elsewhere": "How other countries differ",
        "adapted": "Adapted for {name}", "note_for": "Note for {name}", "also_changed": "Also changed here: {fields}.",
        "replaces": "In {name}, this clause replaces the company-wide version.",
        "only_here": "This clause applies only in {name} and the versions within it.",
        "changed_for": "Changed for {name}",
        "overdue_title": "Review overdue since {due}",
        "overdue_text": "The {owner} team reviews this clause every {months} months; it was last reviewed on "
                        "{last}. It may be out of date.",
        "upcoming": "Upcoming change",
        "upcoming_text": "A change to this clause takes effect on **{when}**; until then the text below is in "
                         "force. Deleted words are struck through, new words are underlined.",
        "version_for": "This is the version for {name}. Clauses that differ from the company-wide policy carry "
                       "a marked note with the reason and the law behind it.",
        "switch_country": "{name} · switch country",
        "switch_both": "{name} · language · country", "this_version": "(this version)",
        "company_wide": "Company-wide",
        "pdf": "This version as a PDF", "pdf_for": "for printing and audits", "builds_on": "Builds on",
        "global_intro": "The company-wide policy. Every country version starts from it and marks its own "
                        "changes as notes.",
        "policies": "Policies", "clauses_one": "{n} clause", "clauses": "{n} clauses",
        "adapted_here": "{n} adapted here", "not_applied": "{n} not applied here",
        "what_differs": "What differs here", "within": "Versions within this one",
        "law_relied": "Law this version relies on",
        # Translations: the notice on a clause whose translation is not the current one.
        "stale_editorial_title": "Translation not yet updated",
        "stale_editorial": "The approved text was edited after this translation was made (wording only, "
                           "no change of meaning). The translation is shown; "
                           "[the approved text]({source}) is authoritative.",
        "fallback_title": "Shown in the approved text",
        "stale_material": "The approved text changed after this translation was made, so the outdated "
                          "translation is not shown: the approved text is shown instead until the "
                          "translation is updated.",
        "missing": "This text has not been translated yet: the approved text is shown.",
        "headings_notice": "Some headings are shown in the approved text: their translation is not current.",
        "language": "Language", "source_label": "{language} (approved text)",
        "legal_notice_title": "Not legal advice",
        "legal_notice": "The content of this handbook is a starting point written from public sources. "
                        "It is not legal advice.",
    },
    "de": {
        "pdf.contents": "Inhalt",
        "pdf.page_of": "Seite {page} von {pages}", "pdf.about": "Über diese Fassung", "pdf.version": "Version",
        "pdf.commit": "Commit", "pdf.date": "Datum", "pdf.clauses": "Klauseln", "pdf.digest": "Prüfsumme des Handbuchs",
        "pdf.not_in_git": "keiner (nicht in git)",
        "pdf.sub": "Die Richtlinien des Unternehmens, wie sie in {name} gelten: der unternehmensweite Text, "
                   "die Änderungen dieser Fassung als Hinweise markiert, jeweils mit Grund und Rechtsgrundlage.",
        "pdf.sub_global": "Die unternehmensweiten Richtlinien, von denen jede Länderfassung ausgeht.",
        "pdf.note": "Die Prüfsumme wird aus dem freigegebenen Text jeder Klausel in der hier gedruckten "
                    "Reihenfolge berechnet: Eine Kopie mit derselben Prüfsumme sagt dasselbe. Die Fußzeile jeder "
                    "Seite nennt diese Fassung. Dieses Handbuch ist ein Ausgangspunkt nach öffentlichen Quellen; "
                    "es ist keine Rechtsberatung.",
        "level.must": "Pflicht", "level.should": "Empfohlen", "level.may": "Erlaubt", "level.info": "Info",
        "meaning.must": "verpflichtend", "meaning.should": "empfohlen", "meaning.may": "erlaubt",
        "meaning.info": "erläutert, verpflichtet zu nichts",
        "owner": "Verantwortlich", "for": "Für", "everyone": "alle", "channels": "Kanäle", "all": "alle",
        "effective": "Gültig ab", "last_reviewed": "Zuletzt geprüft", "unknown": "unbekannt", "never": "nie",
        "edit_clause": "Diese Regel bearbeiten",
        "why": "Warum", "law": "Recht", "do": "Richtig", "dont": "Falsch", "why_rule": "Warum diese Regel",
        "examples": "Beispiele", "why_law": "Warum, und die Rechtsgrundlage",
        "references": "Quellen", "related": "Siehe auch", "not_here": "{title} (gilt hier nicht)",
        "elsewhere": "Wie andere Länder abweichen",
        "adapted": "Angepasst für {name}", "note_for": "Hinweis für {name}",
        "also_changed": "Hier außerdem geändert: {fields}.",
        "replaces": "In {name} ersetzt diese Regel die unternehmensweite Fassung.",
        "only_here": "Diese Regel gilt nur in {name} und den Fassungen darunter.",
        "changed_for": "Geändert für {name}",
        "overdue_title": "Prüfung überfällig seit {due}",
        "overdue_text": "Das Team {owner} prüft diese Regel alle {months} Monate; zuletzt geprüft am {last}. "
                        "Sie ist womöglich nicht mehr aktuell.",
        "upcoming": "Anstehende Änderung",
        "upcoming_text": "Eine Änderung dieser Regel gilt ab **{when}**; bis dahin gilt der Text unten. "
                         "Gestrichene Wörter sind durchgestrichen, neue unterstrichen.",
        "version_for": "Dies ist die Fassung für {name}. Regeln, die von der unternehmensweiten Richtlinie "
                       "abweichen, tragen einen Hinweis mit Grund und Rechtsgrundlage.",
        "switch_country": "{name} · Land wechseln",
        "switch_both": "{name} · Sprache · Land", "this_version": "(diese Fassung)",
        "company_wide": "Unternehmensweit",
        "pdf": "Diese Fassung als PDF", "pdf_for": "zum Drucken und für Prüfungen", "builds_on": "Baut auf",
        "global_intro": "Die unternehmensweite Richtlinie. Jede Länderfassung baut auf ihr auf und kennzeichnet "
                        "ihre Änderungen als Hinweise.",
        "policies": "Richtlinien", "clauses_one": "{n} Regel", "clauses": "{n} Regeln",
        "adapted_here": "{n} hier angepasst", "not_applied": "{n} gelten hier nicht",
        "what_differs": "Was hier abweicht", "within": "Fassungen innerhalb dieser",
        "law_relied": "Rechtsgrundlagen dieser Fassung",
        "stale_editorial_title": "Übersetzung noch nicht aktualisiert",
        "stale_editorial": "Der freigegebene Text wurde nach dieser Übersetzung redaktionell überarbeitet "
                           "(nur im Wortlaut, ohne inhaltliche Änderung). Die Übersetzung wird angezeigt; "
                           "maßgeblich ist [der freigegebene Text]({source}).",
        "fallback_title": "Im freigegebenen Text angezeigt",
        "stale_material": "Der freigegebene Text hat sich nach dieser Übersetzung inhaltlich geändert. "
                          "Die veraltete Übersetzung wird daher nicht angezeigt, sondern der freigegebene "
                          "Text, bis die Übersetzung aktualisiert ist.",
        "missing": "Dieser Text ist noch nicht übersetzt; angezeigt wird der freigegebene Text.",
        "headings_notice": "Einige Überschriften werden im freigegebenen Text angezeigt: ihre Übersetzung "
                           "ist nicht aktuell.",
        "language": "Sprache", "source_label": "{language} (freigegebener Text)",
        "legal_notice_title": "Keine Rechtsberatung",
        "legal_notice": "Der Inhalt dieses Handbuchs ist ein Ausgangspunkt, verfasst nach öffentlichen "
                        "Quellen. Er ist keine Rechtsberatung.",
    },
    "fr": {
        "pdf.contents": "Sommaire",
        "pdf.page_of": "Page {page} sur {pages}", "pdf.about": "À propos de cette version", "pdf.version": "Version",
        "pdf.commit": "Commit", "pdf.date": "Date", "pdf.clauses": "Clauses", "pdf.digest": "Empreinte du manuel",
        "pdf.not_in_git": "aucun (hors de git)",
        "pdf.sub": "Les politiques de l'entreprise telles qu'elles s'appliquent pour {name} : le texte commun à "
                   "l'entreprise, les changements de cette version signalés par des notes, chacune avec sa raison "
                   "et le droit sur lequel elle repose.",
        "pdf.sub_global": "Les politiques communes à l'entreprise dont part chaque version nationale.",
        "pdf.note": "L'empreinte est calculée à partir du texte approuvé de chaque clause, dans l'ordre imprimé "
                    "ici : une copie de même empreinte dit la même chose. Le pied de chaque page nomme cette "
                    "édition. Ce manuel est un point de départ rédigé à partir de sources publiques ; il ne "
                    "constitue pas un avis juridique.",
        "level.must": "Obligatoire", "level.should": "Recommandé", "level.may": "Permis", "level.info": "Info",
        "meaning.must": "obligatoire", "meaning.should": "recommandé", "meaning.may": "permis",
        "meaning.info": "explique, n'oblige à rien",
        "owner": "Responsable", "for": "Pour", "everyone": "tout le monde", "channels": "Canaux", "all": "tous",
        "effective": "En vigueur le", "last_reviewed": "Dernière révision", "unknown": "inconnue",
        "never": "jamais", "edit_clause": "Modifier cette règle",
        "why": "Pourquoi", "law": "Droit", "do": "À faire", "dont": "À éviter", "why_rule": "Pourquoi cette règle",
        "examples": "Exemples", "why_law": "Pourquoi, et le droit",
        "references": "Références", "related": "Voir aussi", "not_here": "{title} (ne s'applique pas ici)",
        "elsewhere": "Ce qui diffère dans les autres pays",
        "adapted": "Adapté pour {name}", "note_for": "Note pour {name}",
        "also_changed": "Également modifié ici : {fields}.",
        "replaces": "Pour {name}, cette règle remplace la version de l'entreprise.",
        "only_here": "Cette règle ne s'applique que pour {name} et les versions qui en dépendent.",
        "changed_for": "Modifié pour {name}",
        "overdue_title": "Révision en retard depuis le {due}",
        "overdue_text": "L'équipe {owner} révise cette règle tous les {months} mois ; dernière révision le "
                        "{last}. Elle n'est peut-être plus à jour.",
        "upcoming": "Modification à venir",
        "upcoming_text": "Une modification de cette règle entre en vigueur le **{when}** ; d'ici là, le texte "
                         "ci-dessous s'applique. Les mots supprimés sont barrés, les nouveaux soulignés.",
        "version_for": "Ceci est la version pour {name}. Les règles qui diffèrent de la politique de "
                       "l'entreprise portent une note indiquant la raison et le texte de loi.",
        "switch_country": "{name} · changer de pays",
        "switch_both": "{name} · langue · pays", "this_version": "(cette version)",
        "company_wide": "Toute l'entreprise",
        "pdf": "Cette version en PDF", "pdf_for": "pour l'impression et les audits", "builds_on": "S'appuie sur",
        "global_intro": "La politique de l'entreprise. Chaque version nationale en part et signale ses "
                        "propres modifications par des notes.",
        "policies": "Politiques", "clauses_one": "{n} règle", "clauses": "{n} règles",
        "adapted_here": "{n} adaptées ici", "not_applied": "{n} non appliquées ici",
        "what_differs": "Ce qui diffère ici", "within": "Versions qui en dépendent",
        "law_relied": "Textes sur lesquels repose cette version",
        "stale_editorial_title": "Traduction pas encore mise à jour",
        "stale_editorial": "Le texte approuvé a été retouché après cette traduction (formulation seulement, "
                           "sans changement de sens). La traduction est affichée ; "
                           "[le texte approuvé]({source}) fait foi.",
        "fallback_title": "Affiché dans le texte approuvé",
        "stale_material": "Le texte approuvé a changé sur le fond après cette traduction : la traduction "
                          "périmée n'est donc pas affichée, mais le texte approuvé, jusqu'à la mise à jour "
                          "de la traduction.",
        "missing": "Ce texte n'est pas encore traduit : le texte approuvé est affiché.",
        "headings_notice": "Certains titres sont affichés dans le texte approuvé : leur traduction n'est "
                           "pas à jour.",
        "language": "Langue", "source_label": "{language} (texte approuvé)",
        "legal_notice_title": "Pas un avis juridique",
        "legal_notice": "Le contenu de ce manuel est un point de départ rédigé à partir de sources "
                        "publiques. Il ne constitue pas un avis juridique.",
    },
}

# Each language's name in that language, for the language switch.
NATIVE_NAMES = {"en": "English", "de": "Deutsch", "fr": "Français"}


def primary(tag: str) -> str:
    return tag.split("-", 1)[0].lower()


def ui(lang: str | None) -> str:
    """The table a page in `lang` uses: its primary language's, else English."""
    code = primary(lang or SOURCE_UI)
    return code if code in STRINGS else SOURCE_UI


def t(lang: str | None, key: str, **values: object) -> str:
    """The fixed string `key` in `lang` (English when that language lacks it), placeholders filled."""
    text = STRINGS[ui(lang)].get(key) or STRINGS[SOURCE_UI][key]
    return text.format(**values) if values else text


def native_name(tag: str) -> str:
    return NATIVE_NAMES.get(primary(tag), tag)
