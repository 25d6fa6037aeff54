"""Text that ordinary documents hold in less common places: figures, implicitly closed elements, ruby,
text boxes, notes, headers, and text encodings without a byte-order mark."""
import pytest

from conftest import corpus_file
from docmaker import docx_from_xml, pdf_pages_as_figures, w_p
from indexer.reader import read


@pytest.mark.parametrize("doc_id", ["eu-ai-regulation-2024", "cn-ai-development-plan", "sa-data-ai-strategy"])
def test_pdf_text_inside_figures_is_read_in_each_reading_order(tmp_path, doc_id):
    # English and Chinese go through pdfminer's text boxes, Arabic through our own line layout.
    figures = pdf_pages_as_figures(corpus_file(doc_id), tmp_path / "figures.pdf")
    original, wrapped = read(corpus_file(doc_id)), read(figures)
    assert wrapped.status == "ok", wrapped.error
    assert wrapped.text == original.text and wrapped.language == original.language


def test_html_paragraph_closed_by_the_next_one_is_not_lost(tmp_path):
    page = tmp_path / "decret.html"
    page.write_text('<!DOCTYPE html><html lang="fr"><head><title>Décret</title></head><body>'
                    '<p class="cookie-notice">Ce site utilise des cookies.'
                    '<p>Article premier. Le présent décret fixe les règles de publication des données.'
                    '<header>En-tête du portail</header><p>Article 2. Il entre en vigueur le 1er juin.',
                    encoding="utf-8")
    reading = read(page)
    assert reading.status == "ok" and reading.language == "fr"
    assert reading.text == ("Article premier. Le présent décret fixe les règles de publication des données.\n\n"
                            "Article 2. Il entre en vigueur le 1er juin.")


def test_docx_ruby_keeps_the_base_text_not_the_reading(tmp_path):
    ruby = ("<w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>{reading}</w:t></w:r></w:rt>"
            "<w:rubyBase><w:r><w:t>{base}</w:t></w:r></w:rubyBase></w:ruby></w:r>")
    body = ("<w:p>" + ruby.format(reading="じんこう", base="人工") + ruby.format(reading="ちのう", base="知能")
            + "<w:r><w:t>の利用に関する指針を定める。事業者は学習データの出所を記録しなければならない。</w:t></w:r></w:p>")
    reading = read(docx_from_xml(tmp_path / "ruby.docx", body))
    assert reading.status == "ok" and reading.language == "ja"
    assert reading.text == "人工知能の利用に関する指針を定める。事業者は学習データの出所を記録しなければならない。"


def test_docx_text_boxes_notes_headers_and_tables_are_read_once(tmp_path):
    box = ("<w:p><w:r><w:t>Chapter one sets out the duties of providers.</w:t></w:r><w:r><mc:AlternateContent>"
           "<mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent>" + w_p("Box: providers keep a register.")
           + "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>"
           + w_p("Box: providers keep a register.") + "</w:txbxContent></v:textbox></w:pict></mc:Fallback>"
           "</mc:AlternateContent></w:r></w:p>")
    table = ("<w:tbl><w:tr><w:tc>" + w_p("Duty") + "</w:tc><w:tc>" + w_p("Deadline") + "</w:tc></w:tr>"
             "<w:tr><w:tc>" + w_p("Register") + "</w:tc><w:tc>" + w_p("30 days") + "</w:tc></w:tr></w:tbl>")
    note = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            '<w:footnote w:id="1">' + w_p("See the register regulation of 2023.") + "</w:footnote>")
    path = docx_from_xml(tmp_path / "boxes.docx", box + table,
                         header1=w_p("Ministry of Digital Affairs"), footer1=w_p("Official use"),
                         footnotes=note, endnotes='<w:endnote w:id="1">' + w_p("Endnote on scope.") + "</w:endnote>")
    reading = read(path)
    assert reading.status == "ok", reading.error
    # Running heads and notes come after the body, each once, in the order the package lists them.
    assert reading.text.split("\n\n") == [
        "Chapter one sets out the duties of providers.", "Box: providers keep a register.",
        "Duty | Deadline\nRegister | 30 days", "Ministry of Digital Affairs", "Official use",
        "See the register regulation of 2023.", "Endnote on scope."]


RUSSIAN = ("Закон о персональных данных\n\nСтатья 1. Оператор обязан обеспечить конфиденциальность "
           "персональных данных и не раскрывать их третьим лицам без согласия субъекта.\n")
CHINESE = ("人工智能发展规划\n\n第一章 总则。为推动新一代人工智能健康发展，保障数据安全，制定本规划。"
           "各部门应当按照职责分工做好相关工作。\n")


@pytest.mark.parametrize("codec, text, language", [
    ("utf-16-le", RUSSIAN, "ru"), ("utf-16-be", RUSSIAN, "ru"), ("utf-16-le", CHINESE, "zh"),
    ("utf-32-le", RUSSIAN, "ru"), ("utf-32-be", CHINESE, "zh"),
], ids=["utf16le-ru", "utf16be-ru", "utf16le-zh", "utf32le-ru", "utf32be-zh"])
def test_utf16_and_utf32_without_byte_order_mark_are_text(tmp_path, codec, text, language):
    path = tmp_path / "law.txt"
    path.write_bytes(text.encode(codec))
    reading = read(path)
    assert reading.status == "ok", reading.error
    assert reading.encoding == codec and reading.language == language
    assert reading.text == text.strip()


@pytest.mark.parametrize("codec, text, language", [
    ("iso2022_jp", "個人情報保護法の改正について\n\n事業者は、個人データの漏えいが発生したときは、"
                   "委員会に報告しなければならない。", "ja"),
    ("iso2022_kr", "인공지능 기본법 시행령\n\n과학기술정보통신부장관은 인공지능 산업의 진흥을 위한 "
                   "기본계획을 3년마다 수립하여야 한다.", "ko"),
    ("hz", "数据安全管理办法\n\n网络运营者应当按照有关法律法规的规定，建立数据安全管理责任制度。", "zh"),
])
def test_seven_bit_cjk_encodings_are_decoded(tmp_path, codec, text, language):
    path = tmp_path / "notice.txt"
    path.write_bytes(text.encode(codec))
    reading = read(path)
    assert reading.status == "ok" and reading.language == language
    assert reading.text == text
