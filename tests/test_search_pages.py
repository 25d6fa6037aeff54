"""The pages and orders of one search: what it finds is kept per snapshot, so another page or order of
it is cut from the same matches, in the order Whoosh's own sorted search gives."""
import pytest
from whoosh import query as wq

from search_web import query, search
from search_web.snapshot import SnapshotHandle


@pytest.fixture()
def live(sample_index):
    return SnapshotHandle(str(sample_index)).get()


@pytest.mark.parametrize("q", ["data", "la", ""])
@pytest.mark.parametrize("sort, column, reverse", [("newest", "date", True), ("oldest", "date", False),
                                                   ("added", "added", True)])
def test_a_sorted_page_lists_what_whoosh_sorted_search_lists(live, q, sort, column, reverse):
    whole = [r["id"] for r in search.run(live, search.SearchRequest(q=q, sort=sort, page_size=100, expand=False,
                                                                    snippets=False))["results"]]
    whoosh_q = query.parse(live, q, expand=False).query or wq.Every()
    in_whoosh_order = [hit["id"] for hit in live.searcher().search(whoosh_q, limit=None, sortedby=column, reverse=reverse)
                       if hit["id"] in set(whole)]
    assert len(whole) >= 8 and whole == in_whoosh_order
    pages = []
    for page in (1, 2, 3):
        pages += [r["id"] for r in search.run(live, search.SearchRequest(q=q, sort=sort, page=page, page_size=3,
                                                                         expand=False))["results"]]
    assert pages == whole[:9]


def test_another_page_or_order_of_a_search_is_cut_from_what_it_found(live):
    first = search.run(live, search.SearchRequest(q="data protection", page=1, page_size=3))
    found = live.cache["found"]
    assert len(found) == 1
    second = search.run(live, search.SearchRequest(q="data protection", page=2, page_size=3))
    newest = search.run(live, search.SearchRequest(q="data protection", sort="newest"))
    assert len(found) == 1 and first["total"] == second["total"] == newest["total"] > 6
    assert not {r["id"] for r in first["results"]} & {r["id"] for r in second["results"]}
    # the facets handed out are each caller's own: the site labels them in place
    first["facets"]["country"][0]["label"] = "changed"
    assert "label" not in search.run(live, search.SearchRequest(q="data protection", page=3, page_size=3))["facets"]["country"][0]
    search.run(live, search.SearchRequest(q="data protection", filters={"country": ["FR"]}))
    assert len(found) == 2
