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
    except (zipfile.BadZipFile, OSError) as ex:
        raise ExtractionError(f"broken {kind} file: {ex}; the file may be truncated, "
                              "ask the sender for a new copy") from ex
    if unpacked > limit * 1024 * 1024:
        raise ExtractionError(f"{kind} file too large: it unpacks to {unpacked / 1048576:.0f} MB, over the "
                              f"{limit} MB limit (raise SEARCH_MAX_UNPACKED_MB to read it)")


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
