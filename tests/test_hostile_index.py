"""A careless operator (issue 9): a build killed with -9, a damaged CURRENT, a deleted live snapshot."""
import os
import shutil
import signal
import subprocess
import sys
import time

import hostile
from conftest import CORPUS, ROOT, run_cli, start_server
from indexer import snapshots


def test_a_build_killed_with_sigkill_leaves_no_lock_behind(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "documents").mkdir(parents=True)
    shutil.copy(CORPUS / "topics.csv", corpus)
    for name in ("a.txt", "b.txt"):
        (corpus / "documents" / name).write_text(TEXT, encoding="utf-8")
    (corpus / "documents" / "slow.pdf").write_bytes(hostile.many_pages_pdf(pages=3000))
    index = tmp_path / "index"
    # killed while a worker is still reading the slow file
    proc = subprocess.Popen([sys.executable, "-m", "indexer", "build", "--publish-unlisted", "--corpus", str(corpus),
                             "--index", str(index)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env={**os.environ, "SEARCH_WORKERS": "2", "SEARCH_DOC_TIMEOUT": "120"})
    line = proc.stderr.readline()
    assert line.startswith(b"[1/"), line
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=10)
    status = run_cli("status", "--index", str(index), check=False)
    assert "warning: build lock" in status.stderr and "unfinished build(s)" in status.stderr
    # at once, not after minutes: the workers died with their parent and hold no lock
    result = run_cli("update", "--publish-unlisted", "--corpus", str(corpus), "--index", str(index), check=False,
                     env={"SEARCH_DOC_TIMEOUT": "2"})
    assert result.returncode == 1, result.stderr  # published; the files have no manifest rows (problems)
    assert not list((index / "snapshots").glob(".building-*"))
    assert "warning" not in run_cli("status", "--index", str(index)).stderr


TEXT = "Personal data may only be processed for a stated purpose under the data protection act."


def two_snapshots(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "documents").mkdir(parents=True)
    shutil.copy(CORPUS / "topics.csv", corpus)
    (corpus / "documents" / "a.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "manifest.csv").write_text("id,file,title,country,topics,date,language,source_url\n"
                                         "a,documents/a.txt,A,FR,,2024,,\n", encoding="utf-8")
    index = tmp_path / "index"
    run_cli("build", "--corpus", str(corpus), "--index", str(index))
    (corpus / "documents" / "b.txt").write_text(TEXT + " A second document.", encoding="utf-8")
    with open(corpus / "manifest.csv", "a", encoding="utf-8") as f:
        f.write("b,documents/b.txt,B,FR,,2024,,\n")
    run_cli("build", "--corpus", str(corpus), "--index", str(index))
    names = snapshots.published(index)
    assert len(names) == 2
    return index, names


def test_a_damaged_current_keeps_the_site_serving_and_status_and_rollback_find_the_snapshots(tmp_path):
    index, (older, newest) = two_snapshots(tmp_path)
    proc, srv = start_server(index)
    try:
        assert srv.get("/search?q=data")[0] == 200
        (index / "CURRENT").write_bytes(b"\xff\xfe garbage\n")
        answers = []
        deadline = time.monotonic() + 2.5   # the site looks at CURRENT once a second
        while time.monotonic() < deadline:
            answers.append(srv.get("/search?q=data")[0])
            answers.append(srv.get("/healthz")[0])
            time.sleep(0.05)
        assert set(answers) == {200}, answers
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    status = run_cli("status", "--index", str(index), check=False)
    assert status.returncode == 0 and "Traceback" not in status.stderr
    assert f"live snapshot: {newest}" in status.stdout and "CURRENT" in status.stderr
    rollback = run_cli("rollback", "--index", str(index), check=False)
    assert rollback.returncode == 0 and newest in rollback.stdout
    assert snapshots.current(index) == newest


def test_a_deleted_live_snapshot_is_replaced_by_the_newest_complete_one(tmp_path):
    index, (older, newest) = two_snapshots(tmp_path)
    proc, srv = start_server(index)
    try:
        shutil.rmtree(index / "snapshots" / newest)
        time.sleep(1.2)
        answers = [srv.get("/search?q=data")[0] for _ in range(5)]
        status, data = srv.json("/healthz")
        assert set(answers) == {200} and status == 200 and data["snapshot"] == older
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    status = run_cli("status", "--index", str(index), check=False)
    assert status.returncode == 0 and f"live snapshot: {older}" in status.stdout
