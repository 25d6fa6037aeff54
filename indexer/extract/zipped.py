"""What the zip-based office formats (Word, OpenDocument, PowerPoint) share: a size check before
unpacking, and their XML parts read safely."""
import zipfile

import lxml.etree

from indexer import settings
from indexer.errors import ExtractionError

# No DTDs, no entities, no network: an office file's XML needs none of them, and a hostile one uses them.
PARSER = lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                              remove_comments=True)


def check_unpacked_size(path, kind):
    """A few kilobytes of zip can unpack to gigabytes of XML. Refuse before reading."""
    limit = settings.get("max_unpacked_mb")
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            _check_xml_parts(archive)
    except (zipfile.BadZipFile, OSError) as ex:
        raise ExtractionError(f"broken {kind} file: {ex}; the file may be truncated, "
                              "ask the sender for a new copy") from ex
    if unpacked > limit * 1024 * 1024:
        raise ExtractionError(f"{kind} file too large: it unpacks to {unpacked / 1048576:.0f} MB, over the "
                              f"{limit} MB limit (raise SEARCH_MAX_UNPACKED_MB to read it)")


# A parsed XML part takes twenty-odd times its size in memory (a 100 MB document.xml reached 2.2 GB),
# and the parse cannot be interrupted: a part too big for the worker's memory ceiling is refused first.
XML_MEMORY_FACTOR = 25


def _check_xml_parts(archive):
    """Refuse a part whose parse would break the worker's memory ceiling (SEARCH_WORKER_MEMORY_MB)."""
    ceiling = settings.get("worker_memory_mb")
    if ceiling <= 0:
        return
    for info in archive.infolist():
        if info.filename.endswith(".xml") and info.file_size * XML_MEMORY_FACTOR > ceiling * 1024 * 1024:
            raise ExtractionError(f"too large when unpacked: {info.filename} unpacks to {info.file_size / 1048576:.0f} MB "
                                  f"of XML, more than the {ceiling} MB memory ceiling can parse "
                                  "(SEARCH_WORKER_MEMORY_MB); the file may be a decompression bomb")


def read_xml(archive, name, kind):
    """The root element of part ``name`` of an open ``ZipFile``, or None when the part is absent."""
    try:
        data = archive.read(name)
    except KeyError:
        return None
    try:
        return lxml.etree.fromstring(data, PARSER)
    except lxml.etree.XMLSyntaxError as ex:
        raise ExtractionError(f"broken {kind} file: {name} is not well-formed ({ex}); "
                              "ask the sender for a new copy") from ex
