"""Countries and years named in a query: ``kenya data protection``, ``Brasil inteligência artificial``,
``肯尼亚 数据保护``, ``البرازيل``, ``UK AI regulation``, ``data protection 2021``.

Country names are CLDR's (Babel), in every language the index analyses and their script variants,
plus the short forms people type that CLDR does not list as names (``UK``, ``USA``, ``السعودية``). A
name counts in English, the six UN languages, the country's own official languages and the query's
languages (detected, interface, selected): Afrikaans calls Poland ``Pole``, which an English query
means otherwise.
Only countries and years the collection has are recognised: a name of a country with no document is
left to the text search, as is any name that is also a stop word of some language. Names in scripts
written without spaces (Chinese, Japanese, Thai) are found inside a run of text (``肯尼亚数据保护``);
names in other scripts are whole words, of four Latin letters at least (shorter ones, ``Man``,
``End``, are words of some language more often than countries) or three of another script (``مصر``).
"""
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.languages import get_official_languages

from indexer.lang import field_languages, fold_accents, stopwords
from indexer.lang.analysis import NOSPACE_CHAR

# Typed in capitals, as abbreviations are: ``us`` and ``uk`` in lower case are words of some language.
ABBREVIATIONS = {"UK": "GB", "U.K.": "GB", "USA": "US", "U.S.": "US", "US": "US", "U.S.A.": "US", "UAE": "AE",
                 "EU": "EU", "PRC": "CN", "ROK": "KR", "KSA": "SA", "RSA": "ZA", "DRC": "CD"}
# Short forms that CLDR does not give as a country's name in these languages.
SHORT_FORMS = {"britain": "GB", "great britain": "GB", "england": "GB", "america": "US", "korea": "KR",
               "south korea": "KR", "holland": "NL", "السعودية": "SA", "الإمارات": "AE", "امريكا": "US",
               "أمريكا": "US", "بريطانيا": "GB", "美国": "US", "英国": "GB", "韩国": "KR", "欧盟": "EU"}
# Script variants whose names differ from their language's (Traditional Chinese: 肯亞, Serbian Latin).
VARIANTS = ("zh_Hant", "sr_Latn", "bs_Cyrl", "uz_Cyrl", "pa_Arab")
EVERYWHERE = frozenset({"en", "fr", "es", "ar", "zh", "ru", "*"})   # "*": our short forms
MIN_LETTERS = {True: 4, False: 3}   # in Latin letters, in another script
MAX_NAME_WORDS = 5
YEAR = re.compile(r"(?:19|20)\d\d")
EDGE_PUNCTUATION = ".,;:!?()[]\"'«»“”„"


@dataclass
class Named:
    rest: str                                      # the query without the names and years recognised
    found: list = field(default_factory=list)      # [{"facet", "value", "text"}], in the query's order
    words: list = field(default_factory=list)      # the names and years as typed


def fold(text):
    """A name or query word as compared: case, accents and compatibility forms aside."""
    return fold_accents(unicodedata.normalize("NFKC", text).casefold()).strip(EDGE_PUNCTUATION)


@lru_cache(maxsize=1)
def names():
    """``({folded name words: (code, languages)}, {name in a script without spaces: (code, languages)})``
    from CLDR and our short forms; a name that two countries share (``Kongo``) or that is a stop
    word is left out."""
    found = {}
    for locale in [c for c in field_languages() if c != "und"] + list(VARIANTS):
        try:
            territories = Locale.parse(locale).territories
        except (ValueError, UnknownLocaleError):
            continue
        for territory, name in territories.items():
            if len(territory) == 2 and territory.isalpha():
                found.setdefault(fold(name), {}).setdefault(territory, set()).add(locale.split("_")[0])
    for name, territory in SHORT_FORMS.items():
        found[fold(name)] = {territory: {"*"}}
    stops = frozenset().union(*(stopwords(code) for code in field_languages()))
    spaced, unspaced = {}, {}
    for name, territories in found.items():
        if len(territories) != 1 or name in stops:
            continue
        [(code, languages)] = territories.items()
        entry = (code, frozenset(languages))
        if all(NOSPACE_CHAR.match(ch) for ch in name.replace(" ", "")):
            if len(name) >= 2:
                unspaced[name] = entry
        elif sum(ch.isalpha() for ch in name) >= MIN_LETTERS[name.isascii()]:
            spaced[tuple(name.split())] = entry
    return spaced, unspaced


@lru_cache(maxsize=None)
def _official(code):
    return frozenset(get_official_languages(code, de_facto=True))


def _counts(entry, countries, languages):
    """The country code of a name entry when its country is in the collection and the name is one
    in a language that counts here, else None."""
    code, named_in = entry
    if code in countries and named_in & (EVERYWHERE | _official(code) | frozenset(languages)):
        return code
    return None


def recognise(text, countries, years, languages=()):
    """A ``Named`` for ``text``: the names of ``countries`` (codes) and the ``years`` it holds, and
    the words left to search; ``languages`` are the query's. Words with search syntax around them
    (``-kenya``, ``"…"``) are left alone."""
    spaced, unspaced = names()
    chunks = text.split()
    found, words, keep = [], [], []
    i = 0
    while i < len(chunks):
        hit = _spaced_name(chunks, i, spaced, countries, languages)
        if hit:
            length, code = hit
            typed = " ".join(chunks[i:i + length])
            found.append({"facet": "country", "value": code, "text": typed})
            words.append(typed)
            i += length
            continue
        chunk = chunks[i]
        if YEAR.fullmatch(chunk) and chunk in years:
            found.append({"facet": "year", "value": chunk, "text": chunk})
            words.append(chunk)
        elif NOSPACE_CHAR.search(chunk):
            keep.append(_unspaced_names(chunk, unspaced, countries, languages, found, words))
        else:
            keep.append(chunk)
        i += 1
    unique = list({(f["facet"], f["value"]): f for f in found}.values())
    return Named(rest=" ".join(k for k in keep if k), found=unique, words=words)


def _spaced_name(chunks, start, spaced, countries, languages):
    """``(words, code)`` of the longest name starting at ``chunks[start]``, or None."""
    if ABBREVIATIONS.get(chunks[start].rstrip(",;:")) in countries:
        return 1, ABBREVIATIONS[chunks[start].rstrip(",;:")]
    for length in range(min(MAX_NAME_WORDS, len(chunks) - start), 0, -1):
        typed = chunks[start:start + length]
        if any(t[:1] in "+-\"(" or t[-1:] in "\")" for t in typed):
            continue
        entry = spaced.get(tuple(fold(t) for t in typed))
        code = entry and _counts(entry, countries, languages)
        if code:
            return length, code
    return None


def _unspaced_names(chunk, unspaced, countries, languages, found, words):
    """``chunk`` without the names it contains (longest first), each noted in ``found``."""
    for name in sorted(unspaced, key=len, reverse=True):
        code = _counts(unspaced[name], countries, languages)
        if code and name in chunk:
            chunk = chunk.replace(name, " ", 1)
            found.append({"facet": "country", "value": code, "text": name})
            words.append(name)
    return " ".join(chunk.split())
