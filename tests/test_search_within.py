"""A search matched only where its results can be: at the documents its other words and its filters
leave (``search_web.within``), and facets read right from an index of several segments."""
import numpy
import pytest

from conftest import run_cli, small_corpus
from search_web import query, scoring, search
from search_web.snapshot import SnapshotHandle


@pytest.fixture(scope="module")
def live(sample_index):
    return SnapshotHandle(str(sample_index)).get()


@pytest.mark.parametrize("q", ["data", "protection des données", '"personal data"', "人工智能", "ปัญญาประดิษฐ์",
                               "intelligence artificielle copyright", "algorit*", "the"])
def test_a_query_matched_within_some_documents_finds_and_scores_there_what_it_does_everywhere(live, q):
    searcher, sets = live.searcher(), search.facet_sets(live)
    everywhere = search._scored(searcher, query.parse(live, q).query, sets.size)
    assert (~numpy.isnan(everywhere)).sum() >= 2, "a query that finds next to nothing tests nothing"
    # every third document, and the matches of every other document: both well under the share
    # past which matching within is not used
    for allowed in (numpy.arange(sets.size) % 3 == 1, ~numpy.isnan(everywhere) & (numpy.arange(sets.size) % 2 == 0)):
        assert allowed.sum() <= scoring.WITHIN_SHARE * sets.size
        within = search._scored(searcher, query.parse(live, q).query, sets.size, allowed)
        assert numpy.array_equal(~numpy.isnan(within), ~numpy.isnan(everywhere) & allowed)
        found = ~numpy.isnan(within)
        assert numpy.allclose(within[found], everywhere[found])


@pytest.mark.parametrize("q", ["data", "protection des données", "人工智能", "intelligence artificielle copyright",
                               "marco Ministerio", "the"])
def test_a_query_scored_part_by_part_scores_as_whoosh_does(live, q):
    searcher, sets = live.searcher(), search.facet_sets(live)
    parsed = query.parse(live, q).query
    whoosh = numpy.full(sets.size, numpy.nan)
    for hit in searcher.search(parsed, limit=None):
        whoosh[hit.docnum] = hit.score
    ours = scoring.scores(searcher, parsed, sets.size)
    assert numpy.array_equal(numpy.isnan(ours), numpy.isnan(whoosh)) and (~numpy.isnan(ours)).sum() >= 2
    assert numpy.allclose(ours[~numpy.isnan(ours)], whoosh[~numpy.isnan(whoosh)])


def test_with_two_filters_a_facet_still_counts_under_the_other_filter_alone(live):
    """With two facets chosen a search only matches documents that pass at least one of them; each
    facet's counts are as with the other facet's filter alone."""
    q = "data protection"

    def counts(result, facet):
        return {v["value"]: v["count"] for v in result["facets"][facet] if v["count"]}
    everything = search.run(live, search.SearchRequest(q=q))
    language = everything["facets"]["language"][0]["value"]
    # a country with documents in that language and in others
    for country in counts(everything, "country"):
        by_country = search.run(live, search.SearchRequest(q=q, filters={"country": [country]}))
        if language in counts(by_country, "language") and len(counts(by_country, "language")) > 1:
            break
    else:
        pytest.fail(f"no country has documents for {q!r} in {language} and another language")
    both = search.run(live, search.SearchRequest(q=q, filters={"language": [language], "country": [country]}))
    by_language = search.run(live, search.SearchRequest(q=q, filters={"language": [language]}))
    assert counts(both, "country") == counts(by_language, "country")
    assert counts(both, "language") == counts(by_country, "language")
    assert len(counts(both, "country")) > 1 and both["total"] == counts(by_language, "country")[country] > 0


def test_facets_are_read_from_every_segment_of_an_index_updated_in_place(tmp_path):
    """An ``update`` adds a segment; the facet values of the index are all there still (the names of
    an index's fields, read from several segments, came as an iterator that the first facet used up)."""
    rows = ["fr-a,documents/a.txt,Stratégie numérique,FR,ai-strategy,2021,fr,\n",
            "de-b,documents/b.txt,Datenschutz im Netz,DE,data-protection,2022,de,\n"]
    corpus = small_corpus(tmp_path, {"a.txt": "La stratégie numérique nationale pour les données publiques.\n",
                                     "b.txt": "Der Schutz personenbezogener Daten im öffentlichen Dienst.\n"}, rows)
    index = tmp_path / "index"
    run_cli("build", "--corpus", str(corpus), "--index", str(index))
    (corpus / "documents" / "c.txt").write_text("La protection des données dans les services publics.\n",
                                                encoding="utf-8")
    with open(corpus / "manifest.csv", "a", encoding="utf-8") as manifest:
        manifest.write("be-c,documents/c.txt,Protection des données,BE,copyright,2023,fr,\n")
    run_cli("update", "--corpus", str(corpus), "--index", str(index))
    reader = SnapshotHandle(str(index)).get().searcher().reader()
    assert not reader.is_atomic(), "the update should have added a segment"
    facets = search.FacetIndex(reader).facets
    assert set(facets["country"][0]) == {"FR", "DE", "BE"}
    assert set(facets["language"][0]) == {"fr", "de"}
    assert set(facets["topic"][0]) == {"ai-strategy", "data-protection", "copyright"}
    assert set(facets["year"][0]) == {"2021", "2022", "2023"}
