"""PDF text extraction: our reader (pdfminer.six) against poppler's ``pdftotext`` on the same files,
per page, as the reference for what a compiled extractor does. Needs Debian's poppler-utils."""
import shutil
import subprocess
import time
from pathlib import Path

from pdfminer.high_level import extract_text
from pdfminer.pdfpage import PDFPage

SAMPLE = 60


def measure(corpus, sample=SAMPLE):
    pdfs = sorted((Path(corpus) / "documents").rglob("*.pdf"))[:sample]
    if not pdfs:
        return {"skipped": "no PDF in the corpus"}
    pages = 0
    for pdf in pdfs:
        with open(pdf, "rb") as f:
            pages += sum(1 for _ in PDFPage.get_pages(f))
    started = time.perf_counter()
    for pdf in pdfs:
        extract_text(str(pdf))
    ours = time.perf_counter() - started
    figures = {"files": len(pdfs), "pages": pages, "pdfminer_ms_per_page": round(ours * 1000 / pages, 1)}
    if not shutil.which("pdftotext"):
        return dict(figures, pdftotext="not installed (apt-get install poppler-utils)")
    started = time.perf_counter()
    for pdf in pdfs:
        subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, stdout=subprocess.DEVNULL)
    theirs = time.perf_counter() - started
    figures["pdftotext_ms_per_page"] = round(theirs * 1000 / pages, 1)
    figures["ratio"] = round(ours / theirs, 1)
    return figures
