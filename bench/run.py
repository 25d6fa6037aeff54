"""The scale benchmark end to end: make a synthetic corpus, build it, search it in process and over
HTTP, and the same in tantivy; figures as JSON and a Markdown table in bench/results/.

    python bench/run.py --docs 10000              # make bench (about 15 minutes on an idle 2-core machine)
    python bench/run.py --docs 100000             # make bench-large (about an hour)
    python bench/run.py --docs 1000 --seconds 5   # a quick look while developing

Nothing it starts outlives it: the servers listen on 127.0.0.1 and are stopped at the end, every load
runs for at most 20 s. The corpus and indexes go to var/bench/ (not tracked).
"""
import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))

import extract_bench  # noqa: E402  (bench/ is a folder of scripts, not a package)
import http_bench  # noqa: E402
import index_bench  # noqa: E402
import make_corpus  # noqa: E402
import queries  # noqa: E402
import search_bench  # noqa: E402
import table  # noqa: E402
import tantivy_peer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
RSS_QUERIES = 1000
ADDED_SHARE = 0.01
LOAD_LANGUAGES = ("fr", "es", "ru")   # one interface language per load run (the default is en): requests no earlier run made


def machine():
    versions = {name: metadata.version(name) for name in
                ("whoosh-reloaded", "tantivy", "pdfminer.six", "waitress", "gunicorn", "langdetect")}
    try:
        poppler = subprocess.run(["pdftotext", "-v"], capture_output=True, text=True).stderr.split("\n")[0]
    except OSError:
        poppler = "not installed"
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    return {"cores": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(), "platform": platform.platform(), "pdftotext": poppler,
            "commit": commit, **versions}


def served(index_dir, corpus, items, kind, seconds, extra_docs=0):
    """One server's figures: latency first and repeated, load at 1/8/32 clients, memory; with
    ``extra_docs``, 1% more documents are added and the memory after the new snapshot is taken."""
    server = http_bench.Server(index_dir, kind)
    try:
        out = {"rss_after_start_mb": server.rss_mb(), "anonymous_after_start_mb": server.anonymous_mb()}
        out["first"], out["first_errors"] = http_bench.latencies(server, items)
        out["repeated"], out["repeated_errors"] = http_bench.latencies(server, items)
        out["load"] = [http_bench.load(server, items, clients, seconds, hl)
                       for clients, hl in zip(http_bench.CLIENTS, LOAD_LANGUAGES)]
        sent = 2 * len(items) + sum(run["requests"] for run in out["load"])
        if sent < RSS_QUERIES:
            http_bench.latencies(server, (items * (RSS_QUERIES // len(items) + 1))[:RSS_QUERIES - sent])
        out["rss_after_1000_queries_mb"], out["anonymous_after_1000_queries_mb"] = server.rss_mb(), server.anonymous_mb()
        if extra_docs:
            old = server.snapshot()
            make_corpus.add(corpus, extra_docs, seed=len(items))
            out["add_1_percent"] = dict(index_bench.update(corpus, index_dir), documents=extra_docs)
            out["new_snapshot_picked_up"] = http_bench.wait_for_snapshot(server, old)
            http_bench.latencies(server, items[:100])
            out["rss_after_new_snapshot_mb"], out["anonymous_after_new_snapshot_mb"] = server.rss_mb(), server.anonymous_mb()
        return out
    finally:
        server.stop()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--median-chars", type=int, default=make_corpus.PAGE_CHARS)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=http_bench.MAX_SECONDS, help="per client count (20 at most)")
    parser.add_argument("--work", default="var/bench", help="where the corpus and the indexes go")
    parser.add_argument("--results", default=str(ROOT / "bench/results"))
    parser.add_argument("--note", default="", help="said under the table, e.g. 'busy machine'")
    parser.add_argument("--reuse-corpus", action="store_true",
                        help="keep the corpus an earlier run or make_corpus.py made with the same --docs, --seed "
                             "and --median-chars (made while the machine was busy, say); changed corpora are made anew")
    parser.add_argument("--no-gunicorn", action="store_true", help="measure only the server make run starts (not gunicorn, nor nginx in front of it)")
    args = parser.parse_args()
    work = Path(args.work)
    corpus, index_dir = work / f"corpus-{args.docs}", work / f"index-{args.docs}"
    started = time.monotonic()
    figures = {"documents_asked": args.docs, "median_chars": args.median_chars, "seed": args.seed,
               "note": args.note, "machine": machine(),
               "started_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}

    partial = work / f"bench-{args.docs}.partial.json"

    def step(name):
        # What is measured so far is kept as it comes: a run cut off after an hour still tells something.
        work.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n")
        print(f"[{time.monotonic() - started:7.0f} s] {name}", file=sys.stderr, flush=True)

    if args.reuse_corpus and make_corpus.made_as(corpus, args.docs, args.seed, args.median_chars):
        step(f"reusing the corpus at {corpus}")
    else:
        step("making the corpus")
        make_corpus.make(corpus, args.docs, args.seed, args.median_chars)
    sentences, countries = make_corpus.sentence_material()
    items = queries.make(sentences, countries, queries.manifest(corpus), args.seed)
    shutil.rmtree(index_dir, ignore_errors=True)
    step("full build")
    figures["build"] = index_bench.build(corpus, index_dir)
    step("no-change update")
    figures["noop_update"] = index_bench.update(corpus, index_dir)
    step("profile of a sample")
    figures["build_profile"] = index_bench.profile(corpus)
    step("PDF extraction against pdftotext")
    figures["pdf_extraction"] = extract_bench.measure(corpus)
    step("search in process")
    figures["search"] = search_bench.measure(index_dir, items)
    step("tantivy")
    peer = tantivy_peer.Peer(work / f"tantivy-{args.docs}", tantivy_peer.stored_documents(index_dir))
    figures["tantivy"] = {"build_seconds": peer.build_seconds, "index_mb": peer.size_mb, "documents": peer.documents,
                          "search": peer.measure(items)}
    del peer
    step("HTTP: waitress (make run)")
    figures["http"] = {"waitress": served(index_dir, corpus, items, "waitress", args.seconds,
                                          extra_docs=max(1, round(args.docs * ADDED_SHARE)))}
    if not args.no_gunicorn:
        step("HTTP: gunicorn (deploy/)")
        figures["http"]["gunicorn"] = served(index_dir, corpus, items, "gunicorn", args.seconds)
        if http_bench.nginx_available():
            step("HTTP: nginx in front of gunicorn (deploy/)")
            figures["http"]["nginx + gunicorn"] = served(index_dir, corpus, items, "nginx", args.seconds)
        else:
            figures["http_note"] = "nginx is not installed (apt-get install nginx-light): gunicorn was measured alone"
    figures["seconds"] = round(time.monotonic() - started)
    results = Path(args.results)
    results.mkdir(parents=True, exist_ok=True)
    name = f"bench-{args.docs}"
    (results / f"{name}.json").write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n")
    (results / f"{name}.md").write_text(table.render(figures))
    step(f"written {results / name}.json and .md")
    print(table.render(figures))


if __name__ == "__main__":
    main()
