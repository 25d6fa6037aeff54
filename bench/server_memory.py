"""Server memory on an index already built: RSS and the processes' own memory (RssAnon) after start
and after 1,000 first-time searches of the benchmark set, for one server kind. ``make bench`` measures
this within its run; this measures it alone, e.g. on the 100,000-document index after a change.

    python bench/server_memory.py --index var/bench/index-100000 --corpus var/bench/corpus-100000 --server waitress

The server clears INDEX/cache (the shared result cache) when it starts, listens on 127.0.0.1 and is
stopped at the end.
"""
import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import http_bench  # noqa: E402  (bench/ is a folder of scripts, not a package)
import make_corpus  # noqa: E402
import queries  # noqa: E402

SEARCHES = 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--corpus", required=True, help="the corpus the index was built from (for the queries)")
    parser.add_argument("--server", choices=("waitress", "gunicorn", "nginx"), default="waitress")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    sentences, countries = make_corpus.sentence_material()
    items = queries.make(sentences, countries, queries.manifest(Path(args.corpus)), args.seed)
    # distinct searches: each query on pages 1-3 in three orders, so none is answered from a cache
    paths = http_bench.variants(items, "en")[:SEARCHES]
    server = http_bench.Server(args.index, args.server)
    try:
        out = {"server": args.server, "index": args.index, "rss_after_start_mb": server.rss_mb(),
               "own_after_start_mb": server.anonymous_mb()}
        errors = sum(server.get(path)[0] != 200 for path in paths)
        out.update(searches=len(paths), errors=errors, rss_after_searches_mb=server.rss_mb(),
                   own_after_searches_mb=server.anonymous_mb())
    finally:
        server.stop()
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
