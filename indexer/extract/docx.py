"""Word (.docx) through python-docx: paragraphs and tables in document order."""
import zipfile

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph

from indexer import settings
from indexer.errors import EncryptedDocument, ExtractionError
from indexer.extract.base import Extracted, Extractor

ZIP_MAGIC = b"PK\x03\x04"
# An encrypted .docx is an OLE container, not a zip; Word writes this stream name into it.
ENCRYPTED_MARKER = "EncryptedPackage".encode("utf-16-le")


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
        _check_unpacked_size(path)
        try:
            document = docx.Document(str(path))
        except (zipfile.BadZipFile, KeyError, ValueError) as ex:
            raise ExtractionError(f"broken Word file: {ex}; the file may be truncated or not a .docx, "
                                  "ask the sender for a new copy") from ex
        except Exception as ex:  # lxml and python-docx raise many types for damaged parts
            raise ExtractionError(f"broken Word file: {type(ex).__name__}: {str(ex)[:120]}") from ex
        blocks = []
        first_heading = ""
        for item in document.iter_inner_content():
            if isinstance(item, Paragraph):
                text = item.text.strip()
                if text and not first_heading and (item.style.name or "").startswith(("Title", "Heading")):
                    first_heading = text
                blocks.append(text)
            elif isinstance(item, Table):
                blocks.append(_table_text(item))
        props = document.core_properties
        title = (props.title or "").strip() or first_heading
        return Extracted(format=self.FORMAT, pages=["\n\n".join(b for b in blocks if b)],
                         title=title[:300], declared_language=(props.language or "").strip())


def _check_unpacked_size(path):
    """A .docx is a zip; a few kilobytes can unpack to gigabytes of XML. Refuse before reading."""
    limit = settings.get("max_unpacked_mb")
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            _check_xml_parts(archive)
    except (zipfile.BadZipFile, OSError) as ex:
        raise ExtractionError(f"broken Word file: {ex}; the file may be truncated or not a .docx, "
                              "ask the sender for a new copy") from ex
    if unpacked > limit * 1024 * 1024:
        raise ExtractionError(f"Word file too large: it unpacks to {unpacked / 1048576:.0f} MB, over the "
                              f"{limit} MB limit (raise SEARCH_MAX_UNPACKED_MB to read it)")


# A parsed XML part takes twenty-odd times its size in memory (a 100 MB document.xml reached 2.2 GB),
# and the parse cannot be interrupted: a part too big for the worker's memory ceiling is refused first.
XML_MEMORY_FACTOR = 25


def _check_xml_parts(archive):
    ceiling = settings.get("worker_memory_mb")
    if ceiling <= 0:
        return
    for info in archive.infolist():
        if info.filename.endswith(".xml") and info.file_size * XML_MEMORY_FACTOR > ceiling * 1024 * 1024:
            raise ExtractionError(f"too large when unpacked: {info.filename} unpacks to {info.file_size / 1048576:.0f} MB "
                                  f"of XML, more than the {ceiling} MB memory ceiling can parse "
                                  "(SEARCH_WORKER_MEMORY_MB); the file may be a decompression bomb")


def _table_text(table):
    rows = []
    for row in table.rows:
        cells = []
        for cell in row.cells:
            text = " ".join(cell.text.split())
            # Merged cells come back once per grid column they span; one copy is the text.
            if text and (not cells or cells[-1] != text):
                cells.append(text)
        if cells:
            rows.append(" | ".join(cells))
    return "\n".join(rows)
