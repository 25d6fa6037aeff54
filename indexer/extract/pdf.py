"""PDF through pdfminer.six, page by page, with right-to-left lines put in reading order."""
import functools

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LAParams
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.utils import decode_text

from indexer.errors import ENCRYPTED_MSG, EncryptedDocument, ExtractionError
from indexer.extract import pdf_bounds, pdf_layout, pdf_render
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
        pdf_bounds.cap_streams()
        budget = pdf_bounds.PageBudget()
        pages, notes = [], []
        with open(path, "rb") as f:
            try:
                doc = PDFDocument(PDFParser(f), password="")
                title = _info_title(doc)
                notes += pdf_bounds.read_pages(_layouts(doc, budget), pdf_layout.page_text, pages)
            except PDFPasswordIncorrect as ex:
                raise EncryptedDocument(ENCRYPTED_MSG) from ex
            except PDFEncryptionError as ex:
                raise EncryptedDocument(f"{ENCRYPTED_MSG} ({ex})") from ex
            except (ExtractionError, MemoryError):
                raise
            except Exception as ex:  # pdfminer raises many types for damaged files; all mean the same
                raise ExtractionError(f"broken PDF: {_describe(ex)}; the file may be truncated or damaged, "
                                      "ask the sender for a new copy") from ex
        if not pages:
            raise ExtractionError("broken PDF: no pages could be read; the file may be truncated or damaged, "
                                  "ask the sender for a new copy")
        pdf_bounds.check_contents(budget, pages)
        notes += budget.notes()
        # Pages with little or no text are counted, and recognised if OCR is on, by the reader.
        return Extracted(format=self.FORMAT, pages=pages, paged=True, title=title, notes=notes,
                         render=functools.partial(pdf_render.page_image, path),
                         stopped_early=any(n.startswith(pdf_bounds.PARTIAL) for n in notes))


def _describe(ex):
    text = str(ex).strip() or type(ex).__name__
    return text[:160]


def _layouts(doc, budget=None):
    rsrc = PDFResourceManager(caching=True)
    # all_texts: text drawn inside form XObjects (figures, stamped boxes) is laid out like any other,
    # else pdfminer leaves it as loose glyphs and the page looks empty.
    device = PDFPageAggregator(rsrc, laparams=LAParams(all_texts=True))
    interpreter = pdf_bounds.BoundedInterpreter(rsrc, device, budget)
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
