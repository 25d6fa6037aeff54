"""What a query means beyond its words (issue 12): countries and years it names, how several words
combine across languages, searches with one word fewer, and "more like this"."""
import urllib.parse

import pytest

from search_web import countries, query, search
from search_web.snapshot import SnapshotHandle


@pytest.fixture(scope="module")
def live(sample_index):
    return SnapshotHandle(str(sample_index)).get()


def run(live, q, **kwargs):
    return search.run(live, search.SearchRequest(q=q, hl=kwargs.pop("hl", "en"), **kwargs))


def ids(result):
    return [hit["id"] for hit in result["results"]]


@pytest.mark.parametrize("q, code, rest", [
    ("Kenya", "KE", ""), ("UK AI regulation", "GB", "AI regulation"), ("USA patents", "US", "patents"),
    ("Brasil inteligência artificial", "BR", "inteligência artificial"), ("البرازيل", "BR", ""),
    ("مصر براءات الاختراع", "EG", "براءات الاختراع"), ("肯尼亚 数据保护", "KE", "数据保护"), ("肯尼亚数据保护", "KE", "数据保护"),
    ("Österreich künstliche Intelligenz", "AT", "künstliche Intelligenz"),
    ("Россия искусственный интеллект", "RU", "искусственный интеллект"),
    ("United States patents", "US", "patents"), ("South Korea AI", "KR", "AI"),
])
def test_country_names_are_recognised_in_any_language_and_script(q, code, rest):
    named = countries.recognise(q, {code}, set())
    assert [(f["facet"], f["value"]) for f in named.found] == [("country", code)]
    assert named.rest == rest


@pytest.mark.parametrize("q", ["us data", "-kenya data", '"kenya" data', "man made", "pole position"])
def test_words_that_only_look_like_countries_are_left_to_the_text_search(q):
    assert countries.recognise(q, {"US", "KE", "IM", "PL"}, set()).found == []


def test_only_the_collection_s_countries_and_years_are_recognised():
    named = countries.recognise("Peru data protection 2021 1999", {"KE"}, {"2021"})
    assert named.found == [{"facet": "year", "value": "2021", "text": "2021"}]
    assert named.rest == "Peru data protection 1999"


@pytest.mark.parametrize("q, first", [
    ("kenya data protection", "ke-data-protection-regulations"),
    ("Brasil inteligência artificial", "br-estrategia-ia"),
    ("肯尼亚 数据保护", "ke-data-protection-regulations"),
    ("USA patents", "us-ai-inventorship-guidance"),
])
def test_the_named_country_s_documents_rank_first_without_filtering_the_rest(live, q, first):
    result = run(live, q)
    assert ids(result)[0] == first
    assert len({hit["country"] for hit in result["results"]}) > 1   # a boost, not a filter
    code = first[:2].upper()
    assert {"facet": "country", "value": code} in [{k: r[k] for k in ("facet", "value")} for r in result["recognised"]]


def test_a_year_ranks_the_documents_of_that_year_first(live):
    result = run(live, "data protection 2021")
    dated = [hit["date"][:4] for hit in result["results"]]
    assert dated[0] == "2021" and dated == sorted(dated, key=lambda year: year != "2021")
    assert result["recognised"] == [{"facet": "year", "value": "2021", "text": "2021"}]


def test_a_country_already_chosen_as_a_filter_is_not_offered_again(live):
    result = run(live, "kenya data protection", filters={"country": ["KE"]})
    assert result["recognised"] == [] and ids(result) == ["ke-data-protection-regulations"]


def test_a_query_that_finds_nothing_offers_the_searches_with_one_word_fewer(live):
    result = run(live, "copyright quantum")   # no document speaks of quantum
    assert result["total"] == 0
    assert result["fewer_words"] == [{"q": "copyright", "total": run(live, "copyright")["total"]}]
    assert run(live, "copyright")["fewer_words"] == []


def test_every_word_counts_in_whatever_language_the_document_has_it(live):
    # "copyright" is found in French, Chinese or Japanese through the glossary; "quantum" in no
    # document: the English regulation and the foreign texts are treated alike.
    found = set(ids(run(live, "copyright quantum")))
    assert ("eu-ai-regulation-2024" in found) == ("ca-consultation-ai-copyright" in found)
    assert not found & {"cn-generated-content-copyright", "jp-copyright-ai-considerations"}
    # both words, each in any language: the English regulation and the Chinese measures alike
    both = ids(run(live, "copyright artificial intelligence"))
    assert {"eu-ai-regulation-2024", "cn-generated-content-copyright", "jp-copyright-ai-considerations"} <= set(both)
    assert "fr-strategie-nationale-ia" not in both   # artificial intelligence, but no copyright


def test_more_like_this_follows_the_topics_and_concepts_in_every_language(live):
    doc = search.document(live, "ca-consultation-ai-copyright")
    similar = search.more_like_this(live, doc)
    found = [hit["id"] for hit in similar]
    assert "ke-data-protection-regulations" not in found
    assert all("copyright" in hit["topics"] for hit in similar[:3])
    assert {"cn-generated-content-copyright", "se-upphovsratt-ai"} <= set(found)   # Chinese, Swedish


def test_the_search_page_offers_the_named_country_and_fewer_words(server):
    status, _, body = server.get("/search?q=" + urllib.parse.quote("kenya data protection"))
    assert status == 200 and "Only Kenya</a>" in body and "country=KE" in body
    status, _, body = server.get("/search?q=" + urllib.parse.quote("copyright quantum") + "&hl=fr")
    assert status == 200 and "Avec un mot de moins" in body and 'href="/search?q=copyright&amp;hl=fr"' in body
    status, data = server.json("/api/v1/search?q=" + urllib.parse.quote("肯尼亚 数据保护"))
    assert data["recognised"][0]["value"] == "KE" and data["results"][0]["id"] == "ke-data-protection-regulations"


def test_words_the_glossary_expansion_covers_need_no_mask_of_their_own(live):
    # "data protection" is one glossary concept: the words as typed require both words and the
    # expansion stands for both, so the union already holds every word and no second pass is run.
    parsed = query.parse(live, "data protection", "en")
    assert parsed.expansion and not parsed.translation
    assert parsed.required == []
    # a word the glossary does not cover is still held to: copyright in any language, quantum as typed
    assert [len(forms) for forms in query.parse(live, "copyright quantum", "en").required] == [1]
    assert run(live, "copyright quantum")["total"] == 0


def test_the_fewer_words_offer_counts_under_the_chosen_filters(live):
    chosen = {"language": ["fr"]}
    result = run(live, "copyright quantum", filters=chosen)
    assert result["total"] == 0
    assert result["fewer_words"] == [{"q": "copyright", "total": run(live, "copyright", filters=chosen)["total"]}]
    assert 0 < result["fewer_words"][0]["total"] < run(live, "copyright")["total"]
