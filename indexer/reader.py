"""Read one file into what the index and the ``check`` command need: status, text, languages.

This is where every failure of a format module is caught and turned into a status with a message,
so that one bad file never stops a build. It runs in worker processes (see ``pool``).
"""
import re
import signal
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from indexer import extract, lang, scanned, settings
from indexer.errors import ExtractionError, ExtractionTimeout

STATUSES = ("ok", "empty", "needs_ocr", "failed")
# C0/C1 controls other than tab, newline and form feed, and private-use code points (symbol-font
# bullets): noise from extraction, and controls break XML.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\ue000-\uf8ff]")


TOO_LARGE = ("too large when unpacked: reading it needed more than the {} MB memory ceiling "
             "(SEARCH_WORKER_MEMORY_MB); the file may be a decompression bomb, ask the sender for a normal copy")


def _out_of_memory(ex):
    """The memory ceiling reached, whatever a library made of it: a MemoryError somewhere in the
    chain of causes, or lxml's own words for a failed allocation."""
    while ex is not None:
        if isinstance(ex, MemoryError) or "memory allocation failed" in str(ex).lower():
            return True
        ex = ex.__cause__ or ex.__context__
    return False


@dataclass
class Reading:
    path: str
    format: str
    status: str
    error: str = ""
    pages: int = 0
    chars: int = 0
    title: str = ""
    language: str = lang.UND
    languages: list = field(default_factory=list)   # [{"code", "share"}], largest first
    encoding: str = ""
    notes: list = field(default_factory=list)
    passages: list = field(default_factory=list)    # [(page, code, text)]
    text: str = ""                                  # display text, pages separated by form feeds
    ocr: bool = False                               # some text was recognised from images
    ocr_confidence: float = None                    # Tesseract's mean word confidence (0-100)
    partial: bool = False                           # most pages have almost no text
    page_info: list = field(default_factory=list)   # [{"page", "chars", "ocr", "confidence", "cached"}]
    seconds: float = 0.0                            # the time reading took (the build report shows it)
    analysed: dict = None                           # {field: schema.Analysed}, made by the worker (prepared.py)

    def summary(self):
        """The fields of ``check --json``: no text, no passages."""
        return {"path": self.path, "format": self.format, "status": self.status, "language": self.language,
                "languages": self.languages, "chars": self.chars, "pages": self.pages, "title": self.title,
                "encoding": self.encoding, "notes": self.notes, "error": self.error or None,
                "ocr": self.ocr, "ocr_confidence": self.ocr_confidence, "partial": self.partial,
                "page_info": self.page_info}


def failed(path, error):
    """The reading of a file that could not be read: its format as far as it can be told, and why."""
    return Reading(path=str(path), format=extract.guess_format(path), status="failed", error=error)


def read(path, override="", country=""):
    """Read ``path``; never raises for a bad file, the status and error say what happened.
    ``override`` is the manifest's language; ``country`` its country, a prior for short passages."""
    path = Path(path)
    reading = failed(path, "")
    try:
        size = path.stat().st_size
    except OSError as ex:
        reading.error = f"cannot open the file: {ex.strerror or ex}"
        return reading
    if size == 0:
        reading.status, reading.error = "empty", "the file is empty (0 bytes); ask the sender for the document"
        return reading
    limit = settings.get("max_file_mb")
    if size > limit * 1024 * 1024:
        reading.error = (f"file too large: {size / 1048576:.0f} MB is over the {limit} MB limit "
                         "(raise SEARCH_MAX_FILE_MB to index it)")
        return reading
    try:
        extracted = extract.extract(path)
    except MemoryError:
        reading.error = TOO_LARGE.format(settings.get("worker_memory_mb"))
        return reading
    except (ExtractionError, ExtractionTimeout) as ex:
        reading.error = TOO_LARGE.format(settings.get("worker_memory_mb")) if _out_of_memory(ex) else str(ex)
        return reading
    except Exception as ex:  # a library bug on a strange file must not stop the build
        reading.error = f"could not read the file ({type(ex).__name__}: {str(ex)[:160]})"
        if _out_of_memory(ex):
            reading.error = TOO_LARGE.format(settings.get("worker_memory_mb"))
        return reading
    if extracted.stopped_early:
        _renew_time_limit()
    _fill(reading, extracted, override, country)
    return reading


def _renew_time_limit():
    """Give language identification a time limit of its own. A reading that ran into the limit keeps
    the pages it read; they should not then be lost because no time was left to tell their language."""
    if signal.getitimer(signal.ITIMER_REAL)[0] > 0:
        signal.setitimer(signal.ITIMER_REAL, settings.get("doc_timeout"))


def _fill(reading, extracted, override, country):
    reading.format = extracted.format
    reading.encoding = extracted.encoding
    reading.notes = list(extracted.notes)
    reading.title = _clean(extracted.title).replace("\n", " ").strip()
    if reading.title == Path(reading.path).stem:
        reading.title = ""  # producers (scanners, Pillow) write the file's name as its title: no title
    pages = [_clean(p) for p in extracted.pages]
    reading.pages = len(pages) if extracted.paged else 0
    verdict = None
    if extracted.paged:
        scan = scanned.recognise(reading.path, extracted, pages, override, country, _clean)
        pages, verdict = scan.texts, scan.verdict()
        reading.ocr, reading.ocr_confidence, reading.page_info = scan.ocr, scan.confidence, scan.info
        reading.notes.extend(scan.notes)
    max_chars = settings.get("max_chars")
    total = sum(len(p) for p in pages)
    if total > max_chars:
        pages = _cut(pages, max_chars)
        reading.notes.append(f"text cut at {max_chars:,} of {total:,} characters (SEARCH_MAX_CHARS)")
    reading.text = "\f".join(pages)
    reading.chars = len(reading.text.replace("\f", ""))
    if not any(p.strip() for p in pages) or verdict and verdict[0] == "needs_ocr":
        if extracted.paged:
            reading.status = "needs_ocr"
            reading.error = verdict[1] if any(p.strip() for p in pages) else (
                f"no text layer: the {len(pages)} page(s) are images only (a scan); "
                f"{scan.why_not or 'OCR found no text in them'}")
        else:
            reading.status, reading.error = "empty", "the file has no text"
        reading.language = override or lang.UND
        return
    if verdict:
        reading.partial = verdict[0] == "partial"
        reading.notes.append(verdict[1])
    prof = lang.profile(pages, override=override, declared=extracted.declared_language, country=country,
                            min_share=settings.get("min_share"))
    reading.status = "ok"
    reading.language = prof.main
    reading.languages = [{"code": code, "share": share} for code, share in prof.shares.items()]
    reading.passages = prof.passages
    if not reading.title:
        reading.title = next((t.split("\n")[0].strip() for _, _, t in prof.passages), "")[:200]


def _clean(text):
    return CONTROL.sub("", unicodedata.normalize("NFC", text or ""))


def _cut(pages, limit):
    kept, used = [], 0
    for page in pages:
        if used + len(page) > limit:
            kept.append(page[:max(0, limit - used)])
            break
        kept.append(page)
        used += len(page)
    return kept
