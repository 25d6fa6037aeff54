"""Each document's score for a query: a numpy array, NaN where the query does not match.

Whoosh matches an ``Or`` of many parts (a word in 35 language fields, a glossary concept's terms in
every language) with a tree of matchers that every match climbs, a Python call per level. Here
``Or``, ``And`` and ``AndMaybe`` are taken apart: each part is matched on its own, as one flat pass,
and the scores are added as Whoosh adds them (an ``Or`` the sum of its parts that match, an ``And``
the sum of all, an ``AndMaybe`` its first part plus the second where both match). The parts of an
``And`` are matched cheapest first, each only where the ones before it matched, and the second part
of an ``AndMaybe`` only where the first matched (``search_web.within``).
"""
import numpy
from whoosh import collectors, query as wq

from search_web import within

# Matching only some documents pays when they are a small enough share of the collection: each of
# their words' postings then skips from one to the next, a step that costs more than reading on.
WITHIN_SHARE = 0.5


def scores(searcher, q, size, allowed=None):
    """``q``'s score for each of the ``size`` documents; with ``allowed`` (a mask), NaN outside it
    too, and only its documents matched."""
    kind = type(q)   # exactly: DisjunctionMax and an Or with coordination score otherwise
    if kind is wq.AndMaybe:
        first = scores(searcher, q.a, size, allowed)
        return first + numpy.nan_to_num(scores(searcher, q.b, size, ~numpy.isnan(first)), nan=0.0)
    if kind is wq.Or and len(q.subqueries) > 1 and not q.minmatch and not q.scale:
        total, found = numpy.zeros(size), numpy.zeros(size, dtype=bool)
        for part in q.subqueries:
            score = scores(searcher, part, size, allowed)
            matched = ~numpy.isnan(score)
            total[matched] += score[matched]
            found |= matched
        total[~found] = numpy.nan
        return total * q.boost
    if kind is wq.And and len(q.subqueries) > 1:
        found, parts = allowed, {}
        for i in sorted(range(len(q.subqueries)), key=lambda i: cost([q.subqueries[i]])):
            if found is not None and not found.any():
                return numpy.full(size, numpy.nan)
            parts[i] = scores(searcher, q.subqueries[i], size, found)
            found = ~numpy.isnan(parts[i])
        total = numpy.sum([parts[i] for i in range(len(parts))], axis=0)   # in Whoosh's order of adding
        return total * q.boost
    return _collected(searcher, q, size, allowed)


def cost(queries):
    """How much matching ``queries`` costs, roughly: their phrases (positions checked), then their
    words."""
    leaves = [leaf for q in queries for leaf in q.leaves()]
    return sum(isinstance(leaf, wq.Phrase) for leaf in leaves), len(leaves)


def _collected(searcher, q, size, allowed):
    """Scores from one pass of Whoosh's over the matches, only at ``allowed`` where they are few."""
    if allowed is not None and numpy.count_nonzero(allowed) <= WITHIN_SHARE * size:
        collector = within.Collector(numpy.flatnonzero(allowed))
    else:
        collector, q = collectors.UnlimitedCollector(), within.within(q)
    searcher.search_with_collector(q, collector)
    out = numpy.full(size, numpy.nan)
    if collector.items:
        found = numpy.array(collector.items)
        out[found[:, 1].astype(numpy.int64)] = found[:, 0]
    if allowed is not None:
        out[~allowed] = numpy.nan   # what a wildcard found elsewhere (it is matched everywhere)
    return out
