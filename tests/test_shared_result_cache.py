"""The result cache the server processes share: a search one process answered is answered by another
from the shared cache, a new snapshot does not serve the old one's results, and a cache that cannot
be written never fails a search. ``X-Cache`` says which cache answered."""
import json
import os
import shutil

from conftest import one_document_site, publish_and_wait, start_server
from indexer import snapshots
from search_web import result_cache

QUERY = "/api/v1/search?q=intelligence+artificielle&country=FR&country=CA"


def stop(proc):
    proc.terminate()
    proc.wait(timeout=10)
    return proc.stderr.read().decode("utf-8", "replace")


def entries(index, name):
    return sorted(snapshots.cache_dir(index, name).glob("*" + result_cache.SUFFIX))


def test_a_search_one_server_process_answered_is_answered_by_another_from_the_shared_cache(sample_index, tmp_path):
    index = tmp_path / "index"
    shutil.copytree(sample_index, index, ignore=shutil.ignore_patterns("cache"))
    live = snapshots.current(index)
    first_proc, first = start_server(index)
    second_proc, second = start_server(index)
    try:
        status, headers, body = first.get(QUERY)
        assert status == 200 and headers["X-Cache"] == "miss" and json.loads(body)["total"]
        assert len(entries(index, live)) == 1
        status, headers, again = second.get(QUERY)
        assert status == 200 and headers["X-Cache"] == "shared"
        # the same answer, but for the absolute links, which name the server asked
        assert json.loads(again.replace(second.base, "")) == json.loads(body.replace(first.base, ""))
        assert second.get(QUERY)[1]["X-Cache"] == "memory"
        # the interface language is part of the search (the query is analysed in it too): another entry
        assert second.get(QUERY + "&hl=ar")[1]["X-Cache"] == "miss" and len(entries(index, live)) == 2
    finally:
        stop(first_proc)
        stop(second_proc)


def test_a_new_snapshot_does_not_serve_the_old_ones_results_and_pruning_removes_them(tmp_path):
    corpus, index = one_document_site(tmp_path)
    old = snapshots.current(index)
    gone = snapshots.cache_dir(index, "20000101T000000.000000Z")   # a snapshot pruned while no server ran
    gone.mkdir(parents=True)
    (gone / ("0" * 40 + result_cache.SUFFIX)).write_bytes(b"")
    proc, server = start_server(index)
    try:
        status, headers, body = server.get("/api/v1/search?q=consultation")
        assert status == 200 and headers["X-Cache"] == "miss" and json.loads(body)["total"] == 0
        assert server.get("/api/v1/search?q=consultation")[1]["X-Cache"] == "memory"
        assert not gone.exists()   # cleaned when the server opened the live snapshot
        new = publish_and_wait(server, corpus, index)
        assert new != old
        status, headers, body = server.get("/api/v1/search?q=consultation")
        assert headers["X-Cache"] == "miss" and json.loads(body)["total"] == 1
        assert entries(index, old) and entries(index, new)
    finally:
        stop(proc)
    snapshots.prune(index, keep=1)
    assert not snapshots.cache_dir(index, old).exists() and entries(index, new)


def test_a_cache_directory_that_cannot_be_written_still_answers_and_says_so_once(tmp_path):
    _, index = one_document_site(tmp_path)
    (index / "cache").write_text("not a directory")   # root writes anywhere: a file where the folder goes
    proc, server = start_server(index)
    try:
        for q in ("protection", "traitement", "protection"):
            status, headers, body = server.get("/api/v1/search?q=" + q)
            assert status == 200 and json.loads(body)["total"] == 1
        assert headers["X-Cache"] == "memory"
    finally:
        stderr = stop(proc)
    assert stderr.count("cannot be written") == 1, stderr


def test_the_shared_cache_stays_within_its_bounds_keeping_the_most_recently_used(tmp_path):
    cache = result_cache.SharedCache(tmp_path / "c", max_entries=5)
    for n in range(12):
        cache.put(("q", n), {"n": n})
    # give the files an age in the order written, then use the oldest one again
    for n in range(12):
        path = cache.path(("q", n))
        if path.exists():
            os.utime(path, (1_000_000 + n, 1_000_000 + n))
    assert cache.get(("q", 0)) == {"n": 0}
    cache.prune()
    assert len(cache) <= 5
    assert cache.get(("q", 0)) == {"n": 0} and cache.get(("q", 11)) == {"n": 11} and cache.get(("q", 1)) is None


def test_the_shared_cache_gives_its_own_copy_and_takes_a_damaged_file_for_a_miss(tmp_path):
    cache = result_cache.SharedCache(tmp_path / "c")
    cache.put("k", {"results": [1, 2]})
    got = cache.get("k")
    got["results"].clear()
    assert cache.get("k") == {"results": [1, 2]}
    cache.path("k").write_bytes(b"half a pick")
    assert cache.get("k") is None
