"""Reading benchmark: extraction time per page for each format, OCR time per page, and the OCR
character accuracy on the sample scans against the texts they were rendered from.

    python bench/ocr_bench.py [--corpus corpus/] [--json var/bench-ocr.json]

Every document of the manifest is read as a build reads it (in this process, one at a time), with
OCR off for the timing of text layers; then each scan is recognised with an empty OCR cache, so the
OCR figure is Tesseract's own time. Accuracy is 1 - (edit distance / length of the source text),
on both texts with whitespace squashed (and removed for Chinese and Japanese, written without it).
"""
import argparse
import csv
import os
import statistics
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from report import write_json


def source_text(corpus, doc_id):
    """The sample text a document was made from, without the generator's markup."""
    lines = (corpus / "sample" / "texts" / f"{doc_id}.txt").read_text(encoding="utf-8").splitlines()
    return "\n".join(line.lstrip("#- ").replace("|", " ") for line in lines)


def squash(text, language):
    text = " ".join(text.split())
    return text.replace(" ", "") if language in ("zh", "ja") else text


def edit_distance(a, b):
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", default="corpus")
    parser.add_argument("--json", default="var/bench-ocr.json", help="where to write the figures")
    args = parser.parse_args()
    corpus = Path(args.corpus)
    with open(corpus / "manifest.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    from indexer import reader
    os.environ["SEARCH_OCR"] = "off"
    per_format = defaultdict(list)    # format -> [seconds per page]
    for row in rows:
        path = corpus / row["file"]
        started = time.perf_counter()
        reading = reader.read(path, row["language"], row["country"])
        if reading.status == "ok":
            per_format[reading.format].append((time.perf_counter() - started) / max(1, reading.pages))
    os.environ["SEARCH_OCR"] = "auto"
    scans = {}
    with tempfile.TemporaryDirectory() as cache:
        os.environ["SEARCH_OCR_CACHE"] = cache
        for row in rows:
            if not row["id"].endswith("-scan"):
                continue
            started = time.perf_counter()
            reading = reader.read(corpus / row["file"], row["language"], row["country"])
            seconds = time.perf_counter() - started
            expected = squash(source_text(corpus, row["id"]), reading.language)
            got = squash(reading.text.replace("\f", " "), reading.language)
            scans[row["id"]] = {
                "language": reading.language, "pages": reading.pages, "status": reading.status,
                "seconds_per_page": round(seconds / max(1, reading.pages), 2),
                "confidence": reading.ocr_confidence,
                "char_accuracy": round(1 - edit_distance(got, expected) / max(1, len(expected)), 4),
            }
    figures = {
        "extraction_seconds_per_page": {fmt: {"documents": len(times), "median": round(statistics.median(times), 4),
                                              "max": round(max(times), 4)} for fmt, times in sorted(per_format.items())},
        "ocr": scans,
    }
    print("extraction, seconds per page (text layer, OCR off):")
    for fmt, f in figures["extraction_seconds_per_page"].items():
        print(f"  {fmt:6} {f['documents']:3} documents  median {f['median']:.4f}  max {f['max']:.4f}")
    print("OCR (empty cache):")
    for doc_id, s in scans.items():
        print(f"  {doc_id:42} {s['language']}  {s['seconds_per_page']:5.2f} s/page  confidence {s['confidence']}  "
              f"character accuracy {s['char_accuracy']:.3f}")
    write_json(args.json, figures)


if __name__ == "__main__":
    main()
