"""Visitors read what a notice means for them, in their language; what staff should do (run OCR, ask
the sender, build the index) stays in the CLI, the build report and /admin."""
import pytest

from conftest import start_server

STAFF_WORDS = ("ocrmypdf", "ask the sender", "python -m", "SEARCH_", "needs OCR", "encrypted", "truncated",
               "the PDF needs a password", "pages have almost no text")
PAGES = ["/doc/us-trade-secret-report", "/doc/ng-national-ai-policy-draft", "/doc/br-guia-lgpd-truncado",
         "/doc/mx-ley-propiedad-industrial", "/doc/eg-tamim-arshafat-barat-scan", "/search?q=", "/search?q=&page=2",
         "/search?q=&page=3", "/search?q=&page=4", "/search?q=&page=5", "/search?q=&page=6", "/"]


def text_of(body):
    """What the page says, without the document text itself (a policy may say "encrypted")."""
    return body.split('<div class="text"')[0]


@pytest.mark.parametrize("hl", ["en", "ar"])
@pytest.mark.parametrize("path", PAGES)
def test_public_pages_carry_no_staff_instructions(server, path, hl):
    status, _, body = server.get(path + ("&" if "?" in path else "?") + "hl=" + hl)
    assert status == 200
    said = text_of(body)
    assert not [word for word in STAFF_WORDS if word in said]


@pytest.mark.parametrize("hl, notice", [
    ("en", "The text of this document could not be read. It is listed by its description, and the original file can be downloaded."),
    ("ar", "تعذرت قراءة نص هذه الوثيقة. وهي مدرجة بوصفها، ويمكن تنزيل الملف الأصلي."),
])
def test_an_unreadable_document_says_what_it_means_for_the_reader(server, hl, notice):
    _, _, body = server.get(f"/doc/us-trade-secret-report?hl={hl}")
    assert f">{notice}</p>" in body


def test_the_page_without_an_index_asks_visitors_to_come_back_and_tells_staff_in_healthz(tmp_path):
    proc, srv = start_server(tmp_path / "empty-index")
    try:
        for hl in ("en", "ar"):
            status, headers, body = srv.get(f"/search?q=x&hl={hl}")
            assert status == 503 and headers["Retry-After"] and not [w for w in STAFF_WORDS if w in body]
        assert "المجموعة غير متاحة بعد" in body
        status, data = srv.json("/healthz")
        assert status == 503 and "python -m indexer" in data["error"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
