"""Hostile files, made on demand (never committed): each is small on disk and costly to read.

``python tests/hostile.py DIR`` writes them all into DIR; the tests call the functions they need with
sizes that keep the suite fast, ``make fuzz`` and the report use the sizes of the attack.
"""
import io
import sys
import zipfile
import zlib
from pathlib import Path

SENTENCE = "Personal data protection act of the national data protection authority, page {n}. "


def pdf(objects, root=1):
    """A PDF file from its objects (bodies of objects 1, 2, …, as bytes), with a correct xref table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    start = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, start))
    return out.getvalue()


def stream(data, extra=b"", compress=False):
    if compress:
        data = zlib.compress(data)
        extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def text_ops(text):
    return b"BT /F1 12 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"


def many_pages_pdf(pages=20_000, lines=30):
    """Thousands of pages of text (4 MB for 20,000): more than a document's time to read."""
    # 1 catalog, 2 pages, 3 font, then a page and its content per page
    kids = b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count %d /Kids [%s] >>" % (pages, kids), FONT]
    for i in range(pages):
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
                       b"/Resources << /Font << /F1 3 0 R >> >> >>" % (5 + 2 * i))
        ops = b"BT /F1 10 Tf 14 TL 72 760 Td " + b" ".join(
            b"(" + SENTENCE.format(n=i + 1).encode("latin-1") + b") '" for _ in range(lines)) + b" ET"
        objects.append(stream(ops, compress=True))
    return pdf(objects)


def resources_loop_pdf(depth=30):
    """Under a kilobyte: one Resources dictionary naming forms that each draw the next form twice and
    take their resources from that same dictionary: 2**depth drawings for a reader that follows them."""
    forms = b" ".join(b"/X%d %d 0 R" % (i, 7 + i) for i in range(depth))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources 5 0 R >>",
               stream(text_ops(SENTENCE.format(n=1)) + b" /X0 Do"),
               b"<< /Font << /F1 6 0 R >> /XObject << %s >> >>" % forms,
               FONT]
    for i in range(depth):
        draw = b"/X%d Do /X%d Do" % (i + 1, i + 1) if i + 1 < depth else b"0 0 m 1 1 l S"
        objects.append(stream(draw, b" /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources 5 0 R"))
    return pdf(objects)


def contents_loop_pdf():
    """A page whose /Contents is an array holding itself: nothing to draw, and no scan either."""
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>",
                b"[4 0 R]",
                FONT])


def flate_bomb_pdf(unpacked_mb=2048):
    """One page whose content stream inflates to ``unpacked_mb`` megabytes of spaces (2 MB on disk
    for 2 GiB)."""
    packer = zlib.compressobj(9)
    chunk = b" " * (1 << 20)
    data = packer.compress(text_ops(SENTENCE.format(n=1)) + b"\n")
    for _ in range(unpacked_mb):
        data += packer.compress(chunk)
    data += packer.flush()
    return pdf([b"<< /Type /Catalog /Pages 2 0 R >>",
                b"<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                b"/Resources << /Font << /F1 5 0 R >> >> >>",
                b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
                FONT])


DOCX_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
    'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '</Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
    '2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
}
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def docx_bomb(unpacked_mb=450):
    """A Word file whose document.xml unpacks to ``unpacked_mb`` MB of tiny paragraphs (under the
    unpacked-size limit, yet gigabytes once parsed)."""
    paragraph = b"<w:p><w:r><w:t>data</w:t></w:r></w:p>"
    body = io.BytesIO()
    body.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>'.encode())
    block = paragraph * ((1 << 20) // len(paragraph))
    for _ in range(unpacked_mb):
        body.write(block)
    body.write(b"</w:body></w:document>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in DOCX_PARTS.items():
            archive.writestr(name, text)
        archive.writestr("word/document.xml", body.getvalue())
    return out.getvalue()


def unclosed_tags_html(tags=100_000):
    """About 700 KB of HTML: ``tags`` unclosed <b> and stray </i>, quadratic for a naive tag stack."""
    return ("<html><head><title>Open tags</title></head><body><p>Data protection. "
            + "<b>x</i>" * tags + "</p></body></html>").encode("utf-8")


FILES = {
    "many-pages.pdf": many_pages_pdf,
    "resources-loop.pdf": resources_loop_pdf,
    "contents-loop.pdf": contents_loop_pdf,
    "flate-bomb.pdf": flate_bomb_pdf,
    "docx-bomb.docx": docx_bomb,
    "unclosed-tags.html": unclosed_tags_html,
}


def write_all(directory):
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    for name, make in FILES.items():
        (directory / name).write_bytes(make())
        print(f"{name}: {(directory / name).stat().st_size:,} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/hostile.py DIR   (writes the hostile files into DIR)")
    write_all(sys.argv[1])
