"""What other sites and programs rely on (issue 13): paging the API and the feed, filter values
checked, HTTP caching from the snapshot, CORS, the embeddable list, absolute URLs from the public
address. A real server on 127.0.0.1; the feed is read by feedparser."""
import re
import urllib.request

import feedparser
import pytest

from conftest import one_document_site, publish_and_wait, start_server

PUBLIC = "https://search.example.org"


def fetch(server, path, headers=None):
    """``(status, headers, body)`` with request headers; a 304 is an answer, not an error."""
    req = urllib.request.Request(server.base + path, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read().decode()


@pytest.fixture(scope="module")
def public_server(sample_index):
    """The sample index served with ``SEARCH_PUBLIC_URL`` set."""
    proc, srv = start_server(sample_index, env={"SEARCH_PUBLIC_URL": PUBLIC + "/"})
    yield srv
    proc.terminate()
    proc.wait(timeout=10)


def test_api_page_size_pages_through_everything_and_a_page_past_the_end_is_empty(server):
    _, first = server.json("/api/v1/search?q=&page_size=7")
    assert first["page_size"] == 7 and len(first["results"]) == 7
    seen, page = [], 1
    while True:
        status, data = server.json(f"/api/v1/search?q=&page_size=7&page={page}")
        assert status == 200 and data["total"] == first["total"]
        if not data["results"]:
            break
        seen += [r["id"] for r in data["results"]]
        page += 1
    assert len(seen) == len(set(seen)) == first["total"] and page == first["pages"] + 1


@pytest.mark.parametrize("value", ["0", "101", "abc", "-5", "%C2%B2", "9" * 50])
def test_api_refuses_a_page_size_out_of_range(server, value):
    status, data = server.json(f"/api/v1/search?q=&page_size={value}")
    assert status == 400 and data["ok"] is False and "page_size must be a whole number from 1 to 100" in data["error"]


def test_a_page_past_the_end_is_a_helpful_page(server):
    status, _, body = server.get("/search?q=copyright&page=40")
    assert status == 200 and "past the end" in body
    assert re.search(r'href="/search\?q=copyright&amp;page=\d+&amp;hl=en">Go to the last page', body)


@pytest.mark.parametrize("param, reason", [
    ("country=KENYA", "country must be an ISO 3166-1 alpha-2 code; did you mean KE?"),
    ("country=XX", "country must be an ISO 3166-1 alpha-2 code"),
    ("language=french", "language must be an ISO 639-1 code or und; did you mean fr?"),
    ("topic=copyrite", "did you mean copyright?"),
    ("year=2021-2023", "year must be four digits, such as 2021; for a range use from=2021"),
    ("region=999", "region must be a UN M49 region code, such as 014 for Eastern Africa, or an organisation such as EU"),
    ("region=Eastern%20Afrika", "did you mean 014?"),
])
def test_api_says_why_a_filter_value_is_refused(server, param, reason):
    status, data = server.json("/api/v1/search?q=&" + param)
    assert status == 400 and data["status"] == 400 and reason in data["error"]


def test_codes_are_taken_in_any_case(server):
    _, region = server.json("/api/v1/search?q=&region=eu")
    assert region["filters"] == {"region": ["EU"]} and region["total"] > 0
    _, upper = server.json("/api/v1/search?q=&country=KE&language=EN")
    _, lower = server.json("/api/v1/search?q=&country=ke&language=en")
    assert upper["total"] == lower["total"] > 0 and lower["filters"] == {"country": ["KE"], "language": ["en"]}
    status, _, body = server.get("/search?q=&country=ke")
    assert status == 200 and "Kenya" in body and "no code this filter knows" not in body


def test_the_page_says_which_filter_value_it_left_out(server):
    status, _, body = server.get("/search?q=&country=XX&country=fr")
    assert status == 200 and "“XX” is no code this filter knows; it was left out of the search." in body
    _, data = server.json("/api/v1/search?q=&country=FR")
    assert f"{data['total']} documents" in body


@pytest.mark.parametrize("path", ["/api/v1/search?q=data", "/api/v1/doc/eu-ai-regulation-2024", "/feed?q=data",
                                  "/embed?q=data", "/doc/eu-ai-regulation-2024.ris", "/sitemap.xml"])
def test_answers_carry_validators_and_a_304_saves_the_search(server, path):
    status, headers, _ = fetch(server, path)
    assert status == 200 and headers["ETag"] and headers["Last-Modified"]
    assert "max-age=" in headers["Cache-Control"]
    assert fetch(server, path, {"If-None-Match": headers["ETag"]})[0] == 304
    assert fetch(server, path, {"If-Modified-Since": headers["Last-Modified"]})[0] == 304
    assert fetch(server, path, {"If-None-Match": '"another-snapshot-en"'})[0] == 200
    assert fetch(server, path, {"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})[0] == 200


def test_errors_carry_no_validators(server):
    status, headers, _ = fetch(server, "/api/v1/search?page_size=0")
    assert status == 400 and headers["ETag"] is None


@pytest.mark.parametrize("path", ["/feed?q=data", "/opensearch.xml", "/api/v1/search?q=data"])
def test_feed_and_opensearch_are_open_to_other_sites_scripts(server, path):
    assert fetch(server, path, {"Origin": "https://partner.example"})[1]["Access-Control-Allow-Origin"] == "*"


def test_the_feed_pages_through_every_document_with_rfc5005_links(server):
    _, api = server.json("/api/v1/search?q=")
    url, ids, pages = server.base + "/feed?page_size=20", [], 0
    while url:
        parsed = feedparser.parse(server.get(url[len(server.base):])[2])
        assert not parsed.bozo, parsed.bozo_exception
        links = {link["rel"]: link["href"] for link in parsed.feed.links}
        assert links["first"] == server.base + "/feed?sort=added&page_size=20"
        assert ("previous" in links) == (pages > 0)
        ids += [entry.id for entry in parsed.entries]
        url, pages = links.get("next"), pages + 1
    assert len(ids) == len(set(ids)) == api["total"] and pages == -(-api["total"] // 20)


def test_only_the_embed_list_may_be_framed(server):
    _, headers, body = server.get("/embed?q=copyright")
    assert "frame-ancestors *" in headers["Content-Security-Policy"] and headers["X-Frame-Options"] is None
    assert "<script" not in body and 'target="_blank"' in body
    assert re.search(r'<a href="http://127\.0\.0\.1:\d+/search\?q=copyright&amp;hl=en"[^>]*>View all \d+ on', body)
    for path in ("/search?q=copyright", "/", "/doc/eu-ai-regulation-2024", "/doc/no-such-document"):
        _, headers, _ = server.get(path)
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"] and headers["X-Frame-Options"] == "DENY"


def test_the_search_page_offers_the_embed_snippet_escaped(server):
    _, _, body = server.get("/search?q=%3Ccopyright%3E")
    assert "Embed this search" in body and "<copyright>" not in body
    # the iframe is shown as text: its own markup escaped once, its attribute's & escaped for pasting
    assert ('&lt;iframe src=&quot;http://127.0.0.1:' in body and "/embed?q=%3Ccopyright%3E&amp;amp;hl=en&quot;" in body)


def test_absolute_urls_come_from_the_public_url_never_the_host_header(public_server):
    forged = {"Host": "evil.example", "X-Forwarded-Host": "evil.example"}
    _, _, body = fetch(public_server, "/api/v1/search?q=data", forged)
    assert f'"url": "{PUBLIC}/doc/' in body and f'"file_url": "{PUBLIC}/doc/' in body and "evil" not in body
    for path in ("/feed?q=data", "/sitemap.xml", "/export.csv?q=data", "/doc/eu-ai-regulation-2024.ris",
                 "/embed?q=data", "/search?q=data"):
        _, _, body = fetch(public_server, path, forged)
        assert PUBLIC + "/" in body and "evil.example" not in body, path


def test_a_new_snapshot_changes_the_validators(tmp_path):
    corpus, index = one_document_site(tmp_path)
    proc, srv = start_server(index)
    try:
        _, before, _ = fetch(srv, "/api/v1/search?q=consultation")
        publish_and_wait(srv, corpus, index)
        status, after, body = fetch(srv, "/api/v1/search?q=consultation", {"If-None-Match": before["ETag"]})
        assert status == 200 and after["ETag"] != before["ETag"] and '"total": 1' in body
    finally:
        proc.terminate()
        proc.wait(timeout=10)
