"""A bounded cache of search results, one per snapshot: a repeated search (the same page reloaded,
a feed polled, a popular query) is answered without searching again.

It lives in the snapshot's ``Live.cache``, so a new snapshot starts empty and the old one's results go
with the old snapshot. Callers get their own copy: the web tier decorates results in place.
"""
import copy
import threading
from collections import OrderedDict

MAX_ENTRIES = 1000   # a result (ten hits with snippets, the facet counts) is about 30 KB: 30 MB at most


class ResultCache:
    def __init__(self, max_entries=MAX_ENTRIES):
        self.max_entries = max_entries
        self._entries = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        """A copy of the result stored for ``key``, or None."""
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return None
            self._entries.move_to_end(key)
        return copy.deepcopy(found)

    def put(self, key, result):
        """Keep a copy of ``result``; the least recently used entry goes when the cache is full."""
        kept = copy.deepcopy(result)
        with self._lock:
            self._entries[key] = kept
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def __len__(self):
        return len(self._entries)


def for_snapshot(live):
    """The snapshot's cache, made on first use."""
    cache = live.cache.get("results")
    if cache is None:
        cache = live.cache.setdefault("results", ResultCache())
    return cache
