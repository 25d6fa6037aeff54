"""A partner's page on another origin frames our list (issue 13): headless Chromium loads a page served
on another 127.0.0.1 port with two iframes, the embed list (allowed) and the search page (refused)."""
import functools
import http.server
import os
import threading
from html import escape

import pytest

import browser

pytestmark = pytest.mark.skipif(not browser.available() and not os.environ.get("CI"),
                                reason="Chromium and chromedriver are not installed (.ci/run installs them)")

PARTNER_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Partner site</title>
<style>body {{ font: 15px/1.4 Georgia, serif; margin: 2em; max-width: 46em; background: #f7f4ee; }}
h1 {{ font-size: 1.5em; }} iframe {{ background: #fff; border: 1px solid #ccc; }}</style></head>
<body><h1>Observatory of digital policy</h1>
<p>The latest national documents on copyright, from the Policy Clearing House:</p>
<iframe id="allowed" src="{embed}" width="100%" height="430"></iframe>
<iframe id="refused" src="{page}" width="100%" height="120"></iframe>
</body></html>"""


@pytest.fixture(scope="module")
def partner(server, tmp_path_factory):
    """Another origin (another port of 127.0.0.1) whose page frames our embed list and our search page."""
    root = tmp_path_factory.mktemp("partner")
    (root / "index.html").write_text(PARTNER_PAGE.format(embed=escape(server.base + "/embed?q=copyright&page_size=6"),
                                                         page=escape(server.base + "/search?q=copyright")),
                                     encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/index.html"
    httpd.shutdown()


@pytest.fixture(scope="module")
def chrome():
    driver = browser.start(width=900, height=760)
    yield driver
    driver.quit()


def in_frame(driver, frame_id, selector):
    """The texts of ``selector`` inside the iframe ``frame_id`` of the current page."""
    from selenium.webdriver.common.by import By
    driver.switch_to.frame(driver.find_element(By.ID, frame_id))
    try:
        return [e.text for e in driver.find_elements(By.CSS_SELECTOR, selector)]
    finally:
        driver.switch_to.default_content()


def test_a_partner_page_shows_the_embedded_list_but_not_our_other_pages(chrome, partner, server):
    chrome.get(partner)
    titles = in_frame(chrome, "allowed", ".embed-hits li a")
    assert 0 < len(titles) <= 6 and all(titles)
    [view_all] = in_frame(chrome, "allowed", ".view-all a")
    assert view_all.startswith("View all ") and view_all.endswith(" on Policy Clearing House")
    # frame-ancestors 'none' on every other page: the browser shows nothing of ours in that frame
    assert in_frame(chrome, "refused", ".result") == [] and in_frame(chrome, "refused", "main") == []


def test_readme_screenshot_of_an_embedded_list(chrome, partner, tmp_path):
    """The README's picture of an embed: `make screenshots` writes it into docs/screenshots."""
    shot = browser.screenshot(chrome, partner, browser.screenshot_dir(tmp_path) / "embed.png")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
