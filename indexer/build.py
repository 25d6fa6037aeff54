"""Full and incremental builds of an index snapshot, and the build report.

``build`` reads every document of the corpus into a new snapshot; ``update`` copies the live
snapshot and re-reads only the documents whose file or manifest row changed. Both publish only a
complete snapshot (see ``snapshots``), so a crash mid-build leaves the live index as it was.
"""
import hashlib
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone

from whoosh import index as whoosh_index

import indexer
from indexer import corpus as corpus_mod, lang, pool, settings, snapshots
from indexer.errors import NoIndex
from indexer.schema import SCHEMA_VERSION, build_schema


@dataclass
class Plan:
    """What one build or update does: the snapshot it starts from, what it reads and what it drops."""
    fingerprints: dict          # id -> fingerprint, for every entry of the corpus
    to_read: list               # entries whose file is read
    base: object = None         # the live snapshot's path for an update, None for a full build
    old_docs: dict = field(default_factory=dict)   # id -> record in the base snapshot's report
    deleted: list = field(default_factory=list)    # ids in the base snapshot that the corpus no longer has


def build(corpus_dir, index_dir, progress=None):
    """Read the whole corpus into a new snapshot and publish it; returns the report."""
    with snapshots.locked(index_dir):
        corpus = corpus_mod.load(corpus_dir)
        return _write_snapshot(corpus, index_dir, Plan(_fingerprints(corpus), list(corpus.entries)), progress)


def update(corpus_dir, index_dir, progress=None):
    """Re-read only new and changed documents, drop deleted ones, publish; returns the report.

    Falls back to a full build when there is no live index or it was made by another schema version.
    """
    with snapshots.locked(index_dir):
        corpus = corpus_mod.load(corpus_dir)
        fingerprints = _fingerprints(corpus)
        try:
            live = snapshots.current_path(index_dir)
            old_report = snapshots.read_report(live)
        except (NoIndex, OSError, ValueError):  # nothing published, or a report we cannot read
            live, old_report = None, {}
        if old_report.get("schema_version") != SCHEMA_VERSION:
            return _write_snapshot(corpus, index_dir, Plan(fingerprints, list(corpus.entries)), progress)
        old_docs = {d["id"]: d for d in old_report.get("documents", [])}
        plan = Plan(fingerprints, base=live, old_docs=old_docs,
                    to_read=[e for e in corpus.entries if old_docs.get(e.id, {}).get("fingerprint") != fingerprints[e.id]],
                    deleted=sorted(set(old_docs) - set(fingerprints)))
        if (not plan.to_read and not plan.deleted and old_report.get("problems") == [str(p) for p in corpus.problems]
                and old_report.get("glossary", "") == corpus.glossary_digest):
            return dict(old_report, kind="up to date", changes=_no_changes(len(corpus.entries)))
        return _write_snapshot(corpus, index_dir, plan, progress)


def _write_snapshot(corpus, index_dir, plan, progress):
    started = time.monotonic()
    name = snapshots.new_name(index_dir)
    by_id = {e.id: e for e in plan.to_read}
    records = {}
    with snapshots.building(index_dir, plan.base) as building:
        ix = whoosh_index.open_dir(str(building)) if plan.base else whoosh_index.create_in(str(building), build_schema())
        _copy_glossary(corpus, building)
        with ix.writer(limitmb=256) as writer:   # commits at the end of the block, cancels on an error
            for doc_id in plan.deleted:
                writer.delete_by_term("id", doc_id)
            for done, (doc_id, reading) in enumerate(pool.read_all(e.job() for e in plan.to_read), 1):
                entry = by_id[doc_id]
                record = records[doc_id] = _record(entry, reading, plan.fingerprints[doc_id],
                                                   _topics(entry, reading, corpus))
                if _indexable(entry, reading):
                    # A fresh snapshot has nothing to replace: looking each id up first only costs time.
                    (writer.update_document if plan.base else writer.add_document)(**_fields(entry, reading, record))
                elif doc_id in plan.old_docs:
                    writer.delete_by_term("id", doc_id)
                if progress:
                    progress(done, len(plan.to_read), record)
        documents = [records.get(e.id) or plan.old_docs[e.id] for e in corpus.entries]
        report = _report(name, corpus, documents, started, plan.base is not None)
        if plan.base is not None:
            report["changes"] = {
                "added": sorted(i for i in records if i not in plan.old_docs),
                "changed": sorted(i for i in records if i in plan.old_docs),
                "deleted": plan.deleted,
                "unchanged": len(corpus.entries) - len(records),
            }
        snapshots.write_report(building, report)
        snapshots.complete(building, index_dir, name)
    snapshots.publish(index_dir, name)
    snapshots.prune(index_dir, settings.get("keep_snapshots"))
    return report


def _no_changes(n):
    return {"added": [], "changed": [], "deleted": [], "unchanged": n}


def _fingerprints(corpus):
    return {e.id: _fingerprint(e, corpus) for e in corpus.entries}


def _fingerprint(entry, corpus):
    """Changes when the file, its manifest row, the schema or the reading code changes, and for a
    document tagged from the glossary, the glossary. A file that cannot be opened gets a fingerprint
    too: the reader reports it, the build goes on."""
    digest = hashlib.sha1()
    try:
        with open(entry.path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError as ex:
        digest.update(f"unreadable: {ex}".encode())
    glossary = "" if entry.topics else f":{corpus.glossary_digest}"
    return entry.fingerprint(f"{digest.hexdigest()}:{SCHEMA_VERSION}:{indexer.__version__}{glossary}")


def _copy_glossary(corpus, building):
    """The snapshot carries the glossary it was tagged with; the site expands queries with it."""
    source = corpus.root / lang.GLOSSARY_FILE
    target = building / lang.GLOSSARY_FILE
    if source.is_file() and len(corpus.glossary):
        shutil.copyfile(source, target)
    elif target.exists():
        target.unlink()


def _topics(entry, reading, corpus):
    """``(topics, automatic)``: the manifest's topics, or when it gives none, the topics of the
    glossary concepts the text names most."""
    if entry.topics or reading.status != "ok" or not len(corpus.glossary):
        return entry.topics, False
    passages = [(code, text) for _, code, text in reading.passages]
    title = (reading.language, entry.title or reading.title)
    return [topic for topic, _ in corpus.glossary.tag(passages, corpus.topics, title)], True


def _indexable(entry, reading):
    # A document we could not read is still findable by its metadata, flagged with its status; a
    # file nobody described and nobody can read would only be noise in the results.
    return reading.status == "ok" or entry.line > 0


def _record(entry, reading, fingerprint, topics):
    """What the report keeps of one document (and ``status`` shows)."""
    topic_list, automatic = topics
    return {
        "id": entry.id, "file": entry.file, "line": entry.line, "status": reading.status,
        "error": reading.error, "format": reading.format, "language": reading.language,
        "languages": reading.languages, "pages": reading.pages, "chars": reading.chars,
        "title": entry.title or reading.title or entry.path.name, "title_from": "manifest" if entry.title else "file",
        "notes": reading.notes, "encoding": reading.encoding, "fingerprint": fingerprint,
        "topics": topic_list, "topics_automatic": automatic,
    }


def _fields(entry, reading, record):
    languages = [lang["code"] for lang in reading.languages] or [reading.language]
    fields = {
        "id": entry.id,
        "title": record["title"],
        "country": entry.country,
        "language": " ".join(languages),
        "topic": " ".join(record["topics"]),
        "year": entry.date[:4],
        "date": entry.date,
        "status": reading.status,
        "fingerprint": record["fingerprint"],
        "content": reading.text,
        "spell": record["title"] + "\n" + reading.text,
        "meta": {
            "file": entry.file, "format": reading.format, "main_language": reading.language,
            "languages": reading.languages, "pages": reading.pages, "chars": reading.chars,
            "error": reading.error, "notes": reading.notes, "source_url": entry.source_url,
            "title_from": record["title_from"], "topics": record["topics"],
            "topics_automatic": record["topics_automatic"],
        },
    }
    by_field = {}
    for _, code, text in reading.passages:
        by_field.setdefault(lang.field_for(code), []).append(text)
    # The title is searched in its document's language too, so its words are stemmed like the text's.
    by_field.setdefault(lang.field_for(reading.language), []).append(record["title"])
    for name, texts in by_field.items():
        fields[name] = "\n\n".join(texts)
    return fields


def _report(name, corpus, documents, started, incremental):
    counts = Counter(d["status"] for d in documents)
    return {
        "snapshot": name,
        "kind": "update" if incremental else "build",
        "built_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "seconds": round(time.monotonic() - started, 2),
        "corpus": str(corpus.root.resolve()),
        "indexer_version": indexer.__version__,
        "schema_version": SCHEMA_VERSION,
        "counts": {status: counts.get(status, 0) for status in ("ok", "empty", "needs_ocr", "failed")},
        "documents": documents,
        "problems": [str(p) for p in corpus.problems],
        "topics": corpus.topics,
        "glossary": corpus.glossary_digest,
        "glossary_concepts": len(corpus.glossary),
    }
