"""Tesseract through pytesseract: which languages are installed, and one page image → words.

Tesseract names its language models with ISO 639-2/T codes and a few of its own (``chi_sim``); the
index speaks ISO 639-1. ``MODELS`` maps one to the other for the languages Tesseract has models for.
"""
import functools
import re
import shutil

import pytesseract

MODELS = {
    "af": "afr", "am": "amh", "ar": "ara", "az": "aze", "be": "bel", "bg": "bul", "bn": "ben", "bs": "bos",
    "ca": "cat", "cs": "ces", "cy": "cym", "da": "dan", "de": "deu", "el": "ell", "en": "eng", "es": "spa",
    "et": "est", "eu": "eus", "fa": "fas", "fi": "fin", "fr": "fra", "ga": "gle", "gl": "glg", "gu": "guj",
    "he": "heb", "hi": "hin", "hr": "hrv", "hu": "hun", "hy": "hye", "id": "ind", "is": "isl", "it": "ita",
    "ja": "jpn", "ka": "kat", "kk": "kaz", "km": "khm", "kn": "kan", "ko": "kor", "lo": "lao", "lt": "lit",
    "lv": "lav", "mk": "mkd", "ml": "mal", "mn": "mon", "mr": "mar", "ms": "msa", "mt": "mlt", "my": "mya",
    "nb": "nor", "ne": "nep", "nl": "nld", "no": "nor", "pa": "pan", "pl": "pol", "ps": "pus", "pt": "por",
    "ro": "ron", "ru": "rus", "si": "sin", "sk": "slk", "sl": "slv", "sq": "sqi", "sr": "srp", "sv": "swe",
    "sw": "swa", "ta": "tam", "te": "tel", "tg": "tgk", "th": "tha", "tl": "tgl", "tr": "tur", "uk": "ukr",
    "ur": "urd", "uz": "uzb", "vi": "vie", "zh": "chi_sim",
}
# Characters of scripts written without spaces: Tesseract puts a space between every recognised
# "word", which for them is a character or two; the index wants them joined, as a PDF gives them.
UNSPACED = r"\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u0e00-\u0e7f"
UNSPACED_GAP = re.compile(r"(?<=[%s]) +(?=[%s])" % (UNSPACED, UNSPACED))
# What to recognise a page with when nothing says its language (``check`` on a loose file): the
# script Tesseract's orientation and script detection sees, and the languages that write it most here.
SCRIPT_LANGUAGES = {
    "Arabic": ("ar",), "Han": ("zh",), "Japanese": ("ja",), "Hangul": ("ko",), "Korean": ("ko",),
    "Cyrillic": ("ru", "uk"), "Latin": ("en", "fr", "es"), "Hebrew": ("he",), "Devanagari": ("hi",),
    "Thai": ("th",), "Greek": ("el",),
}
INSTALL_HINT = ("install Tesseract and its language packs (as root: apt-get install tesseract-ocr "
                "tesseract-ocr-ara tesseract-ocr-chi-sim tesseract-ocr-fra tesseract-ocr-rus tesseract-ocr-spa …)")


class OcrUnavailable(Exception):
    "Tesseract is not installed, or has no model for any wanted language"


@functools.lru_cache(maxsize=1)
def installed_models():
    """The language models Tesseract has here; empty when Tesseract is not installed."""
    if not shutil.which(pytesseract.pytesseract.tesseract_cmd):
        return frozenset()
    try:
        return frozenset(pytesseract.get_languages(config="")) - {"osd", "equ"}
    except (pytesseract.TesseractError, OSError, RuntimeError):
        return frozenset()


@functools.lru_cache(maxsize=1)
def version():
    return str(pytesseract.get_tesseract_version())


def models_for(languages):
    """``ara+eng``: Tesseract's models for the ISO 639-1 ``languages`` that are installed, in order."""
    have = installed_models()
    if not have:
        raise OcrUnavailable(f"Tesseract is not installed; {INSTALL_HINT}")
    models = [MODELS[code] for code in languages if MODELS.get(code) in have]
    models = list(dict.fromkeys(models)) or (["eng"] if "eng" in have else [])
    if not models:
        raise OcrUnavailable(f"Tesseract has no model for {', '.join(languages)}; {INSTALL_HINT}")
    return "+".join(models)


def script_languages(image, timeout):
    """ISO 639-1 codes for the script on the page image, English when it cannot be told (too little
    text, or no orientation and script model installed)."""
    try:
        found = pytesseract.image_to_osd(image.convert("L"), output_type=pytesseract.Output.DICT, timeout=timeout)
    except (pytesseract.TesseractError, RuntimeError):
        return ("en",)
    return SCRIPT_LANGUAGES.get(found.get("script"), ("en",))


def recognise(image, models, timeout):
    """``(text, confidence)`` of one page image: paragraphs separated by blank lines, and Tesseract's
    mean word confidence (0–100), None when it found no words. Raises RuntimeError on the time limit."""
    data = pytesseract.image_to_data(image.convert("L"), lang=models, timeout=timeout,
                                     output_type=pytesseract.Output.DICT)
    paragraphs, confidences = {}, []
    for i, word in enumerate(data["text"]):
        word = word.strip()
        if not word:
            continue
        confidences.append(float(data["conf"][i]))
        lines = paragraphs.setdefault((data["block_num"][i], data["par_num"][i]), {})
        lines.setdefault(data["line_num"][i], []).append(word)
    text = "\n\n".join("\n".join(" ".join(words) for words in lines.values()) for lines in paragraphs.values())
    confidence = round(sum(confidences) / len(confidences), 1) if confidences else None
    return UNSPACED_GAP.sub("", text), confidence
