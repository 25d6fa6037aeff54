"""The Whoosh schema: one text field per language, facets, and what the site shows.

Each passage is indexed in the field of its own language, with that language's analyzer; a query is
run against every language field present, each analysing the query its own way.
"""
from typing import NamedTuple

from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from indexer import lang

# Bump when the schema or an analyzer changes: ``update`` then rebuilds instead of mixing old and new.
SCHEMA_VERSION = 5


class Analysed(NamedTuple):
    """A field's postings made beforehand (``indexer.prepared``), and the digest of their text."""
    digest: bytes
    postings: list


class Text(TEXT):
    """A text field that also takes ``Analysed`` postings, made in a reading worker."""

    def index(self, value, **kwargs):
        return value.postings if isinstance(value, Analysed) else super().index(value, **kwargs)


def build_schema():
    fields = {
        "id": ID(stored=True, unique=True),
        "title": TEXT(analyzer=lang.analyzer_for("und"), stored=True, field_boost=3.0),
        # facets; multi-valued ones are space-separated codes
        "country": ID(stored=True),
        "language": KEYWORD(stored=True, scorable=False),
        "topic": KEYWORD(stored=True, scorable=False),
        "year": ID(stored=True),
        "status": ID(stored=True),
        "date": ID(stored=True, sortable=True),
        "added": ID(stored=True, sortable=True),   # ISO time of first publication: sort=added
        "type": ID(stored=True),
        "group": ID(stored=True),
        "fingerprint": ID(stored=True),
        # every word as written (accents folded, nothing stemmed): what spelling suggestions come from
        "spell": Text(analyzer=lang.analyzer_for("und"), phrase=False),
        "meta": STORED,      # {"document": the build report's record of it}, returned as it is
        "content": STORED,   # the text as shown, pages separated by form feeds
    }
    for code in lang.field_languages():
        fields[lang.field_for(code)] = Text(analyzer=lang.analyzer_for(code), phrase=True)
    return Schema(**fields)


def text_fields(schema):
    return [name for name in schema.names() if name.startswith("text_")]
