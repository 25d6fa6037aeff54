"""The compiled-engine reference: the same documents and queries in tantivy (its Python package, for
the benchmark only), with a field per language, the four facets, and the same filters.

The text is what our build extracted (the snapshot's stored text, in its document's main language's
field), so tantivy's figures are indexing and search alone, without reading files. Its analyzers are
its own: Snowball stemmers where it has them, character bigrams for Chinese, Japanese and Thai,
plain words elsewhere.
"""
import shutil
import time
from pathlib import Path

import tantivy
from whoosh import index as whoosh_index

from indexer import snapshots
from stats import summary

FACETS = ("country", "language", "topic", "year")
STEMMERS = {"ar": "arabic", "da": "danish", "nl": "dutch", "en": "english", "fi": "finnish", "fr": "french",
            "de": "german", "el": "greek", "hu": "hungarian", "it": "italian", "no": "norwegian",
            "pt": "portuguese", "ro": "romanian", "ru": "russian", "es": "spanish", "sv": "swedish",
            "tr": "turkish"}
BIGRAMS = {"zh", "ja", "th"}
FACET_SIZE = 300


def stored_documents(index_dir):
    """``(id, title, main language, text, {facet: [values]})`` of every document of the live snapshot."""
    path = snapshots.snapshots_dir(index_dir) / snapshots.current(index_dir)
    with whoosh_index.open_dir(str(path)).searcher() as searcher:
        for stored in searcher.documents():
            meta = stored.get("meta") or {}
            facets = {"country": [stored.get("country", "")], "language": stored.get("language", "").split(),
                      "topic": stored.get("topic", "").split(), "year": [stored.get("year", "")]}
            yield stored["id"], stored.get("title", ""), meta.get("main_language", "und"), stored.get("content", ""), facets


def _analyzer(code):
    if code in BIGRAMS:
        return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.ngram(2, 2)).filter(tantivy.Filter.lowercase()).build()
    builder = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple()).filter(tantivy.Filter.lowercase())
    if code in STEMMERS:
        builder = builder.filter(tantivy.Filter.stemmer(STEMMERS[code]))
    return builder.build()


class Peer:
    def __init__(self, where, docs):
        """Index ``docs`` (from ``stored_documents``) into a fresh tantivy index at ``where``."""
        docs = list(docs)
        self.codes = sorted({d[2] for d in docs})
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("id", stored=True, tokenizer_name="raw")
        builder.add_text_field("title", stored=True)
        for code in self.codes:
            builder.add_text_field(f"text_{code}", tokenizer_name=f"lang_{code}")
        for facet in FACETS:
            builder.add_text_field(facet, tokenizer_name="raw", fast=True)
        self.schema = builder.build()
        shutil.rmtree(where, ignore_errors=True)
        Path(where).mkdir(parents=True)
        self.index = tantivy.Index(self.schema, path=str(where))
        for code in self.codes:
            self.index.register_tokenizer(f"lang_{code}", _analyzer(code))
        started = time.perf_counter()
        writer = self.index.writer(heap_size=256 * 2**20, num_threads=2)
        for doc_id, title, code, text, facets in docs:
            doc = tantivy.Document(id=doc_id, title=title, **{f"text_{code}": text})
            for facet, values in facets.items():
                for value in values:
                    if value:
                        doc.add_text(facet, value)
            writer.add_document(doc)
        writer.commit()
        writer.wait_merging_threads()
        self.build_seconds = round(time.perf_counter() - started, 2)
        self.index.reload()
        self.fields = ["title"] + [f"text_{code}" for code in self.codes]
        self.size_mb = round(sum(p.stat().st_size for p in Path(where).rglob("*") if p.is_file()) / 2**20, 1)
        self.documents = len(docs)

    def search(self, item, page=1):
        """Top 10 of ``page`` with their stored fields, and the four facet counts (a facet counted with
        the other facets' filters, not its own, as our site counts them)."""
        searcher = self.index.searcher()
        text = item["q"]
        if text:
            q, _errors = self.index.parse_query_lenient(text, self.fields, conjunction_by_default=True)
        else:
            q = tantivy.Query.all_query()
        filters = {f: tantivy.Query.term_set_query(self.schema, f, values)
                   for f, values in item.get("filters", {}).items()}

        def narrowed(skip=None):
            clauses = [(tantivy.Occur.Must, q)] + [(tantivy.Occur.Must, fq) for f, fq in filters.items() if f != skip]
            return tantivy.Query.boolean_query(clauses) if len(clauses) > 1 else q

        final = narrowed()
        hits = searcher.search(final, limit=10, offset=(page - 1) * 10)
        shown = [searcher.doc(address)["title"] for _, address in hits.hits]
        aggs = {f: {"terms": {"field": f, "size": FACET_SIZE}} for f in FACETS}
        if filters:
            counts = {f: searcher.aggregate(narrowed(skip=f), {f: aggs[f]}) for f in FACETS}
        else:
            counts = searcher.aggregate(final, aggs)
        return hits.count, shown, counts

    def measure(self, items, browse_pages=50):
        first, repeated, by_filters = {}, {}, {}
        for runs in (first, repeated):
            for item in items:
                started = time.perf_counter()
                self.search(item)
                ms = (time.perf_counter() - started) * 1000
                runs.setdefault(item["kind"], []).append(ms)
                runs.setdefault("all", []).append(ms)
                if runs is first:
                    by_filters.setdefault(f"{len(item['filters'])}_filters", []).append(ms)
        browse = []
        for page in range(1, browse_pages + 1):
            started = time.perf_counter()
            self.search({"q": ""}, page)
            browse.append((time.perf_counter() - started) * 1000)
        return {"first": {k: summary(v) for k, v in first.items()},
                "repeated": {k: summary(v) for k, v in repeated.items()},
                "by_filters": {k: summary(v) for k, v in sorted(by_filters.items())},
                "browse_pages_1_50": summary(browse)}
