"""Read many files in worker processes, each under a time limit.

The limit is an alarm inside the worker: pdfminer and the other readers are pure Python, so the
alarm interrupts even an endless loop on a malicious file, and the worker lives on for the next one.
"""
import ctypes
import os
import resource
import signal
import time
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import NamedTuple

from indexer import lang, prepared, reader, settings
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
    title: str = None   # the manifest's title; given, the worker also analyses the text for the index


PR_SET_PDEATHSIG = 1
IN_FLIGHT = 64      # jobs queued per worker, and
IN_FLIGHT_MB = 128  # MB of their files at most: see ``_windowed``


def _start_worker(parent):
    """Run first in every worker. It dies with the build: a ``kill -9`` on the build would otherwise
    leave workers blocked on their pipe for minutes, holding the index lock they inherited. And it
    has a memory ceiling: the alarm cannot interrupt lxml or zlib, an allocation failure can."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the parent's check below still holds
        pass
    if os.getppid() != parent:  # the parent died before the request above was made
        os._exit(1)
    lang.preload()  # before any alarm: see its docstring
    ceiling = settings.get("worker_memory_mb")
    if ceiling > 0:
        limit = ceiling * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))


def _executor(workers):
    return ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(os.getpid(),))


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
    except ExtractionTimeout as ex:  # fired outside the extractor's own handler
        return job.key, reader.failed(job.path, str(ex))
    except MemoryError:  # the ceiling reached after reading, telling the languages of a huge text
        return job.key, reader.failed(job.path, reader.TOO_LARGE.format(settings.get("worker_memory_mb")))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    if job.title is not None and reading.status == "ok":
        try:
            reading.analysed = prepared.analyse(reading, prepared.title(job.title, reading, job.path))
        except MemoryError:  # the writer analyses it then, as it did before workers did
            reading.analysed = None
    return job.key, reading


def read_all(jobs, workers=None):
    """Yield ``(key, Reading)`` for each ``Job``, in the order they finish."""
    jobs = list(jobs)
    if not jobs:
        return
    workers = workers or settings.get("workers") or os.cpu_count() or 1
    workers = max(1, min(workers, len(jobs)))
    pending = {job.key: job for job in jobs}
    try:
        with _executor(workers) as executor:
            for done in _windowed(executor, jobs, workers * IN_FLIGHT, IN_FLIGHT_MB * 2**20):
                key, result = done.result()
                pending.pop(key, None)
                yield key, result
    except BrokenProcessPool:
        # A worker died (a crash in a C library, or the kernel's OOM killer). Read what is left one
        # file per process, so that only the file that kills its process is lost.
        for job in list(pending.values()):
            yield job.key, _read_isolated(job)


def _windowed(executor, jobs, most, most_bytes):
    """The finished futures of ``jobs``, with at most ``most`` jobs and ``most_bytes`` of their
    files in flight at once: never all, since a finished reading holds a document's text until the
    index has it; but enough that the readers go on while the index writer files a batch to disk
    (seconds, on a large collection), rather than stopping with it."""
    waiting, running, sizes, in_flight = iter(jobs), set(), {}, 0
    while True:
        for job in waiting:
            future = executor.submit(_read_with_limit, job)
            running.add(future)
            sizes[future] = _file_size(job.path)
            in_flight += sizes[future]
            if len(running) >= most or in_flight >= most_bytes:
                break
        if not running:
            return
        done, running = wait(running, return_when=FIRST_COMPLETED)
        for future in done:
            in_flight -= sizes.pop(future)
            yield future


def _file_size(path):
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _read_isolated(job):
    try:
        with _executor(1) as executor:
            return executor.submit(_read_with_limit, job).result()[1]
    except BrokenProcessPool:
        return reader.failed(job.path, CRASHED)
