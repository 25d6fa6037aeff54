"""The words a query matched, marked in a document's text: result snippets and the document page.

Words are found the way the search found them: each language field's analyzer runs over the text and
a token is marked when its field's query has that term. Two refinements over marking every term:

- prefix and wildcard queries are expanded against the index first, so ``patent*`` marks
  ``patents``;
- in scripts written without spaces, where a word is a chain of overlapping bigrams, a bigram that
  matches alone (``ระ`` inside an unrelated Thai word, ``数据`` far from ``开放``) is not marked when the
  query had longer chains: only the chains are.

- stop words (``la``, ``des``, the ``d'`` of ``droit d'auteur``) are marked only inside an occurrence
  of a phrase that holds them (a glossary term, a phrase typed in quotes), or when the query is
  nothing but stop words: a translated phrase must not mark every ``de`` of a French text.

A snippet is the passage of the body that holds the most distinct query words, cut to a window
around the closest cluster of them, never inside a word; a paragraph that only repeats the title or
draws a rule (``=====``) is never the snippet.

Everything is escaped; ``<mark>`` is the only markup added.
"""
import re
import unicodedata
from html import escape

from whoosh import query as wq

from indexer.lang import is_bigram, stopwords, tokenize

SNIPPET_CHARS = 240
MIN_PASSAGE_CHARS = 80   # shorter, a paragraph is a heading more often than a passage
MAX_PARAGRAPHS = 400   # a snippet looks this far into a long document for its best paragraph
MEMO_SIZE = 100_000    # analysed forms of tokens remembered, all fields together (emptied when full)
_MEMO = {}
RULE = re.compile(r"^[\s=\-_*~#.·•—–]{3,}$", re.M)   # an underline or separator line of plain text
_STOPS = {}


class Terms(dict):
    """``{field: {term}}`` a query searched, and ``phrases``: ``{field: [(term, …)]}``, the word
    sequences that must be found in order (their stop words are marked only there)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.phrases = {}


def query_terms(q, reader):
    """The ``Terms`` of the text fields a query searches, prefixes and wildcards expanded."""
    terms = Terms()
    if q is None or q is wq.NullQuery:
        return terms
    for leaf in q.leaves():
        fieldname = leaf.field() if hasattr(leaf, "field") else None
        if not fieldname or not fieldname.startswith("text_"):
            continue
        if isinstance(leaf, wq.Phrase):
            terms.phrases.setdefault(fieldname, []).append(tuple(leaf.words))
        try:
            # Leaf by leaf: simplifying the whole tree trips on AndMaybe in this Whoosh.
            leaf = leaf.simplify(reader)
        except Exception:  # an odd leaf that cannot be expanded still has its plain terms
            pass
        for name, term in leaf.iter_all_terms():
            terms.setdefault(name, set()).add(term.decode("utf-8") if isinstance(term, bytes) else term)
    return terms


def _stopwords(name):
    """The analysed stop words of a text field's language."""
    found = _STOPS.get(name)
    if found is None:
        code = name[len("text_"):]
        found = _STOPS[name] = frozenset(t for w in stopwords(code) for t in tokenize(w, code))
    return found


def markable(terms, name):
    """The terms of field ``name`` marked wherever they occur: all but its stop words, unless the
    query had nothing else in that field."""
    wanted = terms.get(name) or set()
    content = {t for t in wanted if t not in _stopwords(name)}
    return content or set(wanted)


def spans(text, fields, terms, schema):
    """Sorted ``(start, end)`` character spans of ``text`` that the query's terms match."""
    found = set()
    for name in fields:
        wanted = terms.get(name)
        if not wanted or name not in schema:
            continue
        plain = markable(terms, name)
        phrases = getattr(terms, "phrases", {}).get(name, [])
        lone_bigrams_count = not _has_chains(wanted)
        matched = _matches(schema[name].analyzer, name, text, wanted | {w for p in phrases for w in p})
        inside = _in_phrases(matched, phrases)
        for i, (start, end, token, _) in enumerate(matched):
            if token not in plain and i not in inside:
                continue
            if lone_bigrams_count or not is_bigram(token) or _touches(matched, i):
                found.add((start, end))
    return sorted(found)


def _in_phrases(matched, phrases):
    """Indexes into ``matched`` of the tokens that are part of an occurrence of one of ``phrases``
    (consecutive tokens of the text, in the phrase's order)."""
    inside = set()
    if not phrases:
        return inside
    at = {position: i for i, (_, _, _, position) in enumerate(matched)}
    for i, (_, _, token, position) in enumerate(matched):
        for phrase in phrases:
            if token != phrase[0]:
                continue
            run = [at.get(position + k) for k in range(len(phrase))]
            if all(j is not None and matched[j][2] == word for j, word in zip(run, phrase)):
                inside.update(run)
    return inside


def _matches(analyzer, name, text, wanted):
    """``[(start, end, term, position)]`` of the tokens of ``text`` whose analysed form is wanted.

    Our analyzers split text into tokens and then change each token on its own (fold, normalise,
    stem), so a token's analysed form in a field is looked up in a memo rather than run through the
    filters again: a snippet is looked for in hundreds of paragraphs of every hit."""
    items = getattr(analyzer, "items", None)
    if not items:
        return [(t.startchar, t.endchar, t.text, n) for n, t in enumerate(analyzer(text, chars=True, mode="index"))
                if t.text in wanted]
    if len(_MEMO) > MEMO_SIZE:
        _MEMO.clear()
    found = []
    for n, t in enumerate(items[0](text, chars=True, mode="index")):
        form = _MEMO.get((name, t.text))
        if form is None:
            form = _MEMO[name, t.text] = next((a.text for a in analyzer(t.text, tokenize=False, mode="index")), "")
        if form in wanted:
            found.append((t.startchar, t.endchar, form, n))
    return found


def _has_chains(terms):
    bigrams = [t for t in terms if is_bigram(t)]
    ends = {t[-1] for t in bigrams}
    return any(t[0] in ends for t in bigrams)


def _touches(matched, i):
    """A matched bigram overlaps or abuts its neighbour in the text: part of a matched word."""
    start, end = matched[i][:2]
    before = i > 0 and matched[i - 1][1] >= start and is_bigram(matched[i - 1][2])
    after = i + 1 < len(matched) and matched[i + 1][0] <= end and is_bigram(matched[i + 1][2])
    return before or after


def mark(text, found):
    """``text`` escaped, with ``<mark>`` around the sorted spans; overlapping spans (bigrams) merge."""
    merged = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    out, at = [], 0
    for start, end in merged:
        out.append(escape(text[at:start]))
        out.append("<mark>" + escape(text[start:end]) + "</mark>")
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


def snippet(text, fields, terms, schema, title=""):
    """An HTML snippet: the passage of the body that matches the most distinct query terms (the
    first such), cut to about SNIPPET_CHARS around its best cluster of matches, marked; the opening
    of the body when nothing matches. A paragraph that is only ``title`` is not the body."""
    best = None
    wanted = set().union(*(markable(terms, f) for f in fields)) if fields else set()
    paragraphs = passages(text, title)
    for n, para in enumerate(paragraphs):
        if n >= MAX_PARAGRAPHS or not wanted:
            break
        found = spans(para, fields, terms, schema)
        if found:
            # the most distinct words; a sentence of the body over a heading that has as many
            score = (len({para[s:e].casefold() for s, e in found}), len(para) >= MIN_PASSAGE_CHARS)
            if best is None or score > best[0]:
                best = (score, para, found)
            if score >= (len(wanted), True):
                break
    if best is None:
        lead = " ".join(paragraphs[:3]) if paragraphs else " ".join(text.split())
        return _cut(lead)
    _, para, found = best
    start, end = window(para, found)
    return (("…" if start else "") + mark(para[start:end], [(s - start, e - start) for s, e in found if s >= start and e <= end])
            + ("…" if end < len(para) else ""))


def passages(text, title=""):
    """The paragraphs of ``text`` a snippet may show, each on one line: rules (``=====``) removed,
    and a paragraph that only repeats the title (or the part of it before `` | Site name``) left out."""
    heading = " ".join(title.split()).casefold()
    out = []
    for para in text.split("\n\n"):
        para = " ".join(RULE.sub(" ", para).split())
        if para and not (heading and para.casefold() in heading) and any(ch.isalnum() for ch in para):
            out.append(para)
    return out


def window(para, found):
    """``(start, end)`` of about SNIPPET_CHARS of ``para`` around the cluster of ``found`` spans with
    the most distinct words, beginning and ending at word boundaries, the cluster's matches whole."""
    if len(para) <= SNIPPET_CHARS:
        return 0, len(para)
    best = None
    for i, (first, _) in enumerate(found):
        cluster = [(s, e) for s, e in found[i:] if e - first <= SNIPPET_CHARS]
        score = (len({para[s:e].casefold() for s, e in cluster}), len(cluster))
        if best is None or score > best[0]:
            best = (score, first, cluster[-1][1])
    _, first, last = best
    start = max(0, min(first - (SNIPPET_CHARS - (last - first)) // 3, len(para) - SNIPPET_CHARS))
    if start:
        start = para.find(" ", start, first) + 1 or _whole_letter(para, start)   # begin at a word
    end = max(last, start + SNIPPET_CHARS)
    if end < len(para):
        space = para.find(" ", end)
        end = space if 0 <= space <= end + 40 else _whole_letter(para, end)   # end at a word
    return start, min(end, len(para))


def _whole_letter(text, i):
    """``i``, moved past combining marks: Thai and other scripts without spaces are cut between
    letters, and a vowel sign cut from its consonant shows as a dotted circle."""
    while 0 < i < len(text) and unicodedata.category(text[i]).startswith("M"):
        i += 1
    return i


def _cut(text):
    """The opening of ``text``, SNIPPET_CHARS at most, cut at a word."""
    if len(text) <= SNIPPET_CHARS:
        return escape(text)
    space = text.rfind(" ", 0, SNIPPET_CHARS)
    return escape(text[:space if space > 0 else _whole_letter(text, SNIPPET_CHARS)]) + "…"
