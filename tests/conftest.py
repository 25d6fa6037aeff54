"""Shared fixtures: the real sample corpus, a real index built from it, a real server on 127.0.0.1."""
import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def manifest():
    with open(CORPUS / "manifest.csv", encoding="utf-8") as f:
        return {row["id"]: row for row in csv.DictReader(f)}


def corpus_file(doc_id):
    """The path of a sample document by its manifest id."""
    return CORPUS / manifest()[doc_id]["file"]


@pytest.fixture(scope="session", autouse=True)
def sample_dictionaries(tmp_path_factory):
    """Builds in the tests translate with small dictionaries the tests write, not with the machine's
    FreeDict packages: the same results everywhere, and no minute of parsing them on a fresh machine."""
    import dictd
    folder = dictd.write_sample(tmp_path_factory.mktemp("dictd"))
    os.environ["SEARCH_DICTIONARIES"] = str(folder)
    os.environ["SEARCH_DICTIONARY_CACHE"] = "none"
    return folder


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory):
    """The sample corpus built into a fresh index directory, with the project's own CLI."""
    index_dir = tmp_path_factory.mktemp("index")
    run_cli("build", "--corpus", str(CORPUS), "--index", str(index_dir))
    return index_dir


@pytest.fixture(scope="session")
def sample_report(sample_index):
    from indexer import snapshots
    return snapshots.read_report(snapshots.current_path(sample_index))


def run_cli(*args, check=True, env=None):
    """``python -m indexer ARGS`` in a subprocess, as staff run it."""
    result = subprocess.run([sys.executable, "-m", "indexer", *args], cwd=ROOT, capture_output=True, text=True,
                            timeout=600, env={**os.environ, **(env or {})})
    if check and result.returncode != 0:
        raise AssertionError(f"indexer {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, base):
        self.base = base

    def get(self, path):
        """``(status, headers, body text)``; HTTP errors are answers, not exceptions."""
        try:
            with urllib.request.urlopen(self.base + path, timeout=30) as r:
                return r.status, r.headers, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read().decode("utf-8", "replace")

    def json(self, path):
        status, _, body = self.get(path)
        return status, json.loads(body)


def start_server(index_dir, *extra, env=None):
    """A server on a free port; ``env`` adds environment variables (settings such as SEARCH_PUBLIC_URL)."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "search_web", "--host", "127.0.0.1", "--port", str(port),
                             "--index", str(index_dir), *extra], cwd=ROOT, env={**os.environ, **(env or {})},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    server = Server(f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if server.get("/healthz")[0] in (200, 503):
                return proc, server
        except OSError:
            pass
        if proc.poll() is not None:
            raise AssertionError("server exited: " + proc.stderr.read().decode())
        time.sleep(0.1)
    proc.kill()
    raise AssertionError("server did not answer within 30 s")


def one_document_site(tmp_path):
    """``(corpus, index)``: a corpus of one French text, built; for tests that publish a change."""
    from indexer import build
    corpus = tmp_path / "corpus"
    (corpus / "documents").mkdir(parents=True)
    shutil.copy(CORPUS / "topics.csv", corpus)
    shutil.copy(FIXTURES / "rgpd-latin1.txt", corpus / "documents" / "rgpd.txt")
    index = tmp_path / "index"
    build.build(corpus, index, publish_unlisted=True)
    return corpus, index


def publish_and_wait(server, corpus, index, timeout=10):
    """Add a second document, publish it with ``update``, and wait until the server serves it."""
    from indexer import build
    shutil.copy(FIXTURES / "consultation-fr.html", corpus / "documents" / "avis.html")
    second = build.update(corpus, index, publish_unlisted=True)["snapshot"]
    deadline = time.monotonic() + timeout
    while server.json("/healthz")[1]["snapshot"] != second and time.monotonic() < deadline:
        time.sleep(0.2)
    return second


@pytest.fixture(scope="session")
def server(sample_index):
    proc, srv = start_server(sample_index)
    yield srv
    proc.terminate()
    proc.wait(timeout=10)


def small_corpus(root, files, rows):
    """A corpus under ``root``: ``files`` (``{name: text}``) in ``documents/``, the sample topics and
    a manifest of ``rows`` (its lines after the header)."""
    corpus = root / "corpus"
    (corpus / "documents").mkdir(parents=True)
    shutil.copy(CORPUS / "topics.csv", corpus)
    for name, text in files.items():
        (corpus / "documents" / name).write_text(text, encoding="utf-8")
    (corpus / "manifest.csv").write_text("id,file,title,country,topics,date,language,source_url\n" + "".join(rows),
                                         encoding="utf-8")
    return corpus


@pytest.fixture(scope="module")
def chrome():
    """A headless Chromium for one test module (tests/browser.py)."""
    import browser
    driver = browser.start()
    yield driver
    driver.quit()
