"""``make fuzz``: Hypothesis against every route of a real server and against ``check`` on mutated
sample files and the hostile files of ``tests/hostile.py``. Bounded (under two minutes on 2 cores).

Reports 5xx answers, tracebacks, ill-formed feeds and JSON, and the largest memory any reading process
reached against its ceiling; exits 1 when any of them is not clean.

    python bench/fuzz.py [--requests 3000] [--files 120] [--seed 1]
"""
import argparse
import http.client
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

from hypothesis import HealthCheck, given, settings, strategies as st
from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import hostile  # noqa: E402  (the generator lives with the tests)

CEILING_MB = 1024
# /feed thrice: a feed must stay well-formed whatever the query
ROUTES = ("/", "/search", "/api/v1/search", "/feed", "/feed", "/feed", "/opensearch.xml", "/healthz", "/doc/{id}", "/api/v1/doc/{id}",
          "/doc/{id}/file", "/static/{id}", "/api/v1/{id}", "/{id}",
          # issue 13: citations, search exports, the embed list, the sitemap
          "/doc/{id}.ris", "/doc/{id}.bib", "/doc/{id}.json", "/export.csv", "/export.ris", "/export.bib",
          "/export.json", "/embed", "/sitemap.xml")
PARAMS = ("q", "country", "language", "topic", "year", "sort", "page", "hl", "xl", "part", "page_size", "type", "region", "from", "to")
METHODS = ("GET", "GET", "GET", "HEAD", "OPTIONS", "POST", "PUT", "DELETE")


def build_index(workdir):
    index = workdir / "index"
    subprocess.run([sys.executable, "-m", "indexer", "build", "--corpus", str(ROOT / "corpus"), "--index", str(index)],
                   cwd=ROOT, check=True, capture_output=True)
    return index


def start_server(index, log):
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "search_web", "--port", str(port), "--index", str(index)],
                            cwd=ROOT, stdout=log, stderr=log)
    for _ in range(300):
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/healthz")
            if conn.getresponse().status == 200:
                return proc, port
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start; see the log")


def sample_ids():
    import csv
    with open(ROOT / "corpus" / "manifest.csv", encoding="utf-8") as f:
        return [row["id"] for row in csv.DictReader(f)]


def requests_strategy(ids):
    text = st.one_of(st.text(max_size=60), st.sampled_from(["data", "données", "人工智能", "*e*", "[a TO z]", "\x01",
                                                           "\uffff", "<script>", "a AND (b OR", "ก" * 300]))
    value = st.one_of(text, st.sampled_from(["FR", "fr", "copyright", "2020", "newest", "0", "-1", "99999999"]))
    params = st.lists(st.tuples(st.sampled_from(PARAMS), value), max_size=12)
    doc_id = st.one_of(st.sampled_from(ids), st.text(max_size=30))
    header = st.one_of(st.none(), st.binary(max_size=40), st.sampled_from([b"\xff\xfe", b"ar,fr;q=0.5", b"evil.example"]))
    return st.tuples(st.sampled_from(METHODS), st.sampled_from(ROUTES), doc_id, params, header, header)


def send(port, method, route, doc_id, params, language, host):
    path = route.replace("{id}", quote(doc_id.encode("utf-8", "surrogatepass"), safe=""))
    query = urlencode([(k, v.encode("utf-8", "surrogatepass")) for k, v in params])
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.putrequest(method, path + ("?" + query if query else ""), skip_host=True, skip_accept_encoding=True)
    conn.putheader("Host", host if host is not None else f"127.0.0.1:{port}".encode())
    if language is not None:
        conn.putheader("Accept-Language", language)
    conn.endheaders()
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, response.getheader("Content-Type") or "", body, path


def fuzz_routes(port, ids, count, seed, tally):
    @settings(max_examples=count, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(requests_strategy(ids))
    def one(req):
        method, route, doc_id, params, language, host = req
        # header values with CR/LF are refused by http.client before they are sent: not a request
        if any(b"\r" in h or b"\n" in h for h in (language, host) if h):
            return
        status, ctype, body, path = send(port, method, route, doc_id, params, language, host)
        tally["requests"] += 1
        where = f"{method} {path} {params!r}"[:200]
        if status >= 500:
            tally["5xx"].append(f"{status} {where}")
        if b"Traceback" in body:
            tally["tracebacks"].append(where)
        if method == "GET" and status == 200 and path == "/feed":
            tally["feeds"] += 1
            try:
                etree.fromstring(body)
            except etree.XMLSyntaxError as ex:
                tally["bad_feeds"].append(f"{where}: {ex}")
        if method == "GET" and "json" in ctype:
            try:
                json.loads(body)
            except ValueError as ex:
                tally["bad_json"].append(f"{where}: {ex}")

    one()


def mutate(data, rng):
    data = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        kind = rng.choice(("flip", "cut", "insert", "repeat"))
        if not data:
            break
        at = rng.randrange(len(data))
        if kind == "flip":
            for i in range(rng.randint(1, 64)):
                if at + i < len(data):
                    data[at + i] = rng.randrange(256)
        elif kind == "cut":
            del data[at:at + rng.randint(1, max(1, len(data) // 4))]
        elif kind == "insert":
            data[at:at] = rng.choice((b"\x00" * 512, b"<b>" * 2000, b"/X1 Do " * 200, b"\xff\xfe", b"endobj\n"))
        else:
            piece = bytes(data[at:at + 4096])
            data[at:at] = piece * rng.randint(2, 50)
    return bytes(data)


def fuzz_check(workdir, files, seed, tally):
    rng = random.Random(seed)
    sources = sorted(p for p in (ROOT / "corpus" / "documents").rglob("*") if p.is_file() and p.stat().st_size)
    target = workdir / "mutated"
    target.mkdir()
    for i in range(files):
        source = rng.choice(sources)
        (target / f"{i:03d}-{source.name}").write_bytes(mutate(source.read_bytes(), rng))
    for name, make in (("resources-loop.pdf", hostile.resources_loop_pdf), ("contents-loop.pdf", hostile.contents_loop_pdf),
                       ("flate-bomb.pdf", lambda: hostile.flate_bomb_pdf(600)),
                       ("docx-bomb.docx", lambda: hostile.docx_bomb(100))):
        (target / f"hostile-{name}").write_bytes(make())
    env = {**os.environ, "SEARCH_WORKER_MEMORY_MB": str(CEILING_MB), "SEARCH_DOC_TIMEOUT": "20",
           "SEARCH_MAX_STREAM_MB": "100000"}   # the stream cap off: the ceiling alone holds the bombs
    result = subprocess.run([sys.executable, "-m", "indexer", "check", "--json", str(target)], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=900)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    tally["peak_worker_mb"] = round(peak_mb)
    if peak_mb > CEILING_MB:
        tally["over_ceiling"].append(f"{peak_mb:.0f} MB")
    if "Traceback" in result.stderr:
        tally["tracebacks"].append("check: " + result.stderr[-500:])
    if result.returncode not in (0, 1):
        tally["tracebacks"].append(f"check exited {result.returncode}")
    for line in result.stdout.splitlines():
        reading = json.loads(line)
        tally["files"] += 1
        tally["statuses"][reading["status"]] = tally["statuses"].get(reading["status"], 0) + 1
        if not reading["format"]:
            tally["no_format"].append(reading["path"])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=3000, help="Hypothesis examples against the routes")
    parser.add_argument("--files", type=int, default=120, help="mutated sample files given to check")
    parser.add_argument("--seed", type=int, default=1, help="seed of the file mutations")
    args = parser.parse_args()
    tally = {"requests": 0, "feeds": 0, "files": 0, "statuses": {}, "peak_worker_mb": 0, "5xx": [], "tracebacks": [],
             "bad_feeds": [], "bad_json": [], "over_ceiling": [], "no_format": []}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
        workdir = Path(tmp)
        # check first: the peak memory of finished children then measures its reading processes alone,
        # not the index build (the dictionary lookup) or the server that come after
        fuzz_check(workdir, args.files, args.seed, tally)
        index = build_index(workdir)
        log = open(workdir / "server.log", "w+b")
        proc, port = start_server(index, log)
        try:
            fuzz_routes(port, sample_ids(), args.requests, args.seed, tally)
        finally:
            proc.terminate()
            proc.wait(timeout=10)
        log.seek(0)
        server_log = log.read().decode("utf-8", "replace")
        if "Traceback" in server_log:
            tally["tracebacks"].append("server log: " + server_log[server_log.index("Traceback"):][:800])
    problems = {k: v for k, v in tally.items() if isinstance(v, list)}
    print(f"fuzz: {tally['requests']} requests ({tally['feeds']} feeds), {tally['files']} files checked "
          f"{tally['statuses']} in {time.monotonic() - started:.0f} s")
    for name, found in problems.items():
        print(f"  {name:13} {len(found)}" + "".join(f"\n    {item}" for item in found[:5]))
    print(f"  peak reading process {tally['peak_worker_mb']} MB (ceiling {CEILING_MB} MB)")
    sys.exit(1 if any(problems.values()) else 0)


if __name__ == "__main__":
    main()
