"""What a visitor sees of issue 12, in a real headless Chromium against a real server: facets with
"more", the language switcher, a phone-sized screen, printing, the way back from a document."""
import os
import urllib.parse

import pytest

import browser
from browser import css

pytestmark = pytest.mark.skipif(not browser.available() and not os.environ.get("CI"),
                                reason="Chromium and chromedriver are not installed (.ci/run installs them)")


def query_of(driver):
    return urllib.parse.parse_qs(urllib.parse.urlsplit(driver.current_url).query)


def test_without_javascript_every_country_is_reachable_and_a_phone_shows_results_first(server):
    driver = browser.phone(browser.start(javascript=False))
    try:
        driver.get(server.base + "/search?q=&hl=ar")
        first = css(driver, ".result")[0]
        assert first.location["y"] < 844 / 2                       # the first result is on the first screen
        assert not css(driver, "nav.facets a")[0].is_displayed()   # the filters are folded away
        summary = css(driver, "details.filters > summary")[0]
        assert summary.text == "عوامل التصفية (0)"
        summary.click()
        more = css(driver, "#facet-country .more a")[0]
        assert more.is_displayed()
        more.click()
        assert query_of(driver)["more"] == ["country"] and query_of(driver)["hl"] == ["ar"]
        # the link leads to #facet-country, which the browser unfolds by itself
        countries = css(driver, "#facet-country li a")
        assert len(countries) > 10 and countries[-1].is_displayed()
        countries[-1].click()
        assert len(query_of(driver)["country"]) == 1
        assert css(driver, "details.filters > summary")[0].text == "عوامل التصفية (1)"
        assert css(driver, ".result")[0].location["y"] < 844
        # a Thai title without spaces does not widen the page past the phone's screen
        driver.get(server.base + "/search?q=&language=th&language=ko")
        assert driver.execute_script("return document.documentElement.scrollWidth") <= 390
    finally:
        driver.quit()


def test_a_wide_screen_shows_the_filters_and_marks_the_selected_one_as_current(chrome, server):
    browser.desktop(chrome)
    chrome.get(server.base + "/search?q=&country=FR")
    links = css(chrome, "nav.facets a")
    assert links[0].is_displayed() and not css(chrome, "details.filters > summary")[0].is_displayed()
    current = css(chrome, "nav.facets a[aria-current=true]")
    assert [a.text.split("\n")[0].split(" 2")[0] for a in current] == ["France"]
    assert not css(chrome, "[aria-pressed]")


def test_the_language_switcher_keeps_the_search(chrome, server):
    browser.desktop(chrome)
    chrome.get(server.base + "/search?q=copyright&country=FR&country=CA&sort=newest")
    deutsch = next(a for a in css(chrome, "nav.languages a") if a.text == "Deutsch")
    deutsch.click()
    query = query_of(chrome)
    assert query["hl"] == ["de"] and query["q"] == ["copyright"] and sorted(query["country"]) == ["CA", "FR"]
    assert css(chrome, "button[type=submit]")[0].text == "Suchen"
    box = css(chrome, "#q")[0]
    box.clear()
    box.send_keys("patent")
    browser.submit(chrome, box)
    assert query_of(chrome)["hl"] == ["de"]                      # the form keeps it too


def test_printing_a_search_prints_the_results_only(chrome, server):
    browser.desktop(chrome)
    chrome.get(server.base + "/search?q=copyright")
    chrome.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert css(chrome, ".result")[0].is_displayed()
        for hidden in ("header.site", "details.filters", ".sort", "footer.site"):
            assert not css(chrome, hidden)[0].is_displayed(), hidden
    finally:
        chrome.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_a_document_opened_from_page_two_leads_back_to_page_two_in_the_same_language(chrome, server):
    browser.desktop(chrome)
    chrome.get(server.base + "/search?q=&hl=es")
    css(chrome, "a[rel=next]")[0].click()
    titles = [a.text for a in css(chrome, ".result h3 a")]
    css(chrome, ".result h3 a")[0].click()
    assert query_of(chrome)["hl"] == ["es"]
    css(chrome, ".back a")[0].click()
    assert query_of(chrome)["page"] == ["2"] and query_of(chrome)["hl"] == ["es"]
    assert [a.text for a in css(chrome, ".result h3 a")] == titles


def test_the_document_page_keeps_the_query_in_the_box_and_shows_page_numbers(chrome, server):
    browser.desktop(chrome)
    chrome.get(server.base + "/search?q=patente&hl=en")
    next(a for a in css(chrome, ".result h3 a") if "mx-ley-propiedad-industrial" in a.get_attribute("href")).click()
    assert css(chrome, "#q")[0].get_attribute("value") == "patente"
    numbers = [p.text for p in css(chrome, ".page-number")]
    assert numbers[:2] == ["Page 1", "Page 2"] and css(chrome, ".page-number")[0].is_displayed()
