"""Word (.docx) through python-docx and its lxml tree: everything a reader sees, once.

The body in document order (paragraphs, tables, text boxes, content controls), the base text of ruby
(not the small reading aid above it), then footnotes, endnotes, headers and footers.
"""
import re
import zipfile

import docx
import lxml.etree
from docx.oxml.ns import qn

from indexer.errors import EncryptedDocument, ExtractionError
from indexer.extract import zipped
from indexer.extract.base import Extracted, Extractor

ZIP_MAGIC = b"PK\x03\x04"
# An encrypted .docx is an OLE container, not a zip; Word writes this stream name into it.
ENCRYPTED_MARKER = "EncryptedPackage".encode("utf-16-le")
SIDE_PART = re.compile(r"^/word/(header\d*|footer\d*|footnotes|endnotes)\.xml$")
P, TBL, TR, TC, T, TAB = (qn(f"w:{t}") for t in ("p", "tbl", "tr", "tc", "t", "tab"))
BREAKS = {qn("w:br"), qn("w:cr")}
HYPHEN = qn("w:noBreakHyphen")
TXBX = qn("w:txbxContent")
FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# Ruby text (furigana) is a reading aid over the base text; field codes, deleted text and text boxes
# (read as blocks of their own) are not the paragraph's text.
SKIP_IN_PARAGRAPH = {qn("w:rt"), qn("w:instrText"), qn("w:delText"), TXBX, FALLBACK, qn("w:pPr"), qn("w:rPr")}
NOTES = {qn("w:footnote"), qn("w:endnote")}
# Elements that only wrap blocks: content controls, custom XML, the root of headers, footers and notes.
CONTAINERS = {qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml"), qn("w:hdr"), qn("w:ftr"), qn("w:footnotes"),
              qn("w:endnotes"), qn("w:body")}


class DocxExtractor(Extractor):
    """Office Open XML word-processing documents."""
    FORMAT = "docx"
    EXTENSIONS = ("docx", "docm", "dotx")
    SCORE = 10

    @classmethod
    def match(cls, path, head):
        if head.startswith(ZIP_MAGIC) and b"word/" in head:
            return 30
        if ENCRYPTED_MARKER in head and path.suffix.lower() == ".docx":
            return 30
        return super().match(path, head)

    def extract(self, path):
        with open(path, "rb") as f:
            if ENCRYPTED_MARKER in f.read(1 << 16):
                raise EncryptedDocument("encrypted: the Word file needs a password to open; "
                                        "ask the sender for an unprotected copy")
        zipped.check_unpacked_size(path, "Word")
        try:
            document = docx.Document(str(path))
        except (zipfile.BadZipFile, KeyError, ValueError) as ex:
            raise ExtractionError(f"broken Word file: {ex}; the file may be truncated or not a .docx, "
                                  "ask the sender for a new copy") from ex
        except Exception as ex:  # lxml and python-docx raise many types for damaged parts
            raise ExtractionError(f"broken Word file: {type(ex).__name__}: {str(ex)[:120]}") from ex
        body = list(_blocks(document.element.body))
        props = document.core_properties
        title = (props.title or "").strip() or _first_heading(document)
        # Notes and running heads after the body, each part once: a header repeated on every page, or
        # the same text in the first-page and default headers, is one passage.
        extra = dict.fromkeys(b for part in _side_parts(document) for b in _blocks(part))
        seen = set(body)
        blocks = body + [b for b in extra if b not in seen]
        return Extracted(format=self.FORMAT, pages=["\n\n".join(b for b in blocks if b)],
                         title=title[:300], declared_language=(props.language or "").strip())


def _blocks(container):
    """Text blocks of a body, cell, text box, header or note, in document order: a paragraph's own
    text, then the text boxes anchored in it; tables as rows of cells."""
    for child in container:
        tag = child.tag
        if tag == P:
            yield _paragraph_text(child).strip()
            for box in _text_boxes(child):
                yield from _blocks(box)
        elif tag == TBL:
            yield _table_text(child)
        elif tag in NOTES:
            if child.get(qn("w:type")) in (None, "normal"):
                yield from _blocks(child)
        elif tag in CONTAINERS:
            yield from _blocks(child)


def _paragraph_text(element):
    parts = []
    for child in element:
        tag = child.tag
        if tag in SKIP_IN_PARAGRAPH:
            continue
        if tag == T:
            parts.append(child.text or "")
        elif tag == TAB:
            parts.append("\t")
        elif tag in BREAKS:
            parts.append("\n")
        elif tag == HYPHEN:
            parts.append("-")
        else:
            parts.append(_paragraph_text(child))
    return "".join(parts)


def _text_boxes(element):
    """Text boxes drawn inside a paragraph; the VML fallback copy of a modern one is skipped."""
    for child in element:
        if child.tag == TXBX:
            yield child
        elif child.tag != FALLBACK:
            yield from _text_boxes(child)


def _table_text(table):
    rows = []
    for row in table.iter(TR):
        if row.getparent() is not table:
            continue  # a nested table's rows are read inside their cell
        cells = []
        for cell in row.iter(TC):
            if cell.getparent() is row:
                text = " ".join(" ".join(_blocks(cell)).split())
                if text:
                    cells.append(text)
        if cells:
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _side_parts(document):
    """The root elements of the headers, footers, footnotes and endnotes, each part once."""
    for part in document.part.package.iter_parts():
        if SIDE_PART.match(str(part.partname)):
            try:
                yield lxml.etree.fromstring(part.blob)
            except lxml.etree.XMLSyntaxError:
                continue  # a damaged header must not cost the body


def _first_heading(document):
    styles = document.styles.element
    for p in document.element.body.iter(P):
        style_id = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        style = styles.get_by_id(style_id.get(qn("w:val"))) if style_id is not None else None
        name = style.name_val if style is not None else ""
        text = _paragraph_text(p).strip()
        if text and (name or "").lower().startswith(("title", "heading")):
            return text
    return ""
