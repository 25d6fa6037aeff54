"""OpenDocument (LibreOffice, OpenOffice): text documents, and the text of spreadsheets and slides.

An OpenDocument file is a zip whose first entry, ``mimetype``, names the kind. Paragraphs and
headings, lists, tables (one row per line, cells separated by `` | ``), frames and text boxes, and
footnotes come from ``content.xml``; the title and language from ``meta.xml``.
"""
import zipfile

from indexer.errors import ExtractionError
from indexer.extract import zipped
from indexer.extract.base import Extracted, Extractor

TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
DC = "http://purl.org/dc/elements/1.1/"
P, H, SPACE, TAB, BREAK = (f"{{{TEXT}}}{t}" for t in ("p", "h", "s", "tab", "line-break"))
NOTE, NOTE_CITATION = f"{{{TEXT}}}note", f"{{{TEXT}}}note-citation"
ROW, CELL, COVERED = f"{{{TABLE}}}table-row", f"{{{TABLE}}}table-cell", f"{{{TABLE}}}covered-table-cell"
PAGE, FRAME = f"{{{DRAW}}}page", f"{{{DRAW}}}frame"
# Speaker notes and comments are not what the sender published; tracked deletions are not text.
SKIP = {f"{{{OFFICE}}}annotation", f"{{{TEXT}}}tracked-changes", "{urn:oasis:names:tc:opendocument:xmlns:"
        "presentation:1.0}notes", f"{{{TEXT}}}sequence-decls", f"{{{TABLE}}}shapes"}
MIMETYPE = b"mimetypeapplication/vnd.oasis.opendocument."
KINDS = {"text": "odt", "spreadsheet": "ods", "presentation": "odp"}


class OdfExtractor(Extractor):
    """OpenDocument text (.odt), spreadsheets (.ods) and presentations (.odp)."""
    FORMAT = "odf"
    EXTENSIONS = ("odt", "ods", "odp", "ott")
    SCORE = 10
    ZIP_PART = MIMETYPE     # the standard puts the mimetype entry first, stored: its bytes are in the head

    def extract(self, path):
        zipped.check_unpacked_size(path, "OpenDocument")
        try:
            with zipfile.ZipFile(path) as archive:
                kind = archive.read("mimetype").decode("ascii", "replace").rsplit(".", 1)[-1]
                content = zipped.read_xml(archive, "content.xml", "OpenDocument")
                meta = zipped.read_xml(archive, "meta.xml", "OpenDocument")
        except (zipfile.BadZipFile, KeyError, OSError) as ex:
            raise ExtractionError(f"broken OpenDocument file: {ex}; ask the sender for a new copy") from ex
        if content is None:
            raise ExtractionError("broken OpenDocument file: it has no content.xml; ask the sender for a new copy")
        body = content.find(f"{{{OFFICE}}}body")
        slides = list(body.iter(PAGE)) if body is not None else []
        # Slides are pages; a text document or a spreadsheet is one flow of text.
        pages = ["\n\n".join(_blocks(s)) for s in slides] if slides else ["\n\n".join(_blocks(body))]
        return Extracted(format=KINDS.get(kind, self.FORMAT), pages=pages, paged=bool(slides),
                         title=_meta(meta, "title"), declared_language=_meta(meta, "language"))


def _blocks(element):
    """Non-empty text blocks under ``element`` in document order."""
    if element is None or element.tag in SKIP:
        return
    if element.tag in (P, H):
        text = _inline(element).strip()
        if text:
            yield text
        for note in element.iter(NOTE):   # a footnote's body is a paragraph of its own, after its anchor
            yield from _blocks(note)
        for frame in element.iter(FRAME):
            yield from _blocks_inside(frame)
    elif element.tag == ROW:
        cells = [" ".join(" ".join(_blocks_inside(c)).split()) for c in element if c.tag == CELL]
        row = " | ".join(c for c in cells if c)
        if row:
            yield row
    else:
        yield from _blocks_inside(element)


def _blocks_inside(element):
    for child in element:
        yield from _blocks(child)


def _inline(element):
    parts = [element.text or ""]
    for child in element:
        if child.tag == SPACE:
            parts.append(" " * int(child.get(f"{{{TEXT}}}c", "1")))
        elif child.tag == TAB:
            parts.append("\t")
        elif child.tag == BREAK:
            parts.append("\n")
        elif child.tag not in (NOTE, FRAME) and child.tag not in SKIP:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _meta(meta, name):
    found = meta.find(f".//{{{DC}}}{name}") if meta is not None else None
    return " ".join((found.text or "").split())[:300] if found is not None else ""
