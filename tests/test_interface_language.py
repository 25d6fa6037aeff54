"""The interface language: a switcher on every page that keeps the page's state, hl kept in forms,
and Accept-Language read with its weights and regional variants."""
import html
import re
import urllib.parse
import urllib.request

import pytest

from search_web import i18n

PAGES = ["/", "/search?q=copyright&country=FR&country=CA&sort=newest&xl=0", "/doc/ru-copyright-amendments?q=%D0%B7%D0%B0%D0%BA%D0%BE%D0%BD",
         "/doc/no-such-document", "/search?q=&more=country"]


def switcher(body):
    nav = re.search(r'<nav class="languages"[^>]*>(.*?)</nav>', body, re.S).group(1)
    return [(code, html.unescape(href)) for href, code in re.findall(r'<a href="([^"]+)" lang="(\w+)"', nav)]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_offers_every_interface_language_keeping_its_state(server, path):
    _, _, body = server.get(path + ("&" if "?" in path else "?") + "hl=ar")
    links = switcher(body)
    assert [code for code, _ in links] == list(i18n.LANGUAGES)
    want = urllib.parse.parse_qs(urllib.parse.urlsplit(path).query)
    for code, href in links:
        parts = urllib.parse.urlsplit(href)
        assert parts.path == urllib.parse.urlsplit(path).path and not parts.netloc
        got = urllib.parse.parse_qs(parts.query)
        assert got.pop("hl") == [code] and got == want, href
    assert 'aria-current="true">العربية</a>' in body


@pytest.mark.parametrize("path", ["//evil.example/x?hl=fr", "/%5Cevil.example/x?hl=fr", "/%5C%5Cevil.example?hl=fr"])
def test_the_switcher_never_leads_to_another_site(server, path):
    _, _, body = server.get(path)
    links = [href for _, href in switcher(body)]
    assert links and all(href.startswith("/") and href[1] not in "/\\" for href in links), links


@pytest.mark.parametrize("header, word", [
    ("pt-BR,pt;q=0.9,en;q=0.8", "Pesquisar"),          # a regional variant: Portuguese
    ("de-AT", "Suchen"),
    ("en;q=0.3, ru;q=0.9", "Найти"),                    # the weights, not the order, decide
    ("sv-SE, fr-CA;q=0.8, en;q=0.5", "Rechercher"),     # no Swedish: the next language asked for
    ("fr;q=0, es", "Buscar"),                           # q=0 means "not this one"
    ("", "Search"),
])
def test_accept_language_is_negotiated_with_weights_and_regional_variants(server, header, word):
    request = urllib.request.Request(server.base + "/search?q=", headers={"Accept-Language": header})
    with urllib.request.urlopen(request, timeout=30) as r:
        body = r.read().decode("utf-8")
    assert f">{word}</button>" in body


@pytest.mark.parametrize("hl, word", [("pt", "Pesquisar"), ("de", "Suchen")])
def test_portuguese_and_german_interfaces(server, hl, word):
    _, _, body = server.get(f"/search?q=patent&hl={hl}")
    assert f">{word}</button>" in body and f'<html lang="{hl}" dir="ltr">' in body
    assert ("Filtros (0)" if hl == "pt" else "Filter (0)") in body
    _, _, body = server.get(f"/search?q=&hl={hl}")
    topics = re.search(r'<section class="facet" id="facet-topic">.*?</section>', body, re.S).group(0)
    assert ("Direito autoral" if hl == "pt" else "Urheberrecht") in topics    # topics.csv's own column


def test_the_search_form_keeps_the_interface_language(server):
    _, _, body = server.get("/doc/ru-copyright-amendments?hl=zh")
    form = re.search(r'<form class="searchbox".*?</form>', body, re.S).group(0)
    assert '<input type="hidden" name="hl" value="zh">' in form
