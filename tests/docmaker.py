"""Small test documents made on the fly: the odd shapes real senders' software produces.

Each function writes one file and returns its path; tests call them with ``tmp_path``, so nothing
binary is committed for them.
"""
import pypdfium2 as pdfium


def pdf_pages_as_figures(source, target):
    """A copy of the PDF ``source`` whose every page is drawn through a form XObject (a figure), as
    imposition tools and some scanners' "searchable PDF" modes write pages."""
    src = pdfium.PdfDocument(str(source))
    out = pdfium.PdfDocument.new()
    for index in range(len(src)):
        width, height = src[index].get_size()
        figure = src.page_as_xobject(index, out)
        page = out.new_page(width, height)
        page.insert_obj(figure.as_pageobject())
        page.gen_content()
    out.save(str(target))
    return target
