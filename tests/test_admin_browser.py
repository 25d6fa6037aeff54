"""A member of staff's round in a real headless Chromium: sign in, upload, publish, find the new
document by a word in it, edit it, withdraw it, roll back."""
import os

import pytest

import browser
from test_admin import PASSWORD, make_site

pytestmark = pytest.mark.skipif(not browser.available() and not os.environ.get("CI"),
                                reason="Chromium and chromedriver are not installed (.ci/run installs them)")


def css(driver, selector):
    from selenium.webdriver.common.by import By
    return driver.find_elements(By.CSS_SELECTOR, selector)


def button(driver, name):
    return css(driver, f'button[name="{name}"]')[0]


def wait_for(driver, condition, timeout=120):
    from selenium.webdriver.support.ui import WebDriverWait
    WebDriverWait(driver, timeout, poll_frequency=0.5).until(condition)


def click_and_wait(driver, element):
    """Submit ``element``'s form and wait for the page that answers (it may have the same address)."""
    from selenium.webdriver.support import expected_conditions
    page = css(driver, "html")[0]
    element.submit()
    wait_for(driver, expected_conditions.staleness_of(page), timeout=60)
    wait_for(driver, lambda d: d.execute_script("return document.readyState") == "complete")


def published(driver):
    """Wait on the publication page (it refreshes itself) until the update has ended."""
    wait_for(driver, lambda d: css(d, ".outcome"))
    return css(driver, ".outcome")[0].text


@pytest.fixture
def chrome():
    driver = browser.start()
    yield driver
    driver.quit()


def test_staff_add_publish_find_edit_withdraw_and_roll_back(chrome, tmp_path):
    proc, server, corpus, index = make_site(tmp_path)
    try:
        chrome.get(server.base + "/admin")
        assert "/admin/login" in chrome.current_url
        css(chrome, "#name")[0].send_keys("amina")
        css(chrome, "#password")[0].send_keys(PASSWORD)
        click_and_wait(chrome, css(chrome, "#password")[0])
        assert css(chrome, ".admin-nav") and "amina" in chrome.page_source

        # upload, with the metadata form: country by name, topic and type boxes, the date picker
        chrome.get(server.base + "/admin/upload?hl=fr")
        upload = tmp_path / "Stratégie quantique.txt"
        upload.write_text("Stratégie nationale pour les technologies quantiques.\n\n"
                          "Le gouvernement soutient la recherche sur les ordinateurs quantiques et la cryptographie "
                          "postquantique dans les universités et les laboratoires publics.", encoding="utf-8")
        css(chrome, "#file")[0].send_keys(str(upload))
        css(chrome, "#title")[0].send_keys("Stratégie quantique")
        from selenium.webdriver.support.ui import Select
        Select(css(chrome, "#country")[0]).select_by_visible_text("France (FR)")
        css(chrome, 'input[name="topics"][value="research-innovation"]')[0].click()
        css(chrome, 'input[name="type"][value="national-strategy"]')[0].click()
        chrome.execute_script("arguments[0].value = '2025-03-14'", css(chrome, "#date")[0])
        click_and_wait(chrome, css(chrome, "#title")[0])
        assert "fr-strategie-quantique" in chrome.page_source
        assert "quantiques" in css(chrome, ".preview-text")[0].text

        # publish, follow it, find the document by a word in it
        click_and_wait(chrome, button(chrome, "publish"))
        assert "Publié" in published(chrome)
        chrome.get(server.base + "/search?q=postquantique")
        assert "Stratégie quantique" in css(chrome, ".result h3")[0].text

        # edit: a new title, published
        chrome.get(server.base + "/admin/doc/fr-strategie-quantique")
        title = css(chrome, "#title")[0]
        title.clear()
        title.send_keys("Stratégie nationale quantique")
        click_and_wait(chrome, title)
        assert "Saved" in chrome.page_source
        click_and_wait(chrome, button(chrome, "publish"))
        published(chrome)
        chrome.get(server.base + "/doc/fr-strategie-quantique")
        assert "Stratégie nationale quantique" in chrome.title

        # withdraw: the page answers Gone
        chrome.get(server.base + "/admin/doc/fr-strategie-quantique")
        click_and_wait(chrome, button(chrome, "withdraw"))
        click_and_wait(chrome, button(chrome, "publish"))
        published(chrome)
        chrome.get(server.base + "/doc/fr-strategie-quantique")
        assert "withdrawn" in chrome.page_source and "Stratégie nationale quantique" in chrome.page_source

        # roll back: the document is there again
        chrome.get(server.base + "/admin")
        click_and_wait(chrome, button(chrome, "rollback"))
        assert "published" in css(chrome, ".notice")[0].text
        # the site takes up a newly published snapshot within a second (a 410 is never cached)
        wait_for(chrome, lambda d: d.get(server.base + "/doc/fr-strategie-quantique") or "Document withdrawn" not in d.title,
                 timeout=10)
        assert "Stratégie nationale quantique" in chrome.title
    finally:
        proc.terminate()
        proc.wait(timeout=10)
