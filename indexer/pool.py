"""Read many files in worker processes, each under a time limit.

The limit is an alarm inside the worker: pdfminer and the other readers are pure Python, so the
alarm interrupts even an endless loop on a malicious file, and the worker lives on for the next one.
"""
import os
import signal
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import NamedTuple

from indexer import lang, reader, settings
from indexer.errors import ExtractionTimeout

CRASHED = ("the reader crashed on this file (out of memory or a library fault); "
           "ask the sender for a new copy")


class Job(NamedTuple):
    """One file to read. ``key`` comes back with its reading; ``language`` is the manifest's override
    and ``country`` its country (a prior for short passages)."""
    key: object
    path: str
    language: str = ""
    country: str = ""


def _on_alarm(signum, frame):
    raise ExtractionTimeout(f"timed out: reading took longer than {settings.get('doc_timeout')} s "
                            "(SEARCH_DOC_TIMEOUT); the file may be malformed or extremely long")


def _read_with_limit(job):
    signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, settings.get("doc_timeout"))
    started = time.monotonic()
    try:
        reading = reader.read(job.path, job.language, job.country)
        reading.seconds = round(time.monotonic() - started, 3)
        return job.key, reading
    except ExtractionTimeout as ex:  # fired outside the extractor's own handler
        return job.key, reader.failed(job.path, str(ex))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def read_all(jobs, workers=None):
    """Yield ``(key, Reading)`` for each ``Job``, in the order they finish."""
    jobs = list(jobs)
    if not jobs:
        return
    workers = workers or settings.get("workers") or os.cpu_count() or 1
    workers = max(1, min(workers, len(jobs)))
    pending = {job.key: job for job in jobs}
    try:
        with ProcessPoolExecutor(max_workers=workers, initializer=lang.preload) as executor:
            futures = [executor.submit(_read_with_limit, job) for job in jobs]
            for future in as_completed(futures):
                key, result = future.result()
                pending.pop(key, None)
                yield key, result
    except BrokenProcessPool:
        # A worker died (a crash in a C library, or the kernel's OOM killer). Read what is left one
        # file per process, so that only the file that kills its process is lost.
        for job in list(pending.values()):
            yield job.key, _read_isolated(job)


def _read_isolated(job):
    try:
        with ProcessPoolExecutor(max_workers=1, initializer=lang.preload) as executor:
            return executor.submit(_read_with_limit, job).result()[1]
    except BrokenProcessPool:
        return reader.failed(job.path, CRASHED)
