"""Which language each passage of a document is in.

A document is split into paragraph-sized passages and each is decided on its own, so a bilingual
text gets both languages with their shares. The script decides what it can by itself (Hangul is
Korean, Han with Kana is Japanese, Greek is Greek); langdetect decides among the languages that share
a script. A passage too short to tell, or where langdetect is unsure, is ``und`` and takes the
language of its neighbours: a heading between two French paragraphs is French.
"""
import re
from dataclasses import dataclass

import regex
from langdetect import DetectorFactory, detect_langs
from langdetect.lang_detect_exception import LangDetectException

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
    "Cyrillic": {"ru", "uk", "bg", "mk", "sr"},
}
PARAGRAPH = re.compile(r"\n\s*\n")


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


def detect(text):
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
        # Japanese writes Han with Kana; a Chinese text has none. A few katakana loanwords in Chinese
        # are not enough, hence the share.
        return Guess("ja", cjk / letters) if kana >= max(2, 0.05 * cjk) else Guess("zh", cjk / letters)
    if script in SCRIPT_LANGUAGE:
        return Guess(SCRIPT_LANGUAGE[script], share) if n >= MIN_SCRIPT_LETTERS else Guess(UND, 0.0)
    if letters < MIN_LETTERS:
        return Guess(UND, 0.0)
    return _langdetect(text, SCRIPT_CANDIDATES.get(script))


def _langdetect(text, candidates):
    try:
        ranked = detect_langs(text)
    except LangDetectException:
        return Guess(UND, 0.0)
    for result in ranked:
        code = ALIASES.get(result.lang, result.lang)
        if candidates and code not in candidates:
            continue
        if result.prob < THRESHOLD:
            break
        return Guess(code, result.prob)
    return Guess(UND, 0.0)


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


def profile(pages, override="", declared="", min_share=0.05):
    """Detect every passage and sum up. ``override`` (from the manifest) is the main language and the
    language of every passage that detection could not decide; ``declared`` (an HTML ``lang``) only
    fills in when nothing was decided."""
    items = [(page, detect(text).code, text) for page, text in passages(pages)]
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


def _valid(tag):
    """``en`` from ``en-GB``, ``EN`` or ``en_US``; empty for anything that is not a language tag."""
    primary = re.split(r"[-_]", (tag or "").strip().lower())[0]
    return primary if re.fullmatch(r"[a-z]{2}", primary) else ""
