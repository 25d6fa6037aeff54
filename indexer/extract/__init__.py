"""Format registry: one module per format, the best-scoring match reads the file.

Adding a format is one new module with an ``Extractor`` subclass and one line in ``EXTRACTORS``.
Formats are decided by content first (magic bytes score higher than extensions), so a PDF named
``.doc`` is still read as a PDF.
"""
from pathlib import Path

from indexer.errors import UnsupportedFormat
from indexer.extract.docx import DocxExtractor
from indexer.extract.eml import EmlExtractor
from indexer.extract.html import HtmlExtractor
from indexer.extract.image import ImageExtractor
from indexer.extract.legacy import LegacyOfficeExtractor
from indexer.extract.odf import OdfExtractor
from indexer.extract.pdf import PdfExtractor
from indexer.extract.pptx import PptxExtractor
from indexer.extract.rtf import RtfExtractor
from indexer.extract.text import TextExtractor

EXTRACTORS = (PdfExtractor, DocxExtractor, HtmlExtractor, TextExtractor, LegacyOfficeExtractor, ImageExtractor,
              OdfExtractor, RtfExtractor, PptxExtractor, EmlExtractor)
HEAD_BYTES = 4096


def pick(path):
    """The extractor class for a file, or raise UnsupportedFormat."""
    path = Path(path)
    with open(path, "rb") as f:
        head = f.read(HEAD_BYTES)
    best, best_score = None, -1
    for cls in EXTRACTORS:
        score = cls.match(path, head)
        if score > best_score:
            best, best_score = cls, score
    if best is None:
        formats = ", ".join(dict.fromkeys(cls.FORMAT for cls in EXTRACTORS))
        raise UnsupportedFormat(f"unsupported format: {path.suffix or 'no extension'} is none of the formats "
                                f"read here ({formats}); convert it to one of these")
    return best


def guess_format(path):
    """The format name for a report, even when the file cannot be read."""
    try:
        return pick(path).FORMAT
    except (OSError, UnsupportedFormat):
        return Path(path).suffix.lower().lstrip(".") or "unknown"


def extract(path):
    """Read one file into an ``Extracted``; raises ``ExtractionError`` subclasses on failure."""
    return pick(path)().extract(Path(path))
