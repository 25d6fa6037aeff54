"""Light stemmers of our own, for languages where Snowball has none or strips too much.

Each takes one normalized word (marks removed, letters unified by the language's character map) and
returns its stem. "Light" means only the affixes that are certainly grammar: the article and
conjunction prefixes and the plural suffixes. Conflating two unrelated words costs precision
everywhere; missing a rare form costs one query.
"""

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


STEMMERS = {"arabic_light": arabic_light, "hebrew_light": hebrew_light, "urdu_light": urdu_light}
