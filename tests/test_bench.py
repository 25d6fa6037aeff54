"""The benchmark's synthetic corpus and query set, at a size the test suite can afford: seeded, in
many languages and formats, and read by the indexer like staff's corpus (``make bench`` does the rest)."""
import collections
import csv
import json

import index_bench
import make_corpus
import queries
from conftest import run_cli


def rows_of(corpus):
    with open(corpus / "manifest.csv", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def test_the_synthetic_corpus_is_seeded_and_mixed(tmp_path):
    one = make_corpus.make(tmp_path / "a", 60, seed=3)
    two = make_corpus.make(tmp_path / "b", 60, seed=3)
    assert one == two and rows_of(tmp_path / "a") == one
    formats = collections.Counter(r["file"].rsplit(".", 1)[1] for r in one)
    assert formats["txt"] > formats["html"] > 0 and len(formats) >= 3
    assert len({r["country"] for r in one}) >= 20 and all(r["topics"] and r["date"] for r in one)
    sentences, _ = make_corpus.sentence_material()
    assert len(sentences) >= 25


def test_adding_documents_keeps_the_others(tmp_path):
    corpus = tmp_path / "c"
    before = make_corpus.make(corpus, 10, seed=3)
    assert make_corpus.made_as(corpus, 10, seed=3) and not make_corpus.made_as(corpus, 10, seed=4)
    after = make_corpus.add(corpus, 3)
    assert after[:10] == before and len({r["id"] for r in after}) == 13
    assert not make_corpus.made_as(corpus, 10, seed=3)   # a run may no longer reuse it as made


def test_the_query_set_covers_every_kind_in_twenty_languages_or_more(tmp_path):
    rows = make_corpus.make(tmp_path / "q", 40, seed=3)
    sentences, countries = make_corpus.sentence_material()
    items = queries.make(sentences, countries, rows)
    assert len(items) >= 300 and len({i["language"] for i in items}) >= 20
    assert {i["kind"] for i in items} == set(queries.KINDS)
    assert {len(i["filters"]) for i in items} == {0, 1, 3}


def test_the_indexer_reads_the_synthetic_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus.make(corpus, 12, seed=5)
    run_cli("build", "--corpus", str(corpus), "--index", str(tmp_path / "index"))
    report = json.loads(run_cli("status", "--json", "--index", str(tmp_path / "index")).stdout)
    assert report["counts"]["ok"] == 12 and len({d["format"] for d in report["documents"]}) >= 2


def test_the_build_profile_runs_on_the_synthetic_corpus(tmp_path):
    corpus = tmp_path / "corpus"
    make_corpus.make(corpus, 8, seed=5)
    figures = index_bench.profile(corpus, sample=4)
    assert figures["documents"] == 4 and figures["reading_by_format_s"] and "language ID" in figures["reading_profile_s"]
