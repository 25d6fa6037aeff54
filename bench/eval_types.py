"""Types guessed from titles against the manifest's: would the guess have typed each document as
staff did?

    python bench/eval_types.py [--corpus corpus] [--json var/eval-types.json]

Every document whose manifest row has a type is guessed as if it had none, from its title as the
build sees it (the manifest's, else the one read from the file). Right, wrong and no guess, per type
and over all. The words of ``indexer/lang/type-terms.csv`` were written with the sample's titles in
view, so on the sample this is a check of the terms, not an independent measure.
"""
import argparse
from collections import Counter

from indexer import corpus as corpus_mod, pool
from indexer.lang import doctypes
from report import write_json


def run(corpus_dir):
    corpus = corpus_mod.load(corpus_dir)
    typed = [e for e in corpus.entries if e.record.type]
    untitled = {e.id: e.job() for e in typed if not e.record.title}
    read_titles = {doc_id: reading.title for doc_id, reading in pool.read_all(untitled.values())}
    rows = []
    for entry in typed:
        title = entry.record.title or read_titles.get(entry.id, "")
        rows.append({"id": entry.id, "title": title, "manifest": entry.record.type,
                     "guess": doctypes.guess(title, corpus.types)})
    outcome = Counter("right" if r["guess"] == r["manifest"] else "none" if not r["guess"] else "wrong" for r in rows)
    by_type = {}
    for r in rows:
        counts = by_type.setdefault(r["manifest"], Counter())
        counts["right" if r["guess"] == r["manifest"] else "none" if not r["guess"] else "wrong"] += 1
    return {"documents": len(rows), **{k: outcome.get(k, 0) for k in ("right", "wrong", "none")},
            "accuracy": round(outcome.get("right", 0) / len(rows), 3) if rows else None,
            "by_type": {t: dict(c) for t, c in sorted(by_type.items())},
            "misses": [r for r in rows if r["guess"] != r["manifest"]]}


def print_report(report):
    print(f"\nDocument types guessed from titles on {report['documents']} documents that staff typed: "
          f"{report['right']} right, {report['wrong']} wrong, {report['none']} without a guess "
          f"(accuracy {report['accuracy']})")
    for slug, counts in report["by_type"].items():
        print(f"  {slug:24} " + "  ".join(f"{k} {counts.get(k, 0)}" for k in ("right", "wrong", "none")))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--json", default="var/eval-types.json")
    args = parser.parse_args()
    report = run(args.corpus)
    print_report(report)
    write_json(args.json, report)


if __name__ == "__main__":
    main()
