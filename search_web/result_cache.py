"""A bounded cache of search results, one per snapshot: a repeated search (the same page reloaded,
a feed polled, a popular query) is answered without searching again.

Two levels. The first is in the process: a least-recently-used dict in the snapshot's ``Live.cache``.
The second is shared by the server processes on the machine (gunicorn's workers, as deployed: a repeat
usually lands on another worker than the first answer): one file per result under
``INDEX/cache/<snapshot>/``, written to a temporary file and renamed, so a reader never sees half of
one. Both belong to one snapshot, so a new snapshot starts empty; the old one's files go when the
snapshot is pruned (``indexer.snapshots.prune``), or when a server opens a newer snapshot and finds
them stale. A shared cache that cannot be written (a read-only index, a full disk) never fails a
search: the process goes on with its own cache and says so once in the log.

Callers get their own copy: the web tier decorates results in place.
"""
import copy
import hashlib
import logging
import os
import pickle
import tempfile
import threading
import time
from collections import OrderedDict
from pathlib import Path

MAX_ENTRIES = 1000   # a result (ten hits with snippets, the facet counts) is about 30 KB: 30 MB at most
SHARED_ENTRIES = 5000         # files in one snapshot's shared cache
SHARED_MB = 200               # bytes in one snapshot's shared cache (SEARCH_SHARED_CACHE_MB; 0: no shared cache)
PRUNE_EVERY = 50              # a process looks at the shared cache's size every this many results it writes
RETRY_WRITING = 60.0          # seconds a process leaves an unwritable shared cache alone before trying again
SUFFIX = ".pickle"
log = logging.getLogger(__name__)


def _code_version():
    """A digest of the code that makes results: a new version of the site does not read what an older
    one left in the shared cache of a snapshot that is still live."""
    digest = hashlib.sha1()
    here = Path(__file__).resolve().parent
    for path in sorted([*here.glob("*.py"), *(here.parent / "indexer" / "lang").glob("*.py")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


CODE_VERSION = _code_version()


class ResultCache:
    """The first level: this process's most recently used results. With ``copies`` False, what is
    stored is handed out as it is, for callers that never change it (and large arrays to copy)."""

    def __init__(self, max_entries=MAX_ENTRIES, copies=True):
        self.max_entries = max_entries
        self._copy = copy.deepcopy if copies else (lambda value: value)
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        """A copy of the result stored for ``key``, or None."""
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            self._entries.move_to_end(key)
        return self._copy(found)

    def put(self, key, result):
        """Keep a copy of ``result``; the least recently used entry goes when the cache is full."""
        kept = self._copy(result)
        with self._lock:
            self._entries[key] = kept
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def __len__(self):
        return len(self._entries)


class SharedCache:
    """The second level: one snapshot's results as files in ``directory``, for every process on the
    machine. At most ``max_entries`` files and ``max_bytes`` bytes (give or take the results written
    since the last look); the least recently used go first (a hit renews a file's time).

    The files are pickles: whoever can write the index directory can already change what the site
    serves, and the directories are made readable by their owner only."""

    def __init__(self, directory, max_bytes=SHARED_MB * 2**20, max_entries=SHARED_ENTRIES):
        self.directory = Path(directory)
        self.max_bytes, self.max_entries = max_bytes, max_entries
        self._written = 0
        self._resting_until = 0.0   # after a failed write: monotonic time to try again
        self._lock = threading.Lock()

    def path(self, key):
        name = hashlib.sha1(repr((CODE_VERSION, key)).encode("utf-8", "surrogatepass")).hexdigest()
        return self.directory / (name + SUFFIX)

    def get(self, key):
        """The result another process (or this one) stored for ``key``, or None."""
        path = self.path(key)
        try:
            with open(path, "rb") as f:
                stored_key, result = pickle.load(f)
        except FileNotFoundError:
            return None
        except Exception as ex:  # noqa: BLE001  a damaged or foreign file is a miss, never a failed search
            log.warning("result cache: %s cannot be read (%s); it is searched again", path, ex)
            return None
        if stored_key != (CODE_VERSION, key):   # a digest shared by two keys: never another search's answer
            return None
        try:
            os.utime(path)   # recently used: pruned last
        except OSError:
            pass
        return result

    def put(self, key, result):
        """Store ``result`` for every process; a cache that cannot be written is left alone for a while."""
        if time.monotonic() < self._resting_until:
            return
        try:
            data = pickle.dumps(((CODE_VERSION, key), result), protocol=pickle.HIGHEST_PROTOCOL)
            if len(data) > self.max_bytes // 20:   # one huge export would push out a hundred searches
                return
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                os.replace(tmp, self.path(key))
            except BaseException:
                os.unlink(tmp)
                raise
        except OSError as ex:
            self._rest(ex)
            return
        with self._lock:
            self._written += 1
            due = self._written % PRUNE_EVERY == 1
        if due:
            self.prune()

    def _rest(self, ex):
        with self._lock:
            first = self._resting_until == 0.0
            self._resting_until = time.monotonic() + RETRY_WRITING
        if first:
            log.warning("result cache: %s cannot be written (%s); each server process keeps its own results "
                        "instead. Make the index directory writable for the server, or set "
                        "SEARCH_SHARED_CACHE_MB=0 to turn the shared cache off", self.directory, ex)

    def prune(self):
        """Remove the least recently used files beyond the bounds (to 90% of them, so that the next
        writes do not prune again at once), and temporary files a killed process left."""
        entries = []
        try:
            with os.scandir(self.directory) as found:
                for entry in found:
                    try:
                        stat = entry.stat()
                    except OSError:   # another process pruned it
                        continue
                    if entry.name.endswith(SUFFIX):
                        entries.append((stat.st_mtime, stat.st_size, entry.path))
                    elif entry.name.startswith(".tmp-") and stat.st_mtime < time.time() - 600:
                        _unlink(entry.path)
        except OSError:
            return
        entries.sort()
        count, size = len(entries), sum(e[1] for e in entries)
        if count <= self.max_entries and size <= self.max_bytes:
            return
        for _, bytes_, path in entries:
            if count <= self.max_entries * 0.9 and size <= self.max_bytes * 0.9:
                break
            _unlink(path)
            count, size = count - 1, size - bytes_

    def __len__(self):
        try:
            return sum(1 for p in self.directory.iterdir() if p.name.endswith(SUFFIX))
        except OSError:
            return 0


def _unlink(path):
    try:
        os.unlink(path)
    except OSError:
        pass


class SnapshotCache:
    """The two levels of one snapshot: the process's own first, then the shared one (if any)."""

    def __init__(self, shared=None, max_entries=MAX_ENTRIES):
        self.memory = ResultCache(max_entries)
        self.shared = shared

    def lookup(self, key):
        """``(a copy of the result or None, where it came from: "memory", "shared" or "miss")``."""
        result = self.memory.get(key)
        if result is not None:
            return result, "memory"
        if self.shared is not None:
            result = self.shared.get(key)   # unpickled: already the caller's own copy
            if result is not None:
                self.memory.put(key, result)
                return result, "shared"
        return None, "miss"

    def get(self, key):
        return self.lookup(key)[0]

    def put(self, key, result):
        self.memory.put(key, result)
        if self.shared is not None:
            self.shared.put(key, result)

    def __len__(self):
        return len(self.memory)


def for_snapshot(live):
    """The snapshot's cache, made on first use, with the shared level the snapshot was opened with."""
    cache = live.cache.get("results")
    if cache is None:
        cache = live.cache.setdefault("results", SnapshotCache(live.shared_cache))
    return cache
