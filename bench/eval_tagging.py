"""Automatic topics against the manifest's: would the glossary have tagged each document as staff did?

    python bench/eval_tagging.py [--corpus corpus] [--json var/eval-tagging.json]

Every readable document whose manifest row has topics is tagged as if it had none; precision is the
share of automatic topics that staff also gave, recall the share of staff's topics found, per
document and over all. Staff give topics a glossary cannot see (a strategy's "research and
innovation" chapter), so recall is the harder figure.
"""
import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from indexer import corpus as corpus_mod, pool
from report import write_json


def run(corpus_dir):
    corpus = corpus_mod.load(corpus_dir)
    entries = {e.id: e for e in corpus.entries if e.record.topics}
    jobs = [e.job() for e in entries.values()]
    rows = []
    for doc_id, reading in pool.read_all(jobs):
        if reading.status != "ok":
            continue
        entry = entries[doc_id]
        passages = [(code, text) for _, code, text in reading.passages]
        auto = [t for t, _ in corpus.glossary.tag(passages, corpus.topics, (reading.language, entry.record.title))]
        rows.append({"id": doc_id, "language": reading.language, "manifest": list(entry.record.topics), "automatic": auto})
    given = sum(len(r["automatic"]) for r in rows)
    expected = sum(len(r["manifest"]) for r in rows)
    agreed = sum(len(set(r["automatic"]) & set(r["manifest"])) for r in rows)
    return {
        "documents": len(rows), "glossary_concepts": len(corpus.glossary),
        "glossary_languages": list(corpus.glossary.languages()),
        "precision": round(agreed / given, 3) if given else None,
        "recall": round(agreed / expected, 3) if expected else None,
        "untagged": sorted(r["id"] for r in rows if not r["automatic"]),
        "documents_detail": sorted(rows, key=lambda r: r["id"]),
    }


def print_report(report):
    print(f"\nAutomatic topics on {report['documents']} documents that staff tagged "
          f"({report['glossary_concepts']} concepts, {len(report['glossary_languages'])} languages): "
          f"precision {report['precision']}, recall {report['recall']}, "
          f"{len(report['untagged'])} left without a topic")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--json", default="var/eval-tagging.json", help="where to write the figures")
    args = parser.parse_args()
    report = run(args.corpus)
    print_report(report)
    for row in report["documents_detail"]:
        print(f"  {row['id']:38} {row['language']:3} staff: {';'.join(row['manifest']):45} auto: {';'.join(row['automatic'])}")
    write_json(args.json, report)


if __name__ == "__main__":
    main()
