"""Command line: ``python -m indexer build|update|status|rollback|check``. Thin: parse, call, print."""
import json
import sys
from pathlib import Path

import click

from indexer import build as build_mod, pool, snapshots
from indexer.errors import IndexerError

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"]}


def corpus_option(func=None, used=True):
    """``--corpus DIR``. The contract lets every command take it, so scripts can pass it everywhere;
    a command that does not read the corpus accepts it without offering it (``used=False``)."""
    option = click.option("--corpus", "corpus_dir", default="corpus/", show_default=True, hidden=not used,
                          type=click.Path(file_okay=False), help="Corpus directory (documents/, manifest.csv, topics.csv).")
    return option(func) if func else option


def index_option(func=None, used=True):
    """``--index DIR``, offered by the commands that read or write an index (see ``corpus_option``)."""
    option = click.option("--index", "index_dir", default="var/index/", show_default=True, hidden=not used,
                          type=click.Path(file_okay=False), help="Index directory (holds the snapshots).")
    return option(func) if func else option


def corpus_and_index(func):
    return corpus_option(index_option(func))


@click.group(context_settings=CONTEXT_SETTINGS)
def cli():
    """Build and manage the search index of the policy-document collection.

    \b
    Example:
        python -m indexer update       # or: clearinghouse-index update
        python -m indexer status
    """


def _fail(ex):
    raise click.ClickException(str(ex))


class Progress:
    """A bar on a terminal, one plain line per document otherwise (logs, CI)."""

    def __init__(self):
        self.bar = None
        self.tty = sys.stderr.isatty()

    def __call__(self, done, total, record):
        if self.tty:
            if self.bar is None:
                from tqdm import tqdm
                self.bar = tqdm(total=total, unit="doc", file=sys.stderr)
            self.bar.update(1)
            self.bar.set_postfix_str(record["id"][:30])
        else:
            lang = record["language"] if record["status"] == "ok" else record["status"]
            click.echo(f"[{done}/{total}] {record['file']}: {lang}", err=True)

    def close(self):
        if self.bar is not None:
            self.bar.close()


def _run(action, corpus_dir, index_dir):
    progress = Progress()
    try:
        report = action(corpus_dir, index_dir, progress=progress)
    except IndexerError as ex:
        _fail(ex)
    except KeyboardInterrupt:
        raise click.ClickException("interrupted: nothing was published; the live index is unchanged")
    finally:
        progress.close()
    _print_summary(report)


def _print_summary(report):
    counts = report["counts"]
    total = sum(counts.values())
    if report["kind"] == "up to date":
        click.echo(f"up to date: the live snapshot {report['snapshot']} already holds the corpus ({total} documents)")
        return
    click.echo(f"{report['kind']} {report['snapshot']}: {total} documents in {report['seconds']} s — "
               + ", ".join(f"{n} {status}" for status, n in counts.items()))
    changes = report.get("changes")
    if changes:
        click.echo(f"  {len(changes['added'])} added, {len(changes['changed'])} changed, "
                   f"{len(changes['deleted'])} deleted, {changes['unchanged']} unchanged")
    for doc in report["documents"]:
        if doc["status"] != "ok":
            click.echo(f"  {doc['status']:9} {doc['file']}: {doc['error']}")
    for problem in report["problems"]:
        click.echo(f"  problem   {problem}")


@cli.command()
@corpus_and_index
def build(corpus_dir, index_dir):
    """Full rebuild from the corpus into a new snapshot, published atomically.

    The site keeps serving the previous snapshot until the new one is complete; a build that fails
    or is interrupted publishes nothing.

    \b
    Example:
        python -m indexer build --corpus corpus/ --index var/index/
    """
    _run(build_mod.build, corpus_dir, index_dir)


@cli.command()
@corpus_and_index
def update(corpus_dir, index_dir):
    """Incremental update: reads only new and changed documents, drops deleted ones.

    A document counts as changed when its file or its manifest row changed. Without a live index,
    or after an upgrade that changed the index format, this is a full build.

    \b
    Example:
        python -m indexer update
    """
    _run(build_mod.update, corpus_dir, index_dir)


@cli.command()
@index_option
@corpus_option(used=False)
@click.option("--json", "as_json", is_flag=True, help="Print the whole build report as JSON.")
def status(corpus_dir, index_dir, as_json):
    """What the live index holds, when it was built, and what failed.

    \b
    Example:
        python -m indexer status
    """
    try:
        path = snapshots.current_path(index_dir)
        report = snapshots.read_report(path)
    except IndexerError as ex:
        _fail(ex)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=1))
        return
    langs = sorted({lang["code"] for d in report["documents"] for lang in d["languages"]})
    click.echo(f"live snapshot: {report['snapshot']} ({report['kind']} at {report['built_at']}, "
               f"{report['seconds']} s)")
    click.echo(f"corpus:        {report['corpus']}")
    click.echo(f"languages:     {len(langs)} ({', '.join(langs)})")
    click.echo(f"snapshots:     {', '.join(snapshots.published(index_dir))}")
    click.echo(f"cross-language: glossary ({report.get('glossary_concepts', 0)} concepts), {_dictionary_line(report)}")
    _print_summary(report)


def _dictionary_line(report):
    found = report.get("dictionary") or {"note": "none: the snapshot was made before dictionaries; run a build"}
    if found.get("words"):
        return f"dictionaries ({len(found['pairs'])} pairs, {found['words']} words)"
    return f"no dictionaries — {found.get('note', '')}"


@cli.command()
@index_option
@corpus_option(used=False)
def rollback(corpus_dir, index_dir):
    """Publish the previous snapshot again (undo the last build or update).

    \b
    Example:
        python -m indexer rollback
    """
    try:
        with snapshots.locked(index_dir):
            live = snapshots.current(index_dir)
            before = snapshots.previous(index_dir)
            if before is None:
                _fail(f"no snapshot older than {live} to roll back to (see `python -m indexer status`)")
            snapshots.publish(index_dir, before)
    except IndexerError as ex:
        _fail(ex)
    click.echo(f"published {before} again (was {live})")


@cli.command()
@corpus_option(used=False)
@index_option(used=False)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--json", "as_json", is_flag=True, help="One JSON object per file, one per line.")
def check(corpus_dir, index_dir, paths, as_json):
    """Dry run on files: format, pages, characters, languages, status. Touches no index.

    Folders are searched for files. Exit status 1 when any file failed.

    \b
    Example:
        python -m indexer check corpus/documents/fr/*.docx
        python -m indexer check --json report.pdf
    """
    files = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file()))
        else:
            files.append(path)
    results = dict(pool.read_all(pool.Job(i, str(p)) for i, p in enumerate(files)))
    failed = 0
    for i in range(len(files)):
        reading = results[i]
        failed += reading.status == "failed"
        if as_json:
            click.echo(json.dumps(reading.summary(), ensure_ascii=False))
        else:
            langs = " ".join(f"{lang['code']}:{lang['share']:.2f}" for lang in reading.languages) or reading.language
            pages = f"{reading.pages}p " if reading.pages else ""
            line = f"{reading.status:9} {reading.format:5} {pages}{reading.chars:>8} chars  {langs:20} {reading.path}"
            click.echo(line)
            for note in ([reading.error] if reading.error else []) + reading.notes:
                click.echo(f"          {note}")
    if failed:
        sys.exit(1)
