"""The deployed setup: with SEARCH_ORIGINALS_VIA the site names an original file and the web server in
front (deploy/nginx.conf, real nginx where installed) sends it, with the site's headers for it."""
import shutil
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

import pytest

import http_bench
from conftest import ROOT, Server, corpus_file, free_port, start_server

PDF = "eu-ai-regulation-2024"


@pytest.fixture(scope="module")
def named_by_the_site(sample_index):
    proc, server = start_server(sample_index, env={"SEARCH_ORIGINALS_VIA": "/originals/"})
    yield server
    proc.terminate()
    proc.wait(10)


def test_the_site_names_the_file_and_sends_no_bytes(named_by_the_site):
    status, headers, body = named_by_the_site.get(f"/doc/{PDF}/file")
    assert status == 200 and body == ""
    assert headers["X-Accel-Redirect"] == "/originals/documents/eu/ai-regulation-2024.pdf"
    assert headers["Content-Type"] == "application/pdf" and headers["Content-Disposition"].startswith("inline")
    assert named_by_the_site.get("/doc/no-such-document/file")[0] == 404


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed (apt-get install nginx)")
def test_nginx_sends_the_original_with_the_sandbox_and_keeps_its_location_internal(named_by_the_site):
    workdir = Path(tempfile.mkdtemp(prefix="test-nginx-"))
    port = free_port()
    conf = http_bench.nginx_config(workdir, port, int(named_by_the_site.base.rsplit(":", 1)[1]))
    nginx = subprocess.Popen(["nginx", "-p", str(workdir), "-e", str(workdir / "error.log"), "-c", str(conf)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        front = Server(f"http://127.0.0.1:{port}")
        for _ in range(100):
            try:
                front.get("/healthz")
                break
            except OSError:
                time.sleep(0.1)
        with urllib.request.urlopen(front.base + f"/doc/{PDF}/file", timeout=30) as r:
            assert r.read() == corpus_file(PDF).read_bytes()
            assert r.headers["Content-Type"] == "application/pdf"
            assert "sandbox" in r.headers["Content-Security-Policy"] and r.headers["X-Content-Type-Options"] == "nosniff"
        assert front.get("/originals/manifest.csv")[0] == 404     # only the site can send a visitor there
        assert front.get("/static/style.css")[0] == 200            # static files never reach Python
    finally:
        nginx.terminate()
        nginx.wait(10)
        shutil.rmtree(workdir, ignore_errors=True)
