"""Search quality on the judged set: recall@10 and MRR per language, per kind of query, and overall.

    python bench/eval_search.py [--queries tests/eval/queries.csv] [--index DIR] [--json var/eval-search.json]

Each query of the judged set (written by hand, with the documents a visitor would expect) is run
through the site's own search function over an index of the sample corpus, as the page runs it: first
page, relevance order, the query's language as the interface language where the site offers it
(English otherwise). Recall@10 is the share of
the expected documents on that page; the reciprocal rank is 1/rank of the first expected document
(0 when none is on the page). Cross-language expansion is measured on and off (``xl=0``).
"""
import argparse
import csv
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from search_web import i18n, search
from search_web.snapshot import SnapshotHandle
from report import write_json

TOP = 10


def load(path):
    with open(path, encoding="utf-8") as f:
        return [{**row, "expected": [d for d in row["expected"].split(";") if d]} for row in csv.DictReader(f)]


def score(ranked, expected):
    """``(recall@10, reciprocal rank)`` of one ranked list of ids."""
    top = ranked[:TOP]
    recall = len(set(top) & set(expected)) / len(expected)
    rank = next((i for i, doc_id in enumerate(top, 1) if doc_id in expected), None)
    return recall, (1 / rank if rank else 0.0)


def evaluate(live, queries, expand=True):
    rows = []
    for item in queries:
        # The interface is offered in the six UN languages; other visitors read it in English.
        hl = item["language"] if item["language"] in i18n.LANGUAGES else "en"
        request = search.SearchRequest(q=item["query"], hl=hl, expand=expand)
        ranked = [hit["id"] for hit in search.run(live, request)["results"]]
        recall, rr = score(ranked, item["expected"])
        rows.append({**item, "recall": recall, "rr": rr, "top": ranked[:TOP]})
    return rows


def summarise(rows, key):
    groups = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    return {name: {"queries": len(items),
                   "recall_at_10": round(sum(r["recall"] for r in items) / len(items), 3),
                   "mrr": round(sum(r["rr"] for r in items) / len(items), 3)}
            for name, items in sorted(groups.items())}


def table(title, summary):
    lines = [title, f"  {'':18} {'queries':>7} {'recall@10':>9} {'MRR':>6}"]
    for name, s in summary.items():
        lines.append(f"  {name:18} {s['queries']:>7} {s['recall_at_10']:>9.3f} {s['mrr']:>6.3f}")
    return "\n".join(lines)


def build_index(corpus, index_dir):
    subprocess.run([sys.executable, "-m", "indexer", "build", "--corpus", corpus, "--index", index_dir],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run(queries_path, index_dir, corpus):
    queries = load(queries_path)
    with tempfile.TemporaryDirectory() as tmp:
        if not index_dir:
            index_dir = str(Path(tmp) / "index")
            build_index(corpus, index_dir)
        live = SnapshotHandle(index_dir).get()
        results = {mode: evaluate(live, queries, expand=(mode == "xl=1")) for mode in ("xl=1", "xl=0")}
    report = {"queries": len(queries), "judged_set": str(queries_path)}
    for mode, rows in results.items():
        report[mode] = {
            "overall": summarise(rows, lambda r: "all")["all"],
            "by_language": summarise(rows, lambda r: r["language"]),
            "by_kind": summarise(rows, lambda r: r["kind"]),
            "misses": [{"language": r["language"], "query": r["query"], "expected": r["expected"], "top": r["top"],
                        "recall": round(r["recall"], 3), "rr": round(r["rr"], 3)}
                       for r in rows if r["recall"] < 1 or r["rr"] < 1],
        }
    return report


def print_report(report):
    for mode in ("xl=1", "xl=0"):
        part = report[mode]
        print(f"\nSearch quality, cross-language expansion {'on' if mode == 'xl=1' else 'off'} ({mode}), "
              f"{report['queries']} judged queries")
        print(table("by language", part["by_language"]))
        print(table("by kind of query", part["by_kind"]))
        print(table("overall", {"all": part["overall"]}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--queries", default=str(ROOT / "tests/eval/queries.csv"))
    parser.add_argument("--corpus", default="corpus", help="built into a temporary index unless --index is given")
    parser.add_argument("--index", default="", help="an index directory to evaluate instead of building one")
    parser.add_argument("--json", default="var/eval-search.json", help="where to write the figures")
    parser.add_argument("--misses", action="store_true", help="also list the queries that fell short")
    args = parser.parse_args()
    report = run(args.queries, args.index, args.corpus)
    print_report(report)
    if args.misses:
        for miss in report["xl=1"]["misses"]:
            print(f"  {miss['language']} {miss['query']!r}: recall {miss['recall']} rr {miss['rr']} "
                  f"expected {miss['expected']} got {miss['top']}")
    write_json(args.json, report)


if __name__ == "__main__":
    main()
