"""Bytes to text: byte-order mark first, then what the bytes themselves show (the NUL pattern of
UTF-16/32 without a mark, the escape sequences of the 7-bit CJK encodings), then a declared charset,
then strict UTF-8, then detection.

Shared by the text and HTML extractors. Detection is charset-normalizer's; it is good on long text
and weak on a few dozen bytes, which is why a declared charset always wins.
"""
import codecs
import re

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
# 7-bit encodings are valid ASCII, so UTF-8 decoding "succeeds" on them; their escapes give them away.
# ISO-2022-JP-2 reads every ISO-2022-JP variant's escapes (JIS X 0208/0212, the Korean and Chinese sets).
SEVEN_BIT = (
    (re.compile(rb"\x1b\$\)C"), "iso2022_kr"),
    (re.compile(rb"\x1b(\$[@B]|\$\(D|\(J|\$A|\$\(C)"), "iso2022_jp_2"),
    (re.compile(rb"~\{[\x21-\x7e]{2}"), "hz"),
)
SNIFF_BYTES = 8192


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
    sniffed = sniff_encoding(data)
    if sniffed:
        return data.decode(sniffed, errors="replace"), sniffed
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
    return b"\x00" in data[:SNIFF_BYTES] and bom_encoding(data) is None and _wide_unicode(data) is None


def sniff_encoding(data):
    """The encoding the bytes show without a byte-order mark, or None."""
    wide = _wide_unicode(data)
    if wide:
        return wide
    head = data[:SNIFF_BYTES]
    if max(head, default=0) < 0x80:
        for pattern, name in SEVEN_BIT:
            if pattern.search(head) and _decodes(data, name):
                return name
    return None


def _wide_unicode(data):
    """UTF-32 or UTF-16 without a byte-order mark, told by where the NULs fall. UTF-32's two high bytes
    are NUL in every unit; in UTF-16, the spaces, digits and line ends that text in any script has put
    NULs on the high-byte side only."""
    head = data[:SNIFF_BYTES - SNIFF_BYTES % 4]
    if len(head) < 4 or b"\x00" not in head:
        return None
    lanes = [head[i::4].count(0) / len(head[i::4]) for i in range(4)]
    if len(data) % 4 == 0:
        if min(lanes[2:]) > 0.95 and _decodes(data, "utf-32-le"):
            return "utf-32-le"
        if min(lanes[:2]) > 0.95 and _decodes(data, "utf-32-be"):
            return "utf-32-be"
    if len(data) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    for name, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        # A CJK character's low byte is NUL now and then (一 is U+4E00); binary has NULs on both sides.
        if high >= max(2, 0.02 * len(head) / 2) and 2 * low <= high and _decodes(data, name):
            return name
    return None


def _decodes(data, name):
    try:
        data.decode(name)
        return True
    except UnicodeDecodeError:
        return False
