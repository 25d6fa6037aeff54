"""From pdfminer's layout of a page to text in reading order, paragraphs kept together.

pdfminer groups glyphs into boxes and lines. That is right for most left-to-right pages, with three
repairs: paragraphs that pdfminer cut into one box per line are joined again, page numbers in the
margins are dropped, and Chinese or Japanese lines are joined without a space. Pages that are mostly
Arabic or Hebrew are laid out here from the glyph positions instead (see ``bidi``).
"""
import re
import unicodedata

from pdfminer.layout import LTChar, LTContainer, LTFigure, LTTextBox, LTTextLine

from indexer.extract import bidi

# pdfminer's stand-in for a glyph the font does not map to text, and private-use code points (the
# bullets of symbol fonts): neither is text.
NOT_TEXT = re.compile(r"\(cid:\d+\)|[\ue000-\uf8ff]")
RTL_PAGE_SHARE = 0.1              # share of right-to-left letters that makes us lay the page out ourselves
# Chinese and Japanese wrap lines anywhere, even inside a word; a line end between two such characters
# is layout, not text.
CJK = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef"
CJK_WRAP = re.compile(r"(?<=[%s])\n(?=[%s])" % (CJK, CJK))
CJK_SEARCH = re.compile("[%s]" % CJK)
# Producers draw Latin letters and digits inside Chinese or Japanese text in another font, and pdfminer
# reads the font switch as a word gap ("第 1 部"); those languages put no space there.
CJK_GAP = re.compile(r"(?<=[%s]) (?=[A-Za-z0-9])|(?<=[A-Za-z0-9]) (?=[%s])" % (CJK, CJK))


def page_text(layout):
    """The text of one page laid out by pdfminer: paragraphs separated by blank lines."""
    return _cjk_layout(_page_text(layout))


def _page_text(layout):
    chars = list(_chars(layout))
    letters = [c for c in chars if c.get_text().isalpha()]
    rtl = sum(1 for c in letters if bidi.has_rtl(c.get_text()))
    if letters and rtl / len(letters) >= RTL_PAGE_SHARE:
        return _lines_by_position(chars, layout)
    boxes = [b for b in _text_boxes(layout) if not _is_page_number(b, layout)]
    return _paragraphs_from_boxes(boxes)


def _text_boxes(container):
    """Text boxes of the page and of the figures (form XObjects) in it, however deeply nested."""
    for item in container:
        if isinstance(item, LTTextBox):
            yield item
        elif isinstance(item, LTFigure):
            yield from _text_boxes(item)


PAGE_NUMBER = re.compile(r"^(page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(\s*(of|/)\s*\d{1,4})?$", re.I)


def _is_page_number(box, layout):
    """A lone number in the top or bottom margin: it would otherwise split every paragraph that runs
    over a page break."""
    return _in_margin((box.y0 + box.y1) / 2, layout) and bool(PAGE_NUMBER.match(box.get_text().strip()))


def _in_margin(y, layout):
    margin = 0.1 * layout.height
    return y < layout.y0 + margin or y > layout.y1 - margin


def _paragraphs_from_boxes(boxes):
    """pdfminer's text boxes joined into paragraphs. A box continues the paragraph before it when the
    previous line ended only because the next line's first word did not fit, and the gap is an
    ordinary line gap: with one-and-a-half line spacing pdfminer puts each line in a box of its own."""
    rows = []
    for box in boxes:
        lines = [(line, NOT_TEXT.sub("", line.get_text()).strip()) for line in box if isinstance(line, LTTextLine)]
        lines = [(line, text) for line, text in lines if text]
        if lines:
            rows.append(lines)
    if not rows:
        return ""
    left = min(line.x0 for lines in rows for line, _ in lines)
    right = max(line.x1 for lines in rows for line, _ in lines)
    paragraphs, previous = [], None
    for lines in rows:
        text = "\n".join(t for _, t in lines)
        first = lines[0][0]
        if previous is not None and _wrapped(previous, first, left, right):
            paragraphs[-1] += "\n" + text
        else:
            paragraphs.append(text)
        previous = lines[-1][0]
    return "\n\n".join(paragraphs)


def _wrapped(previous, line, left, right):
    """True when ``line`` continues ``previous`` after an automatic line wrap."""
    if not (0 <= previous.y0 - line.y1 <= 1.5 * previous.height) or line.x0 > left + 0.05 * (right - left):
        return False
    chars = [c for c in line if isinstance(c, LTChar)]
    word = next((i for i, c in enumerate(chars) if c.get_text().isspace()), len(chars))
    first_word = chars[word - 1].x1 - chars[0].x0 if word else 0
    space = chars[0].size * 0.3 if chars else 0
    return previous.x1 + space + first_word >= right - 2


def _cjk_layout(text):
    if not CJK_SEARCH.search(text):
        return text
    return CJK_GAP.sub("", CJK_WRAP.sub("", text))


def _chars(obj):
    for child in obj:
        if isinstance(child, LTChar):
            if not NOT_TEXT.fullmatch(child.get_text()):
                yield child
        elif isinstance(child, LTContainer):
            yield from _chars(child)


def _lines_by_position(chars, layout):
    """Text of a page rebuilt from glyph positions: lines by baseline, words by gaps, reading order by
    direction. pdfminer's own layout splits a right-to-left line at every number or Latin word (the
    producer draws each direction run on its own), and then orders the pieces wrongly."""
    chars = sorted(chars, key=lambda c: -(c.y0 + c.y1) / 2)
    lines = []
    for c in chars:
        middle = (c.y0 + c.y1) / 2
        if lines and abs(lines[-1]["middle"] - middle) <= 0.4 * max(c.height, 1):
            lines[-1]["chars"].append(c)
        else:
            lines.append({"middle": middle, "height": c.height, "chars": [c]})
    pitches = sorted(a["middle"] - b["middle"] for a, b in zip(lines, lines[1:]))
    # The lower quartile is the pitch inside a paragraph, even on a page of short paragraphs.
    pitch = pitches[len(pitches) // 4] if pitches else 0
    inked = [c for c in chars if not c.get_text().isspace()] or chars
    left = min(c.x0 for c in inked)
    right = max(c.x1 for c in inked)
    out, previous = [], None
    for line in lines:
        text = bidi.reading_order(_with_spaces(line["chars"])).strip()
        if not text or _in_margin(line["middle"], layout) and PAGE_NUMBER.match(text):
            continue
        if previous is not None:
            gap = previous["middle"] - line["middle"]
            # A right-to-left line that runs to the left margin was wrapped, so the paragraph goes on
            # unless the gap is far wider than a line.
            starts = [c.x0 for c in previous["chars"] if not c.get_text().isspace()] or [right]
            full = min(starts) <= left + 0.1 * (right - left)
            if gap > (2.5 if full else 1.2) * pitch:
                out.append("")
        out.append(text)
        previous = line
    return "\n".join(out)


def _with_spaces(chars):
    """``(text, x0, x1)`` glyphs of one line with spaces where the gap between glyphs is a word gap."""
    chars = sorted(chars, key=lambda c: c.x0)
    glyphs, reach, after_space = [], None, True
    for c in chars:
        # ``reach`` is the right edge of everything so far: a ligature's second letter can be drawn
        # with no width inside the first, and the gap counts from the wider of the two.
        space = c.get_text().isspace()
        if reach is not None and c.x0 - reach > 0.2 * max(c.size, 1) and not space and not after_space:
            glyphs.append((" ", reach, c.x0))
        glyphs.append((_fold_presentation(c.get_text()), c.x0, c.x1))
        reach = c.x1 if reach is None else max(reach, c.x1)
        after_space = space
    return glyphs


def _fold_presentation(text):
    # Arabic presentation forms (one code point per shaped glyph, e.g. the lam-alef ligature) read
    # fine in NFKC and badly everywhere else; other text keeps its form for display.
    if any("\ufb50" <= ch <= "\ufdff" or "\ufe70" <= ch <= "\ufeff" for ch in text):
        return unicodedata.normalize("NFKC", text)
    return text
