"""A Whoosh query matched only at a given set of documents.

Whoosh checks a phrase's word positions at every document that has all its words: for a glossary
term such as ``data subject`` in English, thousands of documents on a large collection, most of
which the search then drops because they lack another word of the query or a selected facet value.
Here every word's postings skip straight from one allowed document to the next, so phrases (and
everything above them) are checked at the allowed documents only. Scores are those of the query
itself: each word is scored by its own postings, only the documents visited differ.
"""
from bisect import bisect_left

import numpy
from whoosh import collectors, matching, query as wq

from search_web import phrases


class Collector(collectors.UnlimitedCollector):
    """Every match of the query among ``docnums`` (a sorted numpy array of document numbers of the
    whole index)."""

    def __init__(self, docnums):
        super().__init__()
        self.docnums = docnums

    def set_subsearcher(self, subsearcher, offset):
        # as Whoosh's own, but each segment's matcher restricted to its share of the documents
        self.subsearcher, self.offset = subsearcher, offset
        start, end = numpy.searchsorted(self.docnums, [offset, offset + subsearcher.doc_count_all()])
        local = (self.docnums[start:end] - offset).tolist()
        self.matcher = within(self.q, local).matcher(subsearcher, self.context)


def within(q, docnums=None):
    """``q`` with each word and phrase matched only at ``docnums`` (sorted; None: everywhere), and
    each phrase of adjacent words by its positions as sets (``search_web.phrases``); wildcards and
    other queries that are not words are left as they are (still correct, only not cheaper)."""
    if isinstance(q, wq.Term) and docnums is not None:
        return _Term(q.fieldname, q.text, docnums, boost=q.boost)
    if isinstance(q, wq.Phrase):
        return _Phrase(q.fieldname, q.words, docnums, slop=q.slop, boost=q.boost)
    return q.apply(lambda child: within(child, docnums))


class _Term(wq.Term):
    def __init__(self, fieldname, text, docnums, boost=1.0):
        super().__init__(fieldname, text, boost=boost)
        self.docnums = docnums

    def matcher(self, searcher, context=None):
        m = super().matcher(searcher, context)
        return _Skipping(m, self.docnums) if m.is_active() else m


class _Phrase(wq.Phrase):
    def __init__(self, fieldname, words, docnums, slop=1, boost=1.0):
        super().__init__(fieldname, words, slop=slop, boost=boost)
        self.docnums = docnums

    def matcher(self, searcher, context=None):
        # what Whoosh's Phrase matches, made of (restricted) words
        words = [wq.Term(self.fieldname, word) if self.docnums is None else _Term(self.fieldname, word, self.docnums)
                 for word in self.words]
        if self.slop == 1:
            return phrases.AdjacentMatcher([word.matcher(searcher, context) for word in words], boost=self.boost)
        m = wq.SpanNear2(words, slop=self.slop, ordered=True, mindist=1).matcher(searcher, context)
        return m if self.boost == 1.0 else matching.WrappingMatcher(m, boost=self.boost)


class _Skipping(matching.WrappingMatcher):
    """A word's postings at ``docnums`` only: from each posting outside them, a skip to the next
    document that is in them (Whoosh skips whole blocks of postings)."""

    def __init__(self, child, docnums, boost=1.0):
        super().__init__(child, boost=boost)
        self.docnums = docnums
        self._left = True
        self._find()

    def _find(self):
        child, docnums = self.child, self.docnums
        while child.is_active():
            at = child.id()
            i = bisect_left(docnums, at)
            if i == len(docnums):
                break
            if docnums[i] == at:
                return
            child.skip_to(docnums[i])
        self._left = False

    def is_active(self):
        return self._left and self.child.is_active()

    def next(self):
        self.child.next()
        self._find()

    def skip_to(self, id):
        if self.is_active():
            self.child.skip_to(id)
            self._find()

    def reset(self):
        self.child.reset()
        self._left = True
        self._find()

    def all_ids(self):
        # Whoosh's wrapper hands out the child's ids, all of them
        return matching.Matcher.all_ids(self)

    def copy(self):
        return _Skipping(self.child.copy(), self.docnums, boost=self.boost)

    def _replacement(self, newchild):
        return _Skipping(newchild, self.docnums, boost=self.boost)

    def supports_block_quality(self):
        # skipping by quality would land on documents outside ``docnums``
        return False
