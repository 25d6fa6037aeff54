"""From what a visitor typed to a Whoosh query.

- Every word is searched in every language field, each field analysing it its own way (so
  ``règlements`` meets ``règlement`` in French and ``законов`` meets ``закон`` in Russian); the
  fields of the languages the query is most likely in (its detected language, the interface language,
  the selected language facets) weigh more than the rest.
- Words that run together in Chinese, Japanese, Korean or Thai become character bigrams; the query
  needs the bigrams that cover the run, not every overlapping one (the text may say 数据开放 where the
  visitor typed 开放数据), and ranks the exact sequence first.
- Stop words of the query's languages are wished for, not required.
- A query that names glossary concepts is also searched with their terms in other languages, at a
  lower weight, so documents with the typed words come first ("also searched", ``xl=0`` turns it off).
- Words the glossary does not cover are translated with the bilingual dictionaries, lower still
  (``translation``; ``xl=0`` turns it off too).
"""
import re
from dataclasses import dataclass, field

from whoosh import qparser, query as wq

from indexer import lang
from indexer.lang import GRAPHEME, analysed_stopwords, field_for, is_bigram, stopwords, tokenize
from indexer.schema import text_fields
from search_web import countries, translation

OTHER_LANGUAGE_WEIGHT = 0.5   # a field of a language the query is probably not in
EXACT_WEIGHT = 1.0            # the words as typed, over the stems
EXPANSION_WEIGHT = 0.1        # glossary terms in other languages, below the words typed
MIN_COVERAGE = 0.5            # share of a query's content words that must be glossary terms to expand
SHOWN_TERMS = 8               # "also searched": this many terms at most
SHOWN_FIRST = ("en", "fr", "es", "ar", "zh", "ru")
SYNTAX = re.compile(r"[\"()*+\-:^~\[\]{}]|\b(AND|OR|NOT|ANDNOT|ANDMAYBE)\b")
WILDCARD = re.compile(r"[*?]")
# A minus or plus only starts an exclusion or a requirement at the start of a word: high-risk is a word.
WORD_START = r"(?:(?<=^)|(?<=[\s(]))"


@dataclass
class Parsed:
    query: object              # a Whoosh query, ``wq.NullQuery`` when nothing searchable, None for no query
    languages: tuple = ()
    expansion: dict = None     # {"language", "concepts", "terms": [{"text", "language"}]} when expanded
    translation: dict = None   # {"words", "terms": [{"text", "language"}]} when dictionaries translated words
    recognised: list = field(default_factory=list)   # [{"facet", "value", "text"}]: countries and years named
    # what every document found must also match, unscored: for each word, the queries of its forms
    # (one of them is enough); empty: nothing more
    required: list = field(default_factory=list)
    notices: list = field(default_factory=list)


class _Parser(qparser.QueryParser):
    def multitoken_query(self, spec, texts, fieldname, termclass, boost):
        required, optional = cover_bigrams(texts)
        if not optional:
            return super().multitoken_query(spec, texts, fieldname, termclass, boost)
        must = wq.And([termclass(fieldname, t, boost=boost) for t in required])
        # The bigrams in their order, as one phrase: a document with the word itself ranks above one
        # that has its bigrams apart (Thai a PDF broke into syllables, Chinese in other words), which
        # may hold them more often; the spare bigrams alone do not tell the two apart.
        sequence = wq.Phrase(fieldname, list(texts), boost=boost)
        return wq.AndMaybe(must, wq.Or([termclass(fieldname, t, boost=boost) for t in optional] + [sequence]))


def cover_bigrams(tokens):
    """``(required, optional)``: in each chain of overlapping bigrams (a run of Chinese, say), every
    other bigram and the last one are required, the others only raise the score.

    >>> cover_bigrams(["开放", "放数", "数据"])
    (['开放', '数据'], ['放数'])
    >>> cover_bigrams(["ai", "人工", "工智", "智能"])
    (['ai', '人工', '智能'], ['工智'])
    >>> cover_bigrams(["high", "risk"])
    (['high', 'risk'], [])
    """
    required, optional, chain = [], [], []

    def flush():
        for i, token in enumerate(chain):
            (required if i % 2 == 0 or i == len(chain) - 1 else optional).append(token)
        chain.clear()

    for token in tokens:
        if is_bigram(token) and chain and GRAPHEME.findall(chain[-1])[-1] == GRAPHEME.findall(token)[0]:
            chain.append(token)
            continue
        flush()
        if is_bigram(token):
            chain.append(token)
        else:
            required.append(token)
    flush()
    return required, optional


def query_languages(text, hl="", selected=()):
    """The languages a query is most likely in: its own (when it can be told), the interface's, the
    selected language facets'."""
    found = [lang.detect(text).code, hl, *selected]
    return tuple(dict.fromkeys(code for code in found if code and code != lang.UND))


def _parser(live, languages, text=""):
    """A parser whose fields weigh by ``languages``. Made per query (a tenth of a millisecond): cached
    per combination of languages, visitors' facet values would grow the cache without bound."""
    searcher = live.searcher()
    indexed = set(searcher.reader().indexed_field_names())
    fields = ["title"] + _fields_with_words(searcher, [f for f in text_fields(searcher.schema) if f in indexed], text)
    preferred = {field_for(code) for code in languages} | {"title", field_for("und")}
    if _only_stopwords(text, languages) and any(f in preferred for f in fields[1:]):
        # ``de la``, ``the``: found in most documents of a dozen languages; matching and ranking all
        # of them is the slowest search there is, and only the query's own languages are meant.
        fields = [f for f in fields if f in preferred]
    boosts = {f: 1.0 if f in preferred else OTHER_LANGUAGE_WEIGHT for f in fields}
    parser = _Parser(None, searcher.schema, group=qparser.AndGroup)
    parser.add_plugin(qparser.MultifieldPlugin(fields, fieldboosts=boosts))
    # No field:value syntax for visitors: it would expose internal fields and trip on URLs.
    parser.remove_plugin_class(qparser.FieldsPlugin)
    parser.add_plugin(qparser.PlusMinusPlugin(plusexpr=WORD_START + r"\+", minusexpr=WORD_START + "-"))
    return parser


def _only_stopwords(text, languages):
    words = tokenize(SYNTAX.sub(" ", text), "und")
    stops = frozenset().union(*(stopwords(code) for code in languages)) if languages else stopwords("en")
    return bool(words) and all(w in stops for w in words)


def _fields_with_words(searcher, fields, text):
    """The language fields in which some word of ``text``, analysed that field's way, occurs: a field
    with none of them adds nothing to the results but its cost (each word parsed and matched there
    too). Every word still has its title clause, so a word found nowhere still finds nothing.
    Wildcards are matched against the index later, so a query with one keeps every field."""
    if not text or WILDCARD.search(text):
        return fields
    plain = SYNTAX.sub(" ", text)
    reader = searcher.reader()
    return [name for name in fields
            if any((name, token.text) in reader for token in searcher.schema[name].analyzer(plain))]


def parse(live, text, hl="", selected=(), expand=True):
    """A ``Parsed`` for ``text``; input that does not parse is searched as plain words."""
    if not text:
        return Parsed(query=None)
    languages = query_languages(text, hl, selected)
    named = _named(live, text, languages)
    # The words left once the countries and years are set aside (all of them when nothing else is left).
    searched = named.rest if named.found and named.rest else text
    parser = _parser(live, languages, searched)
    parsed = Parsed(query=_parse(parser, searched, languages, notices := []), languages=languages, notices=notices)
    if expand and parsed.query is not wq.NullQuery:
        branches = [parsed.query]
        found = expansion(live, searched, languages)
        if found:
            extra, parsed.expansion = found
            branches.append(extra)
        covered = _covered(live, searched, parsed.expansion)
        translated = None if SYNTAX.search(searched) else translation.translate(live, searched, languages, covered)
        if translated:
            extra, parsed.translation = translated
            branches.append(extra)
        parsed.query = wq.Or(branches) if len(branches) > 1 else branches[0]
        parsed.required = _every_word(parser, searched, languages, branches, found, covered, translated)
    if named.found and parsed.query is not wq.NullQuery:
        parsed.query = _prefer_named(parser, named, parsed.query, searched is text)
        parsed.recognised = named.found
    return parsed


def _named(live, text, languages):
    """The countries and years of the collection that ``text`` names (none in a query with syntax)."""
    if re.search(r"[\"()\[\]{}:*?]", text):
        return countries.Named(rest=text)
    known = live.cache.get("named")
    if known is None:
        reader = live.searcher().reader()
        indexed = set(reader.indexed_field_names())
        known = live.cache["named"] = tuple(
            frozenset(t.decode("utf-8") for t in reader.lexicon(name)) if name in indexed else frozenset()
            for name in ("country", "year"))
    return countries.recognise(text, *known, languages)


def _prefer_named(parser, named, q, nothing_else):
    """The names as typed are still searched in the text, as a wish (the search ranks the named
    countries' and years' documents first); a query of nothing but names (``Kenya``) finds the
    documents of the country and those that mention it."""
    if nothing_else:
        return wq.Or([q] + [wq.Term(f["facet"], f["value"]) for f in named.found])
    typed = _parse(parser, " ".join(named.words), (), [])
    return q if typed is wq.NullQuery else wq.AndMaybe(q, typed)


def _every_word(parser, text, languages, branches, found, covered, translated):
    """What holds the layers' union to every content word of ``text`` in some form: as typed, in a
    glossary term of its concept or in a dictionary translation (nothing when the union needs no
    holding). A French document with ``droit d'auteur`` but not ``quantum`` is not found by
    ``copyright quantum`` any more than the English one with ``copyright`` alone: every word counts,
    in whatever language. Kept apart from the query (the search intersects the two), so that
    ranking keeps Whoosh's shortcuts; ``[[query of a form, …] for each word]``, the glossary's
    expansion one shared object, matched once."""
    words = [w for w in text.split() if not _only_stopwords(w, languages)]
    if len(branches) == 1 or len(words) < 2 or SYNTAX.search(text):
        return []
    translated_parts = {}
    if translated:
        parts = translated[0].subqueries if len(translated[1]["words"]) > 1 else [translated[0]]
        translated_parts = dict(zip(translated[1]["words"], parts))
    forms = []
    for word in words:
        if found and word in covered and not translated:
            # Implied by the union itself: the words as typed require this word, and so does the
            # expansion it is part of; matching the expansion's phrases again for a mask was the
            # slowest part of such searches on a large collection.
            continue
        alternatives = [_parse(parser, word, languages, [])]
        if found and word in covered:
            alternatives.append(found[0])
        if word in translated_parts:
            alternatives.append(translated_parts[word])
        forms.append(alternatives)
    return forms


def _covered(live, text, found):
    """The typed words the glossary expanded, which the dictionaries leave to it."""
    if not found:
        return frozenset()
    code = found["language"]
    tokens = tokenize(text, code)
    terms = {t for start, end, _ in live.glossary().find(tokens, code) for t in tokens[start:end]}
    return frozenset(word for word in text.split() if set(tokenize(word, code)) <= terms)


def _parse(parser, text, languages, notices):
    try:
        q = parser.parse(text)
    except Exception:  # Whoosh's parser raises odd errors on odd input; plain words are the answer
        q = wq.NullQuery
    if q is not wq.NullQuery:
        return _prefer_exact_forms(_soften_stopwords(q, languages), text)
    plain = " ".join(w for w in SYNTAX.sub(" ", text).split())
    if plain != text:
        notices.append(("Some search syntax could not be understood, so the words were searched as they are.", {}))
    if not plain:
        return wq.NullQuery
    return _prefer_exact_forms(_soften_stopwords(parser.parse(plain), languages), plain)


def _prefer_exact_forms(q, text):
    """Documents with the words as typed (accents aside) rank above those matched only through a
    stem, often of another language: ``algoritmes`` finds the Dutch register before Spanish texts
    that say ``algoritmos``. The ``spell`` field holds every word unstemmed."""
    words = [t for t in tokenize(SYNTAX.sub(" ", text), "und") if len(t) > 1]
    if not words or q is wq.NullQuery:
        return q
    return wq.AndMaybe(q, wq.Or([wq.Term("spell", w) for w in dict.fromkeys(words)], boost=EXACT_WEIGHT))


def _soften_stopwords(q, languages):
    """Stop words of the query's languages become optional: they raise the score, they do not
    filter. A query of nothing but stop words is left as it is."""
    stops = frozenset().union(*(stopwords(code) for code in languages)) if languages else stopwords("en")
    if isinstance(q, wq.AndNot):
        return wq.AndNot(_soften_stopwords(q.a, languages), q.b)
    if not isinstance(q, wq.And):
        return q
    required, optional = [], []
    for child in q.subqueries:
        words = {text for fieldname, text in child.iter_all_terms() if fieldname == "title"}
        (optional if words and all(w in stops for w in words) else required).append(child)
    if not optional or not required:
        return q
    return wq.AndMaybe(wq.And(required) if len(required) > 1 else required[0], wq.Or(optional))


def expansion(live, text, languages):
    """``(query, description)`` for the glossary concepts ``text`` names, in the other languages'
    terms; None when it names none, or too little of it is glossary terms to be about them."""
    glossary = live.glossary()
    if not len(glossary) or SYNTAX.search(text):
        return None
    best = None
    for code in glossary.languages():
        tokens = tokenize(text, code)
        content = [t for t in tokens if t not in analysed_stopwords(code)]
        if not content:
            continue
        found = glossary.find(tokens, code)
        covered = sum(1 for start, end, _ in found for t in tokens[start:end] if t not in analysed_stopwords(code))
        rank = (covered / len(content), code in languages, -len(found))
        if found and rank[0] >= MIN_COVERAGE and (best is None or rank > best[0]):
            best = (rank, code, tokens, found)
    if best is None:
        return None
    _, code, tokens, found = best
    searcher = live.searcher()
    reader = searcher.reader()
    indexed = set(reader.indexed_field_names())
    parts, shown = [], {}
    unmatchable = False   # a concept whose terms the collection lacks: the expansion, all of them required, finds nothing
    for start, end, concept_id in found:
        typed = tuple(tokens[start:end])
        alternatives, candidates = [], 0
        for term_language, term, words, alternative in concept_terms(glossary, concept_id, indexed):
            if term_language == code and words == typed:
                continue
            # A word the field lacks: the term finds nothing there, and would still cost a matcher.
            candidates += 1
            name = field_for(term_language)
            if all((name, w) in reader for w in words):
                alternatives.append(alternative)
            if term_language != code:
                shown.setdefault(term_language, term)
        if alternatives:
            parts.append(wq.Or(alternatives))
        unmatchable = unmatchable or (candidates and not alternatives)
    if not parts and not unmatchable:
        return None
    query = wq.NullQuery if unmatchable else (wq.And(parts) if len(parts) > 1 else parts[0]).with_boost(EXPANSION_WEIGHT)
    order = sorted(shown, key=lambda c: (SHOWN_FIRST.index(c) if c in SHOWN_FIRST else len(SHOWN_FIRST), c))
    description = {"language": code, "concepts": [concept_id for _, _, concept_id in found],
                   "terms": [{"text": shown[c], "language": c} for c in order[:SHOWN_TERMS]],
                   "more_languages": max(0, len(order) - SHOWN_TERMS)}
    return query, description


def concept_terms(glossary, concept_id, indexed):
    """``[(language, term as written, its tokens, query)]``: a glossary concept's terms in the
    languages that have an index field of their own (``indexed``)."""
    out = []
    for term_language, terms in glossary.concepts[concept_id].terms.items():
        name = field_for(term_language)
        if name != "text_" + term_language or name not in indexed:   # no field of its own
            continue
        for term in terms:
            words = tokenize(term, term_language)
            if words:
                out.append((term_language, term, words,
                            wq.Term(name, words[0]) if len(words) == 1 else wq.Phrase(name, list(words))))
    return out
