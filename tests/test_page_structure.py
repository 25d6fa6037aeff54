"""What assistive technology and a reader coming from a search rely on: a heading on every page,
each passage's language, the query and the way back on the document page, its page numbers."""
import html
import re
import urllib.parse

import pytest


@pytest.mark.parametrize("hl", ["en", "ar"])
@pytest.mark.parametrize("path", ["/", "/search?q=copyright", "/search?q=", "/search?q=zzzzqqq",
                                  "/doc/ru-copyright-amendments", "/doc/no-such-document"])
def test_every_page_has_one_h1(server, path, hl):
    _, _, body = server.get(path + ("&" if "?" in path else "?") + "hl=" + hl)
    assert len(re.findall(r"<h1[ >]", body)) == 1


def test_each_passage_of_a_trilingual_document_carries_its_own_language(server):
    _, _, body = server.get("/doc/ch-datenschutz-dreisprachig?hl=en")
    paragraphs = {html.unescape(re.sub("<[^>]+>", "", text))[:25]: code
                  for code, text in re.findall(r'<p lang="(\w+)" dir="ltr">(.*?)</p>', body)}
    assert paragraphs["Diese Verordnung regelt di"[:25]] == "de"
    assert paragraphs["La présente ordonnance règ"[:25]] == "fr"
    assert paragraphs["La presente ordinanza disc"[:25]] == "it"
    assert paragraphs["Art. 1 Gegenstand"] == "de" and paragraphs["Art. 1 Objet"] == "fr"


def test_a_right_to_left_passage_has_its_direction(server):
    _, _, body = server.get("/doc/sa-data-ai-strategy?hl=en")
    assert re.search(r'<p lang="ar" dir="rtl">', body)


def test_the_document_page_keeps_the_query_leads_back_to_its_results_page_and_numbers_pages(server):
    _, _, results = server.get("/search?q=&sort=oldest&page=2&hl=fr")
    link = html.unescape(re.search(r'<h3[^>]*><a href="(/doc/[^"]+)"', results).group(1))
    _, _, body = server.get(link)
    back = html.unescape(re.search(r'<p class="back"><a href="([^"]+)"', body).group(1))
    assert urllib.parse.urlsplit(back).path == "/search"
    assert urllib.parse.parse_qs(urllib.parse.urlsplit(back).query) == {"sort": ["oldest"], "page": ["2"], "hl": ["fr"]}

    _, _, body = server.get("/doc/mx-ley-propiedad-industrial?q=patente&back=" + urllib.parse.quote("q=patente&country=MX"))
    assert 'id="q" name="q" type="search" value="patente"' in body
    assert "/search?q=patente&amp;country=MX&amp;hl=en" in body
    assert re.findall(r'<p class="page-number"><a href="[^"]*">Page (\d+)</a></p>', body)[:3] == ["1", "2", "3"]


def test_the_way_back_only_ever_leads_to_a_search_of_this_site(server):
    for given, back in (("//evil.example/?q=x", "/search?hl=en"), ("q=x&next=http://evil.example", "/search?q=x&hl=en")):
        _, _, body = server.get("/doc/mx-ley-propiedad-industrial?back=" + urllib.parse.quote(given))
        assert html.unescape(re.search(r'<p class="back"><a href="([^"]+)"', body).group(1)) == back
