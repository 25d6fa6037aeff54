"""The live index snapshot as the web tier sees it: opened once, reopened when a new one is published.

The web tier never writes: it reads ``INDEX/CURRENT`` (at most once a second) and, when it names a
new snapshot, opens that one and lets requests still using the old searcher finish on it.
"""
import logging
import threading
import time
from dataclasses import dataclass, field

from whoosh.filedb.filestore import FileStorage

from indexer import lang, snapshots
from indexer.lang import dictionary
from search_web import result_cache

CHECK_EVERY = 1.0  # seconds between looks at CURRENT
log = logging.getLogger(__name__)


@dataclass
class Live:
    """One opened snapshot: its name, Whoosh index, build report and per-snapshot caches."""
    name: str
    path: object        # the snapshot directory
    index: object
    report: dict
    cache: dict = field(default_factory=dict)
    shared_cache: object = None   # the result cache the server processes share (result_cache.SharedCache), or None
    _local: threading.local = field(default_factory=threading.local)

    def searcher(self):
        """This thread's searcher, opened on first use and then reused: Whoosh readers seek shared
        file handles, so threads do not share one."""
        searcher = getattr(self._local, "searcher", None)
        if searcher is None:
            searcher = self._local.searcher = self.index.searcher()
        return searcher

    def glossary(self):
        """The glossary this snapshot was built with (empty if it had none), loaded once."""
        if "glossary" not in self.cache:
            try:
                self.cache["glossary"] = lang.load_glossary(self.path / lang.GLOSSARY_FILE)
            except (ValueError, OSError, UnicodeDecodeError):  # the build checked it; a damaged copy only loses expansion
                self.cache["glossary"] = lang.Glossary([])
        return self.cache["glossary"]

    def dictionary(self):
        """The bilingual lookup this snapshot was built with (empty without dictionaries), loaded once."""
        if "dictionary" not in self.cache:
            self.cache["dictionary"] = dictionary.load(self.path / dictionary.FILE)
        return self.cache["dictionary"]


def _open_index(path):
    """The snapshot's Whoosh index, read through ordinary files rather than memory maps. Whoosh wraps
    each part of a mapped segment in a BytesIO, which copies it: every searcher (one per server
    thread) held its own copy of the postings, 3.7 GB of the server's own memory after 1,000 queries
    on 100,000 documents (bench/results/bench-100000.md); read from files, the kernel's page cache
    holds them once for all."""
    return FileStorage(str(path), supports_mmap=False).open_index()


class SnapshotHandle:
    def __init__(self, index_dir, shared_cache_mb=0):
        """``shared_cache_mb``: the size of each snapshot's result cache shared by the processes
        serving ``index_dir`` (under ``INDEX/cache/``); 0: each process keeps its own only."""
        self.index_dir = index_dir
        self.shared_cache_mb = shared_cache_mb
        self._live = None
        self._checked = 0.0
        self._lock = threading.Lock()
        self._problem = ""     # what is wrong with CURRENT, logged once when it appears

    def get(self):
        """The live snapshot; raises ``NoIndex`` when nothing is published."""
        now = time.monotonic()
        if self._live is not None and now - self._checked < CHECK_EVERY:
            return self._live
        with self._lock:
            self._checked = now
            try:
                name, problem = snapshots.live_or_newest(self.index_dir)
                if self._live is None or self._live.name != name:
                    self._live = self._open(name)
            except (snapshots.NoIndex, OSError, ValueError) as ex:
                # A damaged CURRENT or snapshot: keep serving what is open rather than flap.
                if self._live is None:
                    raise snapshots.NoIndex(str(ex)) from ex
                problem = f"{ex}; still serving {self._live.name}"
            self._report(problem)
            return self._live

    def _open(self, name):
        path = snapshots.snapshots_dir(self.index_dir) / name
        shared = None
        if self.shared_cache_mb > 0:
            shared = result_cache.SharedCache(snapshots.cache_dir(self.index_dir, name), int(self.shared_cache_mb * 2**20))
            snapshots.clean_caches(self.index_dir)   # results of snapshots pruned while no build ran prune
        # The old snapshot is left to the garbage collector: requests may still be reading it.
        return Live(name=name, path=path, index=_open_index(path), report=snapshots.read_report(path),
                    shared_cache=shared)

    def _report(self, problem):
        if problem and problem != self._problem:
            log.warning("index: %s", problem)
        elif self._problem and not problem:
            log.info("index: the live snapshot is %s again as CURRENT says", self._live.name)
        self._problem = problem
