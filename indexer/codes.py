"""The code lists the manifest is checked against, from CLDR (through Babel).

Countries are ISO 3166-1 alpha-2 plus the organisation codes CLDR knows (``EU``, ``UN``); languages
are ISO 639-1, plus ``und``.
"""
from functools import lru_cache

from babel import Locale


@lru_cache(maxsize=None)
def countries():
    return frozenset(code for code in Locale("en").territories if len(code) == 2 and code.isalpha())


@lru_cache(maxsize=None)
def languages():
    return frozenset(code for code in Locale("en").languages if len(code) == 2 and code.isalpha()) | {"und"}


def is_country(code):
    return code in countries()


def is_language(code):
    return code in languages()
