"""A query is matched only in the language fields where its words occur: the others would add
nothing to the results but their cost. Wildcards keep every field, and results do not change."""
import pytest

from search_web import query, search
from search_web.snapshot import SnapshotHandle


@pytest.fixture(scope="module")
def live(sample_index):
    return SnapshotHandle(str(sample_index)).get()


def text_fields_of(q):
    return {leaf.field() for leaf in q.leaves() if hasattr(leaf, "field") and leaf.field().startswith("text_")}


def test_a_word_is_searched_only_in_the_fields_that_have_it(live):
    searcher = live.searcher()
    fields = text_fields_of(query.parse(live, "Datenschutz", expand=False).query)
    assert fields
    assert all((f, t.text) in searcher.reader() for f in fields for t in searcher.schema[f].analyzer("Datenschutz"))
    assert len(fields) < len([f for f in searcher.reader().indexed_field_names() if f.startswith("text_")]) / 2


def test_a_wildcard_query_keeps_every_field(live):
    fields = text_fields_of(query.parse(live, "Datensch*", expand=False).query)
    assert len(fields) == len([f for f in live.searcher().reader().indexed_field_names() if f.startswith("text_")])


@pytest.mark.parametrize("q", ["Datenschutz", "intelligence artificielle", "données personnelles xyzzy", "the"])
def test_the_results_are_those_of_every_field(live, q, monkeypatch):
    pruned = search._run(live, search.SearchRequest(q=q))
    monkeypatch.setattr(query, "_fields_with_words", lambda searcher, fields, text: fields)
    everywhere = search._run(live, search.SearchRequest(q=q))
    assert [r["id"] for r in pruned["results"]] == [r["id"] for r in everywhere["results"]]
    assert pruned["total"] == everywhere["total"] and pruned["facets"] == everywhere["facets"]


def test_a_query_of_only_stop_words_is_searched_in_its_own_languages(live):
    fields = text_fields_of(query.parse(live, "de la", hl="fr", expand=False).query)
    assert fields and fields <= {"text_fr", "text_und"}
    assert len(text_fields_of(query.parse(live, "de la", expand=False).query)) > len(fields)


def test_a_query_with_a_content_word_keeps_every_field_that_has_it(live):
    with_content = text_fields_of(query.parse(live, "protection de la", hl="fr", expand=False).query)
    assert len(with_content) > 2
