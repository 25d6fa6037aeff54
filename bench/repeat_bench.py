"""Repeated searches over HTTP, for the result cache: each query of the benchmark set asked once, then
asked again, with latencies per pass, on the server ``make run`` starts (waitress) or as deployed
(gunicorn, one worker per core). With several workers a repeat usually lands on another worker than
the first answer, so this measures the cache the processes share.

    python bench/repeat_bench.py --index /tmp/w10-index --corpus var/bench/corpus-10000 --server gunicorn

The server may write its shared cache under the index directory: point it at a copy of an index
you do not mind it writing to. The server listens on 127.0.0.1 and is stopped at the end.
"""
import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import http_bench  # noqa: E402  (bench/ is a folder of scripts, not a package)
import make_corpus  # noqa: E402
import queries  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", required=True, help="an index directory (a copy: the cache may be written in it)")
    parser.add_argument("--corpus", required=True, help="the corpus the index was built from (for the queries)")
    parser.add_argument("--server", choices=("waitress", "gunicorn"), default="gunicorn")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    sentences, countries = make_corpus.sentence_material()
    items = queries.make(sentences, countries, queries.manifest(Path(args.corpus)), args.seed)
    server = http_bench.Server(args.index, args.server)
    try:
        first, first_errors = http_bench.latencies(server, items)
        repeated, repeated_errors = http_bench.latencies(server, items)
    finally:
        server.stop()
    print(json.dumps({"server": args.server, "queries": len(items),
                      "first": first["all"], "first_errors": first_errors,
                      "repeated": repeated["all"], "repeated_errors": repeated_errors}, indent=1))


if __name__ == "__main__":
    main()
