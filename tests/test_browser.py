"""The shipped handbook in a real browser: Debian's headless Chromium driven by selenium.

The site is built once (strict) and served over HTTP on 127.0.0.1 (search
needs HTTP: its index is fetched by a web worker). Without chromium and
chromedriver the tests are skipped, unless CLAUSEBOOK_REQUIRE_BROWSER=1 (CI)
makes that a failure. Set CLAUSEBOOK_SCREENSHOT_DIR to keep a screenshot of
a clause page at phone size.
"""

from __future__ import annotations

import functools
import os
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from .site_build import shipped_site

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WAIT = 15  # seconds; the search index loads asynchronously


def _require_browser() -> None:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("the selenium package")
    if missing:
        message = f"browser tests need {', '.join(missing)} (apt-get install chromium chromium-driver)"
        if os.environ.get("CLAUSEBOOK_REQUIRE_BROWSER") == "1":
            pytest.fail(message + "; CLAUSEBOOK_REQUIRE_BROWSER=1 forbids skipping them")
        pytest.skip(message)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 (the base class's name)
        pass


@pytest.fixture(scope="module")
def base_url():
    _require_browser()
    site = shipped_site()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def driver(base_url, tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-dev-shm-usage", "--disable-component-update", "--no-first-run",
                     f"--user-data-dir={tmp_path_factory.mktemp('chromium')}", "--window-size=1280,900"):
        options.add_argument(argument)
    browser = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    browser.set_page_load_timeout(30)
    yield browser
    browser.quit()


def wait(driver, condition):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT).until(condition)


def path_of(driver) -> str:
    return urlsplit(driver.current_url).path


def test_choose_germany_search_and_land_on_the_clause(driver, base_url):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC

    driver.set_window_size(1280, 900)
    driver.get(base_url)
    driver.find_element(By.CSS_SELECTOR, "article").find_element(By.LINK_TEXT, "Germany").click()
    wait(driver, lambda d: path_of(d) == "/de/")

    field = driver.find_element(By.CSS_SELECTOR, 'input[data-md-component="search-query"]')
    if not field.is_displayed():  # narrow layouts open search with a header button
        driver.find_element(By.CSS_SELECTOR, 'label.md-header__button[for="__search"]').click()
    query = wait(driver, EC.element_to_be_clickable((By.CSS_SELECTOR, 'input[data-md-component="search-query"]')))
    query.click()
    query.send_keys("Betriebsvereinbarung")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "li.md-search-result__item"))
    links = [a for a in driver.find_elements(By.CSS_SELECTOR, "li.md-search-result__item a")
             if a.get_attribute("href")]
    # only the German version has the word: one page, its best section the monitoring clause
    assert {urlsplit(a.get_attribute("href")).path for a in links} == {"/de/social-media/"}
    target = next(a for a in links if urlsplit(a.get_attribute("href")).fragment == "monitoring")
    assert urlsplit(target.get_attribute("href")).path == "/de/social-media/"
    if not target.is_displayed():  # the German text uses the word in many clauses: Material folds the rest
        driver.find_element(By.CSS_SELECTOR, "details.md-search-result__more > summary").click()
        wait(driver, lambda d: target.is_displayed())
    target.click()

    wait(driver, lambda d: urlsplit(d.current_url).fragment == "monitoring")
    assert path_of(driver) == "/de/social-media/"
    heading = driver.find_element(By.ID, "monitoring")
    assert heading.tag_name == "h3" and heading.is_displayed()
    assert heading.text.startswith("Wie die Überwachung funktioniert")  # the German handbook is in German
    top = driver.execute_script("return arguments[0].getBoundingClientRect().top", heading)
    assert 0 <= top < driver.execute_script("return window.innerHeight")  # scrolled into view


def test_switch_to_france_stays_on_the_same_policy(driver, base_url):
    from selenium.webdriver.common.by import By

    driver.set_window_size(1280, 900)
    driver.get(base_url + "de/social-media/")
    switcher = driver.find_element(By.CSS_SELECTOR, "details.cb-switcher")
    switcher.find_element(By.TAG_NAME, "summary").click()
    france = switcher.find_element(By.LINK_TEXT, "France")
    wait(driver, lambda d: france.is_displayed())
    france.click()
    wait(driver, lambda d: path_of(d) == "/fr/social-media/")
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("France: ")
    assert driver.find_element(By.ID, "monitoring").is_displayed()


def test_navigation_opens_on_a_phone(driver, base_url):
    from selenium.webdriver.common.by import By

    driver.set_window_size(390, 844)
    try:
        driver.get(base_url + "de/social-media/#monitoring")
        width = driver.execute_script("return window.innerWidth")
        assert width <= 480, width  # the phone layout, with the drawer button
        shots = os.environ.get("CLAUSEBOOK_SCREENSHOT_DIR")
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(Path(shots) / "clause-phone.png"))
        button = driver.find_element(By.CSS_SELECTOR, 'label.md-header__button[for="__drawer"]')
        assert button.is_displayed()
        drawer = driver.find_element(By.CSS_SELECTOR, ".md-sidebar--primary")
        hidden_left = drawer.rect["x"]
        assert hidden_left + drawer.rect["width"] <= 1  # off screen until opened
        button.click()
        wait(driver, lambda d: d.find_element(By.ID, "__drawer").is_selected())
        wait(driver, lambda d: abs(drawer.rect["x"]) < 1)  # slid in
        germany = [a for a in drawer.find_elements(By.CSS_SELECTOR, "a.md-nav__link, label.md-nav__link")
                   if a.text.strip() == "Germany"]
        assert germany and germany[0].is_displayed()
        if shots:
            driver.save_screenshot(str(Path(shots) / "drawer-phone.png"))
    finally:
        driver.set_window_size(1280, 900)
