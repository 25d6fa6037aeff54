"""A phrase of adjacent words matched by their positions as sets.

Whoosh checks a phrase by turning each word's positions in a document into span objects and
merging them pair by pair (``SpanNear2``): most of a search's time on a large collection, where a
glossary concept brings dozens of phrases and a Thai or Chinese word a chain of bigrams. A phrase
whose words follow one another (Whoosh's ``slop=1``) is there when some start ``p`` has its i-th
word at ``p + i``: one set intersection per word, the word with the fewest positions first. The
documents and the score are Whoosh's (the sum of the words' scores, as its phrase matcher gives).
"""
from whoosh import matching
from whoosh.matching import IntersectionMatcher
from whoosh.util import make_binary_tree


class AdjacentMatcher(matching.WrappingMatcher):
    """The documents where the words of ``words`` (their matchers, in the phrase's order) occur one
    right after the other."""

    def __init__(self, words, boost=1.0):
        super().__init__(make_binary_tree(IntersectionMatcher, words), boost=boost)
        self.words = words
        self._find()

    def _find(self):
        while self.child.is_active() and not self._adjacent():
            self.child.next()

    def _adjacent(self):
        offsets = sorted(((word.value_as("positions"), i) for i, word in enumerate(self.words)),
                         key=lambda found: len(found[0]))
        positions, i = offsets[0]
        starts = {p - i for p in positions}
        for positions, i in offsets[1:]:
            starts.intersection_update([p - i for p in positions])
            if not starts:
                return False
        return True

    def next(self):
        self.child.next()
        self._find()

    def skip_to(self, id):
        if self.child.is_active():
            self.child.skip_to(id)
            self._find()

    def all_ids(self):
        # Whoosh's wrapper hands out the child's ids: every document with all the words
        return matching.Matcher.all_ids(self)

    def copy(self):
        return AdjacentMatcher([word.copy() for word in self.words], boost=self.boost)

    def replace(self, minquality=0):
        # the words' matchers are the ones the positions are read from: the tree stays as it is
        return self if self.is_active() else matching.NullMatcher()

    def supports_block_quality(self):
        return False

    def spans(self):
        raise NotImplementedError("a phrase matched by positions has no spans; use whoosh.query.Phrase")
