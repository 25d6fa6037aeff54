"""Query words the glossary does not know, translated with the snapshot's bilingual dictionaries.

Each content word of a query is looked up in the languages it may be in: the query's own languages,
and those whose documents use the word. Its translations into one language are synonyms of one
another (Pirkola's structured query): a document scores once for the word, by the best of its
translations, not once per translation, so a word with many translations does not outweigh one
with few. The translated words are all required, as the typed ones are, and the whole weighs less
than the glossary's expansion, which weighs less than the words typed. Translations that are stop
words of their language, or that most of the language's documents contain, are dropped: they would
bring in everything.
"""
from whoosh import query as wq

from indexer.lang import analysed_stopwords, field_for, tokenize

DICTIONARY_WEIGHT = 0.05   # below the glossary's EXPANSION_WEIGHT (0.1), which is below the words typed
MAX_DOC_SHARE = 0.3        # a translation in more than this share of its language's documents says nothing
# Tuned on tests/eval/crosslanguage.csv for precision: each further sense or source language brought
# in more wrong documents (transport → نقل "transfer", culture → زراعة "cultivation") than right ones.
MAX_SOURCES = 2            # languages a word is looked up in, when it could be in several
MAX_PER_LANGUAGE = 1       # translations of one word into one language from one source: the main sense
SHOWN_TERMS = 8
SHOWN_FIRST = ("en", "fr", "es", "ar", "zh", "ru")


def translate(live, text, languages, covered=frozenset()):
    """``(query, description)`` for the words of ``text`` that the dictionaries translate, leaving out
    those the glossary expanded (``covered``, as typed); None when nothing is translated."""
    dictionary = live.dictionary()
    if not len(dictionary):
        return None
    reader = live.searcher().reader()
    indexed = set(reader.indexed_field_names())
    typed = text.split()
    words = {}   # position in the query -> {target language: [(text, tokens)]}
    for position, word in enumerate(typed):
        if word in covered:
            continue
        found = {}
        for source in _sources(dictionary, reader, word, languages):
            for target, terms in _lookup(dictionary, word, source).items():
                if target != source and field_for(target) == "text_" + target and field_for(target) in indexed:
                    slot = found.setdefault(target, [])
                    useful = [term for term in terms if _useful(reader, term, target)][:MAX_PER_LANGUAGE]
                    slot.extend(term for term in useful if term not in slot)
        found = {target: terms for target, terms in found.items() if terms}
        if found:
            words[position] = found
    if not words:
        return None
    parts = [wq.Or([_synonyms(field_for(target), terms) for target, terms in found.items()])
             for found in words.values()]
    query = (wq.And(parts) if len(parts) > 1 else parts[0]).with_boost(DICTIONARY_WEIGHT)
    return query, _describe(words, typed)


def _lookup(dictionary, word, source):
    tokens = tokenize(word, source)
    found = dictionary.translate(list(tokens), source) if len(tokens) == 1 else []
    return found[0][2] if found else {}


def _sources(dictionary, reader, word, languages):
    """The languages to look ``word`` up in: those of the query, and those whose documents use the
    word; when neither has it (a word typed in a language the page could not tell), any."""
    having = [code for code in dictionary.sources()
              if tokenize(word, code) and tokenize(word, code)[0] not in analysed_stopwords(code) and _lookup(dictionary, word, code)]
    likely = [code for code in having
              if code in languages or reader.doc_frequency(field_for(code), tokenize(word, code)[0])]
    return (likely or having)[:MAX_SOURCES]


def _useful(reader, term, target):
    """A translation that can find something and does not find everything."""
    _, tokens = term
    if all(token in analysed_stopwords(target) for token in tokens):
        return False
    documents = max(1, reader.doc_count())
    name = field_for(target)
    return all(reader.doc_frequency(name, token) / documents <= MAX_DOC_SHARE for token in tokens)


def _synonyms(name, terms):
    """One word's translations into one language: a document scores by the best of them."""
    queries = [wq.Term(name, tokens[0]) if len(tokens) == 1 else wq.Phrase(name, list(tokens)) for _, tokens in terms]
    return queries[0] if len(queries) == 1 else wq.DisjunctionMax(queries)


def _describe(words, typed):
    shown = {}
    for found in words.values():
        for target, terms in found.items():
            shown.setdefault(target, terms[0][0])
    order = sorted(shown, key=lambda c: (SHOWN_FIRST.index(c) if c in SHOWN_FIRST else len(SHOWN_FIRST), c))
    return {"words": [typed[position] for position in words],
            "terms": [{"text": shown[c], "language": c} for c in order[:SHOWN_TERMS]],
            "more_languages": max(0, len(order) - SHOWN_TERMS)}
