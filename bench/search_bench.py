"""Search in process (no HTTP): the site's own ``search.run`` on a live snapshot, per kind of query.

Each query runs first on a freshly opened snapshot (nothing cached: "first time"), then again
("repeated"); browsing (an empty query) is timed on pages 1 to 50.
"""
import time

from search_web import search
from search_web.snapshot import SnapshotHandle

from stats import summary

BROWSE_PAGES = 50


def request(item, page=1):
    return search.SearchRequest(q=item["q"], filters=dict(item.get("filters", {})), page=page)


def timed(live, req):
    started = time.perf_counter()
    result = search.run(live, req)
    return (time.perf_counter() - started) * 1000, result


def measure(index_dir, items):
    """Latencies in ms: ``{"first": {kind: summary}, "repeated": ..., "by_filters": ..., "browse": ...}``."""
    handle = SnapshotHandle(index_dir)
    live = handle.get()
    opened = time.perf_counter()
    search.facet_sets(live)
    open_ms = (time.perf_counter() - opened) * 1000
    first, repeated, by_filters, totals = {}, {}, {}, []
    for item in items:
        ms, result = timed(live, request(item))
        first.setdefault(item["kind"], []).append(ms)
        first.setdefault("all", []).append(ms)
        by_filters.setdefault(f"{len(item['filters'])}_filters", []).append(ms)
        totals.append(result["total"])
    for item in items:
        ms, _ = timed(live, request(item))
        repeated.setdefault(item["kind"], []).append(ms)
        repeated.setdefault("all", []).append(ms)
    browse = [timed(live, request({"q": ""}, page))[0] for page in range(1, BROWSE_PAGES + 1)]
    return {
        "queries": len(items), "languages": len({i["language"] for i in items}),
        "facet_sets_ms": round(open_ms, 1),
        "first": {k: summary(v) for k, v in first.items()},
        "repeated": {k: summary(v) for k, v in repeated.items()},
        "by_filters": {k: summary(v) for k, v in sorted(by_filters.items())},
        "browse_pages_1_50": summary(browse),
        "zero_results": sum(1 for t in totals if not t),
    }
