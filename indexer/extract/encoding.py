"""Bytes to text: byte-order mark first, then a declared charset, then strict UTF-8, then detection.

Shared by the text and HTML extractors. Detection is charset-normalizer's; it is good on long text
and weak on a few dozen bytes, which is why a declared charset always wins.
"""
import codecs

import webencodings
from charset_normalizer import from_bytes

from indexer.errors import ExtractionError

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# Labels whose WHATWG decoder (what a browser uses) is a superset that Python names differently;
# decoding with the wider one loses nothing.
SUPERSETS = {"gbk": "gb18030", "shift_jis": "cp932", "euc-kr": "cp949"}


def bom_encoding(data):
    for bom, name in BOMS:
        if data.startswith(bom):
            return name
    return None


def normalise_label(label):
    """A Python codec name for a charset label from a document, or None if we do not know it.

    >>> normalise_label("ISO-8859-1"), normalise_label("x-sjis"), normalise_label("cp1251")
    ('cp1252', 'cp932', 'cp1251')
    """
    label = (label or "").strip().strip("'\"")
    whatwg = webencodings.lookup(label)
    name = SUPERSETS.get(whatwg.name, whatwg.codec_info.name) if whatwg else label
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode(data, declared=None):
    """``(text, encoding)`` for ``data``; ``declared`` is a charset the document states about itself."""
    bom = bom_encoding(data)
    if bom:
        return data.decode(bom, errors="replace"), bom
    declared = normalise_label(declared)
    if declared:
        try:
            return data.decode(declared), declared
        except UnicodeDecodeError:
            pass  # a wrong declaration is common; fall through to detection
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise ExtractionError("unreadable text: the bytes match no known character set; "
                              "save the file as UTF-8 and add it again")
    encoding = normalise_label(best.encoding) or best.encoding
    return data.decode(encoding, errors="replace"), encoding


def looks_binary(data):
    """True for bytes that no text file has: NULs outside UTF-16/32."""
    return bom_encoding(data) is None and b"\x00" in data[:8192]
