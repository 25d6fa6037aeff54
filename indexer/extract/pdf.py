"""PDF through pdfminer.six, page by page, with right-to-left lines put in reading order."""
import unicodedata

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams, LTAnno, LTChar, LTTextBox, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.utils import decode_text

from indexer.errors import ENCRYPTED_MSG, EncryptedDocument, ExtractionError
from indexer.extract import bidi
from indexer.extract.base import Extracted, Extractor


class PdfExtractor(Extractor):
    """Text per page from the PDF's text layer; pages without one are counted, not guessed."""
    FORMAT = "pdf"
    EXTENSIONS = ("pdf",)
    SCORE = 10

    @classmethod
    def match(cls, path, head):
        # Producers and mail gateways sometimes put junk before the header; readers accept it in the
        # first kilobyte, and so do we.
        if b"%PDF-" in head[:1024]:
            return 30
        return super().match(path, head)

    def extract(self, path):
        with open(path, "rb") as f:
            try:
                doc = PDFDocument(PDFParser(f), password="")
                title = _info_title(doc)
                pages = [_page_text(layout) for layout in _layouts(doc)]
            except PDFPasswordIncorrect as ex:
                raise EncryptedDocument(ENCRYPTED_MSG) from ex
            except PDFEncryptionError as ex:
                raise EncryptedDocument(f"{ENCRYPTED_MSG} ({ex})") from ex
            except ExtractionError:
                raise
            except Exception as ex:  # pdfminer raises many types for damaged files; all mean the same
                raise ExtractionError(f"broken PDF: {_describe(ex)}; the file may be truncated or damaged, "
                                      "ask the sender for a new copy") from ex
        if not pages:
            raise ExtractionError("broken PDF: no pages could be read; the file may be truncated or damaged, "
                                  "ask the sender for a new copy")
        notes = []
        blank = sum(1 for p in pages if not p.strip())
        if 0 < blank < len(pages):
            notes.append(f"{blank} of {len(pages)} pages have no text layer (scanned?)")
        return Extracted(format=self.FORMAT, pages=pages, title=title, notes=notes)


def _describe(ex):
    text = str(ex).strip() or type(ex).__name__
    return text[:160]


def _layouts(doc):
    rsrc = PDFResourceManager(caching=True)
    device = PDFPageAggregator(rsrc, laparams=LAParams())
    interpreter = PDFPageInterpreter(rsrc, device)
    for page in PDFPage.create_pages(doc):
        interpreter.process_page(page)
        yield device.get_result()


def _info_title(doc):
    for info in doc.info or ():
        raw = info.get("Title")
        if isinstance(raw, bytes):
            title = decode_text(raw)
        elif isinstance(raw, str):
            title = raw
        else:
            continue
        title = " ".join(title.split())
        # Producers fill Title with the source file name ("Microsoft Word - draft3.docx"); that is no title.
        if title and not title.lower().endswith((".doc", ".docx", ".odt", ".rtf", ".txt")) and "untitled" not in title.lower():
            return title
    return ""


def _page_text(layout):
    boxes = []
    for box in layout:
        if isinstance(box, LTTextBox):
            lines = [_line_text(line) for line in box if isinstance(line, LTTextLine)]
            text = "\n".join(line for line in lines if line.strip())
            if text.strip():
                boxes.append(text)
    return "\n\n".join(boxes)


def _line_text(line):
    raw = line.get_text()
    if not bidi.has_rtl(raw):
        return raw.rstrip("\n")
    return bidi.reading_order(_glyphs(line)).strip()


def _glyphs(line):
    """``(text, x0, x1)`` for each glyph; pdfminer's inserted spaces have no box, so they sit midway
    between their neighbours, which holds whatever order the producer wrote the glyphs in."""
    items = [obj for obj in line if isinstance(obj, (LTChar, LTAnno))]
    glyphs = []
    for i, obj in enumerate(items):
        if isinstance(obj, LTChar):
            glyphs.append((_fold_presentation(obj.get_text()), obj.x0, obj.x1))
        elif obj.get_text() == " ":
            prev = _neighbour(items, i, -1)
            nxt = _neighbour(items, i, 1)
            if prev is not None and nxt is not None:
                mid = (prev.x0 + prev.x1 + nxt.x0 + nxt.x1) / 4
                glyphs.append((" ", mid, mid))
    return glyphs


def _neighbour(items, i, step):
    j = i + step
    while 0 <= j < len(items):
        if isinstance(items[j], LTChar):
            return items[j]
        j += step
    return None


def _fold_presentation(text):
    # Arabic presentation forms (one code point per shaped glyph, e.g. the lam-alef ligature) read
    # fine in NFKC and badly everywhere else; other text keeps its form for display.
    if any("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff" for ch in text):
        return unicodedata.normalize("NFKC", text)
    return text
