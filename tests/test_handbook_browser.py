"""What an employee notices in the real browser: search stays in their handbook, the switcher keeps
the clause, nothing leaves the site, and axe-core finds no accessibility violation.

Debian's Chromium through selenium, against the shipped handbook built once
(strict) and served on 127.0.0.1, as in `test_browser`. axe-core comes from
npm (`package.json`, installed by `make install` or `npm ci`) and is injected
into each page.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from . import test_browser
from .test_browser import path_of, wait

# The browser and the served site of `test_browser`, shared rather than started twice.
base_url = test_browser.base_url
driver = test_browser.driver

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"
AXE_PAGES = ("", "de/", "de/social-media/", "de/en/social-media/", "changes/", "review/", "rules/", "matrix/")


def open_search(driver):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC

    field = driver.find_element(By.CSS_SELECTOR, 'input[data-md-component="search-query"]')
    if not field.is_displayed():
        driver.find_element(By.CSS_SELECTOR, 'label.md-header__button[for="__search"]').click()
    query = wait(driver, EC.element_to_be_clickable((By.CSS_SELECTOR, 'input[data-md-component="search-query"]')))
    query.click()
    return query


def search(driver, words: str) -> list[str]:
    """The result links' paths and anchors, after typing `words`."""
    from selenium.webdriver.common.by import By

    query = open_search(driver)
    query.send_keys(words)
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "li.md-search-result__item a"))
    return [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "li.md-search-result__item a")
            if a.get_attribute("href")]


def fetched(driver) -> list[str]:
    return driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")


def test_search_from_germany_finds_german_pages_only_and_forgives_a_typo(driver, base_url):
    driver.set_window_size(1280, 900)
    driver.get(base_url + "de/social-media/")
    assert not [u for u in fetched(driver) if "search_index" in u]  # reading downloads no index
    links = search(driver, "vertraulihe")  # a typo in the German handbook's own word
    paths = {urlsplit(u).path for u in links}
    assert paths == {"/de/social-media/"}, paths
    anchors = {urlsplit(u).fragment for u in links}
    assert "confidential-information" in anchors
    assert [u for u in fetched(driver) if u.endswith("/de/search_index.json")]
    assert not [u for u in fetched(driver) if u.endswith("/search/search_index.json")]


def test_the_german_handbook_is_searched_in_german_and_a_result_lands_on_the_clause(driver, base_url):
    from selenium.webdriver.common.by import By

    driver.set_window_size(1280, 900)
    driver.get(base_url + "de/")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "de-DE"
    links = search(driver, "Mitbestimmung")
    assert {urlsplit(u).path for u in links} <= {"/de/", "/de/social-media/"}
    assert "monitoring" in {urlsplit(u).fragment for u in links}
    driver.find_element(By.CSS_SELECTOR, 'li.md-search-result__item a[href$="#monitoring"]').click()
    wait(driver, lambda d: path_of(d) == "/de/social-media/" and urlsplit(d.current_url).fragment == "monitoring")
    heading = driver.find_element(By.ID, "monitoring")
    assert heading.text.startswith("Wie die Überwachung funktioniert")


def test_the_language_switch_lands_on_the_same_clause(driver, base_url):
    from selenium.webdriver.common.by import By

    driver.set_window_size(390, 844)
    driver.get(base_url + "de/social-media/#monitoring")
    wait(driver, lambda d: d.find_element(By.ID, "monitoring").is_displayed())
    switcher = driver.find_element(By.CSS_SELECTOR, "details.cb-switcher")  # in reach at the clause
    assert "Sprache · Land" in switcher.find_element(By.TAG_NAME, "summary").text
    switcher.find_element(By.TAG_NAME, "summary").click()
    english = switcher.find_element(By.PARTIAL_LINK_TEXT, "English (approved text)")
    wait(driver, lambda d: english.is_displayed())
    english.click()
    wait(driver, lambda d: path_of(d) == "/de/en/social-media/")
    assert urlsplit(driver.current_url).fragment == "monitoring"
    assert driver.find_element(By.ID, "monitoring").text.startswith("How monitoring works")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"


def test_a_result_is_the_clause_with_its_text_and_its_own_tags(driver, base_url):
    from selenium.webdriver.common.by import By

    driver.set_window_size(1280, 900)
    driver.get(base_url + "fr/social-media/")
    search(driver, "linkedin")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, 'a[href*="#platform-linkedin"] article'))
    article = driver.find_element(By.CSS_SELECTOR, 'a[href*="#platform-linkedin"] article')
    assert article.find_element(By.TAG_NAME, "h2").text == "LinkedIn"
    text = article.text
    assert "Owner" not in text and "Should ·" not in text  # the preview is the clause, not its metadata
    tags = [t.text for t in article.find_elements(By.CSS_SELECTOR, ".md-tag")]
    assert 0 < len(tags) <= 6, tags  # this clause's tags, not the whole policy's


def test_a_prefix_being_typed_finds_the_platform(driver, base_url):
    driver.set_window_size(1280, 900)
    driver.get(base_url + "de/")
    links = search(driver, "linkd")
    assert {urlsplit(u).path for u in links} <= {"/de/", "/de/social-media/"}
    assert "platform-linkedin" in {urlsplit(u).fragment for u in links}


def test_switching_country_from_a_clause_lands_on_the_same_clause(driver, base_url):
    from selenium.webdriver.common.by import By

    for size in ((1280, 900), (390, 844)):
        driver.set_window_size(*size)
        driver.get(base_url + "global/social-media/#monitoring")
        wait(driver, lambda d: d.find_element(By.ID, "monitoring").is_displayed())
        switcher = driver.find_element(By.CSS_SELECTOR, "details.cb-switcher")
        # the switcher stays in reach while the reader is down at the clause
        assert 0 <= switcher.rect["y"] - driver.execute_script("return window.scrollY") < 200
        switcher.find_element(By.TAG_NAME, "summary").click()
        germany = switcher.find_element(By.LINK_TEXT, "Germany")
        wait(driver, lambda d, link=germany: link.is_displayed())
        germany.click()
        wait(driver, lambda d: path_of(d) == "/de/social-media/")
        assert urlsplit(driver.current_url).fragment == "monitoring"
        heading = driver.find_element(By.ID, "monitoring")
        top = driver.execute_script("return arguments[0].getBoundingClientRect().top", heading)
        assert 0 <= top < driver.execute_script("return window.innerHeight")


def test_no_request_leaves_the_site(driver, base_url):
    driver.set_window_size(1280, 900)
    driver.get(base_url + "de/social-media/")
    search(driver, "privacy")
    origin = urlsplit(base_url).netloc
    elsewhere = [u for u in fetched(driver) if urlsplit(u).netloc not in (origin, "")]
    assert not elsewhere
    errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    assert not errors, errors


@pytest.fixture(scope="module")
def axe_source() -> str:
    if not AXE.is_file():
        message = f"axe-core is not installed ({AXE}); run `npm ci`"
        if os.environ.get("CLAUSEBOOK_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("size", [(1280, 900), (390, 844)], ids=["desktop", "phone"])
def test_axe_finds_no_violation(driver, base_url, axe_source, size):
    driver.set_window_size(*size)
    found = {}
    for page in AXE_PAGES:
        driver.get(base_url + page)
        driver.execute_script(axe_source)
        violations = driver.execute_async_script(
            "const done = arguments[0];"
            "axe.run(document).then(r => done(r.violations.map(v => ({id: v.id, "
            "nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))), e => done([{id: String(e)}]));")
        if violations:
            found["/" + page] = violations
    driver.set_window_size(1280, 900)
    assert not found, json.dumps(found, indent=1)
