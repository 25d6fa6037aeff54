"""Property-based tests: arbitrary text and parameters never raise, never leak markup, never lose text."""
import json
import urllib.parse

from hypothesis import HealthCheck, given, settings, strategies as st

from indexer.lang.analysis import analyzer_for, field_languages
from indexer.extract.bidi import reading_order
from search_web import search
from search_web.snapshot import SnapshotHandle

# Text from every plane a visitor or a document can send, control characters and markup included.
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
HOSTILE = st.one_of(ANY_TEXT, st.sampled_from(['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>',
                                               '(((', '"', 'AND OR NOT', '*', 'a*b?', '\x00', '%', '..\\..']))


@settings(max_examples=150, deadline=None)
@given(code=st.sampled_from(field_languages()), text=ANY_TEXT)
def test_analyzers_take_any_text(code, text):
    for token in analyzer_for(code)(text, chars=True, positions=True):
        assert token.text
        assert 0 <= token.startchar < token.endchar <= len(text)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(list("ابتثAbc12 .()")), st.floats(0, 500, allow_nan=False)), max_size=40))
def test_reading_order_keeps_every_glyph(items):
    glyphs = [(text, x, x + 5) for text, x in items]
    assert sorted(reading_order(glyphs)) == sorted("".join(t for t, _, _ in glyphs))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=HOSTILE, country=st.lists(HOSTILE, max_size=3), topic=st.lists(HOSTILE, max_size=2),
       sort=HOSTILE, page=st.one_of(HOSTILE, st.integers(-10**12, 10**12).map(str)))
def test_search_takes_any_parameters(sample_index, q, country, topic, sort, page):
    params = {"q": q, "sort": sort, "page": page}
    lists = {"country": country, "topic": topic}
    request = search.SearchRequest.from_params(params.get, lambda name: lists.get(name, []))
    result = search.run(SnapshotHandle(str(sample_index)).get(), request)
    assert 0 <= result["total"] and 1 <= result["page"] and 1 <= result["pages"]
    # a page past the end is empty (issue 13), never the last page again
    assert len(result["results"]) <= search.PAGE_SIZE and (result["page"] <= result["pages"] or not result["results"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=HOSTILE, country=HOSTILE, page=HOSTILE, hl=HOSTILE,
       path=st.sampled_from(["/search", "/api/v1/search", "/feed", "/"]))
def test_routes_never_fail_and_never_echo_markup(server, q, country, page, hl, path):
    query = urllib.parse.urlencode({"q": q, "country": country, "page": page, "hl": hl})
    status, headers, body = server.get(f"{path}?{query}")
    assert status < 500 and "Traceback" not in body
    if path.startswith("/api/"):
        # JSON may carry the visitor's text back as data; it is never markup there.
        assert headers["Content-Type"].startswith("application/json") and json.loads(body) is not None
        return
    for raw in ("<script>alert", "<img src=x"):
        assert raw not in body
