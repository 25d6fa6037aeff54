"""Files the sample corpus does not have: odd formats, wrong names, cut and pathological files."""
import shutil

from conftest import FIXTURES, corpus_file, run_cli
from indexer.extract import pick
from indexer.extract.html import HtmlExtractor
from indexer.reader import read


def test_html_keeps_the_visible_text_only():
    reading = read(FIXTURES / "consultation-fr.html")
    assert reading.status == "ok" and reading.language == "fr"
    assert reading.title == "Avis de consultation & calendrier"
    assert "Le ministère ouvre une consultation publique sur les données ouvertes." in reading.text
    assert "Ouverture" in reading.text and "1er mars" in reading.text
    assert "Texte en gras et <balise> échappée." in reading.text
    for hidden in ("script text", "color: red", "Menu caché", "cookies", "Mentions légales"):
        assert hidden not in reading.text


def test_undeclared_latin1_text_is_detected():
    reading = read(FIXTURES / "rgpd-latin1.txt")
    assert reading.status == "ok" and reading.language == "fr"
    assert "Le règlement général sur la protection des données" in reading.text


def test_old_word_files_are_reported_with_what_to_do():
    reading = read(FIXTURES / "memo.doc")
    assert reading.status == "failed" and reading.format == "doc"
    assert ".docx" in reading.error


def test_cut_docx_is_failed_not_a_crash():
    reading = read(FIXTURES / "cut.docx")
    assert reading.status == "failed" and reading.format == "docx"
    assert "broken Word file" in reading.error


def test_binary_noise_is_unsupported():
    reading = read(FIXTURES / "noise.bin")
    assert reading.status == "failed" and "unsupported format" in reading.error


def test_missing_file_is_failed():
    reading = read(FIXTURES / "no-such-file.pdf")
    assert reading.status == "failed" and "cannot open" in reading.error


def test_format_is_decided_by_content_not_name(tmp_path):
    pdf_as_doc = tmp_path / "strategy.doc"
    shutil.copy(corpus_file("pl-polityka-ai"), pdf_as_doc)
    assert pick(pdf_as_doc).FORMAT == "pdf"
    assert read(pdf_as_doc).status == "ok"
    html_as_txt = tmp_path / "page.txt"
    shutil.copy(FIXTURES / "consultation-fr.html", html_as_txt)
    assert pick(html_as_txt) is HtmlExtractor


def test_a_file_that_takes_too_long_is_stopped_and_the_rest_goes_on(tmp_path):
    slow = tmp_path / "endless.txt"
    paragraph = "La stratégie nationale pour les données ouvertes et la recherche publique. " * 3
    slow.write_text("\n\n".join([paragraph] * 60_000), encoding="utf-8")
    fine = FIXTURES / "rgpd-latin1.txt"
    result = run_cli("check", str(slow), str(fine), check=False, env={"SEARCH_DOC_TIMEOUT": "1"})
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("failed") and "timed out" in lines[1]
    assert lines[2].startswith("ok")
    assert "Traceback" not in result.stderr


def test_text_over_the_limit_is_cut_and_flagged(tmp_path, monkeypatch):
    monkeypatch.setenv("SEARCH_MAX_CHARS", "300")
    reading = read(FIXTURES / "rgpd-latin1.txt")
    assert reading.status == "ok" and reading.chars == 300
    assert any("cut at" in note for note in reading.notes)


def test_file_over_the_size_limit_is_not_read(monkeypatch):
    monkeypatch.setenv("SEARCH_MAX_FILE_MB", "0")
    reading = read(FIXTURES / "rgpd-latin1.txt")
    assert reading.status == "failed" and "too large" in reading.error


def test_word_file_that_unpacks_too_large_is_not_read(monkeypatch):
    monkeypatch.setenv("SEARCH_MAX_UNPACKED_MB", "0")
    reading = read(corpus_file("fr-strategie-nationale-ia"))
    assert reading.status == "failed" and "unpacks to" in reading.error


def test_a_utf16_web_page_without_byte_order_mark_or_extension_is_read_as_html(tmp_path):
    """Some office suites save pages as UTF-16 with no mark; without a .html name the markup is only
    visible after the NULs are read as UTF-16, and the script must not end up in the text."""
    page = ('<!DOCTYPE html><html lang="fr"><head><title>Loi sur les données</title></head><body>'
            '<p>Protection des données personnelles.</p><script>var tracker = 1;</script></body></html>')
    for codec in ("utf-16-le", "utf-16-be"):
        path = tmp_path / f"page-{codec}"
        path.write_bytes(page.encode(codec))
        extractor = pick(path)
        assert extractor.FORMAT == "html", codec
        extracted = extractor().extract(path)
        assert extracted.title == "Loi sur les données" and extracted.declared_language == "fr"
        assert "Protection des données" in extracted.pages[0] and "tracker" not in extracted.pages[0]
