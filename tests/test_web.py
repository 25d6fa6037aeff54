"""The minimal site on a real server on 127.0.0.1: pages, downloads, JSON, and bad input."""
import html
import re
import shutil
import urllib.parse

import pytest

from conftest import CORPUS, corpus_file, one_document_site, publish_and_wait, start_server
from indexer import build

q = urllib.parse.quote


def test_search_page_shows_results_with_title_country_language_and_snippet(server):
    status, headers, body = server.get("/search?q=" + q("instituts interdisciplinaires"))
    assert status == 200 and "text/html" in headers["Content-Type"]
    assert ('href="/doc/fr-strategie-nationale-ia?q=instituts+interdisciplinaires'
            '&amp;back=q%3Dinstituts%2Binterdisciplinaires&amp;hl=en"') in body
    assert 'rel="alternate" type="application/atom+xml"' in body
    assert "Donner un sens à l&#039;intelligence artificielle" in body or "Donner un sens à l'intelligence" in body
    assert "France" in body and "French" in body
    assert '<mark>instituts</mark>' in body
    assert "1 document for" in body


@pytest.mark.parametrize("word, doc_id", [
    ("المملكة", "sa-data-ai-strategy"), ("人工智能", "cn-ai-development-plan"), ("закон", "ru-copyright-amendments"),
    ("inteligencia", "es-estrategia-ia-2024"), ("stratégie", "fr-strategie-nationale-ia"),
    ("artificial intelligence", "eu-ai-regulation-2024"),
])
def test_a_visitor_finds_documents_in_each_un_language(server, word, doc_id):
    status, data = server.json("/api/v1/search?q=" + q(word) + "&country=" + corpus_country(doc_id))
    assert status == 200 and doc_id in {r["id"] for r in data["results"]}


def corpus_country(doc_id):
    from conftest import manifest
    return manifest()[doc_id]["country"]


def test_document_page_shows_arabic_readable(server):
    status, _, body = server.get("/doc/sa-data-ai-strategy")
    assert status == 200
    assert 'lang="ar"' in body
    source = (CORPUS / "sample/texts/sa-data-ai-strategy.txt").read_text(encoding="utf-8").split("\n\n")
    sentence = next(p for p in source[1:] if not p.startswith(("#", "-", "|"))).split("،")[0]
    assert len(sentence) > 40 and sentence in " ".join(body.split())


def test_original_file_is_served_as_submitted(server):
    status, headers, _ = server.get("/doc/cn-ai-development-plan/file")
    # a PDF opens in the browser; every other original is an attachment (tests/test_hostile_requests.py)
    assert status == 200 and headers["Content-Disposition"].startswith("inline;")
    assert headers["Content-Type"] == "application/pdf"
    with open(corpus_file("cn-ai-development-plan"), "rb") as f:
        size = len(f.read())
    assert int(headers["Content-Length"]) == size


@pytest.mark.parametrize("path", ["/doc/does-not-exist", "/doc/..%2F..%2Fetc%2Fpasswd/file", "/doc/%00/file",
                                  "/nowhere"])
def test_unknown_documents_and_paths_are_404_pages(server, path):
    status, _, body = server.get(path)
    assert status == 404 and "Traceback" not in body


@pytest.mark.parametrize("path", ["/search?q=%22unbalanced", "/search?q=(((", "/search?q=AND", "/search?page=-1",
                                  "/search?page=99999999", "/search?q=" + "x" * 5000, "/search?sort=bogus",
                                  "/search?country=%00", "/search?q=%FF%FE", "/api/v1/search?q=(((",
                                  "/search?language=zz&topic=%3Cscript%3E"])
def test_bad_input_never_gives_a_server_error(server, path):
    status, _, body = server.get(path)
    assert status < 500 and "Traceback" not in body
    assert "<script>" not in body


def test_api_errors_have_one_shape(server):
    status, data = server.json("/api/v1/doc/nope")
    assert status == 404 and data == {"ok": False, "error": "no document with id 'nope'", "status": 404}


def test_healthz_names_the_snapshot(server, sample_report):
    status, data = server.json("/healthz")
    assert status == 200 and data["snapshot"] == sample_report["snapshot"]


def test_security_headers(server):
    _, headers, _ = server.get("/search?q=")
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"


def test_document_text_and_metadata_are_escaped(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "documents").mkdir(parents=True)
    shutil.copy(CORPUS / "topics.csv", corpus)
    (corpus / "documents" / "evil.html").write_text(
        "<html><body><p>Consultation &lt;script&gt;alert('x')&lt;/script&gt; sur la protection des données "
        "personnelles et la surveillance des algorithmes publics.</p></body></html>", encoding="utf-8")
    (corpus / "manifest.csv").write_text(
        'id,file,title,country,topics,date,language,source_url\n'
        'evil,documents/evil.html,"<img src=x onerror=alert(1)>",FR,,2020,,javascript:alert(1)\n', encoding="utf-8")
    build.build(corpus, tmp_path / "index")
    proc, srv = start_server(tmp_path / "index")
    try:
        for path in ("/search?q=consultation", "/doc/evil", "/"):
            status, _, body = srv.get(path)
            assert status == 200
            assert "<script>alert" not in body and "<img src=x" not in body
        assert "&lt;script&gt;" in srv.get("/doc/evil")[2]
        assert "&lt;img src=x onerror=alert(1)&gt;" in srv.get("/doc/evil")[2]
        assert "javascript:" not in srv.get("/doc/evil")[2]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_site_without_an_index_says_how_to_build_one(tmp_path):
    proc, srv = start_server(tmp_path / "empty-index")
    try:
        status, _, body = srv.get("/search?q=x")
        assert status == 503 and "not available yet" in body   # visitors come back; staff read /healthz
        status, data = srv.json("/healthz")
        assert status == 503 and "python -m indexer build" in data["error"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_feed_is_atom_newest_first(server):
    import xml.dom.minidom
    status, headers, body = server.get("/feed?q=&country=RU")
    assert status == 200 and "atom+xml" in headers["Content-Type"]
    doc = xml.dom.minidom.parseString(body.encode("utf-8"))
    updated = [e.getElementsByTagName("updated")[0].firstChild.data for e in doc.getElementsByTagName("entry")]
    assert len(updated) >= 2 and updated == sorted(updated, reverse=True)


def test_opensearch_description_points_at_the_search(server):
    status, _, body = server.get("/opensearch.xml")
    assert status == 200 and "OpenSearchDescription" in body and "/search?q={searchTerms}" in body
    assert 'rel="search"' in server.get("/")[2]


def test_interface_language_sets_direction_and_labels(server):
    status, _, body = server.get("/?hl=ar")
    assert status == 200 and '<html lang="ar" dir="rtl">' in body
    status, data = server.json("/api/v1/search?q=&country=CN&hl=zh")
    assert {v["value"]: v["label"] for v in data["facets"]["country"]}["CN"] == "中国"
    assert "dir=\"ltr\"" in server.get("/?hl=zz")[2]


def test_a_rebuild_is_served_without_a_restart(tmp_path):
    corpus, index = one_document_site(tmp_path)
    proc, srv = start_server(index)
    try:
        assert srv.json("/api/v1/search?q=consultation")[1]["total"] == 0
        second = publish_and_wait(srv, corpus, index)
        assert srv.json("/healthz")[1]["snapshot"] == second
        assert srv.json("/api/v1/search?q=consultation")[1]["total"] == 1
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_port_in_use_is_a_clear_message(server):
    import subprocess
    import sys
    port = server.base.rsplit(":", 1)[1]
    result = subprocess.run([sys.executable, "-m", "search_web", "--port", port, "--index", "nowhere"],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 1 and "--port" in result.stderr and "Traceback" not in result.stderr


def test_document_page_marks_the_words_searched_for_and_offers_more_like_this(server):
    status, _, body = server.get("/doc/ru-copyright-amendments?q=" + q("законов"))
    assert status == 200
    assert "<mark>закон</mark>" in body.lower() or "<mark>законов</mark>" in body.lower()
    status, _, body = server.get("/doc/cn-ai-development-plan?q=" + q("人工智能"))
    assert "<mark>人工智能</mark>" in body
    assert "More like this" in body
    status, _, plain = server.get("/doc/cn-ai-development-plan")
    assert "<mark>" not in plain
    status, _, evil = server.get("/doc/cn-ai-development-plan?q=" + q("<script>alert(1)</script>"))
    assert status == 200 and "<script>alert" not in evil


def test_search_page_offers_the_spelling_suggestion(server):
    status, _, body = server.get("/search?q=regulaton&hl=fr")
    assert "Vouliez-vous dire" in body and 'href="/search?q=regulation&amp;hl=fr"' in body


@pytest.mark.parametrize("params, error", [("page=-1", "page must be"), ("page=abc", "page must be"),
                                           ("page=99999999", "page must be"), ("sort=bogus", "sort must be")])
def test_api_refuses_invalid_values_with_a_400_in_the_one_error_shape(server, params, error):
    status, data = server.json("/api/v1/search?q=patent&" + params)
    assert status == 400 and data["ok"] is False and data["status"] == 400 and error in data["error"]
    assert server.get("/search?q=patent&" + params)[0] == 200  # a visitor gets the repaired page


def test_api_ignores_unknown_parameters(server):
    status, data = server.json("/api/v1/search?q=patent&utm_source=newsletter&colour=blue")
    assert status == 200 and data["total"] > 0


def test_the_page_says_what_else_was_searched_and_how_to_turn_it_off(server):
    status, _, body = server.get("/search?q=copyright&hl=fr")
    assert status == 200 and "Également recherché" in body
    assert '<span lang="zh" dir="ltr">' in body and '<span lang="ar" dir="rtl">' in body
    assert 'href="/search?q=copyright&amp;xl=0&amp;hl=fr"' in body
    status, _, body = server.get("/search?q=copyright&hl=fr&xl=0")
    assert "Également recherché" not in body and "dans d’autres langues" in body
    # Every link of the page keeps xl=0: pages, sort, facets.
    facet_links = re.findall(r'href="(/search\?[^"]*country=[^"]*)"', body)
    assert facet_links and all("xl=0" in link for link in facet_links)
    _, data = server.json("/api/v1/search?q=copyright")
    assert data["expansion"]["concepts"] and any(t["language"] == "ru" for t in data["expansion"]["terms"])
    _, data = server.json("/api/v1/search?q=copyright&xl=0")
    assert data["expansion"] is None


def test_the_page_lists_dictionary_translations_after_the_glossary_and_xl_0_turns_them_off(server):
    status, _, body = server.get("/search?q=health")
    assert status == 200 and '<span lang="fr" dir="ltr" class="dictionary">santé</span>' in body
    assert 'href="/search?q=health&amp;xl=0&amp;hl=en"' in body
    _, data = server.json("/api/v1/search?q=health")
    assert data["translation"]["words"] == ["health"] and data["expansion"] is None
    assert "fr-strategie-nationale-ia" in {r["id"] for r in data["results"]}
    _, data = server.json("/api/v1/search?q=health&xl=0")
    assert data["translation"] is None and "fr-strategie-nationale-ia" not in {r["id"] for r in data["results"]}


def test_document_page_marks_the_glossary_terms_found_in_its_language(server):
    status, _, body = server.get("/doc/ru-copyright-amendments?q=copyright")
    assert status == 200 and "<mark>" in body
    status, _, body = server.get("/doc/ru-copyright-amendments?q=copyright&xl=0")
    assert "<mark>" not in body.split('class="text"')[1]


def test_topics_from_the_glossary_are_marked_as_automatic(server):
    status, _, body = server.get("/doc/th-patent-guideline?hl=en")
    assert status == 200 and "assigned automatically from the glossary" in body
    assert 'href="/search?topic=patents&amp;hl=en"' in body
    _, data = server.json("/api/v1/search?topic=patents&language=th")
    assert [r["id"] for r in data["results"]] == ["th-patent-guideline"]
    assert data["results"][0]["topics"] == ["patents"] and data["results"][0]["topics_automatic"]
    _, body = server.get("/doc/de-patentgesetz-novelle?hl=en")[1:]
    assert "assigned automatically" not in body


@pytest.mark.parametrize("path", ["/search?q=copyright&hl=ar", "/doc/ru-copyright-amendments?q=copyright&hl=ar",
                                  "/?hl=ar", "/doc/no-such-document?hl=ar"])
def test_every_page_link_keeps_the_interface_language(server, path):
    """A visitor who chose Arabic stays in Arabic whatever they click: every link to a page of ours
    carries hl=ar (files, feeds and the stylesheet are not pages)."""
    _, _, body = server.get(path)
    body = re.sub(r'<nav class="languages".*?</nav>', "", body, flags=re.S)   # the switcher changes it
    links = [html.unescape(link) for link in re.findall(r'href="(/[^"]*)"', body)]
    pages = [link for link in links if not re.match(r"/(static/|feed|opensearch\.xml|doc/[^/?]+/file)", link)]
    assert pages and all("hl=ar" in link for link in pages), [link for link in pages if "hl=ar" not in link]
