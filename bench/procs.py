"""Memory of a whole process tree (a build's workers with their parent, a server): sampled while it runs."""
import subprocess
import threading
import time

import psutil

SAMPLE_EVERY = 0.2  # seconds


def tree_rss(pid):
    """Resident memory in bytes of a process and all its descendants, 0 once it is gone."""
    try:
        parent = psutil.Process(pid)
        procs = [parent, *parent.children(recursive=True)]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


def tree_anonymous(pid):
    """The part of ``tree_rss`` that is the processes' own memory (``RssAnon`` in /proc): the rest
    is pages of files mapped in, mostly the index, which the kernel shares between processes and
    drops under pressure. 0 where /proc does not say."""
    try:
        parent = psutil.Process(pid)
        pids = [parent.pid, *(child.pid for child in parent.children(recursive=True))]
    except psutil.NoSuchProcess:
        return 0
    total = 0
    for one in pids:
        try:
            with open(f"/proc/{one}/status", encoding="ascii") as f:
                total += next((int(line.split()[1]) * 1024 for line in f if line.startswith("RssAnon:")), 0)
        except OSError:
            pass
    return total


class PeakSampler:
    """The largest ``tree_rss`` of ``pid`` seen while the block runs (every ``SAMPLE_EVERY`` s)."""

    def __init__(self, pid):
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss(self.pid))
            self._stop.wait(SAMPLE_EVERY)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def run_measured(cmd, env=None, cwd=None, timeout=None):
    """``(seconds, peak tree RSS in MB, completed stdout)`` of a command run to its end."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with PeakSampler(proc.pid) as sampler:
        out, err = proc.communicate(timeout=timeout)
    seconds = time.monotonic() - started
    if proc.returncode:
        raise RuntimeError(f"{' '.join(map(str, cmd))} failed ({proc.returncode}): {err[-2000:]}")
    return round(seconds, 2), round(sampler.peak / 2**20, 1), out


def mb(nbytes):
    return round(nbytes / 2**20, 1)
