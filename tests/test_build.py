"""Builds, updates, rollback and what the manifest check reports, on small corpora made per test."""
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import pytest
from whoosh import index as whoosh_index

from conftest import CORPUS, FIXTURES, ROOT, corpus_file, run_cli
from indexer import build, snapshots
from indexer.errors import BuildLocked

HEADER = "id,file,title,country,topics,date,language,source_url\n"


def make_corpus(root, rows, files):
    """A corpus in ``root``: ``files`` maps a path under documents/ to a source file."""
    for rel, src in files.items():
        dest = root / "documents" / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, dest)
    (root / "manifest.csv").write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    shutil.copy(CORPUS / "topics.csv", root / "topics.csv")
    return root


@pytest.fixture
def small(tmp_path):
    corpus = make_corpus(tmp_path / "corpus", [
        "fr-rgpd,documents/fr/rgpd.txt,Guide RGPD,FR,data-protection,2019-05,,",
        "pl-ai,documents/pl/ai.pdf,,PL,ai-strategy,2020,,",
    ], {"fr/rgpd.txt": FIXTURES / "rgpd-latin1.txt", "pl/ai.pdf": corpus_file("pl-polityka-ai")})
    return corpus, tmp_path / "index"


def stored_ids(index_dir):
    ix = whoosh_index.open_dir(str(snapshots.current_path(index_dir)))
    with ix.searcher() as s:
        return sorted(d["id"] for d in s.all_stored_fields())


def test_manifest_problems_are_reported_with_line_numbers_and_the_rest_is_indexed(tmp_path):
    corpus = make_corpus(tmp_path / "c", [
        "ok-doc,documents/a.txt,A,FR,data-protection,2019,,",          # line 2
        "ok-doc,documents/a.txt,Again,FR,,2019,,",                     # line 3: duplicate id
        "gone,documents/missing.pdf,Gone,FR,,,,",                      # line 4: missing file
        "bad-codes,documents/b.txt,B,XX,no-such-topic;copyright,2019-13,zz,",  # line 5
        "Bad Id,documents/b.txt,C,FR,,,,",                             # line 6
        "escape,../outside.txt,D,FR,,,,",                              # line 7
    ], {"a.txt": FIXTURES / "rgpd-latin1.txt", "b.txt": FIXTURES / "rgpd-latin1.txt",
        "sub/unlisted.html": FIXTURES / "consultation-fr.html"})
    report = build.build(corpus, tmp_path / "index")
    problems = "\n".join(report["problems"])
    assert "line 3: duplicate id 'ok-doc'" in problems
    assert "line 4: file 'documents/missing.pdf' does not exist" in problems
    assert "line 5: unknown country code 'XX'" in problems
    assert "line 5: unknown topic 'no-such-topic'" in problems
    assert "line 5: date '2019-13'" in problems
    assert "line 5: unknown language code 'zz'" in problems
    assert "line 6: id 'Bad Id' is not a slug" in problems
    assert "line 7: file '../outside.txt' is not a path inside the corpus" in problems
    assert "documents/sub/unlisted.html: no manifest row; not published" in problems
    assert "publish it as 'sub-unlisted-html' with --publish-unlisted" in problems
    assert stored_ids(tmp_path / "index") == ["bad-codes", "ok-doc"]
    bad = next(d for d in report["documents"] if d["id"] == "bad-codes")
    assert bad["status"] == "ok"


def test_update_reads_only_what_changed(small):
    corpus, index = small
    first = build.build(corpus, index)
    assert first["counts"]["ok"] == 2
    assert build.update(corpus, index)["kind"] == "up to date"
    assert snapshots.published(index) == [first["snapshot"]]

    (corpus / "documents/fr/rgpd.txt").write_text("Les données ouvertes et la réutilisation des informations "
                                                  "publiques sont au cœur de la stratégie.", encoding="utf-8")
    shutil.copy(FIXTURES / "consultation-fr.html", corpus / "documents/fr/avis.html")
    report = build.update(corpus, index, publish_unlisted=True)
    assert report["changes"] == {"added": ["fr-avis-html"], "changed": ["fr-rgpd"], "deleted": [], "unchanged": 1}

    (corpus / "documents/fr/avis.html").unlink()
    manifest = (corpus / "manifest.csv").read_text(encoding="utf-8")
    (corpus / "manifest.csv").write_text(manifest.replace("Guide RGPD", "Guide du RGPD"), encoding="utf-8")
    report = build.update(corpus, index)
    assert report["changes"]["deleted"] == ["fr-avis-html"] and report["changes"]["changed"] == ["fr-rgpd"]
    assert stored_ids(index) == ["fr-rgpd", "pl-ai"]


def test_update_trusts_size_and_time_and_reads_a_file_whose_time_changed(small):
    corpus, index = small
    build.build(corpus, index)
    rgpd = corpus / "documents/fr/rgpd.txt"
    stats = snapshots.read_file_stats(snapshots.current_path(index))
    assert stats["fr-rgpd"][:2] == [rgpd.stat().st_size, rgpd.stat().st_mtime_ns]
    # The same bytes, touched: the file is hashed again and found unchanged.
    os.utime(rgpd, ns=(rgpd.stat().st_atime_ns, rgpd.stat().st_mtime_ns + 10**9))
    assert build.update(corpus, index)["kind"] == "up to date"
    # Other bytes of the same length, as an editor saves them: a new time, so it is read again.
    text = rgpd.read_bytes()
    rgpd.write_bytes(text[::-1])
    assert rgpd.stat().st_size == len(text)
    assert build.update(corpus, index)["changes"]["changed"] == ["fr-rgpd"]


def test_rollback_publishes_the_previous_snapshot(small):
    corpus, index = small
    first = build.build(corpus, index)["snapshot"]
    (corpus / "documents/pl/ai.pdf").unlink()
    second = build.update(corpus, index)["snapshot"]
    assert snapshots.current(index) == second and stored_ids(index) == ["fr-rgpd"]
    result = run_cli("rollback", "--index", str(index))
    assert f"published {first} again" in result.stdout
    assert stored_ids(index) == ["fr-rgpd", "pl-ai"]
    again = run_cli("rollback", "--index", str(index), check=False)
    assert again.returncode == 1 and "no snapshot older" in again.stderr


def test_a_build_killed_midway_leaves_the_live_index_serving(small, tmp_path):
    corpus, index = small
    live = build.build(corpus, index)["snapshot"]
    slow = corpus / "documents" / "slow.txt"
    slow.write_text("\n\n".join(["Une phrase de texte en français sur la recherche publique."] * 80_000), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "indexer", "build", "--corpus", str(corpus), "--index", str(index)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    deadline = time.monotonic() + 60
    while not list((index / "snapshots").glob(".building-*")) and time.monotonic() < deadline:
        assert proc.poll() is None, f"the build ended by itself with exit code {proc.returncode}"
        time.sleep(0.05)
    assert list((index / "snapshots").glob(".building-*")), "the build never started writing"
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    assert snapshots.current(index) == live
    assert stored_ids(index) == ["fr-rgpd", "pl-ai"]
    slow.unlink()
    report = build.build(corpus, index)  # the next build cleans the abandoned one up
    assert not list((index / "snapshots").glob(".building-*")), list((index / "snapshots").iterdir())
    assert report["counts"]["ok"] == 2, report["documents"]


def test_two_builds_at_once_are_refused(small):
    corpus, index = small
    with snapshots.locked(index):
        with pytest.raises(BuildLocked):
            build.build(corpus, index)
        result = run_cli("build", "--corpus", str(corpus), "--index", str(index), check=False)
        assert result.returncode == 2 and "another build" in result.stderr


def test_old_snapshots_are_pruned(small, monkeypatch):
    corpus, index = small
    monkeypatch.setenv("SEARCH_KEEP_SNAPSHOTS", "2")
    names = [build.build(corpus, index)["snapshot"] for _ in range(4)]
    assert snapshots.published(index) == names[-2:]


def test_status_reports_the_live_snapshot(small):
    corpus, index = small
    missing = run_cli("status", "--index", str(index), check=False)
    assert missing.returncode == 1 and "python -m indexer build" in missing.stderr
    build.build(corpus, index)
    out = run_cli("status", "--index", str(index)).stdout
    assert "live snapshot:" in out and "2 ok" in out and "fr, pl" in out
    report = json.loads(run_cli("status", "--json", "--index", str(index)).stdout)
    assert {d["id"] for d in report["documents"]} == {"fr-rgpd", "pl-ai"}



def test_a_manifest_that_is_not_utf8_is_a_clear_error(small):
    corpus, index = small
    (corpus / "manifest.csv").write_bytes(HEADER.encode() + "fr-rgpd,documents/fr/rgpd.txt,Données,FR,,,,\n".encode("cp1252"))
    result = run_cli("build", "--corpus", str(corpus), "--index", str(index), check=False)
    assert result.returncode == 2 and "not UTF-8" in result.stderr and "Traceback" not in result.stderr


def test_a_document_without_topics_is_tagged_from_the_glossary(tmp_path):
    corpus = make_corpus(tmp_path / "c", [
        "us-patents,documents/us.pdf,,US,,2024,,",          # no topics: tagged from its text
        "pl-ai,documents/pl.pdf,,PL,ai-strategy,2020,,",   # the manifest's topics stand
    ], {"us.pdf": corpus_file("us-ai-inventorship-guidance"), "pl.pdf": corpus_file("pl-polityka-ai")})
    shutil.copy(CORPUS / "glossary.csv", corpus / "glossary.csv")
    report = build.build(corpus, tmp_path / "index")
    docs = {d["id"]: d for d in report["documents"]}
    assert "patents" in docs["us-patents"]["topics"] and docs["us-patents"]["topics_automatic"]
    assert docs["pl-ai"]["topics"] == ["ai-strategy"] and not docs["pl-ai"]["topics_automatic"]
    assert (snapshots.current_path(tmp_path / "index") / "glossary.csv").is_file()


def test_a_changed_glossary_retags_on_update_and_a_broken_one_is_reported(tmp_path):
    corpus = make_corpus(tmp_path / "c", ["us-patents,documents/us.pdf,,US,,2024,,"],
                         {"us.pdf": corpus_file("us-ai-inventorship-guidance")})
    glossary = corpus / "glossary.csv"
    glossary.write_text("concept,topics,en\ninventor,patents,inventor | inventorship\n", encoding="utf-8")
    assert build.build(corpus, tmp_path / "index")["documents"][0]["topics"] == ["patents"]
    glossary.write_text("concept,topics,en\ninventor,trademarks,inventor | inventorship\n", encoding="utf-8")
    report = build.update(corpus, tmp_path / "index")
    assert report["changes"]["changed"] == ["us-patents"]
    assert report["documents"][0]["topics"] == ["trademarks"]
    glossary.write_bytes(b"concept,topics,en\n,patents,patent\n")
    report = build.update(corpus, tmp_path / "index")
    assert any("glossary not used" in p and "line 2" in p for p in report["problems"]), report["problems"]
