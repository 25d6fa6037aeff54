"""What a visitor sees, in a real headless Chromium against a real server on 127.0.0.1."""
import os
import urllib.parse

import pytest

import browser

pytestmark = pytest.mark.skipif(not browser.available() and not os.environ.get("CI"),
                                reason="Chromium and chromedriver are not installed (.ci/run installs them)")


css = browser.css


def facet_link(driver, label):
    # textContent: without JavaScript WebDriver calls the filters hidden (they sit in a closed
    # <details> that the style sheet shows on a wide screen), though a visitor sees them
    return next(a for a in css(driver, ".facets a")
                if " ".join(a.get_attribute("textContent").split()[:-1]) == label)


def test_search_select_two_countries_remove_a_chip_page_and_open_a_document(chrome, server):
    chrome.get(server.base + "/")
    box = css(chrome, "#q")[0]
    box.send_keys("intelligence")
    browser.submit(chrome, box)
    assert "/search?" in chrome.current_url and css(chrome, ".result")
    facet_link(chrome, "France").click()
    facet_link(chrome, "Canada").click()
    query = urllib.parse.parse_qs(urllib.parse.urlparse(chrome.current_url).query)
    assert sorted(query["country"]) == ["CA", "FR"]
    chips = [a.text for a in css(chrome, ".chips a")]
    assert len(chips) == 2 and any(c.startswith("France") for c in chips)
    countries = {r.text.split(" · ")[0] for r in css(chrome, ".result .meta")}
    assert countries == {"France", "Canada"}
    next(a for a in css(chrome, ".chips a") if a.text.startswith("Canada")).click()
    assert [a.text.split(" ×")[0] for a in css(chrome, ".chips a")] == ["France"]
    assert "CA" not in urllib.parse.parse_qs(urllib.parse.urlparse(chrome.current_url).query)["country"]

    chrome.get(server.base + "/search?q=")
    first_page = [a.text for a in css(chrome, ".result h3 a")]
    css(chrome, "a[rel=next]")[0].click()
    assert "page=2" in chrome.current_url
    second_page = [a.text for a in css(chrome, ".result h3 a")]
    assert second_page and not set(first_page) & set(second_page)

    css(chrome, ".result h3 a")[0].click()
    assert "/doc/" in chrome.current_url and css(chrome, "article.document h1")[0].text


def test_arabic_interface_is_right_to_left(chrome, server):
    chrome.get(server.base + "/search?q=%D8%A7%D9%84%D9%85%D9%85%D9%84%D9%83%D8%A9&hl=ar")
    assert chrome.execute_script("return getComputedStyle(document.body).direction") == "rtl"
    facets, results = css(chrome, "nav.facets")[0], css(chrome, "section.results")[0]
    assert facets.location["x"] > results.location["x"]  # the facet column is mirrored to the right
    title = css(chrome, ".result h3")[0]
    assert title.get_attribute("dir") == "rtl" and title.get_attribute("lang") == "ar"


def test_english_snippet_on_an_arabic_page_reads_left_to_right(chrome, server):
    chrome.get(server.base + "/search?q=regulation&country=EU&hl=ar")
    snippet = css(chrome, ".result .snippet")[0]
    assert snippet.get_attribute("dir") == "ltr" and snippet.get_attribute("lang") == "en"


def test_the_site_works_with_javascript_off(server):
    driver = browser.start(javascript=False)
    try:
        driver.get(server.base + "/")
        box = css(driver, "#q")[0]
        box.send_keys("законов")
        browser.submit(driver, box)
        assert "ru-copyright-amendments" in " ".join(a.get_attribute("href") for a in css(driver, ".result h3 a"))
        driver.get(facet_link(driver, "Russia").get_attribute("href"))
        assert "country=RU" in driver.current_url and css(driver, ".chips a")
    finally:
        driver.quit()


def test_year_fields_and_language_versions_without_javascript(server):
    driver = browser.start(javascript=False)
    try:
        driver.get(server.base + "/search?q=&topic=ai-strategy")
        fields = {f.get_attribute("name"): f for f in css(driver, "form.date-range input[type=number]")}
        fields["from"].send_keys("2020")
        fields["to"].send_keys("2021")
        browser.submit(driver, fields["to"])
        query = urllib.parse.parse_qs(urllib.parse.urlparse(driver.current_url).query)
        assert (query["topic"], query["from"], query["to"]) == (["ai-strategy"], ["2020"], ["2021"])
        dates = [m.text.split(" · ")[1] for m in css(driver, ".result .meta")]
        assert dates and all(d[:4] in ("2020", "2021") for d in dates)

        driver.get(server.base + "/search?q=&topic=creative-industries&hl=en")
        links = {a.text: a for a in css(driver, ".result .versions a")}
        assert {"Français", "العربية", "Nederlands"} <= set(links)
        links["Français"].click()
        title = css(driver, "article.document h1")[0]
        assert title.get_attribute("lang") == "fr" and title.text.startswith("Stratégie nationale des industries")
        assert {a.text for a in css(driver, "dd.versions a")} == {"English", "العربية"}
    finally:
        driver.quit()


def test_readme_screenshots(chrome, server, tmp_path):
    """The README's pictures come from here: `make screenshots` writes them into docs/screenshots."""
    where = browser.screenshot_dir(tmp_path)
    shots = [
        browser.screenshot(chrome, server.base + "/search?q=intelligence+artificielle&hl=en", where / "search-en.png"),
        browser.screenshot(chrome, server.base + "/search?q=%D8%A7%D9%84%D8%B0%D9%83%D8%A7%D8%A1+"
                                                 "%D8%A7%D9%84%D8%A7%D8%B5%D8%B7%D9%86%D8%A7%D8%B9%D9%8A&hl=ar",
                           where / "search-ar.png"),
        browser.screenshot(chrome, server.base + "/doc/sa-data-ai-strategy?q=%D8%A7%D9%84%D9%85%D9%85%D9%84%D9%83%D8%A9",
                           where / "document.png"),
    ]
    try:
        browser.phone(chrome, height=844)
        shots.append(browser.screenshot(chrome, server.base + "/search?q=copyright&hl=en", where / "search-phone.png"))
    finally:
        browser.desktop(chrome)
    for shot in shots:
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_a_scanned_arabic_document_reads_right_to_left_and_says_it_was_recognised(chrome, server):
    chrome.get(server.base + "/search?hl=ar&q=" + urllib.parse.quote("أرشفة"))
    assert any("/doc/eg-tamim-arshafat-barat-scan" in a.get_attribute("href") for a in css(chrome, ".result h3 a"))
    chrome.get(server.base + "/doc/eg-tamim-arshafat-barat-scan?hl=ar")
    notice = css(chrome, ".notice.ocr")
    assert [n.text for n in notice] == ["نص مستخرج من مستند ممسوح ضوئيًا؛ قد يحتوي على أخطاء."]
    assert notice[0].is_displayed()
    first = css(chrome, ".text .page p")[0]
    assert first.text.startswith("تعميم بشأن أرشفة") and first.value_of_css_property("direction") == "rtl"
