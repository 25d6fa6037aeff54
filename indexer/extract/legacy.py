"""Old binary Office files: recognised so the report says what to do, not read."""
from indexer.errors import UnsupportedFormat
from indexer.extract.base import Extractor

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class LegacyOfficeExtractor(Extractor):
    """Word 97-2003 and other OLE compound files."""
    FORMAT = "doc"
    EXTENSIONS = ("doc", "xls", "ppt")
    SCORE = 5

    @classmethod
    def match(cls, path, head):
        if head.startswith(OLE_MAGIC):
            return 20
        return super().match(path, head)

    def extract(self, path):
        raise UnsupportedFormat("unsupported format: Word 97-2003 (.doc) and other old Office files cannot be "
                                "read; save the document as .docx or PDF and add it again")
