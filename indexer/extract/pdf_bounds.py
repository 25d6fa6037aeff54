"""Bounds on the work one PDF may cause, whatever it holds.

A few hundred bytes of PDF can ask for exponential work (forms that each draw the next one twice),
and two megabytes can inflate to gigabytes (one Flate stream of spaces). pdfminer follows both, so
the reading here goes through a page interpreter that counts the forms it draws per page and how
deeply they nest, and through a cap on the size a stream may inflate to.
"""
import time
import zlib

from pdfminer import pdftypes
from pdfminer.pdfinterp import PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, resolve1

from indexer import settings
from indexer.errors import ExtractionError, ExtractionTimeout

MAX_FORMS_PER_PAGE = 2000    # form XObjects drawn on one page; real pages draw a few dozen
MAX_FORM_DEPTH = 12          # forms inside forms; real files nest two or three
PARTIAL = "text of pages "    # how the note on a partial reading starts
READING_SHARE = 0.9          # of the document's time limit: stop between pages rather than mid-page


class StreamTooLarge(ExtractionError):
    "A compressed stream inflates to more than the limit"


class PageBudget:
    """What the pages of one document have spent, shared by an interpreter and its sub-interpreters."""

    def __init__(self):
        self.forms = self.depth = 0
        self.skipped = {}          # page number -> forms not drawn
        self.broken = []           # page numbers whose /Contents is not a content stream
        self.page = 0

    def next_page(self, page):
        self.page += 1
        self.forms = self.depth = 0
        contents = page.contents or []
        if any(not isinstance(resolve1(c), PDFStream) for c in contents):
            self.broken.append(self.page)

    def allows_form(self):
        if self.forms >= MAX_FORMS_PER_PAGE or self.depth >= MAX_FORM_DEPTH:
            self.skipped[self.page] = self.skipped.get(self.page, 0) + 1
            return False
        self.forms += 1
        return True

    def notes(self):
        if not self.skipped:
            return []
        pages = ", ".join(str(p) for p in sorted(self.skipped)[:10]) + (" …" if len(self.skipped) > 10 else "")
        return [f"{sum(self.skipped.values()):,} nested drawings not followed on page(s) {pages} "
                f"(over {MAX_FORMS_PER_PAGE:,} per page or {MAX_FORM_DEPTH} levels deep)"]


class BoundedInterpreter(PDFPageInterpreter):
    """pdfminer's page interpreter, with a budget of forms per page and of nesting."""

    def __init__(self, rsrcmgr, device, budget=None):
        super().__init__(rsrcmgr, device)
        self.budget = budget if budget is not None else PageBudget()

    def dup(self):
        return self.__class__(self.rsrcmgr, self.device, self.budget)

    def process_page(self, page):
        self.budget.next_page(page)
        super().process_page(page)

    def do_Do(self, xobjid_arg):
        if not self.budget.allows_form():
            return
        self.budget.depth += 1
        try:
            super().do_Do(xobjid_arg)
        finally:
            self.budget.depth -= 1


def inflate(data, limit):
    """``zlib.decompress`` that stops at ``limit`` bytes of output."""
    inflater = zlib.decompressobj()
    out = inflater.decompress(data, limit + 1)
    if len(out) > limit:
        raise StreamTooLarge(f"too large when unpacked: a compressed stream inflates to over {limit >> 20} MB "
                             "(SEARCH_MAX_STREAM_MB); the file may be a decompression bomb, ask the sender for "
                             "a normal copy")
    return out + inflater.flush()


class _CappedZlib:
    """What pdfminer's stream decoder uses of ``zlib``, with ``decompress`` capped."""
    error = zlib.error
    decompressobj = staticmethod(zlib.decompressobj)

    @staticmethod
    def decompress(data, *args):
        return inflate(data, settings.get("max_stream_mb") << 20)


def cap_streams():
    """Make pdfminer inflate streams through ``inflate`` (it calls ``zlib.decompress`` on a whole
    stream at once, with no size limit). Idempotent; only pdfminer's own module reference changes."""
    pdftypes.zlib = _CappedZlib


def read_pages(layouts, page_text, pages):
    """Append the text of each page to ``pages`` until the pages run out or the document's time does;
    ``[note]`` when the text is partial. Pages read before the time limit are kept, not lost."""
    limit = settings.get("doc_timeout")
    deadline = time.monotonic() + READING_SHARE * limit
    try:
        for layout in layouts:
            pages.append(page_text(layout))
            if time.monotonic() > deadline:
                break
        else:
            return []
    except ExtractionTimeout:
        if not pages:
            raise
    return [f"{PARTIAL}1–{len(pages)} only: reading stopped at the time limit ({limit} s, "
            "SEARCH_DOC_TIMEOUT); raise it to read the rest"]


def check_contents(budget, pages):
    """A document whose pages have no text because their /Contents leads nowhere (a reference to
    itself, say) is broken, not a scan: OCR would find nothing to read either."""
    if budget.broken and not any(p.strip() for p in pages):
        shown = ", ".join(str(n) for n in budget.broken[:10])
        raise ExtractionError(f"broken PDF: the content of page(s) {shown} is not a drawing (it refers to itself "
                              "or to nothing); the file is damaged, ask the sender for a new copy")
