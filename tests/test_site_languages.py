"""Each handbook in its language, as the reader sees it in the built site (a real `mkdocs build --strict`).

German (`de`, fully translated): clause text, headings and our labels in
German, Material's interface in German, `<html lang="de-DE">`; the approved
English text at /de/en/ with a language switch both ways. French (`fr`,
partly translated while the translators work): French interface and labels;
a clause without a translation shows the approved English with a notice in
French, never nothing.
"""

from __future__ import annotations

from .site_build import article, clause_block, read, shipped_site


def test_the_german_policy_page_is_in_german():
    page = read(shipped_site(), "de/social-media/")
    assert page.startswith('\n<!doctype html>\n<html lang="de-DE"') or '<html lang="de-DE"' in page[:200]
    content = article(page)
    monitoring = clause_block(content, "monitoring")
    assert "Wie die Überwachung funktioniert" in monitoring
    assert "Mitbestimmung des Betriebsrats" in monitoring
    assert "<strong>Verantwortlich:</strong>" in monitoring and "<strong>Zuletzt geprüft:</strong>" in monitoring
    assert "Hinweis für Germany" in monitoring and "<strong>Warum:</strong>" in monitoring
    assert 'class="cb-level cb-level-must" title="verpflichtend">Pflicht</span>' in content
    assert "<th>Richtig</th>" in content and "<th>Falsch</th>" in content
    for english in ("<strong>Owner:</strong>", "Last reviewed", "Note for", ">Must<", "How monitoring works"):
        assert english not in content, english
    assert "cb-translation" not in content  # every German text is current: no notice


def test_materials_interface_follows_the_page_language_in_one_build():
    site = shipped_site()
    german, english, us = read(site, "de/social-media/"), read(site, "de/en/social-media/"), read(site, "us/")
    assert 'placeholder="Suche"' in german and "Inhaltsverzeichnis" in german
    assert 'placeholder="Search"' in english and "Table of contents" in english and '<html lang="en"' in english
    assert 'placeholder="Search"' in us


def test_the_approved_english_is_published_and_the_language_switch_keeps_the_clause():
    site = shipped_site()
    german, english = article(read(site, "de/social-media/")), article(read(site, "de/en/social-media/"))
    assert "How monitoring works" in clause_block(english, "monitoring")
    assert "<strong>Owner:</strong>" in english
    assert 'href="../en/social-media/" hreflang="en" lang="en"' in german.replace('class="cb-same-clause" ', "")
    assert "English (approved text)" in german
    assert 'class="cb-same-clause"' in german.split("English (approved text)")[0].rsplit("<a ", 1)[1]
    assert "Deutsch" in english and 'href="../../social-media/"' in english
    landing = article(read(site, "de/en/"))
    assert 'href="social-media/"' in landing and "../handbook.pdf" in landing


def test_the_french_handbook_is_in_french_and_says_what_is_not_translated_yet():
    site = shipped_site()
    page = read(site, "fr/social-media/")
    assert '<html lang="fr-FR"' in page and 'placeholder="Rechercher"' in page and "Table des matières" in page
    content = article(page)
    assert "<strong>Responsable:</strong>" in content and "Obligatoire</span>" in content
    assert "Ceci est la version pour France" in content
    # a clause nobody has translated yet (French arrives clause by clause): the approved English,
    # with the notice in French
    missing = [part for part in content.split('<h3 id="')[1:] if "cb-missing" in part]
    for block in missing:
        assert "Affiché dans le texte approuvé" in block and "pas encore traduit" in block
    landing = article(read(site, "fr/"))
    assert "<h2" in landing and "Politiques" in landing and "Pas un avis juridique" in landing
