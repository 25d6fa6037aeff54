"""Text fields analysed in the reading worker: the writer files them only when they were made from
the text it would index, and the index is the same as if the writer had analysed them itself."""
from whoosh import index as whoosh_index

from conftest import ROOT
from indexer import lang, prepared, reader
from indexer.schema import Analysed, build_schema

TRILINGUAL = ROOT / "corpus/documents/ch/verordnung-datenschutz-de-fr-it.html"


def postings(ix):
    with ix.searcher() as s:
        r = s.reader()
        return {(field, term): [(d, v) for d, v in r.postings(field, term).items_as("weight")]
                for field in ix.schema.names() if ix.schema[field].indexed and field in r.indexed_field_names()
                for term in r.lexicon(field)}


def index_of(tmp_path, name, fields):
    (tmp_path / name).mkdir()
    ix = whoosh_index.create_in(str(tmp_path / name), build_schema())
    with ix.writer() as w:
        w.add_document(id="doc", **fields)
    return ix


def test_postings_made_in_the_worker_index_the_same_as_the_text(tmp_path):
    reading = reader.read(TRILINGUAL)
    assert len({code for _, code, _ in reading.passages}) >= 2
    as_text = prepared.values(reading, "Datenschutz")
    reading.analysed = prepared.analyse(reading, "Datenschutz")
    ready = prepared.values(reading, "Datenschutz")
    assert all(isinstance(v, Analysed) for v in ready.values()) and not any(isinstance(v, Analysed) for v in as_text.values())
    assert postings(index_of(tmp_path, "a", as_text)) == postings(index_of(tmp_path, "b", ready))


def test_postings_made_from_another_title_are_not_used():
    reading = reader.read(TRILINGUAL)
    reading.analysed = prepared.analyse(reading, "Datenschutz")
    again = prepared.values(reading, "Protection des données")
    with_title = lang.field_for(reading.language)
    assert isinstance(again["spell"], str) and isinstance(again[with_title], str)
    assert all(isinstance(v, Analysed) for name, v in again.items() if name not in ("spell", with_title))
