"""HTML pages: the visible text of the page, its title and its declared language.

Charset: byte-order mark, then ``<meta charset>`` or ``<meta http-equiv=Content-Type>`` in the first
bytes, then detection. Scripts, styles, navigation, footers and cookie banners are not the document.
"""
import re
from html.parser import HTMLParser

from indexer.extract import encoding
from indexer.extract.base import Extracted, Extractor

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
HTML_MAGIC = re.compile(rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title)\b", re.I | re.S)

SKIP = {"script", "style", "noscript", "template", "svg", "nav", "footer", "aside", "button", "select",
        "form", "iframe", "object", "canvas"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr"}
BLOCK = {"p", "div", "section", "article", "main", "header", "h1", "h2", "h3", "h4", "h5", "h6", "li",
         "ul", "ol", "table", "tr", "blockquote", "pre", "dd", "dt", "dl", "figure", "figcaption",
         "address", "hr", "br", "caption", "details", "summary"}
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
        bom = encoding.bom_encoding(head)
        probe = head.decode(bom, errors="ignore").encode("utf-8") if bom else head
        if HTML_MAGIC.match(probe.lstrip(b"\xef\xbb\xbf")):
            return 25
        return super().match(path, head)

    def extract(self, path):
        data = path.read_bytes()
        declared = META_CHARSET.search(data[:4096])
        text, enc = encoding.decode(data, declared.group(1).decode("ascii") if declared else None)
        parser = _VisibleText()
        parser.feed(text)
        parser.close()
        return Extracted(format=self.FORMAT, pages=[parser.text()], title=parser.title(),
                         declared_language=parser.lang, encoding=enc)


class _VisibleText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.stack = []       # open elements, so we know when a skipped subtree ends
        self.skip_depth = 0
        self.lang = ""
        self._title = []
        self._h1 = []
        self.in_title = False
        self.in_h1 = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html" and attrs.get("lang"):
            self.lang = attrs["lang"].strip()
        if tag in VOID:
            if tag in ("br", "hr"):
                self.parts.append("\n")
            return
        skipped = tag in SKIP or tag == "head" or attrs.get("aria-hidden") == "true" or \
            attrs.get("role") in ("navigation", "banner", "contentinfo") or \
            BOILERPLATE.search((attrs.get("class") or "") + " " + (attrs.get("id") or ""))
        self.stack.append((tag, bool(skipped)))
        if skipped:
            self.skip_depth += 1
        self.in_title = self.in_title or tag == "title"
        self.in_h1 = self.in_h1 or tag == "h1"
        if tag in BLOCK:
            self.parts.append("\n\n")
        elif tag in CELL:
            self.parts.append("\t")

    def handle_endtag(self, tag):
        if tag in VOID or not any(t == tag for t, _ in self.stack):
            return  # stray end tag: browsers ignore it, so do we
        while self.stack:
            open_tag, skipped = self.stack.pop()
            if skipped:
                self.skip_depth -= 1
            if open_tag == "title":
                self.in_title = False
            if open_tag == "h1":
                self.in_h1 = False
            if open_tag == tag:
                break
        if tag in BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if self.in_title:
            self._title.append(data)
        if self.skip_depth:
            return
        if self.in_h1:
            self._h1.append(data)
        self.parts.append(data)

    def text(self):
        raw = "".join(self.parts)
        paragraphs = re.split(r"\n\s*\n", raw)
        cleaned = (re.sub(r"[ \t\u00a0]+", " ", p).strip() for p in paragraphs)
        return "\n\n".join(p for p in cleaned if p)

    def title(self):
        for candidate in ("".join(self._title), "".join(self._h1)):
            candidate = " ".join(candidate.split())
            if candidate:
                return candidate[:300]
        return ""
