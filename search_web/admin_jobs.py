"""What ``/admin`` asks the indexer to do. The site never writes the corpus or the index itself: it
runs the staff commands (``python -m indexer add|edit|withdraw|check|update|rollback``), so the admin
validates and writes exactly as the command line does, under the same build lock.

``Publisher`` runs one ``update`` at a time in the background and keeps its progress and report.
"""
import json
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field

PROGRESS = re.compile(r"^\[(\d+)/(\d+)\] (.*)$")
COMMAND_TIMEOUT = 600


def indexer(*args, stdin=None):
    """``(exit status, stdout, stderr)`` of ``python -m indexer ARGS``."""
    result = subprocess.run([sys.executable, "-m", "indexer", *map(str, args)], capture_output=True, text=True,
                            timeout=COMMAND_TIMEOUT, input=stdin)
    return result.returncode, result.stdout, result.stderr


def check(path, preview_chars=1500):
    """``check --json --preview`` of one file, as a dict (None if the check itself failed)."""
    _, out, _ = indexer("check", "--json", "--preview", preview_chars, path)
    try:
        return json.loads(out.splitlines()[0])
    except (IndexError, ValueError):
        return None


def error_text(stderr):
    """The message of a failed command, without click's ``Error:`` prefix."""
    return re.sub(r"^Error: ", "", stderr.strip(), flags=re.M) or "the command failed"


@dataclass
class Run:
    user: str
    started: float = field(default_factory=time.time)
    done: int = 0
    total: int = 0
    current: str = ""
    finished: float = 0.0
    status: int = None       # the update's exit status: 0 clean, 1 published with problems, 2 nothing published
    output: str = ""         # its summary (failures with their reasons, problems with their fixes)
    errors: str = ""

    @property
    def running(self):
        return self.status is None


class Publisher:
    """One background ``update`` at a time; the last run stays visible."""

    def __init__(self):
        self.last = None
        self._lock = threading.Lock()

    def start(self, user, corpus_dir, index_dir, on_end=None):
        """Start an update; False when one is already running."""
        with self._lock:
            if self.last is not None and self.last.running:
                return False
            run = self.last = Run(user)
        threading.Thread(target=self._run, args=(run, corpus_dir, index_dir, on_end), daemon=True).start()
        return True

    def _run(self, run, corpus_dir, index_dir, on_end):
        try:
            # the summary goes to a file: a pipe left unread while progress is read could fill and stall
            summary = tempfile.TemporaryFile("w+", encoding="utf-8")
            proc = subprocess.Popen([sys.executable, "-m", "indexer", "update", "--corpus", str(corpus_dir),
                                     "--index", str(index_dir)], stdout=summary, stderr=subprocess.PIPE,
                                    text=True)
            errors = []
            for line in proc.stderr:   # one line per document read: "[3/10] documents/…: fr"
                m = PROGRESS.match(line.strip())
                if m:
                    run.done, run.total, run.current = int(m.group(1)), int(m.group(2)), m.group(3)
                else:
                    errors.append(line)
            proc.wait()
            summary.seek(0)
            run.output = summary.read()
            summary.close()
            run.errors = error_text("".join(errors)) if proc.returncode else ""
            run.status = proc.returncode
        except OSError as ex:
            run.errors, run.status = f"could not start the update: {ex}", 2
        run.finished = time.time()
        if on_end:
            on_end(run)
