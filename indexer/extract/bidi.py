"""Reading order for right-to-left text in PDFs.

Many producers (LibreOffice among them) write Arabic and Hebrew glyphs in visual order, so pdfminer
returns each line's letters reversed; others write logical order. Both put each glyph where it is
drawn, so we ignore the stream order and rebuild the reading order from the x positions: right to
left for right-to-left runs, left to right for Latin words and numbers inside them. A glyph's own
text (the lam-alef ligature is one glyph for two letters) is kept whole, as the producer mapped it.
"""
import unicodedata

RTL_CLASSES = ("R", "AL")
LTR_CLASSES = ("L", "EN", "AN")


def direction(text):
    """'R', 'L' or 'N' (neutral: spaces, punctuation) for a glyph's text."""
    for ch in text:
        cls = unicodedata.bidirectional(ch)
        if cls in RTL_CLASSES:
            return "R"
        if cls in LTR_CLASSES:
            return "L"
    return "N"


def has_rtl(text):
    return any(unicodedata.bidirectional(ch) in RTL_CLASSES for ch in text)


def reading_order(glyphs):
    """Join one line's glyphs, given as ``(text, x0, x1)`` in any order, in logical reading order.

    >>> reading_order([("ب", 20, 30), ("ا", 10, 20), (" ", 5, 10), ("1", 0, 2), ("2", 2, 5)])
    'با 12'
    """
    glyphs = sorted(glyphs, key=lambda g: (g[1] + g[2]) / 2)
    dirs = [direction(g[0]) for g in glyphs]
    rtl_line = dirs.count("R") >= dirs.count("L")
    runs = _runs(dirs, keep="L" if rtl_line else "R")
    if rtl_line:
        runs.reverse()
    out = []
    for start, end, is_kept in runs:
        run = glyphs[start:end]
        # A run of the line's own direction reads in line order; an embedded run reads the other way.
        if is_kept == rtl_line:
            out.extend(g[0] for g in run)
        else:
            out.extend(g[0] for g in reversed(run))
    return "".join(out)


def _runs(dirs, keep):
    """Split positions into ``(start, end, is_kept)``: maximal runs of direction ``keep`` (neutrals
    between two of them belong to the run) and single positions of everything else."""
    runs, i, n = [], 0, len(dirs)
    while i < n:
        if dirs[i] != keep:
            runs.append((i, i + 1, False))
            i += 1
            continue
        end = i + 1
        j = end
        while j < n and dirs[j] in (keep, "N"):
            j += 1
            if dirs[j - 1] == keep:
                end = j
        runs.append((i, end, True))
        i = end
    return runs
