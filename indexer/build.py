"""Full and incremental builds of an index snapshot, and the build report.

``build`` reads every document of the corpus into a new snapshot; ``update`` copies the live
snapshot and re-reads only the documents whose file or manifest row changed. Both publish only a
complete snapshot (see ``snapshots``), so a crash mid-build leaves the live index as it was.
"""
import hashlib
import shutil
import time
from collections import Counter
from datetime import datetime, timezone

from whoosh import index as whoosh_index

import indexer
from indexer import analysis, corpus as corpus_mod, glossary, pool, settings, snapshots
from indexer.errors import NoIndex
from indexer.schema import SCHEMA_VERSION, build_schema


def build(corpus_dir, index_dir, progress=None):
    """Read the whole corpus into a new snapshot and publish it; returns the report."""
    with snapshots.locked(index_dir):
        corpus = corpus_mod.load(corpus_dir)
        return _write_snapshot(corpus, index_dir, corpus.entries, base=None, progress=progress)


def update(corpus_dir, index_dir, progress=None):
    """Re-read only new and changed documents, drop deleted ones, publish; returns the report.

    Falls back to a full build when there is no live index or it was made by another schema version.
    """
    with snapshots.locked(index_dir):
        corpus = corpus_mod.load(corpus_dir)
        try:
            live = snapshots.current_path(index_dir)
            old_report = snapshots.read_report(live)
        except (NoIndex, OSError, ValueError):  # nothing published, or a report we cannot read
            live, old_report = None, None
        if live is None or old_report.get("schema_version") != SCHEMA_VERSION:
            return _write_snapshot(corpus, index_dir, corpus.entries, base=None, progress=progress)
        return _write_snapshot(corpus, index_dir, corpus.entries, base=(live, old_report), progress=progress)


def _write_snapshot(corpus, index_dir, entries, base, progress):
    started = time.monotonic()
    name = snapshots.new_name(index_dir)
    building = snapshots.new_building_dir(index_dir)
    try:
        fingerprints = {e.id: _fingerprint(e, corpus) for e in entries}
        if base is None:
            ix = whoosh_index.create_in(str(building), build_schema())
            old_docs, to_read, deleted = {}, list(entries), []
        else:
            live, old_report = base
            shutil.copytree(live, building, dirs_exist_ok=True)
            ix = whoosh_index.open_dir(str(building))
            old_docs = {d["id"]: d for d in old_report.get("documents", [])}
            to_read = [e for e in entries if old_docs.get(e.id, {}).get("fingerprint") != fingerprints[e.id]]
            deleted = sorted(set(old_docs) - {e.id for e in entries})
            if (not to_read and not deleted and old_report.get("problems") == [str(p) for p in corpus.problems]
                    and old_report.get("glossary", "") == corpus.glossary_digest):
                shutil.rmtree(building, ignore_errors=True)
                return dict(old_report, kind="up to date", changes=_no_changes(len(entries)))
        _copy_glossary(corpus, building)
        writer = ix.writer(limitmb=256)
        try:
            for doc_id in deleted + [e.id for e in to_read if e.id in old_docs]:
                writer.delete_by_term("id", doc_id)
            records = {}
            jobs = [(e.id, e.path, e.language, e.country) for e in to_read]
            by_id = {e.id: e for e in to_read}
            for done, (doc_id, reading) in enumerate(pool.read_all(jobs), 1):
                entry = by_id[doc_id]
                record = _record(entry, reading, fingerprints[doc_id], _topics(entry, reading, corpus))
                records[doc_id] = record
                if _indexable(entry, reading):
                    writer.add_document(**_fields(entry, reading, record))
                if progress:
                    progress(done, len(jobs), record)
            writer.commit()
        except BaseException:
            writer.cancel()
            raise
        documents = [records.get(e.id) or old_docs[e.id] for e in entries]
        report = _report(name, corpus, documents, started, base is not None)
        if base is not None:
            report["changes"] = {
                "added": sorted(i for i in records if i not in old_docs),
                "changed": sorted(i for i in records if i in old_docs),
                "deleted": deleted,
                "unchanged": len(entries) - len(records),
            }
        snapshots.write_report(building, report)
        snapshots.complete(building, index_dir, name)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    snapshots.publish(index_dir, name)
    snapshots.prune(index_dir, settings.get("keep_snapshots"))
    return report


def _no_changes(n):
    return {"added": [], "changed": [], "deleted": [], "unchanged": n}


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
    source = corpus.root / glossary.FILE
    target = building / glossary.FILE
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
        by_field.setdefault(analysis.field_for(code), []).append(text)
    # The title is searched in its document's language too, so its words are stemmed like the text's.
    by_field.setdefault(analysis.field_for(reading.language), []).append(record["title"])
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
