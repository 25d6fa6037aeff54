"""Whoosh analyzers, one per language, built from the same small parts.

Every analyzer starts with ``WordTokenizer``: words of any alphabetic script are tokens, and runs of
Chinese, Japanese, Korean, Thai and similar scripts, which do not put spaces between words, become
overlapping character bigrams (what Lucene's CJK analyzer does). Then ``Normalize`` (NFKC, case
folding, digits of any script as ASCII), a language's own orthographic normalizer where it needs one
(Arabic, Persian, Hebrew, Russian), accent folding and its stemmer. There are no stop words: a query
is searched in every language field, and a word dropped in one field but kept in another would make
AND queries miss documents; BM25 weighs common words down anyway.

The same analyzer runs on the query, so a query word meets the indexed word in the same form:

>>> [t.text for t in analyzer_for("fr")("Des règlements européens")]
['de', 'regl', 'europeen']
>>> [t.text for t in analyzer_for("fr")("reglement europeen")]
['regl', 'europeen']
>>> [t.text for t in analyzer_for("zh")("人工智能")]
['人工', '工智', '智能']
>>> [t.text for t in analyzer_for("ar")("الْمَمْلَكَة")] == [t.text for t in analyzer_for("ar")("المملكة")]
True
"""
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex
import Stemmer
from whoosh.analysis import Filter, Token, Tokenizer

from indexer.lang import stemmers

# Scripts written without spaces between words: indexed as character bigrams.
_NOSPACE = r"\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\u30fc\u3005"
NOSPACE_CHAR = regex.compile("[%s]" % _NOSPACE)
# Joiners stay inside a word: Persian and Urdu join its parts with a zero-width non-joiner
# (داده‌ها), Catalan writes l·l (intel·ligència).
TOKEN = regex.compile(r"(?P<bigram>[%s]+)|(?P<word>(?&w)+(?:[\u200c\u200d\u00b7](?&w)+)*)(?(DEFINE)(?P<w>[[\p{L}\p{M}\p{N}]--[%s]]))"
                      % (_NOSPACE, _NOSPACE), regex.V1)
# A Thai or Khmer letter with its vowel and tone marks is one unit of a bigram, not three.
GRAPHEME = regex.compile(r"\X")


def is_bigram(token):
    """A bigram of a script written without spaces (two letters with their marks), as the
    tokenizer makes them."""
    return len(GRAPHEME.findall(token)) == 2 and all(NOSPACE_CHAR.match(ch) for ch in token)


class WordTokenizer(Tokenizer):
    """Words, and bigrams for scripts without spaces.

    >>> [t.text for t in WordTokenizer()("AI人工智能 l'été 2024")]
    ['AI', '人工', '工智', '智能', 'l', 'été', '2024']
    >>> [t.text for t in WordTokenizer()("สิทธิบัตร")]
    ['สิท', 'ทธิ', 'ธิบั', 'บัต', 'ตร']
    """

    def __eq__(self, other):
        return type(self) is type(other)

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            t.original = t.text = value
            t.boost = 1.0
            if positions:
                t.pos = start_pos
            if chars:
                t.startchar, t.endchar = start_char, start_char + len(value)
            yield t
            return
        pos = start_pos
        for match in TOKEN.finditer(value):
            run, start = match.group(), match.start()
            units = GRAPHEME.findall(run) if match.lastgroup == "bigram" else ()
            if len(units) > 1:
                offsets = [start]
                for unit in units:
                    offsets.append(offsets[-1] + len(unit))
                pieces = [(units[i] + units[i + 1], offsets[i]) for i in range(len(units) - 1)]
            else:
                pieces = [(run, start)]
            for text, offset in pieces:
                t.text = text
                t.boost = 1.0
                t.stopped = False
                if keeporiginal:
                    t.original = text
                if positions:
                    t.pos = pos
                    pos += 1
                if chars:
                    t.startchar = start_char + offset
                    t.endchar = start_char + offset + len(text)
                yield t


class Normalize(Filter):
    """NFKC (presentation forms, full-width letters, ligatures), case folding, and ASCII digits."""

    def __call__(self, tokens):
        for t in tokens:
            text = t.text
            t.text = text.casefold() if text.isascii() else _normalized(text)
            yield t


# A build analyses millions of words, most of them seen before: the work per distinct word is cached.
@lru_cache(maxsize=100_000)
def _normalized(text):
    text = unicodedata.normalize("NFKC", text)
    if any(ch.isdigit() and not ch.isascii() for ch in text):
        text = "".join(str(unicodedata.digit(ch, ch)) if ch.isdigit() else ch for ch in text)
    return text.casefold()


# Letters that are not a base letter with a mark, so NFD leaves them alone; Turkish dotless ı is
# typed as i on most keyboards (and İ folds to i with a dot, which NFD takes off).
_FOLD_EXTRA = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d", "ı": "i"})


def fold_accents(text):
    """Strip accents from Latin and Greek letters; other scripts (Cyrillic й, Devanagari vowel signs)
    keep their marks, which there make different letters.

    >>> fold_accents("Règlement Źródło ΤΕΧΝΗΤΉ й")
    'Reglement Zrodlo ΤΕΧΝΗΤΗ й'
    """
    return text if text.isascii() else _fold(text)


@lru_cache(maxsize=100_000)
def _fold(text):
    out = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and out and _latin_or_greek(out[-1]):
            continue
        out.append(ch)
    return unicodedata.normalize("NFC", "".join(out)).translate(_FOLD_EXTRA)


def _latin_or_greek(ch):
    cp = ord(ch)
    return cp < 0x0250 or 0x1E00 <= cp <= 0x1EFF or 0x0370 <= cp <= 0x03FF or 0x1F00 <= cp <= 0x1FFF


class FoldAccents(Filter):
    def __call__(self, tokens):
        for t in tokens:
            t.text = fold_accents(t.text)
            yield t


class CharMap(Filter):
    """Orthographic normalization by a table: drop some characters, map others."""

    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        return type(self) is type(other) and self.name == other.name

    def __call__(self, tokens):
        table = CHAR_MAPS[self.name]
        for t in tokens:
            t.text = t.text.translate(table)
            if t.text:
                yield t


def _table(drop="", **pairs):
    table = {ord(ch): None for ch in drop}
    for target, sources in pairs.items():
        for ch in sources:
            table[ord(ch)] = TARGETS[target]
    return table


TARGETS = {"alef": "ا", "yeh": "ي", "heh": "ه", "kaf": "ك", "fa_yeh": "ی", "fa_kaf": "ک", "ie": "е", "ur_heh": "ہ"}
ZW = "\u200c\u200d"  # zero-width (non-)joiners: typed or not, the same word
ARABIC_MARKS = "".join(chr(c) for c in range(0x064B, 0x0660)) + "\u0670\u0640"  # harakat, dagger alef, tatweel
CHAR_MAPS = {
    "arabic": _table(ARABIC_MARKS, alef="آأإٱ", yeh="ىی", heh="ة", kaf="ک"),
    "persian": _table(ARABIC_MARKS + ZW, alef="آأإٱ", fa_yeh="يى", heh="ةۀ", fa_kaf="ك"),
    "urdu": _table(ARABIC_MARKS + ZW, alef="آأإٱ", fa_yeh="يى", ur_heh="ةۃه", fa_kaf="ك"),
    "hebrew": _table("".join(chr(c) for c in range(0x0591, 0x05C8) if c not in (0x05BE, 0x05C0, 0x05C3, 0x05C6))),
    "cyrillic_yo": _table(ie="ё"),
}


class Stem(Filter):
    """A stemmer by name: one of ours, or a Snowball algorithm from PyStemmer. The PyStemmer object is
    made lazily, because the analyzer is pickled with the index schema and it does not pickle."""

    def __init__(self, algorithm):
        self.algorithm = algorithm
        self._stem = None

    def __eq__(self, other):
        return type(self) is type(other) and self.algorithm == other.algorithm

    def __getstate__(self):
        return {"algorithm": self.algorithm, "_stem": None}

    def stemmer(self):
        if self._stem is None:
            own = stemmers.STEMMERS.get(self.algorithm)
            self._stem = own or Stemmer.Stemmer(self.algorithm, 100_000).stemWord
        return self._stem

    def __call__(self, tokens):
        stem = self.stemmer()
        for t in tokens:
            if not t.stopped:
                t.text = stem(t.text)
            yield t


class StemThenFold(Stem):
    """For languages whose stemmer needs the marks (Hungarian ő ű, Turkish ı ş ğ, Polish, Czech …): the
    stem of the word as written, folded. A word typed without its marks is another word to the
    stemmer (``szerzoi`` is not stemmed like ``szerzői``), so when indexing, a word written with marks
    is also indexed, at the same position, as the stem of its folded form: a query typed with the
    marks meets the first, one typed without them the second, and words whose marks make them
    different words stay apart when typed with them."""

    def __call__(self, tokens):
        stem = self.stemmer()
        for t in tokens:
            if t.stopped:
                yield t
                continue
            written = t.text
            t.text = fold_accents(stem(written))
            yield t
            if t.mode == "index":
                folded = fold_accents(written)
                if folded != written:
                    typed_bare = stem(folded)
                    if typed_bare != t.text:
                        t.text = typed_bare
                        yield t


@dataclass(frozen=True)
class LanguageSpec:
    stemmer: str = ""
    charmap: str = ""
    # Fold accents before the stemmer where it copes with unaccented words (so a query typed without
    # accents meets the same stem); after it where the stemmer's rules depend on the diacritics.
    fold: str = "before"


# Languages with their own index field. Everything else goes to ``und`` with the default analyzer.
LANGUAGES = {
    "ar": LanguageSpec("arabic_light", "arabic", fold=""), "fa": LanguageSpec("persian", "persian", fold=""),
    "he": LanguageSpec("hebrew_light", "hebrew", fold=""), "ur": LanguageSpec("urdu_light", "urdu", fold=""),
    "hy": LanguageSpec("armenian", fold=""), "eu": LanguageSpec("basque"), "ca": LanguageSpec("catalan"),
    "cs": LanguageSpec("czech", fold="after"), "da": LanguageSpec("danish"),
    "nl": LanguageSpec("dutch"), "en": LanguageSpec("english"),
    "eo": LanguageSpec("esperanto"), "et": LanguageSpec("estonian"),
    "fi": LanguageSpec("finnish"), "fr": LanguageSpec("french"),
    "de": LanguageSpec("german"), "el": LanguageSpec("greek"),
    "hi": LanguageSpec("hindi", fold=""), "ne": LanguageSpec("nepali", fold=""),
    "hu": LanguageSpec("hungarian", fold="after"), "id": LanguageSpec("indonesian"),
    "ms": LanguageSpec("indonesian"), "ga": LanguageSpec("irish"), "it": LanguageSpec("italian"),
    "lt": LanguageSpec("lithuanian", fold="after"), "no": LanguageSpec("norwegian"),
    "nb": LanguageSpec("norwegian"), "nn": LanguageSpec("norwegian"),
    "pl": LanguageSpec("polish", fold="after"), "pt": LanguageSpec("portuguese"),
    "ro": LanguageSpec("romanian"), "ru": LanguageSpec("russian", "cyrillic_yo", fold=""),
    "be": LanguageSpec("", "cyrillic_yo", fold=""), "sr": LanguageSpec("serbian", fold="after"),
    "es": LanguageSpec("spanish"), "sv": LanguageSpec("swedish"),
    "ta": LanguageSpec("tamil", fold=""), "tr": LanguageSpec("turkish", fold="after"),
    "uk": LanguageSpec("ukrainian_lemma", fold=""), "bg": LanguageSpec("bulgarian_light", fold=""),
    "mk": LanguageSpec("macedonian_light", fold=""),
    "zh": LanguageSpec(fold=""), "ja": LanguageSpec(fold=""), "ko": LanguageSpec(fold=""),
    "th": LanguageSpec(fold=""), "vi": LanguageSpec(), "sk": LanguageSpec(fold="after"),
    "sl": LanguageSpec(), "hr": LanguageSpec(fold="after"), "bs": LanguageSpec(fold="after"),
    "lv": LanguageSpec(fold="after"), "sq": LanguageSpec(), "sw": LanguageSpec(), "af": LanguageSpec(),
    "und": LanguageSpec(),
}


def analyzer_for(code):
    """The analyzer for an ISO 639-1 code; unknown codes get the default (``und``) analyzer."""
    return _analyzer(code if code in LANGUAGES else "und")


# One per language, kept: composing the chain costs more than analysing a word, and the site
# analyses each query word in every language the dictionaries and the glossary have.
@lru_cache(maxsize=None)
def _analyzer(code):
    spec = LANGUAGES[code]
    chain = WordTokenizer() | Normalize()
    if spec.charmap:
        chain = chain | CharMap(spec.charmap)
    if spec.fold == "before":
        chain = chain | FoldAccents()
    if spec.stemmer and spec.fold == "after":
        chain = chain | StemThenFold(spec.stemmer)
    elif spec.stemmer:
        chain = chain | Stem(spec.stemmer)
    elif spec.fold == "after":
        chain = chain | FoldAccents()
    return chain


def field_languages():
    """Codes with an index field of their own, ``und`` included."""
    return tuple(LANGUAGES)


def field_for(code):
    """The index field that holds text in language ``code``."""
    return "text_" + (code if code in LANGUAGES else "und")
