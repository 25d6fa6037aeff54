"""OCR for pages without a text layer: scanned PDF pages and image files.

The reader hands over the pages that have almost no text and a way to render each; this package
picks Tesseract's language models (the manifest's language, else the country's official languages,
plus English; with neither, the script Tesseract sees on the page), recognises each page under a time limit, stops when the document's OCR time is used
up, and keeps every result in a cache by file hash, so a page is recognised once whatever is rebuilt.
"""
import time
from dataclasses import dataclass

from indexer import settings
from indexer.lang import country_languages
from indexer.ocr import tesseract
from indexer.ocr.cache import PageCache, file_hash
from indexer.ocr.tesseract import INSTALL_HINT, OcrUnavailable

DPI = 300      # Tesseract's models are trained on text of about 10 pt at 300 dpi
MODES = ("auto", "off")

__all__ = ["DPI", "INSTALL_HINT", "OcrUnavailable", "Page", "enabled", "languages_for", "recognise_pages"]


@dataclass
class Page:
    """One recognised page: its text, Tesseract's mean word confidence, and whether it came from the cache."""
    text: str
    confidence: float | None
    cached: bool


def enabled():
    """True when OCR should run: ``SEARCH_OCR`` (or ``--ocr``) is ``auto`` and Tesseract is installed."""
    mode = settings.get("ocr")
    if mode not in MODES:
        raise SystemExit(f"SEARCH_OCR={mode!r}: give one of {', '.join(MODES)}")
    return mode == "auto" and bool(tesseract.installed_models())


def unavailable_reason():
    """Why a scan was not recognised, as the end of a status message."""
    if settings.get("ocr") == "off":
        return "OCR is off (--ocr off or SEARCH_OCR=off); build with --ocr auto to recognise it"
    return f"OCR is not available: {INSTALL_HINT}, then update the index"


def languages_for(override="", country=""):
    """ISO 639-1 codes to recognise with: the manifest's language, else the country's, plus English;
    empty when neither is known, and the page's script decides (see ``recognise_pages``)."""
    hinted = (override,) if override else country_languages(country)
    return list(dict.fromkeys([*hinted, "en"])) if hinted else []


def recognise_pages(path, render, indexes, languages):
    """``({index: Page}, notes)`` for the pages ``indexes`` of the file at ``path``; ``render(index, dpi)``
    gives a page as a PIL image. Without ``languages``, the script of the first page recognised picks
    them. Pages not reached within the document's OCR time are left out, with a note. Raises
    OcrUnavailable when Tesseract or every wanted model is missing."""
    models = tesseract.models_for(languages) if languages else None
    cache = PageCache(settings.get("ocr_cache"), file_hash(path), f"{models or 'by-script'}:{DPI}:{tesseract.version()}")
    budget, page_limit = settings.get("ocr_doc_timeout"), settings.get("ocr_page_timeout")
    started = time.monotonic()
    pages, notes, late = {}, [], []
    for index in indexes:
        hit = cache.get(index)
        if hit is not None:
            pages[index] = Page(hit["text"], hit["confidence"], True)
            continue
        remaining = budget - (time.monotonic() - started)
        if remaining < 1:
            late.append(index)
            continue
        try:
            image = render(index, DPI)
            models = models or tesseract.models_for(tesseract.script_languages(image, min(page_limit, remaining)))
            text, confidence = tesseract.recognise(image, models, timeout=min(page_limit, remaining))
        except RuntimeError:  # pytesseract's time limit: Tesseract was stopped
            notes.append(f"OCR of page {index + 1} took longer than {page_limit} s (SEARCH_OCR_PAGE_TIMEOUT) "
                         "and was stopped")
            continue
        cache.put(index, text, confidence)
        pages[index] = Page(text, confidence, False)
    if late:
        notes.append(f"OCR stopped after {budget} s (SEARCH_OCR_DOC_TIMEOUT): {len(late)} page(s) not recognised; "
                     "raise it (and SEARCH_DOC_TIMEOUT) and update again")
    return pages, notes
