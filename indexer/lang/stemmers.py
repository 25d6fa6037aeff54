"""Light stemmers of our own, for languages where Snowball has none or strips too much, and a
dictionary lemmatiser (pymorphy3) for Ukrainian.

Each takes one normalized word (marks removed, letters unified by the language's character map) and
returns its stem. "Light" means only the affixes that are certainly grammar: the article and
conjunction prefixes and the plural suffixes. Conflating two unrelated words costs precision
everywhere; missing a rare form costs one query.
"""
import regex

# Arabic, after Larkey, Ballesteros and Connell's "light10": strip the article and conjunction
# prefixes and the common plural and pronoun suffixes. The Snowball Arabic stemmer also strips
# one-letter prepositions, which makes بيانات and البيانات different stems.
AR_PREFIXES = ("وال", "بال", "كال", "فال", "لل", "ال")
AR_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي")


def arabic_light(word):
    """
    >>> [arabic_light(w) for w in ("المملكه", "مملكه", "والبيانات", "بيانات")]
    ['مملك', 'مملك', 'بيان', 'بيان']
    """
    if len(word) > 3 and word.startswith("و") and not word.startswith("وال"):
        word = word[1:]
    for prefix in AR_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            word = word[len(prefix):]
            break
    for suffix in AR_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 2:
            word = word[:-len(suffix)]
    return word


# Hebrew writes the conjunction (ו), the article (ה), the prepositions (ב ל מ כ) and the relative
# (ש) as prefixes of the next word, alone or stacked: ובמשרד, שהחוק. Which first letters are prefixes
# cannot be told without a dictionary (מ is one in ממשרד, a root letter in מדינה), so they are
# stripped the same way wherever they stand, while four letters remain: the same word with or
# without prefixes then always meets, at the price of merging some words that differ in their first
# letter. Plurals -ים/-ות go too, and final letter forms become ordinary ones, so סיכון and
# הסיכונים meet.
HE_PREFIX_LETTERS = set("והבלמשכ")
HE_SUFFIXES = ("ים", "ות")
HE_FINALS = str.maketrans("ךםןףץ", "כמנפצ")
MAX_HE_PREFIXES = 4


def hebrew_light(word):
    """
    >>> [hebrew_light(w) for w in ("וניהול", "ניהול", "הסיכונים", "סיכון", "ולמדינה", "מדינה", "בינה")]
    ['ניהול', 'ניהול', 'סיכונ', 'סיכונ', 'דינה', 'דינה', 'בינה']
    """
    for _ in range(MAX_HE_PREFIXES):
        if len(word) > 4 and word[0] in HE_PREFIX_LETTERS:
            word = word[1:]
        else:
            break
    for suffix in HE_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[:-len(suffix)]
            break
    return word.translate(HE_FINALS)


# Urdu writes case and postpositions as separate words (کا، کی، میں), so only the plural and oblique
# endings are affixes: -وں, -یں, -یاں, and the Arabic and Persian plurals -ات and -ان.
UR_SUFFIXES = ("یاں", "وں", "یں", "ات", "ان")


def urdu_light(word):
    """
    >>> [urdu_light(w) for w in ("درخواستوں", "درخواست", "کتابیں", "اطلاعات")]
    ['درخواست', 'درخواست', 'کتاب', 'اطلاع']
    """
    for suffix in UR_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[:-len(suffix)]
    return word


# Bulgarian and Macedonian have no Snowball stemmer. Both lost noun cases but write the definite
# article as a suffix (закон, законът, законите; закон, законот, законите), and plurals and
# adjective endings as one or two vowels more, so a light stemmer takes off the article, then one
# plural or gender ending. Macedonian's other two articles (-ов/-он, -ва/-на …) are left alone: in
# a stem of three letters they are as often part of the word (закон), and official texts use -т-.
BG_ARTICLES = ("ията", "ият", "ите", "ята", "ата", "ото", "ия", "ът", "ят", "та", "то", "те")
BG_ENDINGS = ("ове", "еве", "ища", "ии", "и", "а", "о", "е", "я")
MK_ARTICLES = ("ите", "ата", "ото", "от", "та", "то", "те")
MK_ENDINGS = ("ови", "еви", "иња", "ишта", "ија", "ии", "иј", "и", "а", "о", "е")
MIN_SLAVIC_STEM = 3


def _strip_one(word, suffixes):
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_SLAVIC_STEM:
            return word[:-len(suffix)]
    return word


def bulgarian_light(word):
    """
    >>> [bulgarian_light(w) for w in ("законите", "законът", "закони", "стратегията", "стратегии", "стратегия")]
    ['закон', 'закон', 'закон', 'стратег', 'стратег', 'стратег']
    """
    return _strip_one(_strip_one(word, BG_ARTICLES), BG_ENDINGS)


def macedonian_light(word):
    """
    >>> [macedonian_light(w) for w in ("законот", "законите", "закони", "стратегијата", "стратегија", "стратегии")]
    ['закон', 'закон', 'закон', 'стратег', 'стратег', 'стратег']
    """
    return _strip_one(_strip_one(word, MK_ARTICLES), MK_ENDINGS)


# Ukrainian has no Snowball stemmer either, and seven cases: a dictionary does it better than
# suffix rules. pymorphy3 with its Ukrainian dictionary gives each word its lemma (законів → закон,
# концепції → концепція); a word it does not know gets the lemma its ending predicts.
_morph = {}
# Only Cyrillic words are the dictionary's business; pymorphy3 also fails on characters that have no
# Unicode name (a Tangut ideograph in an analyzer test).
CYRILLIC_WORD = regex.compile(r"^[\p{Script=Cyrillic}\p{M}'ʼ’-]+$")


def _lemmatiser(code):
    def lemma(word):
        if not CYRILLIC_WORD.match(word):
            return word
        if code not in _morph:
            import pymorphy3   # loads a dictionary of some megabytes: only where the language is met
            _morph[code] = (pymorphy3.MorphAnalyzer(lang=code), {})
        analyser, seen = _morph[code]
        found = seen.get(word)
        if found is None:
            parses = analyser.parse(word)
            found = seen[word] = parses[0].normal_form if parses else word
            if len(seen) > 200_000:   # a bound on memory; the commonest words come back at once
                seen.clear()
        return found
    return lemma


ukrainian_lemma = _lemmatiser("uk")
russian_lemma = _lemmatiser("ru")

STEMMERS = {"arabic_light": arabic_light, "hebrew_light": hebrew_light, "urdu_light": urdu_light,
            "bulgarian_light": bulgarian_light, "macedonian_light": macedonian_light,
            "ukrainian_lemma": ukrainian_lemma, "russian_lemma": russian_lemma}
