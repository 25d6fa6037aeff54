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
    Setting("max_chars", 5_000_000, "Characters of text kept per document; the rest is cut and flagged"),
    Setting("workers", 0, "Processes that extract documents in parallel; 0 means one per CPU core"),
    Setting("keep_snapshots", 3, "Published snapshots kept on disk, so rollback has somewhere to go"),
    Setting("dictionaries", "/usr/share/dictd", "Folder of FreeDict dictionaries (dictd format) that translate query words the glossary does not know; empty turns them off"),
    Setting("dictionary_cache", "~/.cache/clearinghouse-search", "Where the dictionaries, once parsed, are kept so that builds after the first do not parse them again"),
    Setting("min_share", 0.05, "A language is listed for a document when it holds at least this share of the text"),
)
_BY_NAME = {s.name: s for s in SETTINGS}


def get(name):
    """The current value of a setting: its environment variable, else its default."""
    return _BY_NAME[name].value()
