"""The multilingual glossary: policy concepts with their terms in many languages, and the topics they
are evidence of (``corpus/glossary.csv``; a data file that staff edit, not code).

Terms are matched as the index sees words, through each language's analyzer, so ``règlements`` meets
the term ``règlement`` and ``人工智能`` is found inside ``新一代人工智能``. Two uses: a query that names a
concept is also searched with the concept's terms in other languages (search_web/query.py), and a
document the manifest gives no topic gets the topics of the concepts it mentions most (``tag``).
"""
import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from indexer.lang.analysis import analyzer_for

FILE = "glossary.csv"
SYNONYMS = "|"
# Tagging: a topic is given when its concepts are mentioned at least this often, in a share of at
# least MIN_TOPIC_SHARE of the best topic's mentions; at most MAX_TOPICS per document.
MIN_MENTIONS = 3
MIN_TOPIC_SHARE = 0.4
MAX_TOPICS = 3
TITLE_WEIGHT = 3   # a concept in the title says more about what the document is than one in its text


@dataclass
class Concept:
    id: str
    topics: tuple
    terms: dict = field(default_factory=dict)   # language code -> [term, synonym, ...] as written


class Glossary:
    def __init__(self, concepts):
        self.concepts = {c.id: c for c in concepts}
        self._index = None

    @property
    def _starts(self):
        """language -> first token -> [(tokens of a term, concept id)], longest first; made on first
        use, since analysing every term takes a moment that a no-op update should not pay."""
        if self._index is None:
            self._index = self._make_index()
        return self._index

    def _make_index(self):
        starts = {}
        for concept in self.concepts.values():
            for code, terms in concept.terms.items():
                for term in terms:
                    tokens = tokenize(term, code)
                    if tokens:
                        starts.setdefault(code, {}).setdefault(tokens[0], []).append((tokens, concept.id))
        for by_token in starts.values():
            for entries in by_token.values():
                entries.sort(key=lambda e: -len(e[0]))
        return starts

    def __len__(self):
        return len(self.concepts)

    def languages(self):
        return tuple(dict.fromkeys(code for c in self.concepts.values() for code in c.terms))

    def find(self, tokens, code):
        """``[(start, end, concept id)]``: the longest terms of language ``code`` in a token list,
        left to right, not overlapping."""
        starts = self._starts.get(code, {})
        found, i = [], 0
        while i < len(tokens):
            for term, concept_id in starts.get(tokens[i], ()):
                if tuple(tokens[i:i + len(term)]) == term:
                    found.append((i, i + len(term), concept_id))
                    i += len(term)
                    break
            else:
                i += 1
        return found

    def mentions(self, passages):
        """How often each concept is named in ``passages``, a list of ``(language code, text)``."""
        counts = Counter()
        for code, text in passages:
            if code in self._starts:
                counts.update(concept_id for _, _, concept_id in self.find(tokenize(text, code), code))
        return counts

    def tag(self, passages, known_topics, title=None):
        """Topics for a document from its concepts' mentions: ``[(topic, mentions)]``, best first,
        only topics in ``known_topics`` (the taxonomy). ``title`` is ``(language code, text)``."""
        counts = self.mentions(passages)
        for concept_id, n in self.mentions([title] if title else []).items():
            counts[concept_id] += n * TITLE_WEIGHT
        by_topic = Counter()
        for concept_id, n in counts.items():
            for topic in self.concepts[concept_id].topics:
                if topic in known_topics:
                    by_topic[topic] += n
        if not by_topic:
            return []
        best = by_topic.most_common(1)[0][1]
        return [(topic, n) for topic, n in by_topic.most_common(MAX_TOPICS)
                if n >= MIN_MENTIONS and n >= MIN_TOPIC_SHARE * best]


def tokenize(text, code):
    return tuple(t.text for t in analyzer_for(code)(text))


def load(path):
    """The glossary in ``path`` (a CSV file), or an empty one when there is no such file. Raises
    ``ValueError`` naming the line of a malformed row."""
    path = Path(path)
    return parse(path.read_text(encoding="utf-8"), path) if path.is_file() else Glossary([])


def parse(text, name=FILE):
    """The glossary in CSV ``text``; ``name`` says where it came from in error messages."""
    concepts = []
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "concept" not in reader.fieldnames:
        raise ValueError(f"{name}: the first line must name the columns: concept,topics,en,fr,...")
    codes = [column for column in reader.fieldnames if column not in ("concept", "topics")]
    for row in reader:
        concept_id = (row.get("concept") or "").strip()
        if not concept_id:
            raise ValueError(f"{name}, line {reader.line_num}: no concept id")
        terms = {}
        for code in codes:
            cell = (row.get(code) or "").strip()
            if cell:
                terms[code] = [t.strip() for t in cell.split(SYNONYMS) if t.strip()]
        topics = tuple(t.strip() for t in (row.get("topics") or "").split(";") if t.strip())
        concepts.append(Concept(concept_id, topics, terms))
    return Glossary(concepts)
