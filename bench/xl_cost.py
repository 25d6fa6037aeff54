"""What each cross-language layer costs per query: the judged queries (both sets) run through the
site's search function with only the words typed (``xl=0``), with the glossary, and with the glossary
and the dictionaries, each several times; the time per query, as the median and the 90th percentile.

    python bench/xl_cost.py [--corpus corpus | --index DIR] [--rounds 5] [--json var/xl-cost.json]

The first run of each query is left out (it loads the snapshot's glossary and dictionary lookup,
once per snapshot); the time to load them is reported on its own.
"""
import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import eval_search
from report import write_json
from search_web import search
from search_web.snapshot import SnapshotHandle

from indexer.lang import dictionary

MODES = ("typed only (xl=0)", "typed + glossary", "typed + glossary + dictionaries")


def run(index_dir, corpus, rounds):
    queries = eval_search.load(eval_search.ROOT / "tests/eval/queries.csv") + \
        eval_search.load(eval_search.ROOT / "tests/eval/crosslanguage.csv")
    with tempfile.TemporaryDirectory() as tmp:
        if not index_dir:
            index_dir = str(Path(tmp) / "index")
            eval_search.build_index(corpus, index_dir)
        live = SnapshotHandle(index_dir).get()
        started = time.perf_counter()
        live.glossary(), live.dictionary()
        loading = time.perf_counter() - started
        lookup = live.dictionary()
        report = {"queries": len(queries), "rounds": rounds, "load_seconds": round(loading, 3),
                  "dictionary_words": len(lookup), "modes": {}}
        for mode in MODES:
            live.cache["dictionary"] = lookup if mode == MODES[2] else dictionary.Dictionary()
            times = []
            for round_ in range(rounds + 1):
                for item in queries:
                    request = search.SearchRequest(q=item["query"], hl="en", expand=mode != MODES[0])
                    started = time.perf_counter()
                    search._run(live, request)   # not run(): its result cache would answer the repeats
                    if round_:
                        times.append((time.perf_counter() - started) * 1000)
            times.sort()
            report["modes"][mode] = {"median_ms": round(statistics.median(times), 2),
                                     "p90_ms": round(times[int(len(times) * 0.9)], 2)}
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default="corpus", help="built into a temporary index unless --index is given")
    parser.add_argument("--index", default="", help="an index directory to measure instead of building one")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", default="var/xl-cost.json", help="where to write the figures")
    args = parser.parse_args()
    report = run(args.index, args.corpus, args.rounds)
    print(f"Cost per query, {report['queries']} judged queries x {report['rounds']} rounds "
          f"(lookup of {report['dictionary_words']} words loaded once per snapshot in {report['load_seconds']} s)")
    for mode, figures in report["modes"].items():
        print(f"  {mode:34} median {figures['median_ms']:7.2f} ms   p90 {figures['p90_ms']:7.2f} ms")
    write_json(args.json, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
