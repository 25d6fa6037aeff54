"""Published index snapshots in an index directory, and the pointer to the live one.

Layout of ``--index DIR``::

    DIR/snapshots/20261125T101500.123456Z/   one complete Whoosh index plus report.json
    DIR/snapshots/.building-.../      a build in progress (never read; cleaned by the next build)
    DIR/CURRENT                       the name of the live snapshot
    DIR/cache/20261125T101500.123456Z/  the site's search results for that snapshot, shared by its
                                      server processes (written by the site; removed with the snapshot)

A build writes a new snapshot beside the live one and renames it into place only when complete;
publishing rewrites CURRENT through a temporary file and ``os.replace``, which is atomic, so a reader
sees the old snapshot or the new one, never half of either. Readers that still hold an older
snapshot keep reading it: only snapshots beyond the last few are deleted.
"""
import fcntl
import json
import os
import shutil
import time
from datetime import datetime, timedelta, timezone
from contextlib import contextmanager
from pathlib import Path

from indexer.errors import BuildLocked, NoIndex

REPORT = "report.json"
FILE_STATS = "files.json"   # size, time and sha1 of each file: update trusts them instead of reading the file
NAME_FORMAT = "%Y%m%dT%H%M%S.%fZ"


def snapshots_dir(index_dir):
    return Path(index_dir) / "snapshots"


def cache_dir(index_dir, name):
    """Where the site keeps snapshot ``name``'s search results for all its processes."""
    return Path(index_dir) / "cache" / name


def clean_caches(index_dir):
    """Remove the result caches of snapshots that are no longer published (never fails: a cache
    that cannot be removed is only disk space)."""
    base = Path(index_dir) / "cache"
    try:
        names = [p.name for p in base.iterdir()]
        kept = set(published(index_dir))
    except OSError:
        return
    for name in names:
        if name not in kept:
            shutil.rmtree(base / name, ignore_errors=True)


@contextmanager
def building(index_dir, base=None):
    """A fresh directory to build the next snapshot in, starting as a copy of ``base`` (a snapshot
    path) if given. It is removed when the block fails or is interrupted, and left to ``complete``
    otherwise: the live index never sees a partial build."""
    parent = snapshots_dir(index_dir)
    parent.mkdir(parents=True, exist_ok=True)
    path = parent / f".building-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
    try:
        if base is None:
            path.mkdir()
        else:
            shutil.copytree(base, path)
        yield path
    except BaseException:
        shutil.rmtree(path, ignore_errors=True)
        raise


def new_name(index_dir):
    """A name for the next snapshot: its UTC time to the microsecond, so that names sort in build
    order even when builds follow each other within a second (a name with seconds only was reused
    once its first holder had been pruned, and then sorted as the oldest)."""
    base = snapshots_dir(index_dir)
    moment = datetime.now(timezone.utc)
    while (base / moment.strftime(NAME_FORMAT)).exists():
        moment += timedelta(microseconds=1)
    return moment.strftime(NAME_FORMAT)


def complete(building, index_dir, name):
    """Give a finished build its final name (and no results a former holder of the name left)."""
    shutil.rmtree(cache_dir(index_dir, name), ignore_errors=True)
    os.rename(building, snapshots_dir(index_dir) / name)


def published(index_dir):
    """Names of the complete snapshots, oldest first."""
    base = snapshots_dir(index_dir)
    if not base.is_dir():
        return []
    return sorted(p.name for p in base.iterdir() if not p.name.startswith(".") and (p / REPORT).is_file())


def current(index_dir):
    """The live snapshot's name, or raise NoIndex."""
    try:
        name = (Path(index_dir) / "CURRENT").read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        name = ""
    except (UnicodeDecodeError, OSError) as ex:
        raise NoIndex(f"{Path(index_dir) / 'CURRENT'} cannot be read ({ex}); `python -m indexer rollback` "
                      "publishes the newest complete snapshot again") from ex
    if not name or "/" in name or not (snapshots_dir(index_dir) / name / REPORT).is_file():
        if name and published(index_dir):
            raise NoIndex(f"{Path(index_dir) / 'CURRENT'} names {name[:80]!r}, which is not a complete snapshot; "
                          "`python -m indexer rollback` publishes the newest complete snapshot again")
        raise NoIndex(f"no index in {index_dir}: run `python -m indexer build` first")
    return name


def live_or_newest(index_dir):
    """``(name, problem)``: the live snapshot and '', or, when CURRENT is missing, damaged or names a
    snapshot that is gone, the newest complete snapshot and what is wrong with CURRENT. Raises
    NoIndex only when there is no complete snapshot at all."""
    try:
        return current(index_dir), ""
    except NoIndex as ex:
        names = published(index_dir)
        if not names:
            raise
        return names[-1], str(ex)


def current_path(index_dir):
    return snapshots_dir(index_dir) / current(index_dir)


def publish(index_dir, name):
    """Make ``name`` the live snapshot, atomically."""
    index_dir = Path(index_dir)
    tmp = index_dir / f".CURRENT.{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(name + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, index_dir / "CURRENT")


def previous(index_dir):
    """The newest complete snapshot older than the live one, or None."""
    live = current(index_dir)
    older = [name for name in published(index_dir) if name < live]
    return older[-1] if older else None


LOCK_WAIT = 10.0   # seconds to wait for the leftover processes of a killed build


def prune(index_dir, keep):
    """Delete old snapshots beyond the newest ``keep`` (never the live one) and abandoned builds."""
    base = snapshots_dir(index_dir)
    try:
        live = current(index_dir)
    except NoIndex:
        live = None
    names = published(index_dir)
    for name in names[:-keep] if keep > 0 else names:
        if name != live:
            shutil.rmtree(base / name, ignore_errors=True)
    clean_abandoned(index_dir)
    clean_caches(index_dir)


def abandoned(index_dir):
    """The ``.building-*`` directories of builds whose process is gone (killed, or the machine stopped)."""
    base = snapshots_dir(index_dir)
    if not base.is_dir():
        return []
    found = []
    for path in sorted(base.glob(".building-*")):
        pid = path.name.rsplit("-", 1)[-1]
        if not (pid.isdigit() and _alive(int(pid))):
            found.append(path)
    return found


def clean_abandoned(index_dir):
    for path in abandoned(index_dir):
        shutil.rmtree(path, ignore_errors=True)


def lock_state(index_dir):
    """'' when no build holds the lock; else who holds it, or that a killed build left it behind."""
    path = Path(index_dir) / ".lock"
    if not path.is_file():
        return ""
    with open(path, "a+") as f:
        f.seek(0)
        holder = f.read().strip()
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = holder.rsplit(" ", 1)[-1]
            if pid.isdigit() and not _alive(int(pid)):
                return (f"held by the leftover processes of a killed build ({holder}); they are waited for "
                        f"{LOCK_WAIT:.0f} s by the next build")
            return f"held by a running build ({holder or 'another process'})"
        fcntl.flock(f, fcntl.LOCK_UN)
    if holder:
        return f"stale: {holder} was killed mid-build; the next build or update takes the lock over"
    return ""


def _alive(pid):
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_report(snapshot_path):
    with open(Path(snapshot_path) / REPORT, encoding="utf-8") as f:
        return json.load(f)


def write_report(snapshot_path, report):
    _write_json(Path(snapshot_path) / REPORT, report, indent=1)


def read_file_stats(snapshot_path):
    """``{id: [size, mtime_ns, sha1]}`` of the files a snapshot was made from; empty if it has none."""
    try:
        with open(Path(snapshot_path) / FILE_STATS, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError):
        return {}


def write_file_stats(snapshot_path, stats):
    _write_json(Path(snapshot_path) / FILE_STATS, stats)


def _write_json(path, data, indent=None):
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, indent=indent)
    os.replace(tmp, path)


def _acquire(f, index_dir):
    """Take the lock on ``f``. A build that was killed leaves its reading processes behind for a
    moment, and they still hold the lock they inherited: when the recorded holder is dead, wait for
    them to go (LOCK_WAIT seconds) rather than refuse."""
    deadline = time.monotonic() + LOCK_WAIT
    while True:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            f.seek(0)
            holder = f.read().strip() or "another process"
            pid = holder.rsplit(" ", 1)[-1]
            if pid.isdigit() and not _alive(int(pid)) and time.monotonic() < deadline:
                time.sleep(0.1)
                continue
            raise BuildLocked(f"another build or update is running on {index_dir} ({holder}); "
                              "wait for it to finish") from None


@contextmanager
def locked(index_dir):
    """Hold the index directory's build lock; raise BuildLocked if another process has it."""
    index_dir = Path(index_dir)
    index_dir.mkdir(parents=True, exist_ok=True)
    with open(index_dir / ".lock", "a+") as f:
        _acquire(f, index_dir)
        clean_abandoned(index_dir)   # what a killed build left: ours now that we hold the lock
        f.seek(0)
        f.truncate()
        f.write(f"pid {os.getpid()}")
        f.flush()
        try:
            yield
        finally:
            f.seek(0)
            f.truncate()
            fcntl.flock(f, fcntl.LOCK_UN)
