"""Phrases of adjacent words matched by their positions as sets find and score what Whoosh's own
phrase matcher finds and scores, on a real index on disk."""
import pytest
from whoosh import collectors, fields, index, query as wq

from search_web import within

TEXTS = ["data protection act", "protection of data", "data data protection", "act on data protection and data",
         "protection data", "the data subject has data protection rights", "data", "", "protection protection data"]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory):
    folder = tmp_path_factory.mktemp("phrases")
    ix = index.create_in(str(folder), fields.Schema(body=fields.TEXT(phrase=True)))
    for half in (TEXTS[:5], TEXTS[5:]):   # two segments: the offsets of the second count
        with ix.writer() as writer:
            for text in half:
                writer.add_document(body=text)
    with ix.searcher() as s:
        yield s


def scored(searcher, q):
    collector = collectors.UnlimitedCollector()
    searcher.search_with_collector(q, collector)
    return sorted((docnum, round(score, 9)) for score, docnum in collector.items)


@pytest.mark.parametrize("words", [["data", "protection"], ["protection", "data"], ["data", "data"],
                                   ["data", "protection", "act"], ["protection", "protection", "data"],
                                   ["data", "missing"], ["data"]])
def test_a_phrase_by_positions_finds_and_scores_what_whoosh_does(searcher, words):
    for q in (wq.Phrase("body", words), wq.Phrase("body", words, boost=0.5),
              wq.Or([wq.Phrase("body", words), wq.Term("body", "act")])):
        assert scored(searcher, within.within(q)) == scored(searcher, q)


def test_the_documents_found_are_those_with_the_words_in_a_row(searcher):
    found = [docnum for docnum, _ in scored(searcher, within.within(wq.Phrase("body", ["data", "protection"])))]
    assert [TEXTS[n] for n in found] == [t for t in TEXTS if "data protection" in t]
