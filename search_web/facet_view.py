"""Facet values as a visitor reads them: labelled in the interface language, in an order that makes
sense in it, and on the page the first ten of each facet with a link to all of them.

The API gets every value (its lists stay complete); only the page cuts them, and a cut facet has a
no-JavaScript "more" link (``more=<facet>``) to the same search with that facet's whole list.
"""
from functools import lru_cache

import pyuca

from indexer.lang import UND
from search_web import labels

TOP = 10
# Values a document has when its manifest cell was empty: shown with a real label, not a blank.
NO_VALUE = {"country": "No country", "year": "Undated", "topic": "No topic"}


@lru_cache(maxsize=1)
def collator():
    # The Unicode Collation Algorithm (DUCET): "Égypte" sorts by E, Cyrillic and Arabic names by
    # their letters, not by code point (loaded once: it reads a 1.9 MB table).
    return pyuca.Collator()


@lru_cache(maxsize=8192)
def collation_key(label):
    # Labels are a few hundred names per language; a key costs a tenth of a millisecond to make.
    return collator().sort_key(label.casefold())


def label(facet, value, report, hl, tr):
    if not value and facet in NO_VALUE:
        return tr(NO_VALUE[facet])
    return labels.label(facet, value, report, hl)


def ordered(facet, values):
    """Years newest first; any other facet by count, then by label as the interface language's
    reader expects; a value without a label (no country, undated) last."""
    if facet == "year":
        return sorted(values, key=lambda v: v["value"], reverse=True)   # "" (undated) sorts last
    return sorted(values, key=lambda v: (-v["count"], not v["value"], collation_key(v["label"])))


def prepare(facets, report, hl, tr, toggle_url):
    """Label, order and link every value of every facet, in place (for the page and the API)."""
    for facet, values in facets.items():
        for v in values:
            v["label"] = label(facet, v["value"], report, hl, tr)
            v["toggle_url"] = toggle_url(facet, v["value"])
        facets[facet] = ordered(facet, values)
    return facets


def offered(facet, values):
    """The values a visitor may choose: "undetermined" is not a language to narrow to (unless it was
    already chosen, so that it can be removed)."""
    if facet == "language":
        return [v for v in values if v["value"] != UND or v["selected"]]
    return values


def shown(facets, more=""):
    """``{facet: (values on the page, how many more there are)}``: the top ten, plus any selected
    value below them; all of them for the facet named by ``more``."""
    out = {}
    for facet, values in facets.items():
        values = offered(facet, values)
        if facet == more or len(values) <= TOP:
            out[facet] = (values, 0)
            continue
        top = values[:TOP] + [v for v in values[TOP:] if v["selected"]]
        out[facet] = (top, len(values) - len(top))
    return out
