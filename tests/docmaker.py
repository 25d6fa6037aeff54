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


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_PARTS = {  # partname: (content type, relationship type)
    "header1.xml": ("header", "header"), "footer1.xml": ("footer", "footer"),
    "footnotes.xml": ("footnotes", "footnotes"), "endnotes.xml": ("endnotes", "endnotes"),
}


def docx_from_xml(target, body, **parts):
    """A minimal .docx whose body is the WordprocessingML ``body`` (inside ``<w:body>``); ``parts``
    gives the inner XML of ``header1``, ``footer1``, ``footnotes`` or ``endnotes``."""
    import zipfile
    ns = (f'xmlns:w="{W_NS}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
          'xmlns:v="urn:schemas-microsoft-com:vml"')
    roots = {"header1": "hdr", "footer1": "ftr", "footnotes": "footnotes", "endnotes": "endnotes"}
    overrides = ['<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.document.main+xml"/>']
    rels = []
    with zipfile.ZipFile(target, "w") as z:
        for i, (name, inner) in enumerate(parts.items()):
            kind = DOCX_PARTS[f"{name}.xml"][0]
            z.writestr(f"word/{name}.xml", f'<w:{roots[name]} {ns}>{inner}</w:{roots[name]}>')
            overrides.append(f'<Override PartName="/word/{name}.xml" ContentType="application/vnd.openxmlformats-'
                             f'officedocument.wordprocessingml.{kind}+xml"/>')
            rels.append(f'<Relationship Id="rId{i + 1}" Target="{name}.xml" Type="http://schemas.openxmlformats.'
                        f'org/officeDocument/2006/relationships/{kind}"/>')
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-'
                   'types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
                   'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
                   + "".join(overrides) + "</Types>")
        z.writestr("_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
                   'relationships"><Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.'
                   'openxmlformats.org/officeDocument/2006/relationships/officeDocument"/></Relationships>')
        z.writestr("word/_rels/document.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/'
                   'package/2006/relationships">' + "".join(rels) + "</Relationships>")
        z.writestr("word/document.xml", f"<w:document {ns}><w:body>{body}</w:body></w:document>")
    return target


def w_p(*runs):
    """A paragraph of plain runs."""
    return "<w:p>" + "".join(f"<w:r><w:t xml:space=\"preserve\">{r}</w:t></w:r>" for r in runs) + "</w:p>"
