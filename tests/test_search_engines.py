"""What search engines read (issue 13): the sitemap (paged for large collections), a canonical link
on every page, JSON-LD on document pages checked against schema.org's vocabulary; and the page
deep links: results open a PDF at the page of the match, the document page numbers its pages."""
import html
import json
import re

import pytest
from lxml import etree

from conftest import start_server

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

# The part of schema.org's vocabulary the pages use: each type, its parent, and the properties it
# adds (from schema.org's type pages; Thing's apply to all).
SCHEMA_ORG = {
    "Thing": (None, {"name", "url", "identifier", "description", "sameAs", "image", "alternateName"}),
    "CreativeWork": ("Thing", {"inLanguage", "datePublished", "dateModified", "keywords", "encoding",
                               "associatedMedia", "workTranslation", "translationOfWork", "spatialCoverage",
                               "about", "author", "publisher", "genre", "headline", "license"}),
    "Legislation": ("CreativeWork", {"legislationJurisdiction", "legislationType", "legislationDate",
                                     "legislationIdentifier", "legislationLegalForce", "jurisdiction"}),
    "Report": ("Article", {"reportNumber"}),
    "Article": ("CreativeWork", {"articleBody", "articleSection"}),
    "MediaObject": ("CreativeWork", {"contentUrl", "encodingFormat", "contentSize"}),
    "Place": ("Thing", {"address", "geo"}),
    "AdministrativeArea": ("Place", set()),
    "Country": ("AdministrativeArea", set()),
}
KEYWORDS = {"@context", "@type", "@id"}


def properties(schema_type):
    props = set()
    while schema_type:
        parent, own = SCHEMA_ORG[schema_type]
        props |= own
        schema_type = parent
    return props


def unknown_properties(node):
    """Every property of ``node`` and its nested nodes that schema.org does not define for its type."""
    if isinstance(node, list):
        return [bad for n in node for bad in unknown_properties(n)]
    if not isinstance(node, dict):
        return []
    allowed = properties(node["@type"]) if node.get("@type") in SCHEMA_ORG else set()
    wrong = [f"{node.get('@type')}.{k}" for k in node if k not in KEYWORDS and k not in allowed]
    return wrong + [bad for v in node.values() for bad in unknown_properties(v)]


def json_ld(body):
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    return json.loads(block)


def test_the_sitemap_lists_every_document_with_its_last_change(server, sample_report):
    status, headers, body = server.get("/sitemap.xml")
    assert status == 200 and headers["Content-Type"].startswith("application/xml")
    root = etree.fromstring(body.encode())
    assert root.tag == SITEMAP + "urlset"
    locs = {u.findtext(SITEMAP + "loc"): u.findtext(SITEMAP + "lastmod") for u in root}
    expected = {server.base + "/doc/" + d["id"]: d["updated"][:10] for d in sample_report["documents"]}
    assert locs == expected and all(re.fullmatch(r"\d{4}-\d\d-\d\d", v) for v in locs.values())


@pytest.fixture(scope="module")
def small_sitemap_server(sample_index):
    proc, srv = start_server(sample_index, env={"SEARCH_SITEMAP_PAGE": "20"})
    yield srv
    proc.terminate()
    proc.wait(timeout=10)


def test_a_large_collection_gets_a_sitemap_index_of_pages(small_sitemap_server, sample_report):
    srv = small_sitemap_server
    root = etree.fromstring(srv.get("/sitemap.xml")[2].encode())
    assert root.tag == SITEMAP + "sitemapindex"
    pages = [s.findtext(SITEMAP + "loc") for s in root]
    count = len(sample_report["documents"])
    assert pages == [f"{srv.base}/sitemap.xml?page={n}" for n in range(1, -(-count // 20) + 1)]
    listed = []
    for page in pages:
        urlset = etree.fromstring(srv.get(page[len(srv.base):])[2].encode())
        assert urlset.tag == SITEMAP + "urlset" and len(urlset) <= 20
        listed += [u.findtext(SITEMAP + "loc") for u in urlset]
    assert len(listed) == len(set(listed)) == count
    assert srv.get(f"/sitemap.xml?page={len(pages) + 1}")[0] == 404


@pytest.mark.parametrize("path, canonical", [
    ("/", "/"), ("/search?q=data&country=FR", "/search?country=FR&q=data"),
    ("/search?q=data&utm_source=mail&page=1&country=fr", "/search?country=FR&q=data"),
    ("/search?q=&page=2&hl=ar", "/search?hl=ar&page=2"),
    ("/doc/eu-ai-regulation-2024?hl=fr", "/doc/eu-ai-regulation-2024?hl=fr"),
    ("/doc/no-such-document", "/doc/no-such-document"), ("/embed?q=data", "/embed?q=data")])
def test_every_page_names_its_canonical_address(server, path, canonical):
    body = server.get(path)[2]
    assert html.unescape(re.search(r'<link rel="canonical" href="([^"]+)">', body).group(1)) == server.base + canonical


@pytest.mark.parametrize("doc_id, schema_type", [("eu-ai-regulation-2024", "Legislation"),
                                                 ("gb-ai-regulation-white-paper", "Report"),
                                                 ("at-ki-strategie", "CreativeWork")])
def test_document_pages_describe_themselves_in_schema_org_terms(server, sample_report, doc_id, schema_type):
    record = next(d for d in sample_report["documents"] if d["id"] == doc_id)
    data = json_ld(server.get("/doc/" + doc_id)[2])
    assert data["@context"] == "https://schema.org" and not unknown_properties(data)
    assert data["@type"] == schema_type and data["url"] == server.base + "/doc/" + doc_id
    assert data["inLanguage"] == record["language"] and data["name"] == record["title"]
    if record["date"]:
        assert data["datePublished"] == record["date"]
    assert data["encoding"]["contentUrl"] == server.base + f"/doc/{doc_id}/file"
    place = data.get("legislationJurisdiction") or data.get("spatialCoverage")
    assert place["identifier"] == record["country"]


def test_every_document_page_has_valid_json_ld(server, sample_report):
    for record in sample_report["documents"][:15]:
        data = json_ld(server.get("/doc/" + record["id"])[2])
        assert not unknown_properties(data), (record["id"], unknown_properties(data))


def test_json_ld_cannot_end_its_script_element():
    from search_web import structured_data
    text = structured_data.script_json({"name": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> & <!--"


def test_a_result_opens_the_pdf_at_the_page_of_the_match(server):
    _, data = server.json("/api/v1/search?q=foreseeable&xl=0")
    [hit] = [r for r in data["results"] if r["id"] == "eu-ai-regulation-2024"]
    page = hit["match_page"]
    _, doc = server.json("/api/v1/doc/eu-ai-regulation-2024")
    pages = doc["text"].lower().split("\f")
    # the word's stem first appears on that page (the search stems: foreseeable, foreseen …)
    assert page > 1 and "forese" in pages[page - 1] and not any("forese" in p for p in pages[:page - 1])
    body = server.get("/search?q=foreseeable&xl=0")[2]
    assert f'<a class="page-link" href="/doc/eu-ai-regulation-2024/file#page={page}">page {page}</a>' in body


def test_the_document_page_numbers_its_pages_and_links_them_to_the_pdf(server):
    body = server.get("/doc/eu-ai-regulation-2024")[2]
    numbers = re.findall(r'<section class="page" id="page-(\d+)"', body)
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)] and len(numbers) > 20
    assert '<a href="/doc/eu-ai-regulation-2024/file#page=7">Page 7</a>' in body


def test_a_pdf_opens_inline_sandboxed_and_anything_else_is_a_download(server, sample_report):
    status, headers, _ = server.get("/doc/eu-ai-regulation-2024/file")
    assert status == 200 and headers["Content-Type"] == "application/pdf"
    assert headers["Content-Disposition"].startswith("inline") and headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in headers["Content-Security-Policy"].split("; ")
    for fmt in ("html", "text", "docx"):
        record = next(d for d in sample_report["documents"] if d["format"] == fmt)
        status, headers, _ = server.get(f"/doc/{record['id']}/file")
        assert status == 200 and headers["Content-Disposition"].startswith("attachment"), fmt
        assert headers["Content-Type"] != "text/html" and "sandbox" in headers["Content-Security-Policy"]


def test_json_ld_lists_language_versions_and_leaves_out_what_a_record_lacks():
    from search_web import structured_data
    from search_web.urls import Urls
    urls = Urls("en", "https://search.example.org")
    law = {"id": "ma-loi-09-08", "title": "Loi n° 09-08", "country": "MA", "language": "fr", "date": "2009-02-18",
           "type": "law", "format": "pdf", "topics": [],
           "versions": [{"id": "ma-loi-09-08-ar", "language": "ar"}, {"id": "ma-loi-09-08-en", "language": "en"}]}
    data = structured_data.document(law, urls)
    assert [(v["@type"], v["url"], v["inLanguage"]) for v in data["workTranslation"]] == [
        ("Legislation", "https://search.example.org/doc/ma-loi-09-08-ar", "ar"),
        ("Legislation", "https://search.example.org/doc/ma-loi-09-08-en", "en")]
    assert not unknown_properties(data)
    bare = structured_data.document({"id": "x", "title": "X", "country": "KE", "language": "en"}, urls)
    assert bare["@type"] == "CreativeWork" and "workTranslation" not in bare and "datePublished" not in bare
    assert not unknown_properties(bare)
