"""A synthetic corpus of N documents for the benchmarks, seeded, outside the tracked files.

    python bench/make_corpus.py --docs 10000 --out var/bench/corpus-10000 [--seed 8] [--median-chars 3000]

Its sentences are our own: the sample texts (``corpus/sample/texts/``, each paragraph's language told
by our detector) and the judged passages of ``tests/eval/langid.csv``. A document is paragraphs of
sentences of one language (10% of them two languages, half each), a country that speaks it, one or two
topics, a date; most are plain text, some HTML, Word and PDF (PDF only in scripts a bundled font draws).
Lengths follow a long tail (log-normal around ``--median-chars``, 3,000 characters a page, capped at
200 pages). ``manifest.csv``, ``topics.csv`` and ``glossary.csv`` are written beside ``documents/``,
so the corpus is built like staff's: ``python -m indexer build --corpus OUT``.
"""
import argparse
import csv
import json
import math
import random
import re
import shutil
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGE_CHARS = 3000
STAMP = ".made.json"       # what a finished ``make`` wrote, so a run can reuse the corpus
GENERATOR_VERSION = 1      # raise it when the documents this script writes change
MAX_PAGES = 200
BILINGUAL_SHARE = 0.10
# plain text dominates: it is the cheapest to generate, and what staff receive most after PDF
FORMATS = (("txt", 0.70), ("html", 0.14), ("docx", 0.08), ("pdf", 0.08))
PDF_FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
PDF_SCRIPTS = re.compile(r"^[\u0000-\u024f\u0370-\u03ff\u0400-\u04ff\u2000-\u206f\s]*$")  # Latin, Greek, Cyrillic
SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s*")


@lru_cache(maxsize=1)
def sentence_material():
    """``{language: [sentence, ...]}`` and ``{language: [country, ...]}`` from our own texts."""
    from indexer import lang  # the detector that the build uses tells each sample paragraph's language
    sentences, countries = defaultdict(list), defaultdict(set)
    with open(ROOT / "tests/eval/langid.csv", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            sentences[row["language"]].extend(_sentences(row["text"]))
            countries[row["language"]].add(row["country"])
    for path in sorted((ROOT / "corpus/sample/texts").glob("*.txt")):
        country = path.stem[:2].upper()
        for para in path.read_text(encoding="utf-8").split("\n\n"):
            para = para.strip()
            if len(para) < 80 or para.startswith(("#", "|", "-")):
                continue
            code = lang.detect(para).code
            if code != lang.UND:
                sentences[code].extend(_sentences(para))
                if country != "EU":
                    countries[code].add(country)
    sentences = {code: list(dict.fromkeys(s)) for code, s in sentences.items() if len(s) >= 10}
    return sentences, {code: sorted(countries[code]) for code in sentences}


def _sentences(text):
    return [s.strip() for s in SENTENCE_END.split(text) if len(s.strip()) > 15]


def topics():
    with open(ROOT / "corpus/topics.csv", encoding="utf-8") as f:
        return [row["slug"] for row in csv.DictReader(f)]


def document_chars(rng, median):
    """A long tail of lengths: half the documents under ``median`` characters, a few of 200 pages."""
    return int(min(MAX_PAGES * PAGE_CHARS, max(200, rng.lognormvariate(math.log(median), 1.0))))


def paragraphs(rng, pool, chars):
    out, size = [], 0
    while size < chars:
        para = " ".join(rng.choice(pool) for _ in range(rng.randint(2, 6)))
        out.append(para)
        size += len(para) + 2
    return out


def make(out, docs, seed=8, median_chars=PAGE_CHARS):
    """Write a corpus of ``docs`` documents to ``out`` (replaced); returns its manifest rows."""
    out = Path(out)
    if out.exists():
        shutil.rmtree(out)
    (out / "documents").mkdir(parents=True)
    for name in ("topics.csv", "glossary.csv"):
        shutil.copyfile(ROOT / "corpus" / name, out / name)
    rows = _documents(out, range(docs), random.Random(seed), median_chars)
    write_manifest(out, rows)
    (out / STAMP).write_text(json.dumps(_made(docs, seed, median_chars)))
    return rows


def made_as(out, docs, seed=8, median_chars=PAGE_CHARS):
    """``out`` is a corpus that ``make`` finished with these arguments and nothing has changed since."""
    try:
        return json.loads((Path(out) / STAMP).read_text()) == _made(docs, seed, median_chars)
    except (OSError, ValueError):
        return False


def _made(docs, seed, median_chars):
    return {"docs": docs, "seed": seed, "median_chars": median_chars, "generator": GENERATOR_VERSION}


def add(out, docs, seed=9, median_chars=PAGE_CHARS):
    """Add ``docs`` new documents to the corpus at ``out`` (what staff do between two updates)."""
    (Path(out) / STAMP).unlink(missing_ok=True)   # no longer what ``make`` wrote
    with open(Path(out) / "manifest.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rows += _documents(Path(out), range(len(rows), len(rows) + docs), random.Random(seed), median_chars)
    write_manifest(out, rows)
    return rows


def _documents(out, numbers, rng, median_chars):
    sentences, countries = sentence_material()
    codes = sorted(sentences)
    slugs = topics()
    rows = []
    for n in numbers:
        code = rng.choice(codes)
        chars = document_chars(rng, median_chars)
        paras = paragraphs(rng, sentences[code], chars)
        if rng.random() < BILINGUAL_SHARE:
            other = rng.choice([c for c in codes if c != code])
            half = len(paras) // 2 or 1
            paras = paras[:half] + paragraphs(rng, sentences[other], chars // 2)
        country = rng.choice(countries[code] or ["EU"])
        title = rng.choice(sentences[code])[:90].rstrip(" ,.;:")
        fmt = _format(rng, paras)
        doc_id = f"bench-{n:06d}"
        rel = f"documents/{country.lower()}/{doc_id}.{fmt}"
        write_document(out / rel, fmt, title, paras)
        year = rng.randint(2010, 2025)
        rows.append({"id": doc_id, "file": rel, "title": title, "country": country,
                     "topics": ";".join(rng.sample(slugs, rng.randint(1, 2))),
                     "date": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", "language": "",
                     "source_url": f"https://bench.example.org/{doc_id}"})
    return rows


def _format(rng, paras):
    roll, total = rng.random(), 0.0
    for fmt, share in FORMATS:
        total += share
        if roll < total:
            break
    if fmt == "pdf" and not (PDF_FONT.is_file() and all(PDF_SCRIPTS.match(p) for p in paras)):
        return "txt"
    return fmt


def write_manifest(out, rows):
    with open(Path(out) / "manifest.csv", "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["id", "file", "title", "country", "topics", "date", "language", "source_url"])
        writer.writeheader()
        writer.writerows(rows)


def write_document(path, fmt, title, paras):
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "txt":
        path.write_text(title + "\n\n" + "\n\n".join(paras) + "\n", encoding="utf-8")
    elif fmt == "html":
        from html import escape
        body = "\n".join(f"<p>{escape(p)}</p>" for p in paras)
        path.write_text(f"<!doctype html><html><head><meta charset=utf-8><title>{escape(title)}</title></head>"
                        f"<body><nav>Home | Documents</nav><h1>{escape(title)}</h1>\n{body}\n"
                        "<footer>Clearing house benchmark</footer></body></html>\n", encoding="utf-8")
    elif fmt == "docx":
        import docx
        document = docx.Document()
        document.add_heading(title, 0)
        for para in paras:
            document.add_paragraph(para)
        document.save(str(path))
    else:
        write_pdf(path, title, paras)


def write_pdf(path, title, paras):
    from fpdf import FPDF
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_font("body", fname=str(PDF_FONT))
    pdf.add_page()
    pdf.set_font("body", size=14)
    pdf.multi_cell(0, 8, title, new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("body", size=10)
    for para in paras:
        pdf.multi_cell(0, 5, para, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(2)
    pdf.output(str(path))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="documents to make")
    parser.add_argument("--out", required=True, help="the corpus directory (replaced)")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--median-chars", type=int, default=PAGE_CHARS,
                        help="median document length in characters (a page is about 3,000)")
    args = parser.parse_args()
    rows = make(args.out, args.docs, args.seed, args.median_chars)
    print(f"{len(rows)} documents in {args.out}")


if __name__ == "__main__":
    main()
