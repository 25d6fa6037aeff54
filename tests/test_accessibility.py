"""axe-core's rules, run inside the headless Chromium on the home, search, document and error pages,
in English and in Arabic: no serious or critical violation. `make test` fetches axe-core from the
npm registry at the version the Makefile pins (AXE_VERSION) into var/."""
import json
import os
import re

import pytest

import browser
from conftest import ROOT

MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")
AXE_VERSION = re.search(r"^AXE_VERSION := (\S+)", MAKEFILE, re.M).group(1)
AXE = ROOT / "var" / f"axe-core-{AXE_VERSION}" / "axe.min.js"
PAGES = ["/", "/search?q=copyright", "/search?q=&more=country&country=FR", "/doc/ch-datenschutz-dreisprachig?q=Daten",
         "/doc/sa-data-ai-strategy", "/doc/us-trade-secret-report", "/doc/no-such-document", "/search?q=zzzzqqq"]
RUN = """const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ["violations"]}).then(
  r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                     nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))}))),
  e => done([{id: "axe failed", impact: "critical", help: String(e), nodes: []}]));"""

pytestmark = pytest.mark.skipif(not browser.available() and not os.environ.get("CI"),
                                reason="Chromium and chromedriver are not installed (.ci/run installs them)")


@pytest.fixture(scope="module")
def axe():
    if not AXE.is_file():
        pytest.skip(f"axe-core is not in {AXE.relative_to(ROOT)}: `make axe` fetches it with npm from the npm registry")
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("hl", ["en", "ar"])
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_or_critical_accessibility_violations(chrome, server, axe, path, hl):
    browser.desktop(chrome)
    chrome.get(server.base + path + ("&" if "?" in path else "?") + "hl=" + hl)
    chrome.set_script_timeout(60)
    chrome.execute_script(axe)   # through the driver, as a tool would: the page's own CSP allows no inline script
    violations = chrome.execute_async_script(RUN)
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, json.dumps(serious, ensure_ascii=False, indent=1)


def test_axe_finds_what_it_should(chrome, server, axe):
    """The run above can fail: on a page stripped of its language and of a link's text, axe reports both."""
    chrome.get(server.base + "/search?q=copyright")
    chrome.execute_script("document.documentElement.removeAttribute('lang');"
                          "document.querySelector('.result h3 a').textContent = '';")
    chrome.execute_script(axe)
    found = {v["id"] for v in chrome.execute_async_script(RUN) if v["impact"] in ("serious", "critical")}
    assert {"html-has-lang", "link-name"} <= found
