"""Plain text in any charset; paragraphs are what the sender separated with blank lines."""
import re

from indexer.errors import UnsupportedFormat
from indexer.extract import encoding
from indexer.extract.base import Extracted, Extractor

FORM_FEED = "\f"


class TextExtractor(Extractor):
    """Text files; also the fallback for unknown extensions whose bytes look like text."""
    FORMAT = "text"
    EXTENSIONS = ("txt", "text", "md", "csv", "tsv")
    SCORE = 5

    @classmethod
    def match(cls, path, head):
        score = super().match(path, head)
        if score < 0 and head and not encoding.looks_binary(head):
            return 1
        return score

    def extract(self, path):
        data = path.read_bytes()
        if encoding.looks_binary(data):
            raise UnsupportedFormat("unsupported format: binary content that is not PDF, Word or HTML")
        text, enc = encoding.decode(data)
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        # A form feed is how plain-text exports mark a page break; keep those pages.
        pages = [_reflow(p) for p in text.split(FORM_FEED)]
        title = next((line.strip() for line in text.splitlines() if line.strip()), "")[:300]
        return Extracted(format=self.FORMAT, pages=pages, title=title, encoding=enc)


def _reflow(text):
    """One blank line between paragraphs, whatever mix of blank lines and spaces the sender used."""
    paragraphs = re.split(r"\n\s*\n", text)
    return "\n\n".join(p.strip() for p in paragraphs if p.strip())
