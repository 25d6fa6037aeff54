"""Hostile files and manifests (issue 9): the build reports them and goes on; nothing leaves the corpus.

The files come from ``tests/hostile.py``, made small here; ``make fuzz`` and the issue's table use
the sizes of the attacks.
"""
import json
import os
import shutil


import hostile
from conftest import CORPUS, run_cli
from indexer import snapshots

TEXT = ("Data protection rules for public bodies: personal data may only be processed for a stated purpose, "
        "and every processing is recorded in a register kept by the national authority.")
HEADER = "id,file,title,country,topics,date,language,source_url\n"


def make_corpus(tmp_path, rows=""):
    corpus = tmp_path / "corpus"
    (corpus / "documents").mkdir(parents=True)
    shutil.copy(CORPUS / "topics.csv", corpus)
    (corpus / "documents" / "ok.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "manifest.csv").write_text(HEADER + "ok,documents/ok.txt,A fine document,FR,,2024,,\n" + rows,
                                         encoding="utf-8")
    return corpus


def build(corpus, index, env=None):
    result = run_cli("build", "--corpus", str(corpus), "--index", str(index), check=False, env=env)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def documents(index):
    return {d["id"]: d for d in snapshots.read_report(snapshots.current_path(index))["documents"]}


def check(path, **env):
    result = run_cli("check", "--json", str(path), check=False, env={k.upper(): str(v) for k, v in env.items()})
    assert "Traceback" not in result.stderr, result.stderr
    return json.loads(result.stdout.splitlines()[0])


def test_a_symlink_out_of_the_corpus_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0 the password of the data protection register", encoding="utf-8")
    corpus = make_corpus(tmp_path, "listed,documents/listed.txt,Listed link,FR,,,,\n")
    os.symlink(secret, corpus / "documents" / "notes.txt")
    os.symlink(secret, corpus / "documents" / "listed.txt")
    result = build(corpus, tmp_path / "index")
    assert result.returncode == 1  # published, with the problems listed
    docs = documents(tmp_path / "index")
    assert set(docs) == {"ok"}
    assert "documents/notes.txt: a link to a file outside the corpus" in result.stdout
    assert "line 3" in result.stdout


def test_file_names_that_are_not_utf8_or_hold_controls_are_reported_escaped(tmp_path):
    corpus = make_corpus(tmp_path)
    documents_dir = os.fsencode(corpus / "documents")
    for name in (b"bad\xffname.txt", b"new\nforged line.txt", "evil\u202etxt.exe".encode()):
        with open(os.path.join(documents_dir, name), "w", encoding="utf-8") as f:
            f.write(TEXT)
    result = build(corpus, tmp_path / "index")
    assert result.returncode == 1 and set(documents(tmp_path / "index")) == {"ok"}
    out = result.stdout + result.stderr
    assert "bad\\xffname.txt" in out and "new\\nforged line.txt" in out and "evil\\u202etxt.exe" in out
    assert not any(line.startswith("forged line") for line in out.splitlines())
    assert "\u202e" not in out
    checked = run_cli("check", str(corpus / "documents"), check=False).stdout
    assert "new\\nforged line.txt" in checked and "\u202e" not in checked


def test_an_oversized_manifest_cell_is_cut_and_reported_with_its_line(tmp_path):
    corpus = make_corpus(tmp_path, "big,documents/big.txt,\"" + "T" * 140_000 + "\",DE,,2024,,\n")
    (corpus / "documents" / "big.txt").write_text(TEXT, encoding="utf-8")
    result = build(corpus, tmp_path / "index")
    assert result.returncode == 1
    assert "manifest.csv line 3: title is 140,000 characters long" in result.stdout
    docs = documents(tmp_path / "index")
    assert set(docs) == {"ok", "big"} and len(docs["big"]["title"]) <= 2000


def test_an_impossible_date_is_reported_and_dropped(tmp_path):
    corpus = make_corpus(tmp_path, "feb,documents/feb.txt,February,DE,,2023-02-31,,\n")
    (corpus / "documents" / "feb.txt").write_text(TEXT, encoding="utf-8")
    result = build(corpus, tmp_path / "index")
    assert "line 3: date '2023-02-31' is not a real" in result.stdout and "feb" in documents(tmp_path / "index")


def test_a_word_file_too_big_to_parse_is_too_large_when_unpacked(tmp_path):
    path = tmp_path / "bomb.docx"
    path.write_bytes(hostile.docx_bomb(unpacked_mb=30))
    reading = check(path, search_worker_memory_mb=500)
    assert reading["status"] == "failed" and reading["error"].startswith("too large when unpacked"), reading
    assert reading["format"] == "docx"


def test_a_worker_stops_at_its_memory_ceiling(tmp_path):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(hostile.flate_bomb_pdf(unpacked_mb=700))
    # the stream cap out of the way: the ceiling alone must stop it
    reading = check(path, search_worker_memory_mb=400, search_max_stream_mb=100_000)
    assert reading["status"] == "failed" and reading["error"].startswith("too large when unpacked"), reading
    assert "memory ceiling" in reading["error"] and reading["format"] == "pdf"


def test_a_pdf_stream_that_inflates_past_the_cap_is_refused(tmp_path):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(hostile.flate_bomb_pdf(unpacked_mb=150))
    reading = check(path, search_max_stream_mb=100)
    assert reading["status"] == "failed" and reading["error"].startswith("too large when unpacked"), reading


def test_forms_drawing_forms_are_bounded(tmp_path):
    path = tmp_path / "loop.pdf"
    path.write_bytes(hostile.resources_loop_pdf())
    reading = check(path, search_doc_timeout=30)
    assert reading["status"] == "ok" and "Personal data protection" in reading["title"], reading
    assert any("nested drawings not followed" in n for n in reading["notes"])


def test_a_self_referencing_contents_is_broken_not_a_scan(tmp_path):
    path = tmp_path / "contents.pdf"
    path.write_bytes(hostile.contents_loop_pdf())
    reading = check(path)
    assert reading["status"] == "failed" and "broken PDF" in reading["error"], reading


def test_pages_read_before_the_time_limit_are_kept(tmp_path):
    path = tmp_path / "pages.pdf"
    path.write_bytes(hostile.many_pages_pdf(pages=4000))
    reading = check(path, search_doc_timeout=3)
    assert reading["format"] == "pdf"
    assert reading["status"] == "ok" and 0 < reading["pages"] < 4000, reading
    assert reading["notes"][0].startswith(f"text of pages 1–{reading['pages']} only")


def test_unclosed_tags_are_read_in_time(tmp_path):
    path = tmp_path / "tags.html"
    path.write_bytes(hostile.unclosed_tags_html())
    reading = check(path, search_doc_timeout=5)
    assert reading["status"] == "ok" and reading["format"] == "html", reading
