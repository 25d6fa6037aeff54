"""OCR with Debian's Tesseract: scanned PDFs and images become searchable text, flagged as recognised;
documents with almost no text are called what they are. Scans here are one page each, and the OCR
cache (by file hash) makes every reading after the first one cheap."""
import json
import urllib.parse

import pytest

from conftest import corpus_file, run_cli
from docmaker import pdf_of_pages, scan_as_images
from indexer.reader import read
from search_web import search
from search_web.snapshot import SnapshotHandle


SCAN = "in-trade-marks-circular-scan"
BODY = ["The Ministry of Digital Affairs publishes this notice on the register of algorithms used by public bodies."] * 30


def test_a_scanned_pdf_is_recognised_and_says_so():
    reading = read(corpus_file(SCAN), "en", "IN")
    assert reading.status == "ok" and reading.language == "en" and reading.ocr
    assert "examination of trade mark applications" in reading.text
    assert 50 < reading.ocr_confidence <= 100
    assert reading.page_info == [{"page": 1, "chars": reading.chars, "ocr": True,
                                  "confidence": reading.ocr_confidence, "cached": reading.page_info[0]["cached"]}]


def test_images_are_a_format_png_jpeg_and_multipage_tiff(tmp_path):
    png, jpeg, tiff = scan_as_images(corpus_file(SCAN), tmp_path)
    for path, pages in ((png, 1), (jpeg, 1), (tiff, 2)):
        reading = read(path, "", "IN")
        assert (reading.format, reading.status, reading.pages, reading.ocr) == ("image", "ok", pages, True), path
        assert reading.text.count("Public Notice No") == pages


def test_ocr_results_are_cached_by_file_hash_so_no_page_is_read_twice(tmp_path):
    cache = tmp_path / "ocr-cache"
    env = {"SEARCH_OCR_CACHE": str(cache)}
    first, second = (json.loads(run_cli("check", "--json", str(corpus_file(SCAN)), env=env).stdout) for _ in "12")
    assert [p["cached"] for p in first["page_info"]] == [False]
    assert [p["cached"] for p in second["page_info"]] == [True]
    assert second["chars"] == first["chars"] and list(cache.rglob("*.json"))


def test_ocr_off_or_missing_tesseract_leaves_needs_ocr_with_what_to_do():
    off = json.loads(run_cli("check", "--json", "--ocr", "off", str(corpus_file(SCAN))).stdout)
    assert off["status"] == "needs_ocr" and off["ocr"] is False and "--ocr auto" in off["error"]
    missing = json.loads(run_cli("check", "--json", str(corpus_file(SCAN)), env={"PATH": "/nonexistent"}).stdout)
    assert missing["status"] == "needs_ocr" and "apt-get install tesseract-ocr" in missing["error"]


def test_a_document_of_footers_only_is_needs_ocr_with_its_numbers(tmp_path):
    footers = pdf_of_pages(tmp_path / "footers.pdf", [[f"Ministry of Digital Affairs - page {i}"] for i in range(1, 5)])
    reading = read(footers)
    assert reading.status == "needs_ocr" and "4 of 4 page(s) have almost no text" in reading.error
    assert [p["chars"] for p in reading.page_info] == [36] * 4


def test_a_document_mostly_without_text_is_ok_but_partial(tmp_path):
    pages = [BODY, BODY] + [[f"Ministry of Digital Affairs - page {i}"] for i in range(3, 6)]
    reading = read(pdf_of_pages(tmp_path / "thin.pdf", pages))
    assert reading.status == "ok" and reading.partial and "3 of 5 pages have almost no text" in reading.notes
    assert [p["ocr"] for p in reading.page_info] == [False] * 5


@pytest.mark.parametrize("q, doc_id", [
    ("cadastrales", "fr-arrete-archives-cadastrales-scan"),
    ("геодезических", "ru-prikaz-geodezicheskie-materialy-scan"),
    ("测绘", "cn-cehui-shuju-tongzhi-scan"),
    ("أرشفة", "eg-tamim-arshafat-barat-scan"),
    ("examination", "in-trade-marks-circular-scan"),
])
def test_a_distinctive_word_of_each_sample_scan_finds_it(sample_index, q, doc_id):
    live = SnapshotHandle(str(sample_index)).get()
    result = search.run(live, search.SearchRequest(q=q, filters={}))
    assert doc_id in [r["id"] for r in result["results"]][:3]
    doc = search.document(live, doc_id)
    assert doc["status"] == "ok" and doc["ocr"] and doc["ocr_confidence"] > 50


def test_the_document_page_and_the_api_say_the_text_was_recognised(server):
    status, _, body = server.get("/doc/ru-prikaz-geodezicheskie-materialy-scan?hl=ru")
    assert status == 200 and "Текст распознан со скана и может содержать ошибки." in body
    status, _, body = server.get("/doc/fr-strategie-nationale-ia?hl=fr")
    assert status == 200 and "numérisé" not in body
    status, data = server.json("/api/v1/doc/eg-tamim-arshafat-barat-scan")
    assert data["ocr"] is True and data["ocr_confidence"] > 50 and data["language"] == "ar"
    status, data = server.json("/api/v1/search?q=" + urllib.parse.quote("геодезических"))
    assert [r["ocr"] for r in data["results"] if r["id"] == "ru-prikaz-geodezicheskie-materialy-scan"] == [True]


def test_a_text_pdf_with_a_short_last_page_keeps_its_text_layer():
    # Page 20 holds the end of a table (few letters): OCR reads it again and adds only the page number.
    reading = read(corpus_file("mx-ley-propiedad-industrial"), "", "MX")
    assert reading.status == "ok" and not reading.ocr and reading.page_info[-1]["chars"] < 100


def test_build_summary_and_status_list_scans_and_partial_documents_and_update_never_ocrs_twice(tmp_path):
    from test_build import make_corpus
    thin = pdf_of_pages(tmp_path / "thin.pdf", [BODY, BODY] + [[f"Ministry of Digital Affairs - page {i}"]
                                                              for i in range(3, 6)])
    corpus = make_corpus(tmp_path / "corpus", [
        "ru-scan,documents/ru/scan.pdf,,RU,open-data,2023,,",
        "gb-thin,documents/gb/thin.pdf,Register notice,GB,open-data,2024,,",
    ], {"ru/scan.pdf": corpus_file("ru-prikaz-geodezicheskie-materialy-scan"), "gb/thin.pdf": thin})
    env = {"SEARCH_OCR_CACHE": str(tmp_path / "ocr-cache")}
    index = str(tmp_path / "index")
    out = run_cli("build", "--corpus", str(corpus), "--index", index, env=env).stdout
    assert "2 ok" in out and "  ocr       documents/ru/scan.pdf: text recognised from a scan" in out
    assert "  partial   documents/gb/thin.pdf: 3 of 5 pages have almost no text" in out
    (corpus / "manifest.csv").write_text((corpus / "manifest.csv").read_text().replace(",2023,", ",2023-09,"))
    run_cli("update", "--corpus", str(corpus), "--index", index, env=env)
    report = json.loads(run_cli("status", "--json", "--index", index).stdout)
    scan = next(d for d in report["documents"] if d["id"] == "ru-scan")
    assert scan["ocr"] and scan["language"] == "ru" and [p["cached"] for p in scan["page_info"]] == [True]
    assert "ocr       documents/ru/scan.pdf" in run_cli("status", "--index", index).stdout


def test_the_ocr_time_of_a_document_is_limited_and_the_rest_is_noted(tmp_path):
    env = {"SEARCH_OCR_CACHE": str(tmp_path / "empty-cache"), "SEARCH_OCR_DOC_TIMEOUT": "0"}
    row = json.loads(run_cli("check", "--json", str(corpus_file(SCAN)), env=env).stdout)
    assert row["status"] == "needs_ocr" and row["ocr"] is False and "SEARCH_OCR_DOC_TIMEOUT" in row["error"]
    assert "OCR stopped after 0 s (SEARCH_OCR_DOC_TIMEOUT): 1 page(s) not recognised" in row["notes"][0]


def test_without_a_manifest_the_script_on_the_page_picks_the_ocr_languages():
    # `check` on a loose file knows no language or country: Tesseract's script detection decides.
    row = json.loads(run_cli("check", "--json", str(corpus_file("eg-tamim-arshafat-barat-scan"))).stdout)
    assert row["status"] == "ok" and row["ocr"] and row["language"] == "ar"
    assert read(corpus_file("eg-tamim-arshafat-barat-scan")).text.startswith("تعميم بشأن أرشفة")


def test_a_scan_attached_to_an_email_is_recognised():
    """A consultation answer that is a scanned letter attached to a two-line mail: the letter's words
    are found, and the note says how they were read."""
    from email.message import EmailMessage
    import tempfile
    from pathlib import Path
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "a@example.org", "b@example.org", "Our submission"
    message.set_content("Please find our signed letter attached.")
    message.add_attachment(corpus_file(SCAN).read_bytes(), maintype="application", subtype="pdf",
                           filename="letter.pdf")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mail.eml"
        path.write_bytes(bytes(message))
        reading = read(path)
    assert reading.status == "ok" and "examination of trade mark applications" in reading.text
    assert "attachment letter.pdf: read as pdf, its scanned pages recognised by OCR" in reading.notes
