"""Facet values checked against what they may be, before a search runs.

A value in the wrong case is taken as meant (``ke`` → ``KE``); a value that can be no code of its facet
is left out of the search, with the reason and a suggestion: the API answers 400 with it, the page
shows it as a notice. A facet plugs in with one checker in ``CHECKERS``; facets without one pass as
they are.
"""
import difflib
import re
from functools import lru_cache

from babel import Locale

from indexer.lang import UND
from search_web import regions

YEAR = re.compile(r"\d{4}")


class Rejected(Exception):
    """A value that is no code of its facet; the message says what it must be."""


@lru_cache(maxsize=1)
def _countries():
    """``{code: English name}`` of every ISO 3166-1 alpha-2 code and organisation CLDR knows (EU, UN)."""
    return {c: n for c, n in Locale("en").territories.items() if len(c) == 2 and c.isalpha()}


@lru_cache(maxsize=1)
def _languages():
    return {c: n for c, n in Locale("en").languages.items() if len(c) == 2 and c.isalpha()}


def _near(value, names):
    """The code whose name or code is closest to ``value``: ``KENYA`` or ``Ken`` → ``KE``."""
    wanted = value.casefold()
    for code, name in names.items():
        if name.casefold() == wanted or (len(wanted) >= 3 and name.casefold().startswith(wanted)):
            return code
    by_name = {name.casefold(): code for code, name in names.items()}
    close = difflib.get_close_matches(wanted, list(by_name), n=1, cutoff=0.8)
    return by_name[close[0]] if close else None


def _suggest(hint):
    return f"; did you mean {hint}?" if hint else ""


def country(value, live):
    code = value.upper()
    if code in _countries():
        return code
    raise Rejected("country must be an ISO 3166-1 alpha-2 code" + _suggest(_near(value, _countries())))


def language(value, live):
    code = value.lower()
    if code in _languages() or code == UND:
        return code
    raise Rejected("language must be an ISO 639-1 code or und" + _suggest(_near(value, _languages())))


def _slug_of(facet, table):
    """A checker for a facet whose values are the slugs of a taxonomy in the build report."""
    def check(value, live):
        slugs = live.report.get(table) or {}
        slug = value.lower()
        if not slugs or slug in slugs:   # a snapshot without the taxonomy cannot say what is wrong
            return slug
        close = difflib.get_close_matches(slug, list(slugs), n=1, cutoff=0.6)
        raise Rejected(f"{facet} must be a slug of {table}.csv" + _suggest(close[0] if close else None))
    return check


def region(value, live):
    code = value.upper()
    known, organisations = regions.containment()
    if code in known or code in organisations or not (known or organisations):   # no CLDR data: cannot tell
        return code
    names = {c: n for c, n in Locale("en").territories.items() if c in known or c in organisations}
    raise Rejected("region must be a UN M49 region code, such as 014 for Eastern Africa, or an organisation "
                   "such as EU" + _suggest(_near(value, names)))


def year(value, live):
    if YEAR.fullmatch(value):
        return value
    first = YEAR.match(value)
    hint = f"; for a range use from={first.group()}&to=…" if first and len(value) > 4 else ""
    raise Rejected("year must be four digits, such as 2021" + hint)


CHECKERS = {"country": country, "language": language, "topic": _slug_of("topic", "topics"),
            "type": _slug_of("type", "types"), "region": region, "year": year}


def check(filters, live):
    """``(filters with valid values only, their codes normalised; problems; notices)``: ``problems``
    are the API's reasons, ``notices`` the page's (message id, values) pairs."""
    kept, problems, notices = {}, [], []
    for facet, values in filters.items():
        checker = CHECKERS.get(facet)
        good = []
        for value in values:
            try:
                good.append(checker(value, live) if checker else value)
            except Rejected as ex:
                problems.append(f"{facet}={value}: {ex}")
                notices.append(("“%(value)s” is no code this filter knows; it was left out of the search.",
                                {"value": value}))
        if good:
            kept[facet] = list(dict.fromkeys(good))
    return kept, problems, notices
