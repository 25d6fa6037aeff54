"""Headless Chromium for the browser tests and the README screenshots (Debian's chromium and
chromium-driver; the flags are the ones this network needs: no background connections)."""
import os
import shutil
import tempfile
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage")


def available():
    return Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()


def start(javascript=True, width=1280, height=900, lang="en"):
    """A new headless Chromium driven by Selenium, with a throwaway profile."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp(prefix='chromium-')}")
    options.add_argument(f"--lang={lang}")
    prefs = {"intl.accept_languages": lang}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    options.add_experimental_option("prefs", prefs)
    return webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))


def css(driver, selector):
    from selenium.webdriver.common.by import By
    return driver.find_elements(By.CSS_SELECTOR, selector)


def phone(driver, width=390, height=844):
    """Make ``driver`` a phone-sized touch screen (a desktop window cannot be narrower than 500 px)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})
    return driver


def desktop(driver):
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    return driver


def screenshot(driver, url, path, height=None):
    """Save what a visitor sees at ``url`` as a PNG."""
    driver.get(url)
    if height:
        driver.set_window_size(1280, height)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(path))
    return Path(path)


def screenshot_dir(default):
    """Where the README screenshots go: ``SCREENSHOT_DIR`` (``make screenshots``), else ``default``."""
    return Path(os.environ.get("SCREENSHOT_DIR") or default)


def submit(driver, field, timeout=20):
    """Submit ``field``'s form and wait for the next page: a script-driven submit returns before
    the browser has navigated."""
    from selenium.webdriver.support.ui import WebDriverWait
    before = driver.current_url
    field.submit()
    WebDriverWait(driver, timeout).until(
        lambda d: d.current_url != before and d.execute_script("return document.readyState") == "complete")
