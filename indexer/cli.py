"""Command line: ``python -m indexer build|update|status|rollback|check``. Thin: parse, call, print."""
import json
import os
import sys
from pathlib import Path

import click

from indexer import accounts, build as build_mod, manifest_csv, manifest_edit, pool, record, settings, snapshots
from indexer.corpus import shown
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


def _set_ocr(ctx, param, value):
    if value:
        os.environ["SEARCH_OCR"] = value  # a setting like the others; worker processes inherit it


ocr_option = click.option("--ocr", type=click.Choice(["auto", "off"]), expose_value=False, callback=_set_ocr,
                          help="Recognise scanned pages and images with Tesseract (auto, the default when it is "
                               "installed; SEARCH_OCR) or report them as needs_ocr (off).")


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


class NothingPublished(click.ClickException):
    """Exit status 2: the build or update published nothing (PRODUCT.md's exit codes)."""
    exit_code = 2


def publishing_options(func):
    func = click.option("--strict", is_flag=True,
                        help="Publish nothing while the manifest or the files have any problem (exit 2).")(func)
    func = click.option("--publish-unlisted", is_flag=True,
                        help="Also publish files under documents/ that have no manifest row (else only reported).")(func)
    return corpus_and_index(func)


def _run(action, corpus_dir, index_dir, publish_unlisted=False, strict=False):
    """Run a build or update; exit 0 when the corpus is clean, 1 when published with problems, 2 when
    nothing was published."""
    progress = Progress()
    try:
        report = action(corpus_dir, index_dir, progress=progress, publish_unlisted=publish_unlisted, strict=strict)
    except IndexerError as ex:
        raise NothingPublished(f"{ex}\nnothing was published; the live index is unchanged")
    except KeyboardInterrupt:
        raise NothingPublished("interrupted: nothing was published; the live index is unchanged")
    finally:
        progress.close()
    _print_summary(report)
    if report["problems"]:
        click.echo(f"{len(report['problems'])} problem(s) in the corpus: fix them (see above), then run "
                   "`python -m indexer update`; `--strict` refuses to publish while any remain", err=True)
        sys.exit(1)


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
        elif doc.get("partial"):
            click.echo(f"  partial   {doc['file']}: {doc['notes'][-1]}")
        elif doc.get("ocr"):
            click.echo(f"  ocr       {doc['file']}: text recognised from a scan "
                       f"(mean confidence {doc['ocr_confidence']})")
    for problem in report["problems"]:
        click.echo(f"  problem   {problem}")


@cli.command()
@publishing_options
@ocr_option
def build(corpus_dir, index_dir, publish_unlisted, strict):
    """Full rebuild from the corpus into a new snapshot, published atomically.

    The site keeps serving the previous snapshot until the new one is complete; a build that fails
    or is interrupted publishes nothing. Exit status: 0 published and the corpus is clean, 1 published
    but the manifest has problems (listed with their fixes), 2 nothing published.

    \b
    Example:
        python -m indexer build --corpus corpus/ --index var/index/
    """
    _run(build_mod.build, corpus_dir, index_dir, publish_unlisted, strict)


@cli.command()
@publishing_options
@ocr_option
def update(corpus_dir, index_dir, publish_unlisted, strict):
    """Incremental update: reads only new and changed documents, drops deleted ones.

    A document counts as changed when its file or its manifest row changed. Without a live index,
    or after an upgrade that changed the index format, this is a full build. Exit status as `build`.

    \b
    Example:
        python -m indexer update
    """
    _run(build_mod.update, corpus_dir, index_dir, publish_unlisted, strict)


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
    for warning in _leftover_warnings(index_dir):
        click.echo(f"warning: {warning}", err=True)
    try:
        name, problem = snapshots.live_or_newest(index_dir)
        report = snapshots.read_report(snapshots.snapshots_dir(index_dir) / name)
    except IndexerError as ex:
        _fail(ex)
    except (OSError, ValueError) as ex:
        _fail(f"the report of snapshot {name} cannot be read ({ex}); `python -m indexer rollback` publishes "
              "an older one, `python -m indexer build` a new one")
    if problem:
        click.echo(f"warning: {problem}; the site serves {name}, the newest complete snapshot", err=True)
    if as_json:
        click.echo(json.dumps(report, ensure_ascii=False, indent=1))
        return
    langs = sorted({lang["code"] for d in report["documents"] for lang in d["languages"]})
    click.echo(f"live snapshot: {report['snapshot']} ({report['kind']} at {report['built_at']}, "
               f"{report['seconds']} s)")
    click.echo(f"corpus:        {report['corpus']}")
    click.echo(f"languages:     {len(langs)} ({', '.join(langs)})")
    click.echo(f"snapshots:     {', '.join(snapshots.published(index_dir))}")
    click.echo(f"old ids:       {len(report.get('aliases', {}))} redirected, {len(report.get('withdrawn', {}))} withdrawn")
    click.echo(f"cross-language: glossary ({report.get('glossary_concepts', 0)} concepts), {_dictionary_line(report)}")
    _print_summary(report)


def _dictionary_line(report):
    found = report.get("dictionary") or {"note": "none: the snapshot was made before dictionaries; run a build"}
    if found.get("words"):
        return f"dictionaries ({len(found['pairs'])} pairs, {found['words']} words)"
    return f"no dictionaries — {found.get('note', '')}"


def _leftover_warnings(index_dir):
    """What a killed run left in the index directory: its lock, its unfinished builds."""
    warnings = []
    lock = snapshots.lock_state(index_dir)
    if lock and not lock.startswith("held by a running"):
        warnings.append(f"build lock {lock}")
    leftovers = snapshots.abandoned(index_dir)
    if leftovers:
        warnings.append(f"{len(leftovers)} unfinished build(s) left by a killed run ("
                        + ", ".join(p.name for p in leftovers[:3]) + "); the next build or update removes them")
    return warnings


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
            live, problem = snapshots.live_or_newest(index_dir)
            if problem:
                # CURRENT itself is what needs undoing: point it at the newest complete snapshot.
                snapshots.publish(index_dir, live)
                click.echo(f"CURRENT was damaged ({problem}); published {live}, the newest complete snapshot")
                return
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
@click.option("--preview", default=0, type=click.IntRange(0, 20000), metavar="CHARS",
              help="With --json, add the first CHARS characters of the text as \"preview\".")
@ocr_option
def check(corpus_dir, index_dir, paths, as_json, preview):
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
            summary = reading.summary()
            if preview:
                summary["preview"] = reading.text[:preview]
            click.echo(json.dumps(summary, ensure_ascii=False))
        else:
            langs = " ".join(f"{lang['code']}:{lang['share']:.2f}" for lang in reading.languages) or reading.language
            pages = f"{reading.pages}p " if reading.pages else ""
            line = f"{reading.status:9} {reading.format:5} {pages}{reading.chars:>8} chars  {langs:20} {shown(reading.path)}"
            click.echo(line)
            if reading.ocr:
                click.echo(f"          text recognised from a scan (OCR, mean confidence {reading.ocr_confidence})")
            for note in ([reading.error] if reading.error else []) + reading.notes:
                click.echo(f"          {note}")
    if failed:
        sys.exit(1)


def record_options(func):
    """One option per manifest column (``--title``, ``--country``, … ``--type``, ``--group``)."""
    helps = {"id": "The document's id (a slug; made from the country and title when left out).",
             "title": "Title as the document gives it.", "country": "ISO 3166-1 alpha-2 code, e.g. FR, or EU.",
             "topics": "Topic slugs of topics.csv, separated by ';'.", "date": "YYYY, YYYY-MM or YYYY-MM-DD.",
             "language": "ISO 639-1 code; leave out to detect it.", "source_url": "Where it was published (http/https).",
             "type": "Document type, a slug of types.csv.", "group": "Shared by the language versions of one document."}
    for column in reversed(record.COLUMNS):
        if column != "file":
            func = click.option("--" + column.replace("_", "-"), column, default=None, help=helps.get(column, ""))(func)
    return func


def _given(values):
    return {k: v for k, v in values.items() if v is not None}


def _edit_run(action, *args):
    try:
        return action(*args)
    except IndexerError as ex:
        _fail(ex)


@cli.command()
@corpus_and_index
@click.argument("file", type=click.Path(dir_okay=False))
@record_options
@click.option("--filename", default=None, help="Name to give the file in documents/ [default: FILE's own]; "
              "folders and unsafe characters are dropped.")
def add(corpus_dir, index_dir, file, filename, **values):
    """Add a document: validate its metadata, copy FILE into documents/, append its manifest row.

    Everything is checked first and near misses get a suggestion (KENYA: did you mean KE?); the
    manifest is rewritten atomically under the build lock. Run `update` to publish.

    \b
    Example:
        python -m indexer add ~/inbox/ke-ai.pdf --title "Kenya AI Strategy" --country KE \\
            --topics "ai-strategy" --date 2025-03-01 --type national-strategy
        python -m indexer update
    """
    if not values.get("title") or not values.get("country"):
        _fail("--title and --country are required (the title as the document gives it, the country as a code)")
    change = _edit_run(manifest_edit.add, corpus_dir, index_dir, file, _given(values), filename)
    click.echo(f"added {change.after.id}: {change.after.file} (run `python -m indexer update` to publish it)")


@cli.command()
@corpus_and_index
@click.argument("doc_id", metavar="ID")
@record_options
def edit(corpus_dir, index_dir, doc_id, **values):
    """Correct the manifest row of document ID: give the fields to change.

    `--id NEW` renames it: after the next update its old address redirects to the new one.

    \b
    Example:
        python -m indexer edit ke-data-protection-regulations --date 2021-12-14 --type regulation
        python -m indexer update
    """
    changes = _given(values)
    if not changes:
        _fail("nothing to change: give at least one field, e.g. --title \"…\" (see --help)")
    change = _edit_run(manifest_edit.edit, corpus_dir, index_dir, doc_id, changes)
    before, after = change.before.row(), change.after.row()
    for column in record.COLUMNS:
        if before[column] != after[column]:
            click.echo(f"{column}: {before[column]!r} -> {after[column]!r}")
    click.echo(f"edited {after['id']} (run `python -m indexer update` to publish it)")


@cli.command()
@corpus_and_index
@click.argument("doc_id", metavar="ID")
def withdraw(corpus_dir, index_dir, doc_id):
    """Withdraw document ID: its row is removed and its file moved to withdrawn/ (kept, not indexed).

    After the next update its address answers 410 Gone with its title, country and the date.

    \b
    Example:
        python -m indexer withdraw ng-national-ai-policy-draft
        python -m indexer update
    """
    change = _edit_run(manifest_edit.withdraw, corpus_dir, index_dir, doc_id)
    where = f"; its file is now {change.moved_to}" if change.moved_to else ""
    click.echo(f"withdrew {doc_id}{where} (run `python -m indexer update` to publish it)")


@cli.command("fix-manifest")
@corpus_option
@index_option(used=False)
def fix_manifest(corpus_dir, index_dir):
    """Rewrite manifest.csv with commas between fields and quotes where needed, keeping a backup.

    Repairs a file saved with ';' or tabs between fields, and titles with unquoted commas.

    \b
    Example:
        python -m indexer fix-manifest --corpus corpus/
    """
    try:
        saved, repaired, left = manifest_csv.fix(Path(corpus_dir) / "manifest.csv")
    except (IndexerError, OSError) as ex:
        _fail(ex)
    for line in repaired:
        click.echo(f"repaired: {line}")
    for line in left:
        click.echo(f"left:     {line}")
    click.echo(f"manifest.csv rewritten; the old one is {saved}")
    if left:
        sys.exit(1)


@cli.command("admin-user")
@corpus_option(used=False)
@index_option(used=False)
@click.argument("name")
@click.option("--file", "accounts_file", default=None, type=click.Path(dir_okay=False),
              help="Accounts file [default: SEARCH_ADMIN_USERS].")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input (scripts).")
def admin_user(corpus_dir, index_dir, name, accounts_file, password_stdin):
    """Add a staff account for /admin, or set its password. Keep the file outside the repository.

    The password is stored as an Argon2id hash, never as it was typed. The site turns /admin on
    when SEARCH_ADMIN_USERS names this file.

    \b
    Example:
        python -m indexer admin-user amina --file /etc/clearinghouse/admins
        SEARCH_ADMIN_USERS=/etc/clearinghouse/admins python -m search_web
    """
    path = accounts_file or settings.get("admin_users")
    if not path:
        _fail("no accounts file: pass --file PATH or set SEARCH_ADMIN_USERS")
    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("password", hide_input=True, confirmation_prompt=True)
    try:
        created = accounts.set_password(path, name, password)
    except ValueError as ex:
        _fail(ex)
    click.echo(f"{'added' if created else 'changed the password of'} {name} in {path}")
