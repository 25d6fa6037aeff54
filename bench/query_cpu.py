"""CPU time per query of the benchmark's query set on an index already built, by kind of query: a
figure that holds still on a busy machine, where wall-clock latencies do not (the other processes
take the cores, not the work). For comparing two versions of the search on one index.

    python bench/query_cpu.py --corpus var/bench/corpus-2000 --index var/bench/index-2000

Each query runs once, first time (``search._run``: no result cache), after a few to warm up.
"""
import argparse
import statistics
import time

import make_corpus
import queries
from search_web import search
from search_web.snapshot import SnapshotHandle

WARM_UP = 10


def measure(corpus, index_dir, seed=8):
    """``{kind: (p50 ms, p95 ms, queries)}`` of CPU time, ``all`` included."""
    sentences, countries = make_corpus.sentence_material()
    items = queries.make(sentences, countries, queries.manifest(corpus), seed)
    live = SnapshotHandle(str(index_dir)).get()
    search.facet_sets(live), live.glossary(), live.dictionary()
    for item in items[:WARM_UP]:
        search._run(live, search.SearchRequest(q=item["q"]))
    by_kind = {}
    for item in items:
        request = search.SearchRequest(q=item["q"], filters=dict(item.get("filters", {})))
        started = time.thread_time()
        search._run(live, request)
        ms = (time.thread_time() - started) * 1000
        for kind in (item["kind"], "all"):
            by_kind.setdefault(kind, []).append(ms)
    return {kind: (round(statistics.median(v), 1), round(sorted(v)[int(len(v) * 0.95)], 1), len(v))
            for kind, v in by_kind.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", required=True, help="the bench corpus the index was built from")
    parser.add_argument("--index", required=True)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    print("CPU ms per query (p50 / p95)")
    for kind, (p50, p95, n) in measure(args.corpus, args.index, args.seed).items():
        print(f"  {kind:10} {n:4} queries   {p50:7.1f} / {p95:7.1f}")


if __name__ == "__main__":
    main()
