"""The per-snapshot result cache: a repeated search gives the same answer without searching again,
callers cannot spoil it, it stays within its size, and a new snapshot starts without it."""
from search_web import result_cache, search
from search_web.snapshot import SnapshotHandle


def request(**kw):
    return search.SearchRequest(**{"q": "intelligence artificielle", **kw})


def test_a_repeated_search_is_answered_from_the_cache_with_the_same_result(sample_index):
    live = SnapshotHandle(str(sample_index)).get()
    first = search.run(live, request(filters={"country": ["FR", "CA"]}))
    cache = result_cache.for_snapshot(live)
    assert len(cache) == 1
    again = search.run(live, request(filters={"country": ["FR", "CA"]}))
    assert again == first and len(cache) == 1
    # another page, filter or interface language is another search
    search.run(live, request(filters={"country": ["FR", "CA"]}, page=2))
    search.run(live, request(filters={"country": ["FR"]}))
    search.run(live, request(filters={"country": ["FR", "CA"]}, hl="ar"))
    assert len(cache) == 4


def test_a_caller_changing_its_result_does_not_change_the_next_one(sample_index):
    live = SnapshotHandle(str(sample_index)).get()
    first = search.run(live, request())
    expected = search.run(live, request())
    first["results"].clear()
    first["facets"]["country"][0]["count"] = -1
    again = search.run(live, request())
    again["facets"]["topic"].clear()
    assert search.run(live, request()) == expected and expected["results"]


def test_a_new_snapshot_starts_with_an_empty_cache(sample_index):
    search.run(SnapshotHandle(str(sample_index)).get(), request())
    assert len(result_cache.for_snapshot(SnapshotHandle(str(sample_index)).get())) == 0


def test_the_cache_keeps_the_most_recently_used_results_within_its_size():
    cache = result_cache.ResultCache(max_entries=2)
    cache.put("a", {"n": 1})
    cache.put("b", {"n": 2})
    cache.get("a")
    cache.put("c", {"n": 3})
    assert len(cache) == 2 and cache.get("b") is None and cache.get("a") == {"n": 1}
