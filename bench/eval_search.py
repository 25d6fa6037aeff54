"""Search quality on the judged set: recall@10 and MRR per language, per kind of query, and overall.

    python bench/eval_search.py [--queries tests/eval/queries.csv] [--index DIR] [--json var/eval-search.json]

Each query of the judged set (written by hand, with the documents a visitor would expect) is run
through the site's own search function over an index of the sample corpus, as the page runs it: first
page, relevance order, the query's language as the interface language where the site offers it
(English otherwise). Recall@10 is the share of
the expected documents on that page; the reciprocal rank is 1/rank of the first expected document
(0 when none is on the page). Cross-language expansion is measured on and off (``xl=0``).
The accent and stemming cases (``tests/eval/analysis.csv``: Turkish typed without its marks,
Ukrainian in other forms than the text's) are measured the same way, with the words typed only.
The queries that name a country or a year (``tests/eval/countries.csv``: Kenya, Brasil, البرازيل,
肯尼亚, UK …, written before the site recognised them) are reported apart, with expansion on and off.

The cross-language set (``tests/eval/crosslanguage.csv``: common words, not glossary terms, each
with the documents in other languages that speak of it) is measured on the same first page, by the
results in a language other than the query's: recall@10 is the share of the expected documents found
there (of at most ten, since a page holds ten), precision@10 the share of those other-language results
that are expected, and "wrong" counts the other-language results that are not. The language versions
of one document (a manifest group) are one result on the page, so they are one expected document here:
the set lists a group's versions in languages other than the query's, and any of them found counts once.
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


def crosslanguage_score(hits, item, group_of=None):
    """``(recall@10, other-language results, of which expected)`` for one query's first page;
    ``group_of`` maps a document id to its group of language versions, which counts once."""
    key = (group_of or {}).get
    expected = {key(doc_id) or doc_id for doc_id in item["expected"]}
    other = [key(hit["id"]) or hit["id"] for hit in hits[:TOP] if item["language"] not in _codes(hit)]
    found = len(set(other) & expected)
    return found / min(TOP, len(expected)), len(other), found


def _codes(hit):
    return {entry["code"] for entry in hit.get("languages", [])} | {hit["language"]}


def evaluate_crosslanguage(live, queries, expand=True):
    rows = []
    group_of = {d["id"]: "group:" + d["group"] for d in live.report.get("documents", []) if d.get("group")}
    for item in queries:
        hl = item["language"] if item["language"] in i18n.LANGUAGES else "en"
        hits = search.run(live, search.SearchRequest(q=item["query"], hl=hl, expand=expand))["results"]
        recall, other, found = crosslanguage_score(hits, item, group_of)
        rows.append({**item, "recall": recall, "other": other, "found": found, "top": [h["id"] for h in hits[:TOP]]})
    return rows


def summarise_crosslanguage(rows, key):
    groups = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row)
    out = {}
    for name, items in sorted(groups.items()):
        other = sum(r["other"] for r in items)
        found = sum(r["found"] for r in items)
        with_other = [r for r in items if r["other"]]
        out[name] = {"queries": len(items),
                     "recall_at_10": round(sum(r["recall"] for r in items) / len(items), 3),
                     # mean over the queries that brought any other-language result
                     "precision_at_10": round(sum(r["found"] / r["other"] for r in with_other) / len(with_other), 3)
                     if with_other else None,
                     "other_language_results": other, "wrong": other - found}
    return out


def crosslanguage_table(title, summary):
    lines = [title, f"  {'':18} {'queries':>7} {'recall@10':>9} {'prec@10':>7} {'other':>6} {'wrong':>6}"]
    for name, s in summary.items():
        precision = "-" if s["precision_at_10"] is None else f"{s['precision_at_10']:.3f}"
        lines.append(f"  {name:18} {s['queries']:>7} {s['recall_at_10']:>9.3f} {precision:>7} "
                     f"{s['other_language_results']:>6} {s['wrong']:>6}")
    return "\n".join(lines)


def build_index(corpus, index_dir):
    subprocess.run([sys.executable, "-m", "indexer", "build", "--corpus", corpus, "--index", index_dir],
                   cwd=ROOT, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run(queries_path, index_dir, corpus, crosslanguage_path=None, analysis_path=None, countries_path=None):
    queries = load(queries_path)
    countries = load(countries_path) if countries_path else []
    crossing = load(crosslanguage_path) if crosslanguage_path else []
    analysis = load(analysis_path) if analysis_path else []
    with tempfile.TemporaryDirectory() as tmp:
        if not index_dir:
            index_dir = str(Path(tmp) / "index")
            build_index(corpus, index_dir)
        live = SnapshotHandle(index_dir).get()
        results = {mode: evaluate(live, queries, expand=(mode == "xl=1")) for mode in ("xl=1", "xl=0")}
        crossed = {mode: evaluate_crosslanguage(live, crossing, expand=(mode == "xl=1")) for mode in ("xl=1", "xl=0")}
        analysed = evaluate(live, analysis, expand=False)
        named = {mode: evaluate(live, countries, expand=(mode == "xl=1")) for mode in ("xl=1", "xl=0")}
    report = {"queries": len(queries), "judged_set": str(queries_path)}
    if analysis:
        report["analysis"] = {"queries": len(analysis), "judged_set": str(analysis_path),
                              "by_kind": summarise(analysed, lambda r: f"{r['language']} {r['kind']}")}
    if countries:
        report["countries"] = {"queries": len(countries), "judged_set": str(countries_path)}
        for mode, rows in named.items():
            report["countries"][mode] = {"overall": summarise(rows, lambda r: "all")["all"],
                                         "by_kind": summarise(rows, lambda r: r["kind"]),
                                         "misses": _misses(rows)}
    if crossing:
        report["crosslanguage"] = {"queries": len(crossing), "judged_set": str(crosslanguage_path)}
        for mode, rows in crossed.items():
            report["crosslanguage"][mode] = {
                "overall": summarise_crosslanguage(rows, lambda r: "all")["all"],
                "by_language": summarise_crosslanguage(rows, lambda r: r["language"]),
                "by_concept": summarise_crosslanguage(rows, lambda r: r["kind"]),
                "misses": [{"language": r["language"], "query": r["query"], "recall": round(r["recall"], 3),
                            "other": r["other"], "found": r["found"], "top": r["top"]}
                           for r in rows if r["recall"] < 1 or r["found"] < r["other"]],
            }
    for mode, rows in results.items():
        report[mode] = {
            "overall": summarise(rows, lambda r: "all")["all"],
            "by_language": summarise(rows, lambda r: r["language"]),
            "by_kind": summarise(rows, lambda r: r["kind"]),
            "misses": _misses(rows),
        }
    return report


def _misses(rows):
    return [{"language": r["language"], "query": r["query"], "expected": r["expected"], "top": r["top"],
             "recall": round(r["recall"], 3), "rr": round(r["rr"], 3)}
            for r in rows if r["recall"] < 1 or r["rr"] < 1]


def print_report(report):
    for mode in ("xl=1", "xl=0"):
        part = report[mode]
        print(f"\nSearch quality, cross-language expansion {'on' if mode == 'xl=1' else 'off'} ({mode}), "
              f"{report['queries']} judged queries")
        print(table("by language", part["by_language"]))
        print(table("by kind of query", part["by_kind"]))
        print(table("overall", {"all": part["overall"]}))
    named = report.get("countries")
    for mode in ("xl=1", "xl=0") if named else ():
        print(f"\nQueries that name a country or a year, expansion {'on' if mode == 'xl=1' else 'off'} ({mode}), "
              f"{named['queries']} judged queries")
        print(table("by kind of query", named[mode]["by_kind"]))
        print(table("overall", {"all": named[mode]["overall"]}))
    if report.get("analysis"):
        print(f"\nAccents and stemming, {report['analysis']['queries']} queries (words typed without their marks, "
              "inflected forms), xl=0")
        print(table("by language and kind", report["analysis"]["by_kind"]))
    crossing = report.get("crosslanguage")
    for mode in ("xl=1", "xl=0") if crossing else ():
        part = crossing[mode]
        print(f"\nCross-language set, expansion {'on' if mode == 'xl=1' else 'off'} ({mode}), {crossing['queries']} "
              "queries on common words: results in other languages on the first page")
        print(crosslanguage_table("by query language", part["by_language"]))
        print(crosslanguage_table("by concept", part["by_concept"]))
        print(crosslanguage_table("overall", {"all": part["overall"]}))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--queries", default=str(ROOT / "tests/eval/queries.csv"))
    parser.add_argument("--crosslanguage", default=str(ROOT / "tests/eval/crosslanguage.csv"))
    parser.add_argument("--analysis", default=str(ROOT / "tests/eval/analysis.csv"))
    parser.add_argument("--countries", default=str(ROOT / "tests/eval/countries.csv"))
    parser.add_argument("--corpus", default="corpus", help="built into a temporary index unless --index is given")
    parser.add_argument("--index", default="", help="an index directory to evaluate instead of building one")
    parser.add_argument("--json", default="var/eval-search.json", help="where to write the figures")
    parser.add_argument("--misses", action="store_true", help="also list the queries that fell short")
    args = parser.parse_args()
    report = run(args.queries, args.index, args.corpus, args.crosslanguage, args.analysis, args.countries)
    print_report(report)
    if args.misses:
        for miss in report["xl=1"]["misses"] + report["countries"]["xl=1"]["misses"]:
            print(f"  {miss['language']} {miss['query']!r}: recall {miss['recall']} rr {miss['rr']} "
                  f"expected {miss['expected']} got {miss['top']}")
    write_json(args.json, report)


if __name__ == "__main__":
    main()
