"""What every format module provides, and what it hands back."""
from dataclasses import dataclass, field


@dataclass
class Extracted:
    """The text of one file as its format gives it, before any language work.

    ``pages`` holds the text of each page (formats without pages give one); paragraphs within a page
    are separated by a blank line, which is what the language detector splits on. ``paged`` says the
    format has real pages: their number is reported, and pages without any text are images (a scan).
    """
    format: str
    pages: list
    paged: bool = False
    title: str = ""
    declared_language: str = ""
    encoding: str = ""
    notes: list = field(default_factory=list)
    render: object = None
    stopped_early: bool = False   # reading stopped at the time limit; the pages read so far are kept


class Extractor:
    """One file format. ``match`` scores a file from its name and first bytes; the best score wins.

    A format module sets ``FORMAT`` (the name reported to users), ``EXTENSIONS`` and ``SCORE``, and
    implements ``extract(path)``, raising ``ExtractionError`` with a message a person can act on.
    """
    FORMAT = "unknown"
    EXTENSIONS = ()
    SCORE = 0
    MAGIC = ()            # byte strings a file of this format starts with
    MAGIC_SCORE = 30      # the score of a file that starts with one: content beats a name
    ZIP_PART = b""        # for zip-based formats: a name the first entries of the zip have

    @classmethod
    def match(cls, path, head):
        """-1 when the file is not of this format, else how sure we are (higher is surer)."""
        if cls.MAGIC and head.startswith(cls.MAGIC) or \
                cls.ZIP_PART and head.startswith(b"PK\x03\x04") and cls.ZIP_PART in head:
            return cls.MAGIC_SCORE
        return cls.SCORE if path.suffix.lower().lstrip(".") in cls.EXTENSIONS else -1

    def extract(self, path):
        raise NotImplementedError
