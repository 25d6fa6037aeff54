"""The slowest queries of the benchmark's query set on an index already built, by CPU time (best of
``--repeat`` runs each, no result cache), and optionally a cProfile summary of them: where the tail
of ``query_cpu.py``'s figures comes from.

    python bench/slowest.py --corpus var/bench/corpus-10000 --index var/bench/index-10000 --top 15 --profile
"""
import argparse
import cProfile
import io
import pstats
import time

import make_corpus
import queries
from search_web import search
from search_web.snapshot import SnapshotHandle


def cpu_ms(live, item):
    request = search.SearchRequest(q=item["q"], filters=dict(item.get("filters", {})))
    started = time.thread_time()
    search._run(live, request)
    return (time.thread_time() - started) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", required=True, help="the bench corpus the index was built from")
    parser.add_argument("--index", required=True)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--repeat", type=int, default=2, help="runs of each slow query; the best counts")
    parser.add_argument("--profile", action="store_true", help="print a cProfile summary of the slowest")
    args = parser.parse_args()
    sentences, countries = make_corpus.sentence_material()
    items = queries.make(sentences, countries, queries.manifest(args.corpus), args.seed)
    live = SnapshotHandle(str(args.index)).get()
    search.facet_sets(live), live.glossary(), live.dictionary()
    # a first pass finds the slow ones; they are timed again, best of --repeat, to leave out one-off stalls
    slowest = sorted(items, key=lambda item: -cpu_ms(live, item))[:args.top]
    timed = [(min(cpu_ms(live, item) for _ in range(args.repeat)), item) for item in slowest]
    print("CPU ms (best of %d)  kind  query  filters" % args.repeat)
    for ms, item in sorted(timed, key=lambda t: -t[0]):
        print(f"  {ms:8.1f}  {item['kind']:10} {item['q']!r} {item.get('filters', {})}")
    print(f"  {sum(ms for ms, _ in timed):8.1f}  sum")
    if args.profile:
        profile = cProfile.Profile()
        for _, item in timed:
            profile.runcall(cpu_ms, live, item)
        out = io.StringIO()
        pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(30)
        print(out.getvalue())


if __name__ == "__main__":
    main()
