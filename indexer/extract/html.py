"""HTML pages: the visible text of the page, its title and its declared language.

Charset: byte-order mark, then ``<meta charset>`` or ``<meta http-equiv=Content-Type>`` in the first
bytes, then detection. The page is parsed by lxml.html (libxml2's HTML parser, which closes elements
the way browsers do, e.g. a ``<p>`` by the next ``<p>``); scripts, styles, navigation, headers,
footers and cookie banners are then dropped as whole subtrees, so nothing after them is lost.
"""
import re

import lxml.etree
import lxml.html

from indexer.errors import ExtractionError
from indexer.extract import encoding
from indexer.extract.base import Extracted, Extractor

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
HTML_MAGIC = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)

SKIP = {"head", "script", "style", "noscript", "template", "svg", "math", "nav", "header", "footer", "aside",
        "button", "select", "form", "iframe", "object", "canvas", "dialog"}
SKIP_ROLES = {"navigation", "banner", "contentinfo", "search", "dialog", "alertdialog"}
BLOCK = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
         "table", "tr", "blockquote", "pre", "dd", "dt", "dl", "figure", "figcaption", "address", "hr",
         "br", "caption", "details", "summary", "body"}
CELL = {"td", "th"}
# Banners are divs like any other; their class or id is the only sign.
BOILERPLATE = re.compile(r"cookie|consent|banner|breadcrumb|skip-link|menu|navbar|site-header|site-footer", re.I)


class HtmlExtractor(Extractor):
    """Web pages saved as files."""
    FORMAT = "html"
    EXTENSIONS = ("html", "htm", "xhtml")
    SCORE = 10

    @classmethod
    def match(cls, path, head):
        # UTF-16 without a byte-order mark is still a web page; its NULs hide the markup from the pattern.
        wide = encoding.bom_encoding(head) or encoding.sniff_encoding(head[:len(head) - len(head) % 4])
        probe = head.decode(wide, errors="ignore").encode("utf-8") if wide else head
        if HTML_MAGIC.match(probe.lstrip(b"\xef\xbb\xbf")):
            return 25
        return super().match(path, head)

    def extract(self, path):
        data = path.read_bytes()
        declared = META_CHARSET.search(data[:4096])
        text, enc = encoding.decode(data, declared.group(1).decode("ascii") if declared else None)
        root = parse(text)
        title = _title(root)
        lang = (root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip()
        return Extracted(format=self.FORMAT, pages=[visible_text(root)], title=title, declared_language=lang,
                         encoding=enc)


def parse(text):
    """The page's root ``<html>`` element; raises ExtractionError when libxml2 finds no document."""
    # An XML declaration with an encoding makes lxml refuse an already decoded string.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        return lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as ex:
        raise ExtractionError(f"broken HTML: {ex}; save the page again from a browser and add it") from ex


def visible_text(root):
    """The text a reader sees in the page body: paragraphs separated by blank lines."""
    parts = []
    _walk(root, parts)
    paragraphs = re.split(r"\n\s*\n", "".join(parts))
    cleaned = (re.sub(r"[ \t\u00a0]+", " ", p).strip() for p in paragraphs)
    return "\n\n".join(p for p in cleaned if p)


def _walk(element, parts):
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag and not _hidden(element, tag.lower()):
        tag = tag.lower()
        if tag in BLOCK:
            parts.append("\n\n")
        elif tag in CELL:
            parts.append("\t")
        parts.append(element.text or "")
        for child in element:
            _walk(child, parts)
        if tag in BLOCK:
            parts.append("\n\n")
    # The tail is the text after the element, inside its parent: kept even when the element is not.
    parts.append(element.tail or "")


def _hidden(element, tag):
    if tag in SKIP or element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if (element.get("role") or "").lower() in SKIP_ROLES:
        return True
    return bool(BOILERPLATE.search(f"{element.get('class') or ''} {element.get('id') or ''}"))


def _title(root):
    for candidate in (root.find(".//title"), root.find(".//h1")):
        if candidate is not None:
            text = " ".join(candidate.text_content().split())
            if text:
                return text[:300]
    return ""
