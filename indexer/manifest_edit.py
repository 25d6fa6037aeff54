"""Staff changes to a corpus: add a document, edit its row, withdraw it.

Each validates everything first (``record.validate``, strictly: a bad value refuses the change and
says what was meant), then changes the files under the build lock, so that no build reads a manifest
half written; the manifest is rewritten whole through a temporary file and a rename. Nothing is
published here: the next ``update`` does that.
"""
import os
import re
import shutil
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from indexer import corpus as corpus_mod, manifest_csv, record, settings, snapshots
from indexer.errors import IndexerError, NoIndex

WITHDRAWN_DIR = "withdrawn"   # beside documents/: kept, never indexed


class EditRefused(IndexerError):
    "A change to the corpus was refused; the message says why and what to do"


@dataclass
class Change:
    before: object      # the Record before (None for add)
    after: object       # the Record after (None for withdraw)
    moved_to: str = ""  # where a withdrawn file was put


def _manifest(root):
    """``(header, rows)`` of the manifest, refusing one whose rows do not line up: rewriting it
    would lose them."""
    path = root / "manifest.csv"
    if not path.is_file():
        return list(record.REQUIRED_COLUMNS), []
    table = manifest_csv.read(path)
    skipped = [f"line {line}: {message}" for line, message in table.problems if "row skipped" in message]
    if skipped:
        raise EditRefused("manifest.csv has rows that cannot be read, and rewriting it would lose them:\n  "
                          + "\n  ".join(skipped) + "\nrun `python -m indexer fix-manifest` first, or fix them by hand")
    return table.header, [row for _, row in table.rows]


def _taxonomies(root):
    topics, _ = corpus_mod.load_topics(root / "topics.csv")
    types, _ = corpus_mod.load_topics(root / corpus_mod.TYPES_FILE)
    return record.Taxonomies(topics, types)


def _retired_ids(index_dir):
    """Ids the live snapshot keeps answering for (withdrawn, or moved): never given to another document."""
    try:
        report = snapshots.read_report(snapshots.current_path(index_dir))
    except (NoIndex, OSError, ValueError):
        return {}
    retired = {i: f"withdrawn on {w.get('withdrawn', '')[:10]}" for i, w in report.get("withdrawn", {}).items()}
    retired.update({i: f"now an alias of {target!r}" for i, target in report.get("aliases", {}).items()})
    return retired


def _strict(values, tax):
    try:
        return record.validate(values, tax, lenient=False)[0]
    except record.Invalid as ex:
        raise EditRefused(f"nothing changed:\n  {ex}") from None


def safe_name(name, fallback):
    """A file name for the corpus from whatever name a file arrived with: the last path part only (no
    folders, no '..'), letters, digits, '.', '-' and '_', at most 100 characters."""
    name = unicodedata.normalize("NFC", re.split(r"[\\/]", name or "")[-1])
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""
    stem = re.sub(r"[^\w.-]+", "-", stem, flags=re.UNICODE).strip(".-_")[:90]
    ext = re.sub(r"[^A-Za-z0-9]", "", ext)[:10].lower()
    return (stem or fallback) + ("." + ext if ext else "")


def _header_for(header, rec):
    """The header, with the optional columns this record uses added at the end."""
    return header + [c for c in record.OPTIONAL_COLUMNS if getattr(rec, c) and c not in header]


def add(corpus_dir, index_dir, source, values, name=None):
    """Copy ``source`` into ``documents/`` and append its row; returns a Change. ``values`` are the
    row's cells (``id`` may be left out: one is made from the country and title); ``name`` is the file
    name to use (an upload's), else the source's."""
    root = Path(corpus_dir)
    source = Path(source)
    if not source.is_file():
        raise EditRefused(f"no file at {source}: give the path of the document to add")
    limit = settings.get("max_file_mb")
    if source.stat().st_size > limit * 1024 * 1024:
        raise EditRefused(f"{source.name} is larger than {limit} MB (SEARCH_MAX_FILE_MB); it would not be read")
    with snapshots.locked(index_dir):
        header, rows = _manifest(root)
        tax = _taxonomies(root)
        taken = {r.get("id", "") for r in rows}
        retired = _retired_ids(index_dir)
        country = record.cell(values.get("country")).lower()
        doc_id = record.cell(values.get("id"))
        if not doc_id:
            base = record.slugify(f"{country}-{values.get('title') or Path(name or source.name).stem}")[:80].strip("-")
            doc_id = corpus_mod.unique_id(base or "doc", taken | set(retired))
        if doc_id in taken:
            raise EditRefused(f"nothing changed: the id {doc_id!r} is already in the manifest; choose another with --id")
        if doc_id in retired:
            raise EditRefused(f"nothing changed: the id {doc_id!r} is {retired[doc_id]} and keeps answering so; "
                              "choose another with --id")
        folder = "documents/" + (re.sub(r"[^a-z0-9-]", "", country) or "other")
        filename = safe_name(name or source.name, doc_id)
        target = root / folder / filename
        n = 2
        while target.exists():
            if corpus_mod.file_sha1(target) == corpus_mod.file_sha1(source):
                raise EditRefused(f"nothing changed: this file is already in the corpus as {target.relative_to(root)}")
            target = root / folder / f"{Path(filename).stem}-{n}{Path(filename).suffix}"
            n += 1
        rec = _strict(dict(values, id=doc_id, file=target.relative_to(root).as_posix()), tax)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        shutil.copyfile(source, tmp)
        os.replace(tmp, target)
        try:
            manifest_csv.write(root / "manifest.csv", _header_for(header, rec), rows + [rec.row()])
        except BaseException:
            target.unlink(missing_ok=True)   # no file without its row
            raise
    return Change(None, rec)


def _find(rows, doc_id):
    for i, row in enumerate(rows):
        if record.cell(row.get("id")) == doc_id:
            return i
    raise EditRefused(f"no row with the id {doc_id!r} in manifest.csv (see `python -m indexer status`)")


def edit(corpus_dir, index_dir, doc_id, changes):
    """Change cells of one row (``changes``: column -> value; ``id`` too, the old id then redirects
    to the new one after the next update); returns a Change."""
    root = Path(corpus_dir)
    unknown = set(changes) - set(record.COLUMNS) - {"file"}
    if unknown:
        raise EditRefused(f"unknown field(s) {', '.join(sorted(unknown))}; the fields are {', '.join(record.COLUMNS)}")
    with snapshots.locked(index_dir):
        header, rows = _manifest(root)
        tax = _taxonomies(root)
        i = _find(rows, doc_id)
        before = record.validate(rows[i], tax)[0]
        new_id = record.cell(changes.get("id")) or doc_id
        if new_id != doc_id:
            if any(record.cell(r.get("id")) == new_id for r in rows):
                raise EditRefused(f"nothing changed: the id {new_id!r} is already in the manifest")
            retired = _retired_ids(index_dir)
            if new_id in retired and retired[new_id] != f"now an alias of {doc_id!r}":
                raise EditRefused(f"nothing changed: the id {new_id!r} is {retired[new_id]}; choose another")
        after = _strict(dict(rows[i], **changes), tax)
        if not (root / after.file).is_file():
            raise EditRefused(f"nothing changed: file {after.file!r} does not exist in the corpus")
        rows[i] = dict(rows[i], **after.row())
        manifest_csv.write(root / "manifest.csv", _header_for(header, after), rows)
    return Change(before, after)


def withdraw(corpus_dir, index_dir, doc_id):
    """Remove the row and move its file to ``withdrawn/`` (kept, never indexed); after the next
    update the document's page answers 410 Gone. Returns a Change."""
    root = Path(corpus_dir)
    with snapshots.locked(index_dir):
        header, rows = _manifest(root)
        i = _find(rows, doc_id)
        before = record.validate(rows[i], _taxonomies(root))[0]
        others = [r for j, r in enumerate(rows) if j != i]
        source = (root / before.file).resolve()
        moved = ""
        shared = any((r.get("file") or "").strip() == before.file for r in others)
        if source.is_file() and source.is_relative_to(root.resolve()) and not shared:
            target = root / WITHDRAWN_DIR / Path(before.file).relative_to("documents") \
                if before.file.startswith("documents/") else root / WITHDRAWN_DIR / source.name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
            moved = target.relative_to(root).as_posix()
        try:
            manifest_csv.write(root / "manifest.csv", header, others)
        except BaseException:
            if moved:
                os.replace(root / moved, source)
            raise
    return Change(before, None, moved)

