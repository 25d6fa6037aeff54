"""Word 97-2003 (.doc) through Debian's antiword; other old Office files are recognised, so the
report says what to do."""
import shutil
import subprocess

from indexer import settings
from indexer.errors import ExtractionError, UnsupportedFormat
from indexer.extract.base import Extracted, Extractor

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CONVERT = "save the document as .docx or PDF and add it again"


class LegacyOfficeExtractor(Extractor):
    """Word 97-2003 and other OLE compound files."""
    FORMAT = "doc"
    EXTENSIONS = ("doc", "xls", "ppt")
    SCORE = 5
    MAGIC = (OLE_MAGIC,)
    MAGIC_SCORE = 20

    def extract(self, path):
        antiword = shutil.which("antiword")
        if antiword is None:
            raise UnsupportedFormat("unsupported format: Word 97-2003 (.doc) files need antiword "
                                    f"(apt-get install antiword); or {CONVERT}")
        try:
            # -w 0: one paragraph per line, not wrapped at 80 columns; UTF-8 whatever the file's code page.
            result = subprocess.run([antiword, "-w", "0", "-m", "UTF-8.txt", str(path)], capture_output=True,
                                    timeout=settings.get("doc_timeout"), check=False)
        except subprocess.TimeoutExpired as ex:
            raise ExtractionError(f"timed out reading the Word 97-2003 file; {CONVERT}") from ex
        if result.returncode != 0:
            why = result.stderr.decode("utf-8", "replace").strip().splitlines()
            raise UnsupportedFormat(f"unsupported format: not a Word 97-2003 document antiword can read "
                                    f"({why[-1][:120] if why else 'no reason given'}); {CONVERT}")
        text = result.stdout.decode("utf-8", "replace")
        paragraphs = (" ".join(line.split()) for line in text.splitlines())
        return Extracted(format=self.FORMAT, pages=["\n\n".join(p for p in paragraphs if p)], encoding="")
