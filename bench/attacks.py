"""The attacks of issue 9, measured against a checkout: what each one costs or yields.

    python bench/attacks.py [--root DIR] [--index DIR]

``--root`` is the checkout to attack (default: this one), so the same script gives the "before" (an
older checkout) and the "after" figures. It builds the sample corpus into a fresh index unless
``--index`` names one, serves it, and prints one line per attack: what came back, how long it took,
how large it was, and the peak memory of the reading processes where files are read.
"""
import argparse
import http.client
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE / "tests"))
import hostile  # noqa: E402


def run(root, *args, env=None, timeout=900):
    started = time.monotonic()
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    result = subprocess.run([sys.executable, *args], cwd=root, capture_output=True, text=True, timeout=timeout,
                            env={**os.environ, **(env or {})})
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    # ru_maxrss of the children only grows: report it when this run raised it
    return result, time.monotonic() - started, (peak // 1024 if peak > before else None)


def check(root, path, env=None):
    result, seconds, peak = run(root, "-m", "indexer", "check", "--json", str(path), env=env)
    try:
        reading = json.loads(result.stdout.splitlines()[0])
        said = f"{reading['status']} ({reading['format']}) {(reading['error'] or '; '.join(reading['notes']))[:70]}"
    except (IndexError, ValueError):
        said = "no answer: " + result.stderr.strip()[-80:]
    return f"{said} | {seconds:.1f} s" + (f", peak {peak} MB" if peak else "")


def get(port, path, headers=None, method="GET"):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    started = time.monotonic()
    conn.putrequest(method, path, skip_host=True)
    for name, value in {"Host": f"127.0.0.1:{port}".encode(), **(headers or {})}.items():
        conn.putheader(name, value)
    conn.endheaders()
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, dict(response.getheaders()), body, time.monotonic() - started


def serve(root, index, env=None):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "search_web", "--port", str(port), "--index", str(index)],
                            cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, **(env or {})})
    for _ in range(300):
        try:
            get(port, "/healthz")
            return proc, port
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not start")


def stop(proc):
    proc.terminate()
    proc.wait(timeout=10)


def small_corpus(work, name, manifest_rows="", files=()):
    corpus = work / name
    (corpus / "documents").mkdir(parents=True)
    shutil.copy(HERE / "corpus" / "topics.csv", corpus)
    text = "Personal data may only be processed for a stated purpose under the data protection act. " * 3
    (corpus / "documents" / "ok.txt").write_text(text, encoding="utf-8")
    for file_name, data in files:
        with open(os.path.join(os.fsencode(corpus / "documents"), file_name), "wb") as f:
            f.write(data)
    (corpus / "manifest.csv").write_text("id,file,title,country,topics,date,language,source_url\n"
                                         "ok,documents/ok.txt,Fine,FR,,2024,,\n" + manifest_rows, encoding="utf-8")
    return corpus


def build_line(root, corpus, index):
    result, seconds, _ = run(root, "-m", "indexer", "build", "--corpus", str(corpus), "--index", str(index))
    first = (result.stdout.splitlines() or [result.stderr.strip()[-100:]])[0]
    return f"exit {result.returncode}: {first[:90]}"


def web_attacks(root, index, out):
    proc, port = serve(root, index)
    try:
        def line(name, path, **kw):
            status, headers, body, seconds = get(port, path, **kw)
            out(name, f"{status}, {len(body):,} bytes, {seconds:.1f} s")
            return status, headers, body

        line("3,000 country values (page)", "/search?" + "&".join(f"country=X{i}" for i in range(3000)))
        line("3,000 country values (API)", "/api/v1/search?" + "&".join(f"country=X{i}" for i in range(3000)))
        line("1,000-character Thai query", "/api/v1/search?q=" + quote("ก" * 1000))
        line("110 × [a TO z]", "/api/v1/search?q=" + quote(" ".join(["[a TO z]"] * 110)))
        line("250 × *e*", "/api/v1/search?q=" + quote(" ".join(["*e*"] * 250)))
        status, _, _, _ = get(port, "/search?q=data", headers={"Accept-Language": b"\xff\xfe"})
        out("Accept-Language: \\xff\\xfe", str(status))
        _, headers, _, _ = get(port, "/nowhere")
        out("X-Frame-Options on a 404", headers.get("X-Frame-Options", "absent"))
        _, _, body, _ = get(port, "/opensearch.xml", headers={"Host": b"evil.example"})
        out("Host: evil.example in /opensearch.xml", "present" if b"evil.example" in body else "absent")
        status, headers, _, _ = get(port, "/api/v1/search", method="OPTIONS")
        out("OPTIONS /api/v1/search", f"{status} {headers.get('Content-Type', '')}".strip())
        status, headers, _, _ = get(port, "/api/v1/search", method="POST")
        out("POST /api/v1/search", f"{status} {headers.get('Content-Type', '')}")
        slow = []
        for _ in range(150):
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")
            slow.append(s)
        try:
            status, _, _, seconds = get(port, "/search?q=data")
            out("a search beside 150 slow clients", f"{status} in {seconds:.1f} s")
        except OSError as ex:
            out("a search beside 150 slow clients", f"{type(ex).__name__}")
        finally:
            for s in slow:
                s.close()
    finally:
        stop(proc)


def hostile_site(root, work, out):
    """Metadata and originals that attack the pages: a control character, an impossible date, a .js file."""
    corpus = small_corpus(work, "site", "ctl,documents/ctl.txt,\"Title \x01 control\",FR,,2023-02-31,,\n"
                                        "js,documents/x.js,Script,FR,,2024,,\n"
                                        "long,documents/long.txt,Long,FR,,2024,,\n",
                          files=[(b"ctl.txt", b"Data protection act of the authority on personal data."),
                                 (b"x.js", b"/* data protection */ alert(document.domain);"),
                                 (b"long.txt", ("Personal data may only be processed for a stated purpose. "
                                                * 20 + "\n\n").encode() * 4000)])
    index = work / "site-index"
    out("manifest with 2023-02-31 and \\x01", build_line(root, corpus, index))
    proc, port = serve(root, index)
    try:
        from lxml import etree
        for path in ("/feed", "/feed?q=%EF%BF%BF"):
            _, _, body, _ = get(port, path)
            try:
                etree.fromstring(body)
                out(f"{path} well-formed", "yes" + ("; holds 2023-02-31" if b"2023-02-31" in body else ""))
            except etree.XMLSyntaxError as ex:
                out(f"{path} well-formed", f"no ({str(ex)[:50]})")
        _, headers, _, _ = get(port, "/doc/js/file")
        out("/doc/<js>/file type", headers.get("Content-Type", ""))
        status, _, body, seconds = get(port, "/doc/long?q=data")
        out("/doc/<4.7M chars>?q=data", f"{status}, {len(body):,} bytes, {seconds:.1f} s")
    finally:
        stop(proc)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", default=str(HERE), help="the checkout to attack")
    parser.add_argument("--index", help="an index of the sample corpus built by that checkout (else one is built)")
    args = parser.parse_args()
    root = Path(args.root).resolve()

    def out(name, said):
        print(f"{name:42} | {said}", flush=True)

    with tempfile.TemporaryDirectory(prefix="attacks-") as tmp:
        work = Path(tmp)
        files = work / "files"
        files.mkdir()
        for name, make in (("resources-loop.pdf", hostile.resources_loop_pdf),
                           ("contents-loop.pdf", hostile.contents_loop_pdf),
                           ("many-pages.pdf", hostile.many_pages_pdf),
                           ("flate-bomb-1g.pdf", lambda: hostile.flate_bomb_pdf(1024)),
                           ("docx-bomb-100m.docx", lambda: hostile.docx_bomb(100)),
                           ("unclosed-tags.html", hostile.unclosed_tags_html)):
            (files / name).write_bytes(make())
        out("resources loop (30 forms drawing 2 each)", check(root, files / "resources-loop.pdf", {"SEARCH_DOC_TIMEOUT": "30"}))
        out("self-referencing /Contents", check(root, files / "contents-loop.pdf"))
        out("20,000 pages, 10 s limit", check(root, files / "many-pages.pdf", {"SEARCH_DOC_TIMEOUT": "10"}))
        out("PDF with a 1 GiB Flate stream", check(root, files / "flate-bomb-1g.pdf"))
        out(".docx unpacking to 100 MB", check(root, files / "docx-bomb-100m.docx"))
        out("100,000 unclosed <b>, 30 s limit", check(root, files / "unclosed-tags.html", {"SEARCH_DOC_TIMEOUT": "30"}))

        secret = work / "secret.txt"
        secret.write_text("root:x:0:0 the secret of the data protection register", encoding="utf-8")
        corpus = small_corpus(work, "links")
        os.symlink(secret, corpus / "documents" / "notes.txt")
        index = work / "links-index"
        build_line(root, corpus, index)
        _, _, _ = run(root, "-m", "indexer", "status", "--index", str(index))
        report = next((index / "snapshots").glob("2*/report.json"), None)
        leaked = report is not None and '"notes-txt"' in report.read_text(encoding="utf-8")
        out("symlink to a file outside the corpus", "indexed" if leaked else "refused")
        corpus = small_corpus(work, "names", files=[(b"bad\xffname.txt", b"Data protection act text.")])
        out("file name bad\\xffname.txt", build_line(root, corpus, work / "names-index"))
        corpus = small_corpus(work, "cell", "big,documents/ok.txt,\"" + "T" * 140_000 + "\",DE,,,,\n")
        out("manifest title of 140,000 characters", build_line(root, corpus, work / "cell-index"))
        hostile_site(root, work, out)

        index = Path(args.index) if args.index else work / "sample-index"
        if not args.index:
            run(root, "-m", "indexer", "build", "--corpus", str(HERE / "corpus"), "--index", str(index))
        web_attacks(root, index, out)

        # kill -9 mid-build, then update at once
        proc = subprocess.Popen([sys.executable, "-m", "indexer", "build", "--corpus", str(HERE / "corpus"), "--index",
                                 str(index)], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        proc.stderr.readline()
        proc.kill()
        proc.wait()
        result, seconds, _ = run(root, "-m", "indexer", "update", "--corpus", str(HERE / "corpus"), "--index", str(index))
        out("update right after kill -9 on a build", f"exit {result.returncode} after {seconds:.0f} s "
            + (result.stderr.strip().splitlines() or [""])[-1][:60])
        subprocess.run(["pkill", "-KILL", "-P", str(proc.pid)], check=False)   # orphans of the old code

        proc, port = serve(root, index)
        try:
            (index / "CURRENT").write_bytes(b"\xff\xfe\n")
            answers = []
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline:
                answers.append(get(port, "/search?q=data")[0])
            out("CURRENT damaged, 3 s of searches", ", ".join(f"{a}×{answers.count(a)}" for a in sorted(set(answers))))
        finally:
            stop(proc)
        result, _, _ = run(root, "-m", "indexer", "status", "--index", str(index))
        out("status with CURRENT damaged", f"exit {result.returncode}"
            + (" traceback" if "Traceback" in result.stderr else "") + f": {(result.stdout or result.stderr)[:60]!r}")


if __name__ == "__main__":
    main()
