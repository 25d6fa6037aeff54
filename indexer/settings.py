"""Every tunable of the indexer in one place: a default, a help text, and an environment variable.

Each setting is read from ``SEARCH_<NAME>`` when set, so staff can change a limit without editing code:
``SEARCH_DOC_TIMEOUT=300 python -m indexer build``.
"""
import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str

    @property
    def env(self):
        return "SEARCH_" + self.name.upper()

    def value(self):
        raw = os.environ.get(self.env)
        if raw is None or raw == "":
            return self.default
        try:
            return type(self.default)(raw)
        except ValueError:
            raise SystemExit(f"{self.env}={raw!r} is not a valid {type(self.default).__name__}; "
                             f"unset it or give a value like {self.default!r}")


SETTINGS = (
    Setting("doc_timeout", 120, "Seconds one document may take to extract before it is reported as failed"),
    Setting("max_file_mb", 200, "Files larger than this many megabytes are reported and not read"),
    Setting("max_unpacked_mb", 500, "Word files that unpack to more than this many megabytes are not read (zip bombs)"),
    Setting("max_stream_mb", 256, "A compressed stream inside a PDF may inflate to at most this many megabytes"),
    Setting("worker_memory_mb", 2048, "Memory ceiling of each extraction process (address space, MB); a file "
            "that needs more is reported as too large, and the build goes on. 0 means no ceiling"),
    Setting("max_chars", 5_000_000, "Characters of text kept per document; the rest is cut and flagged"),
    Setting("workers", 0, "Processes that extract documents in parallel; 0 means one per CPU core"),
    Setting("keep_snapshots", 3, "Published snapshots kept on disk, so rollback has somewhere to go"),
    Setting("ocr", "auto", "auto: recognise scanned pages and images with Tesseract when it is installed; off: report them as needs_ocr"),
    Setting("ocr_cache", "var/ocr-cache", "Folder of OCR results by file hash, outside the snapshots: no page is recognised twice"),
    Setting("ocr_page_timeout", 60, "Seconds Tesseract may take on one page before it is stopped"),
    Setting("ocr_doc_timeout", 100, "Seconds of OCR per document; pages beyond are noted, not read (keep it below SEARCH_DOC_TIMEOUT)"),
    Setting("dictionaries", "/usr/share/dictd", "Folder of FreeDict dictionaries (dictd format) that translate query words the glossary does not know; empty turns them off"),
    Setting("dictionary_cache", "~/.cache/clearinghouse-search", "Where the dictionaries, once parsed, are kept so that builds after the first do not parse them again"),
    Setting("min_share", 0.05, "A language is listed for a document when it holds at least this share of the text"),
    Setting("admin_users", "", "File of staff accounts for /admin (made by `indexer admin-user`); /admin is off without it"),
    Setting("admin_session_minutes", 60, "Minutes a staff login to /admin lasts"),
    Setting("max_upload_mb", 50, "Largest file staff may upload through /admin, in megabytes"),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def get(name):
    """The current value of a setting: its environment variable, else its default."""
    return _BY_NAME[name].value()
