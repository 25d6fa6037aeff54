"""Text that ordinary documents hold in less common places: figures, implicitly closed elements, ruby,
text boxes, notes, headers, and text encodings without a byte-order mark."""
import pytest

from conftest import corpus_file
from docmaker import pdf_pages_as_figures
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
