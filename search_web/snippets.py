"""The words a query matched, marked in a document's text: result snippets and the document page.

Words are found the way the search found them: each language field's analyzer runs over the text and
a token is marked when its field's query has that term. Two refinements over marking every term:

- prefix and wildcard queries are expanded against the index first, so ``patent*`` marks
  ``patents``;
- in scripts written without spaces, where a word is a chain of overlapping bigrams, a bigram that
  matches alone (``ระ`` inside an unrelated Thai word, ``数据`` far from ``开放``) is not marked when the
  query had longer chains: only the chains are.

Everything is escaped; ``<mark>`` is the only markup added.
"""
from html import escape

from whoosh import query as wq

from indexer.lang import is_bigram

SNIPPET_CHARS = 240
MAX_PARAGRAPHS = 400   # a snippet looks this far into a long document for its best paragraph
MEMO_SIZE = 100_000    # analysed forms of tokens remembered, all fields together (emptied when full)
_MEMO = {}


def query_terms(q, reader):
    """``{field: {term}}`` of the text fields a query searches, prefixes and wildcards expanded."""
    terms = {}
    if q is None or q is wq.NullQuery:
        return terms
    for leaf in q.leaves():
        fieldname = leaf.field() if hasattr(leaf, "field") else None
        if not fieldname or not fieldname.startswith("text_"):
            continue
        try:
            # Leaf by leaf: simplifying the whole tree trips on AndMaybe in this Whoosh.
            leaf = leaf.simplify(reader)
        except Exception:  # an odd leaf that cannot be expanded still has its plain terms
            pass
        for name, term in leaf.iter_all_terms():
            terms.setdefault(name, set()).add(term.decode("utf-8") if isinstance(term, bytes) else term)
    return terms


def spans(text, fields, terms, schema):
    """Sorted ``(start, end)`` character spans of ``text`` that the query's terms match."""
    found = set()
    for name in fields:
        wanted = terms.get(name)
        if not wanted or name not in schema:
            continue
        lone_bigrams_count = not _has_chains(wanted)
        matched = _matches(schema[name].analyzer, name, text, wanted)
        for i, (start, end, token) in enumerate(matched):
            if lone_bigrams_count or not is_bigram(token) or _touches(matched, i):
                found.add((start, end))
    return sorted(found)


def _matches(analyzer, name, text, wanted):
    """``[(start, end, term)]`` of the tokens of ``text`` whose analysed form is wanted.

    Our analyzers split text into tokens and then change each token on its own (fold, normalise,
    stem), so a token's analysed form in a field is looked up in a memo rather than run through the
    filters again: a snippet is looked for in hundreds of paragraphs of every hit."""
    items = getattr(analyzer, "items", None)
    if not items:
        return [(t.startchar, t.endchar, t.text) for t in analyzer(text, chars=True, mode="index") if t.text in wanted]
    if len(_MEMO) > MEMO_SIZE:
        _MEMO.clear()
    found = []
    for t in items[0](text, chars=True, mode="index"):
        form = _MEMO.get((name, t.text))
        if form is None:
            form = _MEMO[name, t.text] = next((a.text for a in analyzer(t.text, tokenize=False, mode="index")), "")
        if form in wanted:
            found.append((t.startchar, t.endchar, form))
    return found


def _has_chains(terms):
    bigrams = [t for t in terms if is_bigram(t)]
    ends = {t[-1] for t in bigrams}
    return any(t[0] in ends for t in bigrams)


def _touches(matched, i):
    """A matched bigram overlaps or abuts its neighbour in the text: part of a matched word."""
    start, end, _ = matched[i]
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


def snippet(text, fields, terms, schema):
    """An HTML snippet: the paragraph that matches the most distinct query terms (the first such),
    cut to about SNIPPET_CHARS around its first match, marked; the opening of the text when nothing
    matches."""
    best = None
    wanted = set().union(*(terms.get(f, set()) for f in fields)) if fields else set()
    for n, para in enumerate(p for p in text.split("\n\n") if p.strip()):
        if n >= MAX_PARAGRAPHS or not wanted:
            break
        para = " ".join(para.split())
        found = spans(para, fields, terms, schema)
        if found:
            score = len({para[s:e].casefold() for s, e in found})
            if best is None or score > best[0]:
                best = (score, para, found)
            if score >= len(wanted):
                break
    if best is None:
        lead = " ".join(text[:SNIPPET_CHARS * 2].split())
        return escape(lead[:SNIPPET_CHARS]) + ("…" if len(lead) > SNIPPET_CHARS else "")
    _, para, found = best
    start = max(0, found[0][0] - SNIPPET_CHARS // 3)
    if start:
        start = para.find(" ", start, found[0][0]) + 1 or start   # begin at a word
    end = min(len(para), start + SNIPPET_CHARS)
    window = [(s - start, min(e, end) - start) for s, e in found if s < end and s >= start]
    return ("…" if start else "") + mark(para[start:end], window) + ("…" if end < len(para) else "")
