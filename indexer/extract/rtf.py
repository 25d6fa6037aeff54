"""Rich Text Format through striprtf: control words dropped, never indexed; ``\\'xx`` bytes decoded
with the document's code page (``\\ansicpg``) or the font's charset, ``\\uN`` escapes as Unicode."""
import re

from striprtf.striprtf import rtf_to_text

from indexer.errors import ExtractionError
from indexer.extract.base import Extracted, Extractor

# A Unicode escape beyond the BMP comes as two \u escapes (a surrogate pair); join them.
SURROGATES = re.compile("[\ud800-\udbff][\udc00-\udfff]")


class RtfExtractor(Extractor):
    """RTF files, as WordPad, older Word and many document systems save them."""
    FORMAT = "rtf"
    EXTENSIONS = ("rtf",)
    SCORE = 10
    MAGIC = (b"{\\rtf",)

    def extract(self, path):
        # RTF is 7-bit by definition; Latin-1 keeps any stray 8-bit byte as one character to decode.
        source = path.read_bytes().decode("latin-1")
        try:
            text = rtf_to_text(source, encoding="cp1252", errors="replace")
        except (ValueError, LookupError, IndexError) as ex:
            raise ExtractionError(f"broken RTF file: {str(ex)[:120]}; save it again as .docx or RTF") from ex
        text = SURROGATES.sub(lambda m: m.group().encode("utf-16", "surrogatepass").decode("utf-16"), text)
        # One RTF paragraph (\par) is one line; the index separates paragraphs by a blank line.
        paragraphs = (" ".join(line.split()) for line in text.replace("\r", "\n").split("\n"))
        return Extracted(format=self.FORMAT, pages=["\n\n".join(p for p in paragraphs if p)])
