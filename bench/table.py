"""The Markdown table of one benchmark run (bench/results/bench-N.md), from its JSON figures.

Every figure of ours is shown beside tantivy's where tantivy measured the same thing, with the ratio
(ours / tantivy: how many times slower or larger)."""


def _ratio(ours, theirs):
    if ours is None or not theirs:
        return ""
    return f"{ours / theirs:.1f}×"


def _get(data, *keys):
    for key in keys:
        if not isinstance(data, dict) or key not in data:
            return None
        data = data[key]
    return data


def render(f):
    m = f["machine"]
    b, t, s = f["build"], f["tantivy"], f["search"]
    ts = t["search"]
    lines = [
        f"# Benchmark: {b['documents']:,} documents",
        "",
        f"{m['cores']} cores, {m['memory_gb']} GB; load average at start {m['load_average_at_start']}; "
        f"Python {m['python']}, whoosh-reloaded {m['whoosh-reloaded']}, tantivy {m['tantivy']}, "
        f"pdfminer.six {m['pdfminer.six']}, {m['pdftotext']}; commit {m['commit']}, {f['started_at']}; "
        f"the whole run took {f['seconds']} s.",
        "",
    ]
    if f.get("note"):
        lines += [f"**{f['note']}**", ""]
    lines += [
        f"Corpus: `python bench/make_corpus.py --docs {f['documents_asked']} --seed {f['seed']} "
        f"--median-chars {f['median_chars']}` ({b['files_mb']} MB of files, {b['text_mchars']} M characters "
        f"of text, {b['pdf_pages']} PDF pages). Tantivy indexes the text our build extracted (no file "
        "reading, no language identification), so its build figure is indexing alone.",
        "",
        "## Indexing",
        "",
        "| figure | ours | tantivy | ratio |",
        "|---|---|---|---|",
        f"| full build | {b['seconds']} s ({b['docs_per_s']} docs/s, {b['files_mb_per_s']} MB/s of files, "
        f"{b['text_mchars_per_s']} M chars/s) | {t['build_seconds']} s | {_ratio(b['seconds'], t['build_seconds'])} |",
        f"| peak RSS of the build (all processes) | {b['peak_rss_mb']} MB | | |",
        f"| index size | {b['index_mb']} MB | {t['index_mb']} MB | {_ratio(b['index_mb'], t['index_mb'])} |",
        f"| no-change update | {f['noop_update']['seconds']} s | | |",
    ]
    added = _get(f, "http", "waitress", "add_1_percent")
    if added:
        lines.append(f"| adding 1% ({added['documents']} documents) | {added['seconds']} s "
                     f"({100 * added['seconds'] / b['seconds']:.0f}% of a full build) | | |")
    p = f["build_profile"]
    lines += ["", f"Where a build's time goes ({p['documents']} documents read and indexed in one process, "
              "own time per stage; reading includes the analysis of the text, which a build's reading "
              "workers do, and adding is the index writer's process):", "",
              "| reading, by format (s) | reading, by stage (s) | adding to the index, by stage (s) | commit (s) |",
              "|---|---|---|---|",
              f"| {_pairs(p['reading_by_format_s'])} | {_pairs(p['reading_profile_s'])} | "
              f"{_pairs(p['adding_profile_s'])} (total {p['adding_s']}) | {p['commit_s']} |"]
    x = f["pdf_extraction"]
    if "pdftotext_ms_per_page" in x:
        lines += ["", f"PDF text: pdfminer.six {x['pdfminer_ms_per_page']} ms/page, poppler `pdftotext` "
                  f"{x['pdftotext_ms_per_page']} ms/page (a process per file included) on {x['files']} files, "
                  f"{x['pages']} pages: **{x['ratio']}×**."]
    lines += ["", f"## Search in process ({s['queries']} queries in {s['languages']} languages, the four facet "
              "counts each; ms p50 / p95 / p99)", "",
              "| queries | ours, first time | tantivy, first time | ratio p95 | ours, repeated | tantivy, repeated |",
              "|---|---|---|---|---|---|"]
    for kind in ("all", "one_word", "two_words", "phrase", "prefix", "broad"):
        lines.append(f"| {kind.replace('_', ' ')} | {_pct(s['first'].get(kind))} | {_pct(ts['first'].get(kind))} | "
                     f"{_ratio(_get(s, 'first', kind, 'p95'), _get(ts, 'first', kind, 'p95'))} | "
                     f"{_pct(s['repeated'].get(kind))} | {_pct(ts['repeated'].get(kind))} |")
    for key in sorted(s["by_filters"]):
        lines.append(f"| {key.replace('_', ' ')} | {_pct(s['by_filters'][key])} | {_pct(ts['by_filters'].get(key))} | "
                     f"{_ratio(_get(s, 'by_filters', key, 'p95'), _get(ts, 'by_filters', key, 'p95'))} | | |")
    lines.append(f"| browse, pages 1–50 | {_pct(s['browse_pages_1_50'])} | {_pct(ts['browse_pages_1_50'])} | "
                 f"{_ratio(s['browse_pages_1_50'].get('p95'), ts['browse_pages_1_50'].get('p95'))} | | |")
    lines += ["", f"{s['zero_results']} of the queries find nothing (mostly three filters that no document "
              "has together). Tantivy's browse is in index order, ours newest first; tantivy makes no snippets.",
              "", "## Over HTTP (JSON API, 127.0.0.1; the load clients run on the same machine)", "",
              "| server | p50 / p95 / p99 first (ms) | repeated | 1 client req/s | 8 clients req/s (p95 ms) | "
              "32 clients req/s (p95 ms, errors) | RSS after start | after 1,000 queries | after a new snapshot |",
              "|---|---|---|---|---|---|---|---|---|"]
    for kind, h in f["http"].items():
        load = {run["clients"]: run for run in h["load"]}
        lines.append(
            f"| {kind} | {_pct(h['first']['all'])} | {_pct(h['repeated']['all'])} | {_rps(load.get(1))} | "
            f"{_rps(load.get(8))} ({_get(load.get(8), 'latency_ms', 'p95')}) | {_rps(load.get(32))} "
            f"({_get(load.get(32), 'latency_ms', 'p95')}, {_get(load.get(32), 'errors')}) | {_memory(h, 'start')} | "
            f"{_memory(h, '1000_queries')} | {_memory(h, 'new_snapshot')} |")
    lines += ["", "waitress is what `make run` starts (one process, `--threads` at its default); gunicorn is deploy/gunicorn.conf.py "
              "(one process per core); nginx + gunicorn is deploy/nginx.conf in front of it, as deployed. RSS is the "
              "whole process tree; in brackets the part that is the processes' own memory (RssAnon), the rest being "
              "index files mapped in, which the kernel shares and can drop.", ""]
    if f.get("http_note"):
        lines += [f["http_note"] + ".", ""]
    return "\n".join(lines)


def _memory(h, when):
    rss, own = h.get(f"rss_after_{when}_mb"), h.get(f"anonymous_after_{when}_mb")
    if rss is None:
        return "–"
    return f"{rss} MB ({own} MB own)" if own else f"{rss} MB"


def _pairs(d):
    return ", ".join(f"{k} {v}" for k, v in d.items())


def _pct(summary):
    if not summary or not summary.get("n"):
        return "–"
    return f"{summary['p50']} / {summary['p95']} / {summary['p99']}"


def _rps(run):
    return run["req_per_s"] if run else "–"
