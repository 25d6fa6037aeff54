"""Indexing as staff run it: a full build, a no-change update and adding 1% new documents, each a
``python -m indexer`` subprocess with the peak memory of all its processes; and where a build's time
goes, from a profile of the same steps in one process on a sample of the corpus.
"""
import cProfile
import json
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from procs import run_measured

ROOT = Path(__file__).resolve().parent.parent
PROFILE_SAMPLE = 300


def indexer(*args):
    return [sys.executable, "-m", "indexer", *map(str, args)]


def dir_mb(path):
    return round(sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file()) / 2**20, 1)


def status(index_dir):
    return json.loads(run_measured(indexer("status", "--json", "--index", index_dir), cwd=ROOT)[2])


def build(corpus, index_dir):
    """The full build's figures; leaves the index in ``index_dir``."""
    seconds, peak, _ = run_measured(indexer("build", "--corpus", corpus, "--index", index_dir), cwd=ROOT)
    report = status(index_dir)
    docs = report["documents"]
    chars = sum(d["chars"] for d in docs)
    files_mb = sum(p.stat().st_size for p in (Path(corpus) / "documents").rglob("*") if p.is_file()) / 2**20
    live = Path(index_dir) / "snapshots" / report["snapshot"]
    return {"documents": len(docs), "counts": report["counts"], "seconds": seconds,
            "docs_per_s": round(len(docs) / seconds, 1), "files_mb": round(files_mb, 1),
            "files_mb_per_s": round(files_mb / seconds, 2), "text_mchars": round(chars / 1e6, 1),
            "text_mchars_per_s": round(chars / 1e6 / seconds, 3), "peak_rss_mb": peak,
            "index_mb": dir_mb(live), "pdf_pages": sum(d["pages"] for d in docs if d["format"] == "pdf")}


def update(corpus, index_dir):
    seconds, peak, _ = run_measured(indexer("update", "--corpus", corpus, "--index", index_dir), cwd=ROOT)
    return {"seconds": seconds, "peak_rss_mb": peak}


def profile(corpus, sample=PROFILE_SAMPLE):
    """Seconds per stage for ``sample`` documents read and indexed in this process (no workers):
    reading per format, language identification, analysis, Whoosh writing, the commit (merging).
    Reading includes the analysis of the text fields, which a build's workers do."""
    from whoosh import index as whoosh_index

    from indexer import build as build_mod, corpus as corpus_mod, prepared, reader
    from indexer.schema import build_schema
    loaded = corpus_mod.load(corpus)
    entries = loaded.entries[:sample]
    per_format, readings = defaultdict(float), []
    prof = cProfile.Profile()
    for entry in entries:
        started = time.perf_counter()
        prof.enable()
        job = entry.job()
        reading = reader.read(job.path, job.language, job.country)
        if reading.status == "ok":   # as a build's workers do: the writer gets the postings ready
            reading.analysed = prepared.analyse(reading, prepared.title(job.title, reading, job.path))
        prof.disable()
        per_format[reading.format] += time.perf_counter() - started
        readings.append((entry, reading))
    read_stages = _stages(prof)
    unhashed = {e.id: "" for e in entries}   # the profile leaves file hashing out
    plan = build_mod.Plan(entries=entries, digests=unhashed, fingerprints=unhashed, to_read=entries)
    with tempfile.TemporaryDirectory() as tmp:
        ix = whoosh_index.create_in(tmp, build_schema())
        writer = ix.writer(limitmb=256)
        prof = cProfile.Profile()
        started = time.perf_counter()
        prof.enable()
        for entry, reading in readings:
            record = build_mod._record(entry, entry.record, reading, plan, build_mod._topics(entry, reading, loaded))
            writer.add_document(**build_mod._fields(entry, reading, record))
        prof.disable()
        adding = time.perf_counter() - started
        started = time.perf_counter()
        writer.commit()
        commit = time.perf_counter() - started
    write_stages = _stages(prof)
    return {"documents": len(entries),
            "reading_by_format_s": {k: round(v, 2) for k, v in sorted(per_format.items())},
            "reading_profile_s": read_stages, "adding_s": round(adding, 2), "adding_profile_s": write_stages,
            "commit_s": round(commit, 2)}


STAGES = (  # first match wins: (where the code is, what the time is called)
    ("langdetect", "language ID"), ("indexer/lang/identify", "language ID"),
    ("indexer/lang/glossary", "glossary tagging"), ("whoosh/analysis", "analysis"),
    ("indexer/lang/", "analysis"), ("Stemmer", "analysis"), ("regex", "analysis"),
    ("pdfminer", "extraction"), ("docx", "extraction"), ("indexer/extract", "extraction"),
    ("charset_normalizer", "extraction"), ("whoosh", "whoosh writing"),
)


def _stages(prof):
    """Own time (not cumulative) of every function, summed by stage."""
    totals = defaultdict(float)
    for (filename, _, name), (_, _, tottime, _, _) in pstats.Stats(prof).stats.items():
        where = f"{filename}:{name}"
        stage = next((label for key, label in STAGES if key in where), "other")
        totals[stage] += tottime
    return {k: round(v, 2) for k, v in sorted(totals.items(), key=lambda kv: -kv[1])}
