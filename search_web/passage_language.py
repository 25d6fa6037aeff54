"""The language of each paragraph of a document's text, for its page's ``lang``/``dir``.

The build decides every passage's language but stores only the shares, so the page decides again,
and only where it matters: a document in one language is in that language throughout; a document in
several is read paragraph by paragraph, with its own languages as the only candidates.
"""
import html
import re

from indexer import lang

TAG = re.compile(r"<[^>]+>")
def of_paragraphs(pages, doc):
    """``pages`` of marked paragraphs (HTML) → the same shape of language codes. A paragraph too
    short to tell (a heading: "Art. 2") takes the language of the paragraph after it, else of the
    one before it."""
    codes = [item["code"] for item in doc.get("languages", []) if item["code"] != lang.UND]
    main = doc.get("language") or lang.UND
    if len(codes) < 2:
        return [[main] * len(paragraphs) for paragraphs in pages]
    texts = [html.unescape(TAG.sub("", para)) for paragraphs in pages for para in paragraphs]
    decided = [lang.detect(text, tuple(codes)).code for text in texts]
    decided = [code if code in codes else None for code in decided] + [None]
    flat, previous = [], main
    for i, code in enumerate(decided[:-1]):
        previous = code or decided[i + 1] or previous
        flat.append(previous)
    out, start = [], 0
    for paragraphs in pages:
        out.append(flat[start:start + len(paragraphs)])
        start += len(paragraphs)
    return out
