"""The site over HTTP on 127.0.0.1: latency per query, requests/s at 1, 8 and 32 clients, server memory.

Every load is bounded: each client count runs for ``seconds`` (20 at most) and then stops by itself;
the server is started here and stopped here, and listens on 127.0.0.1 only.
"""
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

from procs import mb, tree_anonymous, tree_rss
from queries import to_params
from stats import summary

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
MAX_SECONDS = 20
CLIENTS = (1, 8, 32)


def free_port():
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


class Server:
    """The site as ``make run`` starts it (waitress), or as deployed: ``kind="gunicorn"`` (see
    deploy/gunicorn.conf.py), ``kind="nginx"`` (gunicorn behind deploy/nginx.conf)."""

    def __init__(self, index_dir, kind="waitress"):
        self.port, self.kind, self.backend, self.workdir = free_port(), kind, None, None
        # Every server measured starts cold: the results an earlier one left in the shared cache
        # would answer this one's "first time" searches.
        shutil.rmtree(Path(index_dir) / "cache", ignore_errors=True)
        python = sys.executable
        if kind == "waitress":
            cmd = [python, "-m", "search_web", "--host", HOST, "--port", str(self.port), "--index", str(index_dir)]
        elif kind == "gunicorn":
            factory = f"search_web.app:create_app({{'search.index': {str(Path(index_dir).resolve())!r}}})"
            cmd = [str(Path(python).parent / "gunicorn"), "--config", str(ROOT / "deploy/gunicorn.conf.py"),
                   "--bind", f"{HOST}:{self.port}", factory]
        else:
            self.backend = Server(index_dir, "gunicorn")
            self.workdir = Path(tempfile.mkdtemp(prefix="bench-nginx-"))
            cmd = ["nginx", "-p", str(self.workdir), "-e", str(self.workdir / "error.log"),
                   "-c", str(nginx_config(self.workdir, self.port, self.backend.port))]
        self.proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if self.get("/healthz")[0] == 200:
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"the {kind} server did not answer /healthz within 60 s")

    def get(self, path, conn=None):
        own = conn is None
        conn = conn or http.client.HTTPConnection(HOST, self.port, timeout=30)
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            if own:
                conn.close()

    def rss_mb(self):
        return mb(tree_rss(self.proc.pid)) + (self.backend.rss_mb() if self.backend else 0)

    def anonymous_mb(self):
        return mb(tree_anonymous(self.proc.pid)) + (self.backend.anonymous_mb() if self.backend else 0)

    def snapshot(self):
        return json.loads(self.get("/healthz")[1])["snapshot"]

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self.backend:
            self.backend.stop()
            shutil.rmtree(self.workdir, ignore_errors=True)


def nginx_available():
    return shutil.which("nginx") is not None


def nginx_config(workdir, port, backend_port):
    """deploy/nginx.conf as it is, listening on ``port`` of 127.0.0.1 in front of ``backend_port``,
    inside a main configuration that keeps every file nginx writes in ``workdir``."""
    site = (ROOT / "deploy/nginx.conf").read_text(encoding="utf-8")
    site = (site.replace("server 127.0.0.1:8000;", f"server {HOST}:{backend_port};")
            .replace("listen 80;", f"listen {HOST}:{port};")
            .replace("/srv/clearinghouse/", f"{ROOT}/"))
    temps = "\n".join(f"    {name}_temp_path {workdir}/{name};" for name in
                      ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    workdir.chmod(0o755)   # nginx's workers (nobody, when started as root) write their buffers under it
    path = workdir / "nginx.conf"
    # Started as root, nginx's workers run as nobody, who may not read a checkout in a private
    # directory (a CI clone in /tmp): here they stay the user who started it.
    user = "user root;\n" if os.geteuid() == 0 else ""
    path.write_text(f"daemon off;\n{user}worker_processes 1;\npid {workdir}/nginx.pid;\nerror_log {workdir}/error.log;\n"
                    f"events {{ worker_connections 512; }}\nhttp {{\n    access_log off;\n{temps}\n"
                    f"    include /etc/nginx/mime.types;\n{site}\n}}\n", encoding="utf-8")
    return path


def path_for(item):
    return "/api/v1/search?" + urlencode(to_params(item))


def latencies(server, items):
    """One request per query, in order, on one connection: ms per request, and how many failed."""
    conn = http.client.HTTPConnection(HOST, server.port, timeout=30)
    times, errors = {}, 0
    for item in items:
        started = time.perf_counter()
        status, _ = server.get(path_for(item), conn)
        ms = (time.perf_counter() - started) * 1000
        errors += status != 200
        times.setdefault(item["kind"], []).append(ms)
        times.setdefault("all", []).append(ms)
    conn.close()
    return {k: summary(v) for k, v in times.items()}, errors


def variants(items, hl):
    """Each query on pages 1-3 in three sorts, in interface language ``hl``: so many distinct requests
    that a load of 20 s rarely asks one twice, and none that an earlier run asked (a new ``hl`` per
    run), so the result cache does not answer for the search."""
    return [path_for(item) + "&" + urlencode({"page": page, "sort": sort, "hl": hl})
            for page in (1, 2, 3) for sort in ("relevance", "newest", "oldest") for item in items]


def load(server, items, clients, seconds=MAX_SECONDS, hl="fr"):
    """``clients`` threads sending distinct requests (``variants``) for ``seconds``: req/s, latency, errors."""
    seconds = min(seconds, MAX_SECONDS)
    stop_at = time.monotonic() + seconds
    paths = variants(items, hl)
    times, errors, lock = [], [0], threading.Lock()

    def client(n):
        conn = http.client.HTTPConnection(HOST, server.port, timeout=30)
        mine, bad, i = [], 0, n * len(paths) // clients
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                status, _ = server.get(paths[i % len(paths)], conn)
                bad += status != 200
            except OSError:
                bad += 1
                conn.close()
                conn = http.client.HTTPConnection(HOST, server.port, timeout=30)
            mine.append((time.perf_counter() - started) * 1000)
            i += 1
        conn.close()
        with lock:
            times.extend(mine)
            errors[0] += bad

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    return {"clients": clients, "seconds": round(elapsed, 1), "requests": len(times),
            "req_per_s": round(len(times) / elapsed, 1), "errors": errors[0], "latency_ms": summary(times)}


def wait_for_snapshot(server, old, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.snapshot() != old:
            return True
        time.sleep(0.2)
    return False
