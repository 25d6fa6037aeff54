"""A PDF page as an image, for OCR: PDFium draws it as a viewer would."""
import pypdfium2 as pdfium


def page_image(path, index, dpi):
    """Page ``index`` (from 0) of the PDF at ``path``, rendered in greys at ``dpi``, as a PIL image."""
    document = pdfium.PdfDocument(str(path))
    try:
        return document[index].render(scale=dpi / 72, grayscale=True).to_pil()
    finally:
        document.close()
