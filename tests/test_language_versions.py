"""Language versions (the manifest's ``group``): one result per document, in the visitor's language,
with links to the other versions; every version on the document page; ``versions`` in the API."""
import html
from urllib.parse import quote

import pytest

MA = {"ar": "ma-istratijiya-sinaat-ibdaiya-ar", "en": "ma-creative-industries-strategy-en",
      "fr": "ma-strategie-industries-creatives-fr"}


@pytest.mark.parametrize("hl", ["ar", "en", "fr"])
def test_a_group_is_one_result_in_the_interface_language(server, hl):
    status, data = server.json(f"/api/v1/search?q=&topic=creative-industries&hl={hl}")
    assert status == 200
    ids = [r["id"] for r in data["results"]]
    assert [i for i in ids if i.startswith("ma-")] == [MA[hl]]
    result = data["results"][ids.index(MA[hl])]
    assert sorted(v["id"] for v in result["versions"]) == sorted(i for code, i in MA.items() if code != hl)
    assert {v["language"] for v in result["versions"]} == set(MA) - {hl}


def test_the_selected_language_and_the_query_language_choose_the_version(server):
    data = server.json("/api/v1/search?q=&topic=creative-industries&hl=en&language=ar")[1]
    assert [r["id"] for r in data["results"]] == [MA["ar"]]
    # a French query on an English interface: the French version, though the English one matches too
    data = server.json("/api/v1/search?hl=en&q=" + quote("stratégie nationale des industries créatives"))[1]
    ma = [r["id"] for r in data["results"] if r["id"].startswith("ma-")]
    assert ma == [MA["fr"]]


def test_counts_say_what_they_count(server):
    data = server.json("/api/v1/search?q=&topic=creative-industries")[1]
    # three Moroccan versions and two Belgian ones: two documents
    assert data["total"] == 2
    assert [v["count"] for v in data["facets"]["topic"] if v["value"] == "creative-industries"] == [2]
    assert [v["count"] for v in data["facets"]["country"] if v["value"] == "MA"] == [1]
    # the language facet counts each version in its own language, and the page says so
    languages = {v["value"]: v["count"] for v in data["facets"]["language"]}
    assert languages["ar"] == 1 and languages["nl"] == 1 and languages["fr"] == 2
    body = server.get("/search?q=&topic=creative-industries")[2]
    assert "Each language version is counted in its language" in body


def test_a_result_links_its_other_versions_by_their_own_names(server):
    status, _, body = server.get("/search?q=&topic=creative-industries&hl=en")
    assert status == 200
    start = body.index(MA["en"])
    versions = html.unescape(body[start:body.index("</li>", start)])
    assert 'Also in:' in versions
    assert f'<a href="/doc/{MA["fr"]}?hl=en" lang="fr" dir="ltr" hreflang="fr">Français</a>' in versions
    assert f'<a href="/doc/{MA["ar"]}?hl=en" lang="ar" dir="rtl" hreflang="ar">العربية</a>' in versions


def test_the_document_page_links_every_version(server):
    status, _, body = server.get(f"/doc/{MA['ar']}?hl=fr")
    assert status == 200 and "Versions linguistiques" in body
    for code in ("en", "fr"):
        assert f'href="/doc/{MA[code]}?hl=fr" lang="{code}"' in body
    status, doc = server.json(f"/api/v1/doc/{MA['fr']}")
    assert sorted(v["id"] for v in doc["versions"]) == sorted([MA["en"], MA["ar"]])


def test_a_document_without_a_group_has_no_versions(server):
    status, doc = server.json("/api/v1/doc/fr-strategie-nationale-ia")
    assert status == 200 and doc["versions"] == []
    assert "Also in:" not in server.get("/search?q=&country=FR")[2]
