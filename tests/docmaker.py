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


def pdf_of_pages(target, pages):
    """A PDF with one page per entry of ``pages`` (lists of lines, Latin-1 text in Helvetica), written
    object by object as a producer would: the smallest real text layer there is."""
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", None,
               "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    kids = []
    for lines in pages:
        escaped = (line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines)
        stream = "BT /F1 10 Tf 14 TL 60 780 Td " + " ".join(f"({line}) '" for line in escaped) + " ET"
        objects.append(f"<< /Length {len(stream.encode('latin-1'))} >>\nstream\n{stream}\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {len(objects)} 0 R "
                       "/Resources << /Font << /F1 3 0 R >> >> >>")
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    target.write_bytes(bytes(out))
    return target


def scan_as_images(source_pdf, target_dir):
    """The pages of a scanned PDF saved as PNG, JPEG and a two-page TIFF, as scanners send them."""
    page = pdfium.PdfDocument(str(source_pdf))[0].render(scale=150 / 72, grayscale=True).to_pil()
    png, jpeg, tiff = target_dir / "notice.png", target_dir / "notice.jpg", target_dir / "fax.tiff"
    page.save(png)
    page.save(jpeg, quality=85)
    page.save(tiff, save_all=True, append_images=[page.rotate(0.4, fillcolor=255)], compression="tiff_deflate")
    return png, jpeg, tiff


ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"')


def odf_from_xml(target, kind, body):
    """A minimal OpenDocument file of ``kind`` (text, spreadsheet, presentation) whose
    ``<office:body>`` holds ``body``; ``mimetype`` first and stored, as the standard requires."""
    import zipfile
    with zipfile.ZipFile(target, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), f"application/vnd.oasis.opendocument.{kind}")
        z.writestr("content.xml", f'<office:document-content {ODF_NS}><office:body>{body}</office:body>'
                   "</office:document-content>", compress_type=zipfile.ZIP_DEFLATED)
    return target
