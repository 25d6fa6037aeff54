"""Marking what a query matched: in result snippets and on the document page."""
import pytest

from indexer.schema import build_schema
from search_web import query, search, snippets
from search_web.snapshot import SnapshotHandle

SCHEMA = build_schema()


@pytest.fixture(scope="module")
def live(sample_index):
    return SnapshotHandle(str(sample_index)).get()


def terms_for(live, q, **kwargs):
    return snippets.query_terms(query.parse(live, q, **kwargs).query, live.searcher().reader())


def marked(live, text, q, code):
    terms = terms_for(live, q, expand=False)
    return snippets.mark(text, snippets.spans(text, ["text_" + code], terms, SCHEMA))


def test_a_thai_word_is_marked_whole_and_its_letters_elsewhere_are_not(live):
    # ระ is a bigram of ปัญญาประดิษฐ์ (artificial intelligence) and also the start of ระบบ (system).
    text = "ระบบปัญญาประดิษฐ์ต้องมีระบบตรวจสอบ"
    assert marked(live, text, "ปัญญาประดิษฐ์", "th") == "ระบบ<mark>ปัญญาประดิษฐ์</mark>ต้องมีระบบตรวจสอบ"


def test_a_two_character_chinese_word_is_still_marked(live):
    assert marked(live, "国家支持专利申请。", "专利", "zh") == "国家支持<mark>专利</mark>申请。"


def test_a_prefix_query_marks_the_words_it_expanded_to(live):
    assert marked(live, "Patents and patentability.", "patent*", "en") == \
        "<mark>Patents</mark> and <mark>patentability</mark>."


def test_the_snippet_is_the_paragraph_with_the_most_query_words(live):
    text = "Opening words about something else.\n\nA paragraph on data.\n\nHere data protection officers meet."
    terms = terms_for(live, "data protection", expand=False)
    html = snippets.snippet(text, ["text_en"], terms, SCHEMA)
    assert html == "Here <mark>data</mark> <mark>protection</mark> officers meet."


def test_markup_in_the_text_is_escaped_around_the_marks(live):
    # a word the English documents have: a query is searched only where its words occur
    terms = terms_for(live, "patent", expand=False)
    html = snippets.snippet("<b>a</b> <patent>alert(1)</patent> <script>x</script>", ["text_en"], terms, SCHEMA)
    assert "<script>" not in html and "<patent>" not in html and "&lt;<mark>patent</mark>&gt;" in html


def test_result_snippets_mark_the_words_and_cut_long_paragraphs(live):
    result = search.run(live, search.SearchRequest(q="instituts interdisciplinaires", expand=False))
    html = result["results"][0]["snippet"]
    assert "<mark>instituts</mark>" in html and len(html.replace("<mark>", "").replace("</mark>", "")) <= 2 * 240
