"""Marking what a query matched: in result snippets and on the document page."""
import pytest

from conftest import run_cli, small_corpus
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


def test_a_snippet_is_never_the_title_or_its_underline(live):
    # The Swedish memo opens with its title underlined by =====; the title also has "promemoria".
    result = search.run(live, search.SearchRequest(q="promemoria", filters={"country": ["SE"]}, expand=False))
    html = result["results"][0]["snippet"]
    assert "===" not in html and not html.startswith("Upphovsrätt och artificiell intelligens")
    assert "<mark>promemoria</mark>" in html.casefold()


def test_a_heading_that_repeats_the_title_is_not_the_snippet(live):
    # Kenya's page opens with its <h1>, the title before " | Office of …"; a sentence has the words too.
    result = search.run(live, search.SearchRequest(q="data protection", filters={"country": ["KE"]}, expand=False))
    assert result["results"][0]["snippet"].startswith("These Regulations may be cited as the <mark>Data</mark>")


def test_the_window_holds_the_cluster_of_matches_whole(live):
    filler = "palavras sem nada a ver " * 8
    text = "Abertura do texto. " * 6 + "A propriedade " + filler + "intelectual dos autores." + " Fim." * 40
    terms = terms_for(live, "propriedade intelectual", expand=False)
    html = snippets.snippet(text, ["text_pt"], terms, SCHEMA)
    assert "<mark>propriedade</mark>" in html and "<mark>intelectual</mark>" in html
    visible = html.replace("<mark>", "").replace("</mark>", "")
    inner = visible.strip("…")
    at = text.index(inner)   # begins and ends at a word
    assert text[at - 1] == " " and text[at + len(inner)] == " "


def test_stop_words_of_a_translated_phrase_are_not_marked_elsewhere(live):
    # GDPR expands to "règlement général sur la protection des données": its la and des are marked
    # inside that phrase, not wherever a French text has them.
    text = "Le règlement général sur la protection des données s'applique. La loi de la République le complète."
    html = snippets.mark(text, snippets.spans(text, ["text_fr"], terms_for(live, "GDPR"), SCHEMA))
    assert "<mark>règlement</mark> <mark>général</mark> <mark>sur</mark> <mark>la</mark> <mark>protection</mark>" in html
    assert "La loi de la République" in html


def test_droit_d_auteur_marks_its_d_only_inside_the_phrase(live, sample_index):
    doc = search.document(live, "ca-consultation-ai-copyright")
    pages = search.marked_paragraphs(live, doc, "copyright")
    html = " ".join(p for page in pages for p in page)
    assert html.count("<mark>droit</mark> <mark>d</mark>&#x27;<mark>auteur</mark>") >= 1
    assert html.count("<mark>d</mark>") == html.count("<mark>droit</mark> <mark>d</mark>")
    assert "d&#x27;IA" in html   # an ordinary d' stays unmarked


def test_a_language_without_a_field_of_its_own_is_marked_in_the_default_field(tmp_path):
    # Georgian is indexed in text_und: the marks look there, not in a text_ka that does not exist.
    corpus = small_corpus(tmp_path, {"ka.txt": "ხელოვნური ინტელექტის სტრატეგია\n\nსაქართველოს ეროვნული სტრატეგია "
                                               "ხელოვნური ინტელექტის განვითარებისთვის მოიცავს განათლებას, კვლევას და "
                                               "მონაცემთა დაცვას."},
                          ["ge-ai,documents/ka.txt,ხელოვნური ინტელექტის სტრატეგია,GE,,2024,ka,\n"])
    run_cli("build", "--corpus", str(corpus), "--index", str(tmp_path / "index"))
    georgian = SnapshotHandle(str(tmp_path / "index")).get()
    result = search.run(georgian, search.SearchRequest(q="კვლევას", expand=False))
    assert "<mark>კვლევას</mark>" in result["results"][0]["snippet"]
    doc = search.document(georgian, "ge-ai")
    pages = search.marked_paragraphs(georgian, doc, "კვლევას")
    assert any("<mark>კვლევას</mark>" in p for page in pages for p in page)


def test_a_window_in_thai_never_cuts_a_vowel_sign_from_its_letter(live):
    """Thai has no spaces to cut at: the window's edges move past combining marks, so the snippet
    never begins (or ends) with a sign that shows as a dotted circle."""
    import unicodedata
    sentence = "การพัฒนาระบบที่ใช้ข้อมูลต้องคำนึงถึงสิทธิของผู้สร้างสรรค์ผลงาน"
    terms = terms_for(live, "ปัญญาประดิษฐ์", expand=False)
    for k in range(len(sentence)):   # the window's edges fall on every letter of the sentence in turn
        text = sentence * 12 + sentence[:k] + "ปัญญาประดิษฐ์" + sentence * 12
        html = snippets.snippet(text, ["text_th"], terms, SCHEMA)
        visible = html.replace("<mark>", "").replace("</mark>", "").strip("…")
        after = text.index(visible) + len(visible)
        assert not unicodedata.category(visible[0]).startswith("M"), (k, visible[:5])
        assert after == len(text) or not unicodedata.category(text[after]).startswith("M"), (k, visible[-5:])
