"""Make the sample corpus files from the texts in corpus/sample/texts/.

    python corpus/sample/make_sample.py [--only ID ...]

Each manifest row names a file; its extension says what to make, as the sender's software would have
made it: Word files with python-docx, PDFs by LibreOffice from that Word file (so the text layer is
what a real producer writes, right-to-left scripts included), web pages in the charset a ministry's
site uses, plain text as an office saves it. The hard cases (a scan, passwords, a cut upload, an empty
file) are made on purpose; see HARD_CASES.

Needs Debian's libreoffice-writer-nogui, fonts-noto-core and fonts-noto-cjk, and the packages in
corpus/sample/requirements.txt.
"""
import argparse
import csv
import html
import io
import random
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import docx
from docx.enum.table import WD_TABLE_DIRECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
TEXTS = HERE / "texts"

# id -> charset of the saved file (default UTF-8).
CHARSETS = {
    "cn-generated-content-copyright": "gb18030",
    "jp-copyright-ai-considerations": "shift_jis",
    "kz-digital-code-consultation": "cp1251",
    "pt-consulta-dados-abertos": "utf-16",        # Python writes the byte-order mark
    "eg-ip-law-amendments": "windows-1256",
    "ru-copyright-amendments": "koi8-r",
    "cz-strategie-umele-inteligence": "windows-1250",
    "th-patent-guideline": "windows-874",
}
# Windows software saves these with CRLF line ends.
CRLF = {"cp1251", "shift_jis"}
# id -> what goes wrong with the file on purpose.
HARD_CASES = {
    "in-trade-marks-circular-scan": "scan",
    "fr-arrete-archives-cadastrales-scan": "scan",
    "ru-prikaz-geodezicheskie-materialy-scan": "scan",
    "cn-cehui-shuju-tongzhi-scan": "scan",
    "eg-tamim-arshafat-barat-scan": "scan",
    "us-trade-secret-report": "user-password",
    "au-ai-ethics-framework": "owner-password",
    "br-guia-lgpd-truncado": "truncated",
    "ng-national-ai-policy-draft": "empty",
}
# Pages served without <html lang>, so the language has to be detected.
NO_LANG_ATTRIBUTE = {"ke-data-protection-regulations", "ir-personal-data-bill"}
RTL = {"ar", "fa", "he", "ur"}
FONTS = {
    "ar": "Noto Naskh Arabic", "fa": "Noto Naskh Arabic", "he": "Noto Sans Hebrew",
    "zh": "Noto Sans CJK SC", "ja": "Noto Sans CJK JP", "ko": "Noto Sans CJK KR",
    "hi": "Noto Sans Devanagari",
}
# Languages of the texts, for the files' own language tags (the manifest leaves language to detection).
LANGUAGES = {
    "eu": "en", "gb": "en", "us": "en", "ke": "en", "au": "en", "in-trade": "en", "ng": "en", "de": "de",
    "at": "de", "ch": "de", "ca": "en", "fr": "fr", "it": "it", "nl": "nl", "mx": "es", "es": "es",
    "co": "es", "br": "pt", "pt": "pt", "cn": "zh", "jp": "ja", "kr": "ko", "in-national": "hi", "id": "id",
    "sa": "ar", "eg": "ar", "ae": "ar", "il": "he", "ir": "fa", "tr": "tr", "gr": "el", "ru": "ru", "kz": "ru",
    "ua": "uk", "pl": "pl", "se": "sv", "dk": "da", "cz": "cs", "no": "no", "fi": "fi", "ro": "ro", "vn": "vi",
    "th": "th", "pk": "ur", "cl": "es", "by": "ru", "ao": "pt", "sn": "fr", "nz": "en",
    # language versions (a manifest group): one id prefix per version
    "ma-strategie": "fr", "ma-creative": "en", "ma-istratijiya": "ar", "ca-chaine": "fr", "be-arrete": "fr",
    "be-koninklijk": "nl",
}


def language_of(doc_id):
    for prefix in sorted(LANGUAGES, key=len, reverse=True):
        if doc_id.startswith(prefix + "-"):
            return LANGUAGES[prefix]
    return "en"


# ---------------------------------------------------------------------------------------- markup

def parse(text):
    """The markup of TEXTS.md as ``(title, blocks)``; a block is ``(kind, content)`` with kind one of
    h1, h2, p, ul (list of items) and table (list of rows of cells)."""
    lines = text.replace("\r\n", "\n").split("\n")
    title = lines[0].strip()
    blocks = []
    for line in lines[1:]:
        line = line.rstrip()
        if not line.strip():
            continue
        if line.startswith("## "):
            blocks.append(("h2", line[3:].strip()))
        elif line.startswith("# "):
            blocks.append(("h1", line[2:].strip()))
        elif line.startswith("- "):
            if blocks and blocks[-1][0] == "ul":
                blocks[-1][1].append(line[2:].strip())
            else:
                blocks.append(("ul", [line[2:].strip()]))
        elif line.startswith("|") and line.endswith("|"):
            cells = [c.strip() for c in line.strip("|").split("|")]
            if all(set(c) <= set("-: ") for c in cells):
                continue  # a Markdown-style separator row
            if blocks and blocks[-1][0] == "table":
                blocks[-1][1].append(cells)
            else:
                blocks.append(("table", [cells]))
        else:
            blocks.append(("p", line.strip()))
    return title, blocks


# ------------------------------------------------------------------------------------------ docx

def make_docx(title, blocks, lang, path, footer=False):
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.language = lang
    document.core_properties.author = "Ministry drafting unit"
    section = document.sections[0]
    section.page_height, section.page_width = docx.shared.Mm(297), docx.shared.Mm(210)
    _default_font(document, lang)
    _paragraph(document.add_paragraph(style="Title"), title, lang)
    for kind, content in blocks:
        if kind == "h1":
            _paragraph(document.add_paragraph(style="Heading 1"), content, lang)
        elif kind == "h2":
            _paragraph(document.add_paragraph(style="Heading 2"), content, lang)
        elif kind == "p":
            _paragraph(document.add_paragraph(), content, lang)
        elif kind == "ul":
            for item in content:
                _paragraph(document.add_paragraph(style="List Bullet"), item, lang)
        elif kind == "table":
            _table(document, content, lang)
    if footer:
        _page_number_footer(section, lang)
    document.save(path)


def _default_font(document, lang):
    """Fonts, size and spacing for the whole document. The template's styles name theme fonts that
    lack most scripts, and its Title spaces letters apart, which makes LibreOffice put a filler glyph
    with no text between Arabic letters; both go, so the document defaults apply everywhere."""
    for style in document.styles:
        rpr = style.element.find(qn("w:rPr"))
        for unwanted in (rpr.find(qn("w:rFonts")), rpr.find(qn("w:spacing"))) if rpr is not None else ():
            if unwanted is not None:
                rpr.remove(unwanted)
    style = document.styles["Normal"]
    style.font.size = Pt(12)
    # One and a half lines, as gazettes and ministries print their texts.
    style.paragraph_format.line_spacing = 1.5
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    script_font = FONTS.get(lang, "Noto Sans")
    fonts.set(qn("w:ascii"), "Noto Sans")
    fonts.set(qn("w:hAnsi"), "Noto Sans")
    fonts.set(qn("w:eastAsia"), script_font if lang in ("zh", "ja", "ko") else FONTS["zh"])
    fonts.set(qn("w:cs"), script_font if lang in RTL or lang == "hi" else FONTS["ar"])
    if lang in RTL:
        # The template's bullets end in a tab to a fixed stop, which in a right-to-left paragraph
        # LibreOffice draws at the left margin; without it the bullet stands before the text.
        for level in document.part.numbering_part.element.iter(qn("w:lvl")):
            ppr = level.find(qn("w:pPr"))
            tabs = ppr.find(qn("w:tabs")) if ppr is not None else None
            if tabs is not None:
                ppr.remove(tabs)


# Paragraph properties that the schema puts after w:bidi (Word refuses elements out of order).
PPR_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                  "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                  "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                  "w:pPrChange")


def _paragraph(paragraph, text, lang, bold=False):
    run = paragraph.add_run(text)
    # python-docx's setters keep the run properties in schema order; w:lang comes last.
    if bold:
        run.font.bold = True
    if lang in RTL:
        run.font.rtl = True
        run.font.complex_script = True
    lang_el = OxmlElement("w:lang")
    lang_el.set(qn("w:val"), lang)
    lang_el.set(qn("w:eastAsia"), lang if lang in ("zh", "ja", "ko") else "zh")
    lang_el.set(qn("w:bidi"), lang if lang in RTL else "ar")
    run._element.get_or_add_rPr().append(lang_el)
    if lang in RTL:
        # Word and LibreOffice lay a paragraph out right to left only when the paragraph says so;
        # in such a paragraph "left" is the start side, the right margin.
        paragraph._p.get_or_add_pPr().insert_element_before(OxmlElement("w:bidi"), *PPR_AFTER_BIDI)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    return paragraph


def _table(document, rows, lang):
    width = max(len(r) for r in rows)
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    if lang in RTL:
        table.table_direction = WD_TABLE_DIRECTION.RTL  # first column on the right, as printed there
    for r, row in enumerate(rows):
        for c in range(width):
            _paragraph(table.cell(r, c).paragraphs[0], row[c] if c < len(row) else "", lang, bold=r == 0)
    document.add_paragraph()


def _page_number_footer(section, lang):
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        run = paragraph.add_run()
        if kind:
            field = OxmlElement("w:fldChar")
            field.set(qn("w:fldCharType"), kind)
            run._element.append(field)
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._element.append(instr)


# ------------------------------------------------------------------------------------------- pdf

# LibreOffice's export filters for the formats made from the Word file.
FILTERS = {".pdf": "pdf", ".odt": "odt", ".rtf": "rtf", ".doc": "doc:MS Word 97"}


def make_converted(title, blocks, lang, path):
    """The Word file saved by LibreOffice as PDF, OpenDocument, RTF or Word 97-2003, as a sender's
    office suite writes them (code pages, \\u escapes and glyph order included)."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".docx")
        make_docx(title, blocks, lang, source, footer=path.suffix == ".pdf")
        profile = Path(tmp) / "profile"
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                        FILTERS[path.suffix], "--outdir", tmp, str(source)], check=True, capture_output=True,
                       timeout=300)
        shutil.move(str(Path(tmp) / (path.stem + path.suffix)), path)


def make_pptx(title, blocks, lang, path):
    """A slide deck: a title slide, then one slide per heading with its paragraphs and list items."""
    from pptx import Presentation
    deck = Presentation()
    deck.core_properties.title = title
    deck.core_properties.language = lang
    first = deck.slides.add_slide(deck.slide_layouts[0])
    first.shapes.title.text = title
    slide = None
    for kind, content in blocks:
        if kind in ("h1", "h2") or slide is None:
            slide = deck.slides.add_slide(deck.slide_layouts[1])
            slide.shapes.title.text = content if kind in ("h1", "h2") else title
            frame = slide.placeholders[1].text_frame
            frame.text = ""
            if kind in ("h1", "h2"):
                continue
        items = content if kind == "ul" else [" | ".join(r) for r in content] if kind == "table" else [content]
        for item in items:
            paragraph = frame.paragraphs[0] if not frame.paragraphs[0].text else frame.add_paragraph()
            paragraph.text = item
    deck.save(path)


def make_eml(title, blocks, lang, path, doc_id):
    """A submission sent by e-mail: the covering letter (what comes before the first heading) as the
    message, and the whole submission attached as a Word file."""
    from email.message import EmailMessage
    letter = []
    for kind, content in blocks:
        if kind in ("h1", "h2"):
            break
        letter.append(content)
    message = EmailMessage()
    message["From"] = "Submissions Officer <submissions@publishers.example.nz>"
    message["To"] = "consultation@ministry.example.govt.nz"
    message["Subject"] = title
    message["Date"] = "Mon, 14 Jul 2025 09:30:00 +1200"
    message["Message-ID"] = f"<{doc_id}@publishers.example.nz>"
    message["Content-Language"] = lang
    message.set_content("\n\n".join(letter) + "\n")
    with tempfile.TemporaryDirectory() as tmp:
        attachment = Path(tmp) / "submission.docx"
        make_docx(title, blocks, lang, attachment)
        message.add_attachment(attachment.read_bytes(), maintype="application", filename="submission.docx",
                               subtype="vnd.openxmlformats-officedocument.wordprocessingml.document")
    path.write_bytes(bytes(message))


def make_pdf(title, blocks, lang, path):
    make_converted(title, blocks, lang, path)


def encrypt(path, user_password, owner_password):
    from pypdf import PdfReader, PdfWriter
    writer = PdfWriter(clone_from=PdfReader(path))
    # Printing allowed, copying and changes not: what a cautious office sets.
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="AES-256",
                   permissions_flag=0b0100)
    with open(path, "wb") as f:
        writer.write(f)


def truncate(path):
    """Keep the first part of the file, as an upload cut off half-way leaves it; cut earlier until
    pdfminer finds nothing it can read."""
    from pdfminer.high_level import extract_text
    data = path.read_bytes()
    for share in (0.5, 0.35, 0.2, 0.1, 0.05):
        path.write_bytes(data[:int(len(data) * share)])
        try:
            if not extract_text(str(path)).strip():
                return
        except Exception:
            return
    raise SystemExit(f"{path}: pdfminer still reads the cut file")


def make_scan(title, blocks, lang, path):
    """Pages rendered as images, greyish and slightly askew, saved as a PDF with no text layer. Arabic is
    shaped and laid out right to left by Pillow's raqm layout (HarfBuzz and FriBiDi), as a printer would."""
    from PIL import Image, ImageDraw, ImageFilter
    body, heading = _scan_font(lang, 26), _scan_font(lang, 34)
    # Chinese and Japanese characters are about twice as wide as Latin letters, and wrap anywhere.
    columns = 34 if lang in ("zh", "ja") else 70
    lines = [(heading, title), (body, "")]
    for kind, content in blocks:
        items = content if kind == "ul" else [" | ".join(r) for r in content] if kind == "table" else [content]
        for item in items:
            prefix = "• " if kind == "ul" else ""
            for wrapped in textwrap.wrap(prefix + item, columns):
                lines.append((heading if kind in ("h1", "h2") else body, wrapped))
        lines.append((body, ""))
    rng = random.Random(7)
    pages, y, page = [], 0, None
    width, height, margin = 1240, 1754, 130  # A4 at 150 dpi
    for font, text in lines:
        if page is None or y > height - margin:
            page = Image.new("L", (width, height), 238)
            pages.append(page)
            y = margin
        if lang in RTL and text:
            x = width - margin - ImageDraw.Draw(page).textlength(text, font=font, direction="rtl", language=lang)
            ImageDraw.Draw(page).text((x, y), text, font=font, fill=30, direction="rtl", language=lang)
        else:
            ImageDraw.Draw(page).text((margin, y), text, font=font, fill=30)
        y += 42 if lang not in RTL else 52
    scans = []
    for page in pages:
        noisy = page.point(lambda v: max(0, min(255, v + rng.randint(-18, 18))))
        noisy = noisy.rotate(rng.uniform(-0.8, 0.8), fillcolor=225, resample=Image.BICUBIC)
        scans.append(noisy.filter(ImageFilter.GaussianBlur(0.6)).convert("RGB"))
    scans[0].save(path, "PDF", resolution=150, save_all=True, append_images=scans[1:])


def _scan_font(lang, size):
    """The typeface a ministry's printer would use for the language, at ``size`` pixels."""
    from PIL import ImageFont
    if lang in ("ar", "fa", "ur"):
        return ImageFont.truetype(_font_file("NotoNaskhArabic-Regular.ttf"), size, layout_engine=ImageFont.Layout.RAQM)
    if lang in ("zh", "ja", "ko"):
        # One collection file holds every CJK face; pick the one for the language by its name.
        family = {"zh": "Noto Sans CJK SC", "ja": "Noto Sans CJK JP", "ko": "Noto Sans CJK KR"}[lang]
        collection = _font_file("NotoSansCJK-Regular.ttc")
        for index in range(10):
            font = ImageFont.truetype(collection, size, index=index)
            if font.getname()[0] == family:
                return font
    return ImageFont.truetype(_font_file("DejaVuSerif.ttf"), size)


def _font_file(name):
    for root in ("/usr/share/fonts/truetype/dejavu", "/usr/share/fonts"):
        found = list(Path(root).rglob(name))
        if found:
            return str(found[0])
    raise SystemExit(f"font {name} not found: apt-get install fonts-dejavu-core")


# ------------------------------------------------------------------------------------------ html

PAGE = """<!DOCTYPE html>
<html{lang_attr}>
<head>
{charset_meta}
<title>{title} | {site}</title>
<meta name="description" content="{description}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body {{ font-family: sans-serif; margin: 0; }} nav a {{ margin-inline-end: 1em; }}
.cookie-banner {{ position: fixed; bottom: 0; background: #333; color: #fff; }}
</style>
<script>
  window.dataLayer = window.dataLayer || []; function track(e) {{ dataLayer.push({{event: e, page: "policy"}}); }}
</script>
</head>
<body>
<div class="cookie-banner" id="cookie-consent">This site uses cookies to measure visits. <button>OK</button></div>
<header class="site-header"><a href="/">{site}</a></header>
<nav aria-label="Main"><a href="/">Home</a> <a href="/news">News</a> <a href="/laws">Legislation</a> <a href="/contact">Contact</a></nav>
<main>
<article>
<h1>{title}</h1>
{body}
</article>
</main>
<footer><p>© {site}. All rights reserved. Privacy · Accessibility · Sitemap</p></footer>
</body>
</html>
"""


def make_html(title, blocks, lang, path, doc_id, charset, site):
    body = []
    for kind, content in blocks:
        if kind == "h1":
            body.append(f"<h2>{html.escape(content)}</h2>")
        elif kind == "h2":
            body.append(f"<h3>{html.escape(content)}</h3>")
        elif kind == "p":
            body.append(f"<p>{html.escape(content)}</p>")
        elif kind == "ul":
            body.append("<ul>\n" + "\n".join(f"  <li>{html.escape(i)}</li>" for i in content) + "\n</ul>")
        elif kind == "table":
            head, *rows = content
            cells = lambda row, tag: "".join(f"<{tag}>{html.escape(c)}</{tag}>" for c in row)
            body.append("<table>\n<tr>" + cells(head, "th") + "</tr>\n"
                        + "\n".join("<tr>" + cells(r, "td") + "</tr>" for r in rows) + "\n</table>")
    lang_attr = "" if doc_id in NO_LANG_ATTRIBUTE else f' lang="{lang}"'
    if lang in RTL:
        lang_attr += ' dir="rtl"'
    if charset == "utf-8":
        meta = '<meta charset="utf-8">'
    else:
        # Declared only here, as many older ministry sites do; the server sends no charset.
        meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    first = next((c for k, c in blocks if k == "p"), title)
    page = PAGE.format(lang_attr=lang_attr, charset_meta=meta, title=html.escape(title), site=html.escape(site),
                       description=html.escape(first[:150]), body="\n".join(body))
    path.write_bytes(_encode(page, charset, doc_id))


# ------------------------------------------------------------------------------------------- txt

def make_txt(title, blocks, lang, path, doc_id, charset):
    wrap = lang not in ("zh", "ja", "ko")
    out = [title, "=" * min(len(title), 78) if wrap else "", ""]
    for kind, content in blocks:
        if kind in ("h1", "h2"):
            out += [content.upper() if kind == "h1" and wrap else content, ""]
        elif kind == "p":
            out += (textwrap.wrap(content, 78) if wrap else [content]) + [""]
        elif kind == "ul":
            for item in content:
                out += (textwrap.wrap(item, 78, initial_indent="• ", subsequent_indent="  ") if wrap else ["・" + item])
            out.append("")
        elif kind == "table":
            widths = [max(len(r[c]) if c < len(r) else 0 for r in content) for c in range(max(map(len, content)))]
            for row in content:
                out.append("  ".join((row[c] if c < len(row) else "").ljust(widths[c]) for c in range(len(widths))).rstrip())
            out.append("")
    text = "\n".join(out).rstrip() + "\n"
    if charset in CRLF:
        text = text.replace("\n", "\r\n")
    path.write_bytes(_encode(text, charset, doc_id))


# What a typist's old software put instead of a character its charset lacks.
CLOSE = {"«": '"', "»": '"', "„": '"', "“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-",
         "№": "N", "…": "...", "\u00a0": " ", "•": "*", "・": "*"}


# Charset labels as documents declare them, where Python's codec has another name.
CODECS = {"windows-874": "cp874"}


def _encode(text, charset, doc_id):
    charset = CODECS.get(charset, charset)
    try:
        return text.encode(charset)
    except UnicodeEncodeError:
        bad = sorted({ch for ch in text if not _encodable(ch, charset)})
        print(f"  warning: {doc_id}: {''.join(bad)!r} not in {charset}, replaced", file=sys.stderr)
        text = "".join(CLOSE.get(ch, ch) if ch in bad else ch for ch in text)
        return text.encode(charset, errors="replace")


def _encodable(ch, charset):
    try:
        ch.encode(charset)
        return True
    except UnicodeEncodeError:
        return False


# ------------------------------------------------------------------------------------------ main

SITES = {"eg": "Egyptian Government Portal", "ru": "Правовой портал", "ke": "Office of the Data Protection Commissioner",
         "at": "Bundesministerium", "ch": "Bundesrecht", "co": "Ministerio TIC", "nl": "Rijksoverheid",
         "ir": "پورتال ملی قوانین", "tr": "Cumhurbaşkanlığı Dijital Dönüşüm Ofisi", "ua": "Урядовий портал",
         "no": "Personverntilsynet", "ro": "Guvernul României", "vn": "Cổng thông tin Chính phủ",
         "th": "กรมทรัพย์สินทางปัญญา", "pk": "حکومت پاکستان", "ma": "Portail national", "be": "SPF Économie"}


def make(row):
    doc_id, target = row["id"], CORPUS / row["file"]
    target.parent.mkdir(parents=True, exist_ok=True)
    case = HARD_CASES.get(doc_id)
    if case == "empty":
        target.write_bytes(b"")
        return
    source = TEXTS / f"{doc_id}.txt"
    title, blocks = parse(source.read_text(encoding="utf-8"))
    lang = language_of(doc_id)
    charset = CHARSETS.get(doc_id, "utf-8")
    ext = target.suffix.lower()
    if case == "scan":
        make_scan(title, blocks, lang, target)
    elif ext == ".pdf":
        make_pdf(title, blocks, lang, target)
        if case == "user-password":
            encrypt(target, user_password="Kx7-secret", owner_password="owner-Kx7")
        elif case == "owner-password":
            encrypt(target, user_password="", owner_password="owner-only-9")
        elif case == "truncated":
            truncate(target)
    elif ext == ".docx":
        make_docx(title, blocks, lang, target)
    elif ext in FILTERS:
        make_converted(title, blocks, lang, target)
    elif ext == ".pptx":
        make_pptx(title, blocks, lang, target)
    elif ext == ".eml":
        make_eml(title, blocks, lang, target, doc_id)
    elif ext in (".html", ".htm"):
        make_html(title, blocks, lang, target, doc_id, charset, SITES.get(doc_id.split("-")[0], "Government portal"))
    elif ext == ".txt":
        make_txt(title, blocks, lang, target, doc_id, charset)
    else:
        raise SystemExit(f"{doc_id}: no maker for {ext}")


def main():
    parser = argparse.ArgumentParser(description="Make the sample corpus files from corpus/sample/texts/.")
    parser.add_argument("--only", nargs="*", metavar="ID", help="make only these documents")
    args = parser.parse_args()
    with open(CORPUS / "manifest.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    made, skipped = [], []
    for row in rows:
        if args.only and row["id"] not in args.only:
            continue
        if HARD_CASES.get(row["id"]) != "empty" and not (TEXTS / f"{row['id']}.txt").is_file():
            skipped.append(row["id"])
            continue
        print(f"{row['id']} -> {row['file']}", file=sys.stderr)
        make(row)
        made.append(row["id"])
    print(f"made {len(made)} files; skipped {len(skipped)} without a text: {' '.join(skipped)}", file=sys.stderr)


if __name__ == "__main__":
    main()
