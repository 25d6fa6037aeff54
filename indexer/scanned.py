"""Pages with almost no text: recognised by OCR when it is on, counted either way, and what they
mean for a document's status (``needs_ocr``, or ``ok`` flagged ``partial``).

A page "has almost no text" when it holds fewer than ``ALMOST_EMPTY`` letters and digits: a running
head, a page number and a date are not the document. Scanners and "print to PDF" of images give
such pages, often with only a stamped footer in the text layer.
"""
from dataclasses import dataclass, field

from indexer import ocr

ALMOST_EMPTY = 40
MIN_MEAN = 100     # letters and digits per page on average, below which the document is unread
MIN_GAIN = 10      # letters OCR must add to a page's text layer to replace it


@dataclass
class Pages:
    """The pages of a paged document after OCR, and what is known about each."""
    texts: list
    info: list = field(default_factory=list)      # [{"page", "chars", "ocr", "confidence", "cached"}]
    notes: list = field(default_factory=list)
    why_not: str = ""                             # why sparse pages were not recognised, "" if they were

    @property
    def ocr(self):
        return any(p["ocr"] for p in self.info)

    @property
    def confidence(self):
        """Mean OCR confidence over the recognised pages, weighted by their characters."""
        pages = [p for p in self.info if p["ocr"] and p["confidence"] is not None]
        weight = sum(p["chars"] for p in pages)
        if not weight:
            return None
        return round(sum(p["confidence"] * p["chars"] for p in pages) / weight, 1)

    def sparse(self):
        return [i for i, text in enumerate(self.texts) if letters(text) < ALMOST_EMPTY]

    def verdict(self):
        """``(status, message)`` when the pages leave the document unread (``needs_ocr``) or mostly
        unread (``partial``); None when the text is the document's."""
        sparse, total = len(self.sparse()), len(self.texts)
        if not sparse:
            return None
        mean = sum(letters(t) for t in self.texts) / total
        how = f"; {self.why_not}" if self.why_not else ""
        if mean < MIN_MEAN:
            return "needs_ocr", (f"almost no text: {sparse} of {total} page(s) have almost no text "
                                 f"({mean:.0f} letters a page on average; a scan?){how}")
        if sparse > total / 2:
            return "partial", f"{sparse} of {total} pages have almost no text{how}"
        return "note", f"{sparse} of {total} pages have almost no text (scanned?){how}"


def letters(text):
    return sum(1 for ch in text if ch.isalnum())


def recognise(path, extracted, texts, override, country, clean):
    """``Pages`` for a paged document whose page texts are ``texts``: the pages with almost no text
    recognised when OCR is on and the format can render them. ``clean`` normalises recognised text
    as the reader does the rest."""
    pages = Pages(texts=list(texts))
    sparse = pages.sparse()
    results = {}
    if sparse and extracted.render is not None:
        if not ocr.enabled():
            pages.why_not = ocr.unavailable_reason()
        else:
            try:
                results, pages.notes = ocr.recognise_pages(path, extracted.render, sparse,
                                                           ocr.languages_for(override, country))
                pages.why_not = pages.notes[-1] if pages.notes else ""   # time limits reached
            except ocr.OcrUnavailable as ex:
                pages.why_not = str(ex)
            except Exception as ex:  # a page PDFium or Pillow cannot draw: the text layer is what we have
                pages.why_not = f"OCR failed ({type(ex).__name__}: {str(ex)[:120]})"
    for index, result in results.items():
        text = clean(result.text)
        # The image must say clearly more than the text layer: the short last page of a text PDF
        # recognised again only adds its page number, and stays as the producer wrote it.
        if letters(text) - letters(pages.texts[index]) > max(MIN_GAIN, letters(pages.texts[index])):
            pages.texts[index] = text
        else:
            results[index] = None
    for index, text in enumerate(pages.texts):
        result = results.get(index)
        pages.info.append({"page": index + 1, "chars": len(text), "ocr": result is not None,
                           "confidence": result.confidence if result else None,
                           "cached": bool(result and result.cached)})
    return pages
