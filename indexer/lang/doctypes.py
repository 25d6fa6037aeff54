"""A document's type guessed from its title, glossary-style: "Estrategia nacional…" is a national
strategy, "Loi n°…" a law, "… Regulations 2021" a regulation.

``type-terms.csv`` (beside this module) lists, per type and language, the words titles use for it.
The type whose word comes first in the title wins ("Consultation on the national strategy" is a
consultation), the longer word on a tie ("national strategy" before "strategy"). Words are matched
whole, case and accents folded; in scripts written without spaces, anywhere in the title. The build
uses the guess only for a row that gives no type, and says it is automatic.
"""
import csv
import hashlib
from functools import lru_cache
from pathlib import Path

import regex

from indexer.lang.analysis import NOSPACE_CHAR, fold_accents

TERMS_FILE = Path(__file__).with_name("type-terms.csv")


def _fold(text):
    return fold_accents(text).casefold()


@lru_cache(maxsize=1)
def _patterns():
    """``[(type, compiled pattern, term length)]`` from the terms file."""
    found = []
    with open(TERMS_FILE, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for term in (t.strip() for t in row["terms"].split("|")):
                if not term:
                    continue
                folded = regex.escape(_fold(term))
                spaced = not NOSPACE_CHAR.match(term[0])
                pattern = regex.compile(rf"(?<!\w){folded}(?!\w)" if spaced else folded)
                found.append((row["type"], pattern, len(term)))
    return found


def digest():
    """Changes when the terms change, so that an update guesses the types again."""
    return hashlib.sha1(TERMS_FILE.read_bytes()).hexdigest()[:12]


def guess(title, types=None):
    """The type slug ``title`` names first (among ``types`` when given), or ""."""
    folded = _fold(title or "")
    best = None
    for slug, pattern, length in _patterns():
        if types and slug not in types:
            continue
        m = pattern.search(folded)
        if m and (best is None or (m.start(), -length) < best[:2]):
            best = (m.start(), -length, slug)
    return best[2] if best else ""
