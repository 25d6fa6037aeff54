"""Which language each passage of a document is in.

A document is split into paragraph-sized passages and each is decided on its own, so a bilingual
text gets both languages with their shares. The script decides what it can by itself (Hangul is
Korean, Han with Kana is Japanese, Greek is Greek); langdetect decides among the languages that share
a script. A passage too short to tell, or where langdetect is unsure, is ``und`` and takes the
language of its neighbours: a heading between two French paragraphs is French.
"""
import re
from dataclasses import dataclass
from functools import lru_cache

import regex
from babel.languages import get_official_languages
from langdetect import DetectorFactory, detect_langs
from langdetect.detector_factory import init_factory
from langdetect.lang_detect_exception import LangDetectException

from indexer.lang.analysis import field_languages
from indexer.lang.stopwords import stopwords

DetectorFactory.seed = 0  # langdetect samples at random; a seed makes results reproducible

UND = "und"
THRESHOLD = 0.80     # langdetect probability below which we say ``und`` rather than guess
MIN_LETTERS = 20     # fewer letters than this and langdetect is a coin toss
MIN_SCRIPT_LETTERS = 4  # a script that belongs to one language decides from a few letters

# Scripts written by one language (in policy documents, at least): the script is the answer.
SCRIPT_LANGUAGE = {
    "Hangul": "ko", "Greek": "el", "Hebrew": "he", "Thai": "th", "Georgian": "ka", "Armenian": "hy",
    "Bengali": "bn", "Tamil": "ta", "Telugu": "te", "Gujarati": "gu", "Gurmukhi": "pa", "Kannada": "kn",
    "Malayalam": "ml", "Sinhala": "si", "Khmer": "km", "Lao": "lo", "Myanmar": "my", "Ethiopic": "am",
    "Oriya": "or", "Tibetan": "bo", "Mongolian": "mn",
}
SCRIPTS = ("Latin", "Cyrillic", "Arabic", "Devanagari", "Han", "Hiragana", "Katakana", *SCRIPT_LANGUAGE)
_SCRIPT_RES = {name: regex.compile(r"[\p{Script=%s}&&\p{L}]" % name, regex.V1) for name in SCRIPTS}
# langdetect's own codes that are not ISO 639-1
ALIASES = {"zh-cn": "zh", "zh-tw": "zh", "iw": "he", "jw": "jv", "in": "id", "tl": "fil"}
# What langdetect may answer for a passage in each script; anything else is noise.
SCRIPT_CANDIDATES = {
    "Arabic": {"ar", "fa", "ur"},
    "Devanagari": {"hi", "mr", "ne"},
    "Cyrillic": {"ru", "uk", "bg", "be", "mk"},   # Serbian, which langdetect lacks, is told by its letters
}
PARAGRAPH = re.compile(r"\n\s*\n")
WORD = regex.compile(r"\p{L}+")
LONG = 200   # characters: a passage this long is decided by its own text, not by priors
# Once a long passage is decided, the next ones are first checked cheaply for its language
# (``_plainly``): langdetect is most of a build's time, and most documents have one language.
PLAIN_STOPWORDS = 0.2   # share of a passage's words that are the settled language's stop words
PLAIN_MIN_WORDS = 20
PLAIN_MARGIN = 1.25      # ... and this many times more than of any other language's
# Once langdetect has said the same language for this many long passages in a row, a passage with
# fewer stop words (policy prose in Bosnian or Finnish has few) is taken as plain from this share on:
# a document rarely changes language, and a change still shows in the other languages' stop words.
CONFIRMED_AFTER = 3
CONFIRMED_STOPWORDS = 0.1
# ... or, once two long passages in a row said it, with half its words already seen in this
# document's passages of that language. Policy prose repeats its own words (its grammar words, its
# subject's terms) and another language shares few of them, whatever the language: this catches
# Turkish, Finnish or Croatian, whose stop-word lists are too short for the plain check. A title or
# heading (``SHORT_FAMILIAR`` of three words or more) known to one language of the document takes it
# too: langdetect on a few words is a guess anyway.
FAMILIAR_SHARE = 0.5
FAMILIAR_AFTER = 2
SHORT_FAMILIAR = 0.75
SHORT_MIN_WORDS = 3

# Languages close enough that langdetect confuses them, or does not know one of them.
FAMILIES = (("es", "pt", "gl"), ("da", "no", "sv"), ("ru", "uk", "bg", "be", "mk"), ("hr", "sr", "bs", "sl"),
            ("id", "ms"), ("nl", "af"), ("hi", "mr", "ne"), ("cs", "sk"))
FAMILY = {}
for _family in FAMILIES:
    for _code in _family:
        FAMILY[_code] = tuple(dict.fromkeys(FAMILY.get(_code, ()) + _family))
# Letters of one Cyrillic alphabet only.
CYRILLIC_LETTERS = ((set("ђћЂЋ"), "sr"), (set("ѓќѕЃЌЅ"), "mk"), (set("єїґЄЇҐ"), "uk"), (set("ўЎ"), "be"))
SERBIAN_MACEDONIAN = set("јљњџЈЉЊЏ")
# Words (``*``: word beginnings) that one language of a family uses and its neighbours do not:
# Croatian 'tisuća', 'znanost', 'sustav'; Serbian ekavian 'vreme', 'nauka', 'bezbednost'; Bosnian
# ijekavian with 'nauka', 'hiljada', 'sedmica'; Malaysian 'kerajaan', 'maklumat' for Indonesian
# 'pemerintah', 'informasi'. Cyrillic Serbian and Macedonian share ј, љ, њ, џ but not their grammar words.
MARKERS = {
    "hr": ("tisuć*", "znanost*", "znanstven*", "tjed*", "sveučiliš*", "tko", "što", "izvješć*", "sustav*",
           "proračun*", "europsk*", "osobn*", "umjetn*", "priopćen*", "ravnatelj*", "vlak*", "zrakoplov*",
           "uvjet*", "obitelj*", "članak", "članka", "članku", "tijekom", "kazal*", "općenit*", "izravn*",
           "glede", "sukladno", "skrb*", "gospodarstv*", "tvrtk*", "prosin*", "siječ*", "podatcima", "uporab*",
           "kibernetičk*", "mjesec*", "vrijem*", "vijeć*", "općin*", "opći*", "smjernic*", "prijedlog*", "sigurnost*"),
    "sr": ("hiljad*", "nauk*", "naučn*", "nedelj*", "univerzitet*", "opšt*", "šta", "vreme*", "veštačk*",
           "primen*", "promen*", "delatnost*", "izveštaj*", "bezbedn*", "železni*", "uslov*", "tokom", "deo",
           "rešen*", "zahtev*", "mesec*", "obezbe*", "menja*", "izmen*", "sprovo*", "lečen*", "celokupn*", "sistem*", "evropsk*",
           "хиљад*", "наук*", "научн*", "недељ*", "универзитет*", "општ*", "шта", "време*",
           "примен*", "промен*", "делатност*", "безбедн*", "железни*", "услов*", "током",
           "решењ*", "захтев*", "месец*", "обезбе*", "спрово*", "је", "су", "у", "из", "који", "које", "овај",
           "члан", "члана", "србије", "*има", "*ама", "*ом", "*их", "*ању", "*ања"),
    "bs": ("hiljad*", "nauk*", "naučn*", "sedmic*", "univerzitet*", "historij*", "vještačk*", "izvještaj*",
           "uslov*", "tokom", "mjesec*", "vrijem*", "prijedlog*", "vijeć*", "kanton*", "federacij*", "općin*",
           "opći*", "bosn*", "hercegovin*", "smjernic*", "ličn*", "nosioc*", "sigurnost*", "sistem*", "evropsk*"),
    "mk": ("во", "со", "кое", "кои", "овој", "оваа", "законот", "член", "членот", "владата", "македонија",
           "образложени*", "министерството", "ги", "го", "беше", "*от", "*ата", "*ите"),  # only against Serbian
    "ms": ("kerajaan", "maklumat", "bahawa", "kerana", "wang", "cukai", "syarikat", "hendaklah", "akta",
           "seksyen", "pelan", "negeri", "peribadi", "kebangsaan", "perkhidmatan", "pengangkutan", "rangkaian",
           "awam", "jadual", "bahagian", "cadangan", "jabatan", "penguatkuasaan", "boleh", "pesuruhjaya",
           "mempelawa", "kesihatan", "memperkukuh*", "rundingan", "pindaan", "semakan", "menyemak", "peruntukan"),
    "id": ("pemerintah", "informasi", "bahwa", "karena", "uang", "pajak", "perusahaan", "nasional", "pribadi",
           "layanan", "transportasi", "jaringan", "publik", "tabel", "bagian", "usulan", "desain", "pedoman",
           "kesehatan", "memperkuat", "daerah", "provinsi", "kabupaten", "penerapan", "terkait", "sehingga",
           "harus", "artifisial", "melakukan", "pengembangan", "kebijakan", "peraturan", "menteri"),
}
# Han characters that only Japanese writes (shinjitai) and only simplified Chinese writes.
JA_ONLY_HAN = set("戦発関経済図対応総広労権検証続県円駅気様価働歩帰払拡転伝営単収従挙桜浜沢渋焼猟獣稲穂粋粛"
                  "絵継縦蔵薬豊賛鉄鋭録険隠雑霊顕駆騒験髄鶏黙変観覧読説謡銭辺込畑峠枠")
ZH_ONLY_HAN = set("发关经济图对应总广劳权检证续气价们这个为时说进开门问间长东车书业产电网计认让论设识训评规"
                  "则护术据处务动实现监审创讨质资联组织级统运营标准础诉讼赔偿许页额头题风飞馆驾验齐龙")


@dataclass(frozen=True)
class Guess:
    code: str
    confidence: float


def script_counts(text):
    """Letters per script, e.g. ``{'Latin': 40, 'Han': 3}``."""
    counts = {}
    for name, pattern in _SCRIPT_RES.items():
        n = len(pattern.findall(text))
        if n:
            counts[name] = n
    return counts


def detect(text, prior=()):
    """The language of one passage as a ``Guess``, or ``Guess('und', 0)`` when it cannot be told.

    >>> detect("La stratégie nationale pour l'intelligence artificielle vise à renforcer la recherche.").code
    'fr'
    >>> detect("人工智能发展规划").code
    'zh'
    >>> detect("Article 5").code
    'und'
    """
    counts = script_counts(text)
    letters = sum(counts.values())
    if not letters:
        return Guess(UND, 0.0)
    script, n = max(counts.items(), key=lambda kv: kv[1])
    share = n / letters
    kana = counts.get("Hiragana", 0) + counts.get("Katakana", 0)
    cjk = counts.get("Han", 0) + kana
    if cjk / letters > 0.5 and cjk >= MIN_SCRIPT_LETTERS // 2:
        return Guess(_han_language(text, kana, cjk), cjk / letters)
    if script in SCRIPT_LANGUAGE:
        return Guess(SCRIPT_LANGUAGE[script], share) if n >= MIN_SCRIPT_LETTERS else Guess(UND, 0.0)
    if letters < MIN_LETTERS:
        return Guess(UND, 0.0)
    if script == "Cyrillic":
        for letter_set, code in CYRILLIC_LETTERS:
            if any(ch in letter_set for ch in text):
                return Guess(code, 1.0)
    ranked = _ranked(text, SCRIPT_CANDIDATES.get(script))
    if not ranked:
        return Guess(UND, 0.0)
    top, p = ranked[0]
    family = FAMILY.get(top, (top,)) if script in ("Latin", "Cyrillic") else (top,)
    markers = script == "Latin"
    if script == "Cyrillic":
        if any(ch in SERBIAN_MACEDONIAN for ch in text):
            # ј љ њ џ: Serbian or Macedonian; langdetect knows only Macedonian, so its answer is a hint
            top, p, family, markers = ("mk" if top == "mk" else "sr"), 1.0, ("sr", "mk"), True
        elif top == "mk":
            family, markers = ("sr", "mk"), True
    return _decide(text, top, p, family, ranked, prior, markers)


def _decide(text, top, p, family, ranked, prior, markers=True):
    """The answer from langdetect's ranking and what else is known, strongest evidence first: words
    only one language of the family uses; for a short passage, the prior language of the family;
    langdetect's own confident answer; a family that is certain as a whole, narrowed by the prior."""
    scores = {}
    if markers and len(family) > 1:
        words = WORD.findall(text.casefold())
        scores = {code: sum(1 for w in words if _marks(w, MARKERS.get(code, ()))) for code in family}
    best = max(scores.values(), default=0)
    leaders = [code for code, score in scores.items() if score == best and best]
    if len(leaders) == 1:
        return Guess(leaders[0], max(p, THRESHOLD))
    in_prior = [code for code in prior if code in (leaders or family)]
    if in_prior and len(text) < LONG:
        return Guess(in_prior[0], p)
    if p >= THRESHOLD:
        return Guess(top, p)
    mass = sum(q for code, q in ranked if code in family)
    if in_prior and mass >= THRESHOLD:
        return Guess(in_prior[0], mass)
    return Guess(UND, 0.0)


def _han_language(text, kana, cjk):
    """Japanese writes Han with kana; Chinese has none (a few katakana loanwords in Chinese are not
    enough, hence the share). A title all in Han is told by the characters each script reform
    made its own: 戦 発 関 in Japan, 战 发 关 in the People's Republic."""
    if kana >= max(2, 0.05 * cjk):
        return "ja"
    japanese = sum(1 for ch in text if ch in JA_ONLY_HAN)
    chinese = sum(1 for ch in text if ch in ZH_ONLY_HAN)
    return "ja" if japanese > chinese else "zh"


def preload():
    """Load langdetect's profiles now. Loaded lazily, they take a second or more on a busy machine, and
    langdetect's loader turns any exception raised meanwhile into its own error: a document's time
    limit firing then would be swallowed, and the document read without a limit."""
    init_factory()


def _ranked(text, candidates):
    """langdetect's ``[(code, probability)]``, best first, only ``candidates`` when given."""
    try:
        ranked = [(ALIASES.get(r.lang, r.lang), r.prob) for r in detect_langs(text)]
    except LangDetectException:
        return []
    return [(code, p) for code, p in ranked if not candidates or code in candidates]


def _marks(word, markers):
    """``word`` is one of ``markers``: whole words, beginnings (``nauk*``) or, for words of five
    letters or more, endings (``*ата``, the Macedonian article)."""
    for m in markers:
        if m.endswith("*"):
            if word.startswith(m[:-1]):
                return True
        elif m.startswith("*"):
            if len(word) >= 5 and word.endswith(m[1:]):
                return True
        elif word == m:
            return True
    return False


def passages(pages):
    """Split page texts into paragraph-sized passages, each with its page number (1-based)."""
    for number, page in enumerate(pages, 1):
        for para in PARAGRAPH.split(page):
            para = para.strip()
            if para:
                yield number, para


@dataclass
class Profile:
    """The languages of a whole document: ``main`` and ``shares`` (code → share of the text), and
    ``passages`` as ``(page, code, text)`` so that each can be indexed in its own language."""
    main: str
    shares: dict
    passages: list


def profile(pages, override="", declared="", min_share=0.05, country=""):
    """Detect every passage and sum up. ``override`` (from the manifest) is the main language and the
    language of every passage that detection could not decide; ``declared`` (an HTML ``lang``) only
    fills in when nothing was decided.

    Long passages are decided first, with the official languages of ``country`` as a prior; short
    ones (titles, headings) then take the languages of the long ones as their prior, so a Danish
    heading in a Danish document is not called Norwegian."""
    found = list(passages(pages))
    country_prior = tuple(dict.fromkeys(c for c in (override, _valid(declared), *country_languages(country)) if c))
    decided, settled, confirmed, seen = {}, UND, 0, {}
    for i, (_, text) in enumerate(found):
        if len(text) < LONG:
            continue
        words = _words(text)
        share = CONFIRMED_STOPWORDS if confirmed >= CONFIRMED_AFTER else PLAIN_STOPWORDS
        if settled != UND and (_plainly(text, settled, share, words) or (
                confirmed >= FAMILIAR_AFTER and _familiar(words, seen[settled]) >= FAMILIAR_SHARE)):
            decided[i] = settled
            seen[settled].update(words)
            continue
        code = detect(text, country_prior).code
        confirmed = confirmed + 1 if code == settled else 1
        decided[i] = settled = code
        seen.setdefault(code, set()).update(words)
    by_length = {}
    for i, code in decided.items():
        if code != UND:
            by_length[code] = by_length.get(code, 0) + len(found[i][1])
    document_prior = tuple(sorted(by_length, key=lambda c: -by_length[c])) + country_prior
    seen.pop(UND, None)
    items = [(page, decided[i] if i in decided else _short(text, seen, document_prior), text)
             for i, (page, text) in enumerate(found)]
    _fill_undecided(items, override or _valid(declared))
    total = sum(len(text) for _, code, text in items if code != UND)
    counts = {}
    for _, code, text in items:
        if code != UND:
            counts[code] = counts.get(code, 0) + len(text)
    shares = {code: n / total for code, n in counts.items()} if total else {}
    kept = {code: share for code, share in shares.items() if share >= min_share}
    if kept:
        norm = sum(kept.values())
        kept = {code: round(share / norm, 3) for code, share in sorted(kept.items(), key=lambda kv: -kv[1])}
    main = override or (next(iter(kept)) if kept else UND)
    return Profile(main=main, shares=kept, passages=items)


def _words(text):
    return [w.casefold() for w in WORD.findall(text)]


def _familiar(words, known):
    """The share of ``words`` in ``known``."""
    return sum(1 for w in words if w in known) / len(words) if len(words) >= PLAIN_MIN_WORDS else 0.0


def _short(text, seen, prior):
    """The language of a short passage: the one language of this document whose words it is made
    of, else what ``detect`` says with the document's languages as the prior."""
    words = _words(text)
    if len(words) >= SHORT_MIN_WORDS:
        known = [code for code, vocabulary in seen.items()
                 if sum(1 for w in words if w in vocabulary) >= SHORT_FAMILIAR * len(words)]
        if len(known) == 1:
            return known[0]
    return detect(text, prior).code


def _plainly(text, code, share=PLAIN_STOPWORDS, words=None):
    """``text`` is plainly in ``code``: a fifth or more of its words (``share``) are stop words of
    ``code``'s family, a quarter more of them than of any other language's (Italian shares ``la``
    and ``se`` with French), and no close language has more of its own (Portuguese ``do``, ``ao``
    against Spanish). Close languages whose lists are alike (Croatian, Bosnian) stay as they were decided.
    Anything less plain is left to ``detect``."""
    family, stops = _family_stops(code)
    words = _words(text) if words is None else words
    if len(words) < PLAIN_MIN_WORDS:
        return False
    hits = sum(1 for w in words if w in stops)
    if hits < share * len(words):
        return False
    own = sum(1 for w in words if w in stopwords(code))
    for other, others in _stop_lists():
        theirs = sum(1 for w in words if w in others) if other != code else 0
        if (other in family and theirs > own) or (other not in family and theirs * PLAIN_MARGIN >= hits):
            return False
    return True


@lru_cache(maxsize=None)
def _family_stops(code):
    family = FAMILY.get(code, (code,))
    return family, frozenset().union(*(stopwords(c) for c in family))


@lru_cache(maxsize=1)
def _stop_lists():
    return tuple((code, stopwords(code)) for code in field_languages() if stopwords(code))


def _fill_undecided(items, fallback):
    """Undecided passages take the language of the nearest decided passage before them (after them
    at the start of a document), else ``fallback``."""
    last = None
    for i, (page, code, text) in enumerate(items):
        if code != UND:
            last = code
        elif last:
            items[i] = (page, last, text)
    first = next((code for _, code, _ in items if code != UND), None) or fallback or None
    if first:
        for i, (page, code, text) in enumerate(items):
            if code != UND:
                break
            items[i] = (page, first, text)


def country_languages(country):
    """The official languages of a country as ISO 639-1 codes, from CLDR: a build's prior."""
    try:
        found = get_official_languages(country or "", de_facto=True)
    except Exception:  # Babel raises on codes it does not know; no prior is the answer
        return ()
    return tuple(dict.fromkeys(code.split("_")[0] for code in found if len(code.split("_")[0]) == 2))


def _valid(tag):
    """``en`` from ``en-GB``, ``EN`` or ``en_US``; empty for anything that is not a language tag."""
    primary = re.split(r"[-_]", (tag or "").strip().lower())[0]
    return primary if re.fullmatch(r"[a-z]{2}", primary) else ""
