"""Full and incremental builds of an index snapshot, and the build report.

``build`` reads every document of the corpus into a new snapshot; ``update`` copies the live
snapshot and re-reads only the documents whose file or manifest row changed. Both publish only a
complete snapshot (see ``snapshots``), so a crash mid-build leaves the live index as it was.
"""
import hashlib
import os
import shutil
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone

from whoosh import index as whoosh_index

import indexer
from indexer import corpus as corpus_mod, dictionaries, lang, ledger, ocr, pool, prepared, settings, snapshots
from indexer.errors import NoIndex, NotPublished
from indexer.schema import SCHEMA_VERSION, build_schema


@dataclass
class Plan:
    """What one build or update does: the snapshot it starts from, what it reads and what it drops."""
    entries: list               # every entry the snapshot will hold
    digests: dict               # id -> sha1 of the file
    fingerprints: dict          # id -> fingerprint, for every entry
    to_read: list               # entries whose file is read
    previous: dict = field(default_factory=dict)   # the live snapshot's report: dates, aliases, withdrawals
    base: object = None         # the live snapshot's path for an update, None for a full build
    old_docs: dict = field(default_factory=dict)   # id -> record in the base snapshot's report
    deleted: list = field(default_factory=list)    # ids in the base snapshot that the corpus no longer has
    files: dict = field(default_factory=dict)      # id -> [size, mtime_ns, sha1]: what the next update trusts


def build(corpus_dir, index_dir, progress=None, publish_unlisted=False, strict=False):
    """Read the whole corpus into a new snapshot and publish it; returns the report."""
    with snapshots.locked(index_dir):
        corpus = _load(corpus_dir, publish_unlisted, strict)
        _, previous = _live(index_dir)
        entries = _entries(corpus, publish_unlisted)
        digests, files = _digests(entries)
        plan = Plan(entries, digests, _fingerprints(entries, digests, corpus), list(entries), previous, files=files)
        return _write_snapshot(corpus, index_dir, plan, progress)


def update(corpus_dir, index_dir, progress=None, publish_unlisted=False, strict=False):
    """Re-read only new and changed documents, drop deleted ones, publish; returns the report.

    Falls back to a full build when there is no live index or it was made by another schema version.
    """
    with snapshots.locked(index_dir):
        corpus = _load(corpus_dir, publish_unlisted, strict)
        live, old_report = _live(index_dir)
        entries = _entries(corpus, publish_unlisted)
        digests, files = _digests(entries, snapshots.read_file_stats(live) if live else {})
        fingerprints = _fingerprints(entries, digests, corpus)
        if old_report.get("schema_version") != SCHEMA_VERSION:
            return _write_snapshot(corpus, index_dir, Plan(entries, digests, fingerprints, list(entries), old_report,
                                                           files=files), progress)
        old_docs = {d["id"]: d for d in old_report.get("documents", [])}
        plan = Plan(entries, digests, fingerprints, previous=old_report, base=live, old_docs=old_docs,
                    to_read=[e for e in entries if old_docs.get(e.id, {}).get("fingerprint") != fingerprints[e.id]],
                    deleted=sorted(set(old_docs) - set(fingerprints)), files=files)
        if (not plan.to_read and not plan.deleted and old_report.get("problems") == [str(p) for p in corpus.problems]
                and old_report.get("glossary", "") == corpus.glossary_digest
                and old_report.get("dictionary", {}).get("digest", "") == dictionaries.digest()):
            return dict(old_report, kind="up to date", changes=_no_changes(len(entries)))
        return _write_snapshot(corpus, index_dir, plan, progress)


def _load(corpus_dir, publish_unlisted, strict):
    corpus = corpus_mod.load(corpus_dir, publish_unlisted)
    if strict and corpus.problems:
        raise NotPublished(f"--strict: nothing published, the corpus has {len(corpus.problems)} problem(s):\n  "
                           + "\n  ".join(map(str, corpus.problems)))
    return corpus


def _entries(corpus, publish_unlisted):
    return corpus.entries + (corpus.unlisted if publish_unlisted else [])


def _live(index_dir):
    """``(path, report)`` of the live snapshot, ``(None, {})`` when there is none to start from."""
    try:
        live = snapshots.current_path(index_dir)
        return live, snapshots.read_report(live)
    except (NoIndex, OSError, ValueError):  # nothing published, or a report we cannot read
        return None, {}


def _write_snapshot(corpus, index_dir, plan, progress):
    started = time.monotonic()
    name = snapshots.new_name(index_dir)
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    by_id = {e.id: e for e in plan.to_read}
    dates, aliases, withdrawn = ledger.carry(plan.previous, {
        e.id: {"file": e.file, "sha1": plan.digests[e.id], "row": e.record.fingerprint(plan.digests[e.id])}
        for e in plan.entries}, now)
    warnings = _warnings_by_line(corpus)
    records = {}
    with snapshots.building(index_dir, plan.base) as building:
        ix = whoosh_index.open_dir(str(building)) if plan.base else whoosh_index.create_in(str(building), build_schema())
        _copy_glossary(corpus, building)
        with ix.writer(limitmb=256) as writer:   # commits at the end of the block, cancels on an error
            for doc_id in plan.deleted:
                writer.delete_by_term("id", doc_id)
            for done, (doc_id, reading) in enumerate(pool.read_all(e.job() for e in plan.to_read), 1):
                entry = by_id[doc_id]
                rec = entry.record.with_dates(*dates[doc_id])
                record = records[doc_id] = _record(entry, rec, reading, plan, _topics(entry, reading, corpus), corpus.types)
                if _indexable(entry, reading):
                    # A fresh snapshot has nothing to replace: looking each id up first only costs time.
                    (writer.update_document if plan.base else writer.add_document)(**_fields(entry, reading, record))
                elif doc_id in plan.old_docs:
                    writer.delete_by_term("id", doc_id)
                if progress:
                    progress(done, len(plan.to_read), record)
        previous = {d["id"] for d in plan.previous.get("documents", [])}
        documents = []
        for e in plan.entries:
            doc = records.get(e.id) or dict(plan.old_docs[e.id], change="unchanged")
            doc["change"] = doc.get("change") or ("changed" if e.id in previous else "added")
            doc["warnings"] = warnings.get(e.line, []) if e.line else []
            documents.append(doc)
        report = _report(name, corpus, documents, started, plan.base is not None)
        report["dictionary"] = dictionaries.write_for(ix, building, update=plan.base is not None)
        report.update(aliases=aliases, withdrawn=withdrawn)
        report["changes"] = {
            "added": sorted(d["id"] for d in documents if d["change"] == "added"),
            "changed": sorted(d["id"] for d in documents if d["change"] == "changed"),
            "deleted": sorted(previous - {e.id for e in plan.entries}),
            "unchanged": sum(d["change"] == "unchanged" for d in documents),
        }
        snapshots.write_report(building, report)
        snapshots.write_file_stats(building, plan.files)
        snapshots.complete(building, index_dir, name)
    snapshots.publish(index_dir, name)
    snapshots.prune(index_dir, settings.get("keep_snapshots"))
    return report


def _warnings_by_line(corpus):
    found = {}
    for problem in corpus.problems:
        if problem.line:
            found.setdefault(problem.line, []).append(problem.message)
    return found


def _no_changes(n):
    return {"added": [], "changed": [], "deleted": [], "unchanged": n}


def _digests(entries, known=None):
    """``(id -> sha1, id -> [size, mtime_ns, sha1])`` of each entry's file. ``known`` is the last
    snapshot's second answer: a file whose size and modification time are unchanged keeps its sha1
    unread, so an update of a large collection stats its files rather than reading them all. A file
    that cannot be opened gets a digest too: the reader reports it, the build goes on."""
    known = known or {}
    digests, files = {}, {}
    for entry in entries:
        try:
            st = os.stat(entry.path)
            stat = [st.st_size, st.st_mtime_ns]
            before = known.get(entry.id)
            digest = before[2] if before and before[:2] == stat else corpus_mod.file_sha1(entry.path)
            files[entry.id] = stat + [digest]
        except OSError as ex:
            digest = hashlib.sha1(f"unreadable: {ex}".encode()).hexdigest()
        digests[entry.id] = digest
    return digests, files


def _fingerprints(entries, digests, corpus):
    """Each changes when the file, its manifest row, the schema or the reading code changes, for a
    document tagged from the glossary, the glossary, and for one whose type is guessed, the type terms."""
    # Turning OCR on (or installing Tesseract) must re-read the scans; the OCR cache keeps it cheap.
    scans = ":ocr" if ocr.enabled() else ""

    def one(entry):
        glossary = "" if entry.record.topics else f":{corpus.glossary_digest}"
        types = "" if entry.record.type else f":{lang.doctypes.digest()}"
        return entry.record.fingerprint(f"{digests[entry.id]}:{SCHEMA_VERSION}:{indexer.__version__}{glossary}{types}{scans}")
    return {e.id: one(e) for e in entries}


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
    if entry.record.topics or reading.status != "ok" or not len(corpus.glossary):
        return list(entry.record.topics), False
    passages = [(code, text) for _, code, text in reading.passages]
    title = (reading.language, entry.record.title or reading.title)
    return [topic for topic, _ in corpus.glossary.tag(passages, corpus.topics, title)], True


def _indexable(entry, reading):
    # A document we could not read is still findable by its metadata, flagged with its status; a
    # file nobody described and nobody can read would only be noise in the results.
    return reading.status == "ok" or entry.line > 0


def _record(entry, rec, reading, plan, topics, types=None):
    """What the report keeps of one document (and ``status`` shows); the index stores it as it is."""
    topic_list, automatic = topics
    doc_type = rec.type or lang.doctypes.guess(rec.title or reading.title, types)
    return {
        **rec.as_dict(),
        # what the site shows when the manifest leaves a cell empty
        "title": prepared.title(rec.title, reading, entry.path), "topics": topic_list,
        "title_from": "manifest" if rec.title else "file", "topics_automatic": automatic,
        "type": doc_type, "type_automatic": bool(doc_type) and not rec.type,
        "line": entry.line, "status": reading.status, "error": reading.error, "format": reading.format,
        "language": reading.language, "language_from": "manifest" if rec.language else "detected",
        "languages": reading.languages, "pages": reading.pages,
        "chars": reading.chars, "notes": reading.notes, "encoding": reading.encoding,
        "seconds": reading.seconds, "sha1": plan.digests[rec.id], "row": rec.fingerprint(plan.digests[rec.id]),
        "fingerprint": plan.fingerprints[rec.id],
        "ocr": reading.ocr, "ocr_confidence": reading.ocr_confidence, "partial": reading.partial,
        "page_info": reading.page_info,
    }


def _fields(entry, reading, record):
    languages = [lang["code"] for lang in reading.languages] or [reading.language]
    fields = {
        "id": record["id"],
        "title": record["title"],
        "country": record["country"],
        "language": " ".join(languages),
        "topic": " ".join(record["topics"]),
        "type": record["type"],
        "group": record["group"],
        "year": record["date"][:4],
        "date": record["date"],
        "added": record["added"],
        "status": reading.status,
        "fingerprint": record["fingerprint"],
        "content": reading.text,
        "meta": {"document": record},
    }
    fields.update(prepared.values(reading, record["title"]))
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
        "types": corpus.types,
        "glossary": corpus.glossary_digest,
        "glossary_concepts": len(corpus.glossary),
    }
