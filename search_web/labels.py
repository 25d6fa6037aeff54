"""Human labels for codes: country, region and language names from CLDR (Babel), topics and document
types from topics.csv and types.csv."""
from functools import lru_cache

from babel import Locale, UnknownLocaleError

from indexer.lang import UND


@lru_cache(maxsize=64)
def _locale(hl):
    try:
        return Locale.parse(hl)
    except (ValueError, UnknownLocaleError):
        return Locale("en")


def country(code, hl="en"):
    return _locale(hl).territories.get(code, code) if code else ""


@lru_cache(maxsize=16)
def countries(hl="en"):
    """``[(code, name)]`` of every country and organisation code, by name in ``hl``."""
    names = _locale(hl).territories
    return sorted(((code, name) for code, name in names.items() if len(code) == 2 and code.isalpha()),
                  key=lambda pair: pair[1].casefold())


def language(code, hl="en"):
    if code == UND or not code:
        return {"en": "Undetermined"}.get(hl, _locale(hl).languages.get("und", "Undetermined"))
    return _locale(hl).languages.get(code, code)


def autonym(code):
    """A language's name in that language, capitalised as a name standing alone: ``Français``."""
    name = language(code, code)
    return name[:1].upper() + name[1:]


def topic(slug, topics, hl="en"):
    labels = topics.get(slug) or {}
    return labels.get(hl) or labels.get("en") or slug


def label(facet, value, report, hl="en"):
    """The label of a facet value; ``report`` is the snapshot's build report (its taxonomies)."""
    if facet in ("country", "region"):   # M49 regions (014) have CLDR names as territories do
        return country(value, hl)
    if facet == "language":
        return language(value, hl)
    if facet in ("topic", "type"):
        return topic(value, report.get(facet + "s", {}), hl)
    return value


@lru_cache(maxsize=256)
def direction(code):
    """``rtl`` or ``ltr`` for a language code, as CLDR writes the language (Kurdish, ``ku``, is
    written in Latin letters; Sorani, ``ckb``, in Arabic ones).

    >>> direction("ar"), direction("ku"), direction("ckb"), direction("und")
    ('rtl', 'ltr', 'rtl', 'ltr')
    """
    try:
        return Locale.parse(code).text_direction
    except (ValueError, TypeError, UnknownLocaleError):
        return "ltr"
