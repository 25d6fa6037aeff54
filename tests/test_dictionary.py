"""The bilingual dictionary layer: dictd files read, compiled for a collection, carried in the
snapshot, and used for the query words the glossary does not cover."""
import dictd
import pytest

from conftest import run_cli
from indexer.lang import dictionary
from search_web import search
from search_web.snapshot import SnapshotHandle


@pytest.fixture(scope="module")
def live(sample_index):
    return SnapshotHandle(str(sample_index)).get()


def run(live, q, expand=True, hl="en"):
    return search.run(live, search.SearchRequest(q=q, hl=hl, expand=expand))


def test_an_entry_gives_its_senses_without_examples_marks_or_references():
    entry = 'court /kɔːt/\n1. faire la cour\n2. cour <fem>, tribunal [jur.]\n  "the court"  - la cour\n see: {courts}\n'
    assert dictionary.translations(entry, "fr") == ["faire la cour", "cour", "tribunal"]
    # under a Japanese or Russian entry, a line in Latin letters is an English gloss
    assert dictionary.translations("health\n健康, 体\nstate of being well\n", "ja") == ["健康", "体"]


def test_a_pair_is_read_forwards_and_backwards(tmp_path):
    dictd.write(tmp_path, "eng-rus", {"health": ["медицина"], "school": ["школа"]})
    found = dictionary.available(tmp_path)
    forwards = dictionary.read_pair(*found["en", "ru"], "en", "ru")
    backwards = dictionary.read_pair(*found["en", "ru"], "en", "ru", backwards=True)
    assert forwards["health"] == [("медицина", ("медицин",))]
    assert backwards["школ"] == [("school", ("school",))]


def test_the_lookup_keeps_only_translations_the_collection_holds_and_pivots_through_english(tmp_path):
    dictd.write(tmp_path, "fra-eng", {"santé": ["health"], "mer": ["sea"]})
    dictd.write(tmp_path, "eng-deu", {"health": ["Gesundheit", "Befinden"], "sea": ["Meer"]})
    vocabulary = {"fr": {"sant", "mer"}, "de": {"gesund"}, "en": {"health"}}
    entries, pairs = dictionary.compile(tmp_path, vocabulary)
    assert entries["fr"]["sant"] == {"en": [["health", ["health"]]], "de": [["Gesundheit", ["gesund"]]]}
    assert "mer" not in entries["fr"]          # no translation occurs in the collection: no room taken
    assert entries["en"]["health"]["de"] == [["Gesundheit", ["gesund"]]]   # Befinden is not in the collection
    assert "fr-en" in pairs and "en-de" in pairs


def test_the_lookup_is_read_from_its_file_and_a_missing_or_foreign_file_is_empty(tmp_path):
    dictionary.write(tmp_path / "lookup.sqlite", {"en": {"health": {"fr": [["santé", ["sant"]]]}}},
                     {"words": 1, "languages": ["en"]})
    lookup = dictionary.load(tmp_path / "lookup.sqlite")
    assert len(lookup) == 1 and lookup.sources() == ("en",)
    assert lookup.translate(["good", "health"], "en") == [(1, 2, {"fr": [("santé", ("sant",))]})]
    assert len(dictionary.load(tmp_path / "nothing.sqlite")) == 0
    (tmp_path / "bad.sqlite").write_bytes(b"not a database")
    assert len(dictionary.load(tmp_path / "bad.sqlite")) == 0


def test_a_common_word_finds_documents_in_other_languages_below_those_that_have_it(live):
    on, off = run(live, "health"), run(live, "health", expand=False)
    found = [r["id"] for r in on["results"]]
    assert "fr-strategie-nationale-ia" in found and "fr-strategie-nationale-ia" not in {r["id"] for r in off["results"]}
    english = [i for i, r in enumerate(on["results"]) if r["language"] == "en"]
    assert english and english == list(range(len(english)))   # the typed word first
    shown = {t["language"]: t["text"] for t in on["translation"]["terms"]}
    assert shown["fr"] == "santé" and shown["es"] == "salud"
    assert off["translation"] is None and off["expansion"] is None


def test_stop_words_and_translations_in_most_documents_are_not_added(live):
    shown = {t["text"] for t in (run(live, "the")["translation"] or {"terms": []})["terms"]}
    assert "le" not in shown and "la" not in shown


def test_words_the_glossary_covers_are_left_to_it(live):
    result = run(live, "artificial intelligence health")
    assert result["expansion"] and result["translation"]["words"] == ["health"]


def test_status_says_whether_the_snapshot_translates(sample_index, tmp_path):
    assert "dictionaries (" in run_cli("status", "--index", str(sample_index)).stdout
    other = tmp_path / "index"
    run_cli("build", "--corpus", str(dictd.Path(__file__).parent.parent / "corpus"), "--index", str(other),
            env={"SEARCH_DICTIONARIES": str(tmp_path / "none-here")})
    out = run_cli("status", "--index", str(other)).stdout
    assert "no dictionaries" in out and "glossary only" in out


def test_an_update_replaces_the_lookup_it_copied(tmp_path):
    dictionary.write(tmp_path / "lookup.sqlite", {"en": {"health": {"fr": [["santé", ["sant"]]]}}}, {"words": 1})
    dictionary.write(tmp_path / "lookup.sqlite", {"en": {"school": {"fr": [["école", ["ecol"]]]}}}, {"words": 1})
    lookup = dictionary.load(tmp_path / "lookup.sqlite")
    assert lookup.translate(["school"], "en") and not lookup.translate(["health"], "en")


def test_an_update_keeps_the_lookup_a_build_compiled(tmp_path):
    from indexer import build
    corpus = tmp_path / "corpus"
    # santé in one document of five: a translation in more than MAX_DOC_SHARE of them says nothing
    texts = {"fr": "La santé publique et les hôpitaux du pays, une stratégie nationale pour les régions.",
             **{f"en{i}": f"Schools and teachers across the country, plan number {i} for the coming years."
                for i in range(4)}}
    (corpus / "documents").mkdir(parents=True)
    rows = []
    for name, text in texts.items():
        (corpus / "documents" / f"{name}.txt").write_text(text, encoding="utf-8")
        rows.append(f"{name}-doc,documents/{name}.txt,,FR,,2020,{name[:2]},")
    manifest = corpus / "manifest.csv"
    manifest.write_text("id,file,title,country,topics,date,language,source_url\n" + "\n".join(rows) + "\n", encoding="utf-8")
    index = tmp_path / "index"
    assert build.build(corpus, index)["dictionary"]["made"] == "compiled"

    def health():
        return run(SnapshotHandle(str(index)).get(), "health")

    assert [r["id"] for r in health()["results"]] == ["fr-doc"]
    (corpus / "documents" / "more.txt").write_text("Energy for the schools of the country.", encoding="utf-8")
    manifest.write_text(manifest.read_text(encoding="utf-8") + "en-more,documents/more.txt,,FR,,2021,en,\n", encoding="utf-8")
    report = build.update(corpus, index)
    assert report["changes"]["added"] == ["en-more"] and report["dictionary"]["made"] == "kept from the last build"
    assert [r["id"] for r in health()["results"]] == ["fr-doc"]
    # The French document goes: the kept lookup's translation then finds nothing, and breaks nothing.
    (corpus / "documents" / "fr.txt").unlink()
    manifest.write_text("\n".join(line for line in manifest.read_text(encoding="utf-8").splitlines()
                                  if not line.startswith("fr-doc")) + "\n", encoding="utf-8")
    report = build.update(corpus, index)
    assert report["dictionary"]["made"] == "kept from the last build"
    assert health()["total"] == 0
