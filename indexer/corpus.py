"""A corpus directory: ``documents/`` (the files as received), ``manifest.csv``, ``topics.csv`` and
``glossary.csv``.

``load(corpus_dir)`` joins the manifest with the files on disk and says what does not fit, each
problem with the manifest line it comes from. Nothing here stops a build: a row with a bad code is
indexed without that code, a row whose file is missing or whose cells do not line up with the header
is skipped, a file without a row is reported and kept aside (``unlisted``) for ``--publish-unlisted``.
"""
import csv
import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from indexer import lang, manifest_csv, record
from indexer.pool import Job
from indexer.errors import ManifestError

MANIFEST_COLUMNS = record.REQUIRED_COLUMNS
IGNORED_FILES = {".DS_Store", "Thumbs.db", "desktop.ini"}
TYPES_FILE = "types.csv"
UNLISTED = "no manifest row"


@dataclass
class Entry:
    """One document to index: its record and its file."""
    record: record.Record
    path: Path          # absolute
    line: int = 0       # manifest line, 0 for a file without a row

    @property
    def id(self):
        return self.record.id

    @property
    def file(self):
        return self.record.file

    def job(self):
        """What a worker needs to read this document's file as the manifest describes it."""
        return Job(key=self.id, path=str(self.path), language=self.record.language, country=self.record.country,
                   title=self.record.title)


@dataclass
class Problem:
    line: int           # manifest line number; 0 when the problem is a file, not a row
    message: str
    file: str = ""

    def __str__(self):
        where = f"manifest.csv line {self.line}: " if self.line else (f"{self.file}: " if self.file else "")
        return where + self.message


@dataclass
class Corpus:
    root: Path
    entries: list
    problems: list
    topics: dict        # slug -> {interface language: label}
    types: dict = field(default_factory=dict)     # the same, from types.csv
    unlisted: list = field(default_factory=list)  # entries for files without a row: published on request
    glossary: object = None   # indexer.lang.Glossary, from glossary.csv (empty without one)
    glossary_digest: str = ""


def load(root, publish_unlisted=False):
    root = Path(root)
    if not (root / "documents").is_dir() and not (root / "manifest.csv").is_file():
        raise ManifestError(f"{root} is not a corpus: it has neither documents/ nor manifest.csv "
                            "(pass --corpus DIR pointing at one)")
    try:
        topics, topic_problems = load_topics(root / "topics.csv")
        types, _ = load_topics(root / TYPES_FILE)   # optional, like the manifest's type column
        entries, row_problems = _manifest_entries(root, record.Taxonomies(topics, types))
    except UnicodeDecodeError as ex:
        raise ManifestError(f"a CSV file in {root} is not UTF-8 (byte {ex.start}); save "
                            "manifest.csv and topics.csv as 'CSV UTF-8' and build again") from ex
    except csv.Error as ex:
        raise ManifestError(f"a CSV file in {root} cannot be read ({ex}); check it in a spreadsheet and "
                            "save it again as 'CSV UTF-8'") from ex
    unlisted, file_problems = _unlisted_files(root, entries, publish_unlisted)
    terms, digest, glossary_problems = _glossary(root / lang.GLOSSARY_FILE)
    problems = topic_problems + row_problems + file_problems + glossary_problems
    return Corpus(root=root, entries=entries, problems=problems, topics=topics, types=types, glossary=terms,
                  glossary_digest=digest, unlisted=unlisted)


def _glossary(path):
    """``(glossary, digest of its file, problems)``; a glossary that cannot be read is a problem, not a stop."""
    try:
        if not path.is_file():
            return lang.Glossary([]), "", []
        data = path.read_bytes()
        return lang.parse_glossary(data.decode("utf-8"), path), hashlib.sha1(data).hexdigest()[:12], []
    except (ValueError, UnicodeDecodeError, csv.Error) as ex:
        return lang.Glossary([]), "", [Problem(0, f"glossary not used: {ex}; fix it and build again",
                                               file=lang.GLOSSARY_FILE)]


def load_topics(path):
    """``(taxonomy, problems)`` of topics.csv or types.csv: slug -> {interface language: label}."""
    if not path.is_file():
        return {}, [Problem(0, f"no {path.name}: these codes are not checked", file=path.name)]
    taxonomy = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        if "slug" not in (reader.fieldnames or ()):
            raise ManifestError(f"{path}: the first line must name the columns, starting with 'slug'")
        for row in reader:
            slug = (row.pop("slug") or "").strip()
            if slug:
                taxonomy[slug] = {k.strip(): (v or "").strip() for k, v in row.items() if k}
    return taxonomy, []


def _manifest_entries(root, tax):
    """``(entries, problems)`` of the manifest's rows."""
    path = root / "manifest.csv"
    if not path.is_file():
        return [], [Problem(0, "no manifest.csv: files are published only with --publish-unlisted; give each a row with `python -m indexer add`", file="manifest.csv")]
    table = manifest_csv.read(path)
    seen_ids, seen_files, entries = {}, {}, []
    problems = [Problem(line, message) for line, message in table.problems]
    resolve = Resolver()
    inside = resolve(root)
    for line, row in table.rows:
        entry, found = _entry(root, row, line, tax, seen_ids, seen_files, resolve, inside)
        problems += found
        if entry:
            entries.append(entry)
    return entries, problems


def _entry(root, row, line, tax, seen_ids, seen_files, resolve, inside):
    """``(entry or None, problems)`` for one manifest row: a row that cannot be indexed is skipped, a
    bad value is dropped and the rest of its row indexed."""
    if not record.cell(row.get("id")) and not (row.get("file") or "").strip():
        return None, []  # a blank line in a spreadsheet export
    try:
        rec, found = record.validate(row, tax)
    except record.Invalid as ex:
        return None, [Problem(line, f"{ex}; row skipped")]
    problems = [Problem(line, message) for message in found]

    def skip(message):
        problems.append(Problem(line, message + "; row skipped"))
        return None, problems

    if rec.id in seen_ids:
        return skip(f"duplicate id {rec.id!r}, first used on line {seen_ids[rec.id]}")
    seen_ids[rec.id] = line
    path = resolve(os.path.join(root, rec.file))
    if not path.is_relative_to(inside):
        return skip(f"file {rec.file!r} is not a path inside the corpus")
    bad_name = name_problem(rec.file)
    if bad_name:
        return skip(f"file {shown(rec.file)}: {bad_name}")
    if not path.is_file():
        return skip(f"file {rec.file!r} does not exist (fix the path or add the file)")
    if path in seen_files:
        problems.append(Problem(line, f"file {rec.file!r} is already listed on line {seen_files[path]}; indexed twice"))
    seen_files[path] = line
    return Entry(record=rec, path=path, line=line), problems


def _unlisted_files(root, entries, published=False):
    """``(entries, problems)`` for the files under ``documents/`` that no manifest row lists."""
    listed = {e.path for e in entries}
    ids = {e.id for e in entries}
    documents = root / "documents"
    extra, problems = [], []
    if not documents.is_dir():
        return extra, problems
    resolve = Resolver()
    inside = resolve(root)
    for path in sorted(documents.rglob("*")):
        if not path.is_file() or path.name in IGNORED_FILES or path.name.startswith("~$"):
            continue
        if resolve(path) in listed:
            continue
        rel = path.relative_to(root).as_posix()
        refused = outside_problem(resolve(path), inside) or name_problem(rel)
        if refused:
            problems.append(Problem(0, refused + "; not indexed", file=shown(rel)))
            continue
        doc_id = unique_id(slug_for(rel), ids)
        ids.add(doc_id)
        problems.append(Problem(0, UNLISTED + (f"; published as {doc_id!r} (--publish-unlisted): give it a row "
                                               "with `python -m indexer add`" if published else
                                               "; not published: give it a row with `python -m indexer add`, or "
                                               f"publish it as {doc_id!r} with --publish-unlisted"), file=rel))
        extra.append(Entry(record=record.Record(id=doc_id, file=rel), path=resolve(path)))
    return extra, problems


class Resolver:
    """``Path.resolve``, each directory resolved once: a manifest of 100,000 rows names a few hundred
    directories, and resolving walks every component of a path. Made anew for each load, so a
    directory that becomes a link is seen at the next one."""

    def __init__(self):
        self._dirs = {}

    def __call__(self, path):
        head, name = os.path.split(os.fspath(path))
        if name in ("", ".", "..") or os.path.islink(path):
            return Path(path).resolve()
        parent = self._dirs.get(head)
        if parent is None:
            parent = self._dirs[head] = os.path.realpath(head)
        return Path(parent, name)


def file_sha1(path):
    """The sha1 of a file's bytes, read a block at a time."""
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha1").hexdigest()


def outside_problem(path, inside):
    """Why a file under documents/ may not be read (a link that leads out of the corpus), or ''.
    A symlink to /etc/passwd would otherwise be published, text and all."""
    if not path.resolve().is_relative_to(inside):
        return "a link to a file outside the corpus"
    return ""


# Format characters that reorder text (U+202E shows "gpj.exe" as "exe.jpg") and invisible ones.
BIDI_CONTROLS = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def name_problem(rel):
    """Why a file name cannot be published, or ''. Bytes that are not UTF-8 (Python holds them as lone
    surrogates) cannot make an id or a header; a newline or other control forges lines in reports and
    headers; bidi controls disguise the name."""
    if rel.isascii() and rel.isprintable():   # nearly every name, and none of the problems below
        return ""
    if any(0xDC80 <= ord(c) <= 0xDCFF for c in rel):
        return "the file name is not UTF-8; rename it (e.g. with convmv) and build again"
    if any(unicodedata.category(c) == "Cc" for c in rel):
        return "the file name holds a control character (a newline?); rename it and build again"
    if BIDI_CONTROLS.search(rel):
        return "the file name holds invisible or direction-changing characters; rename it and build again"
    return ""


def shown(name):
    """A file name safe to print: controls, bidi marks and undecodable bytes as escapes."""
    out = []
    for c in name:
        if 0xDC80 <= ord(c) <= 0xDCFF:
            out.append(f"\\x{ord(c) - 0xDC00:02x}")
        elif unicodedata.category(c) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            out.append(c.encode("unicode_escape").decode("ascii"))
        else:
            out.append(c)
    return "".join(out)


def slug_for(rel):
    """A stable id for a file without a manifest row, from its path."""
    rel = re.sub(r"^documents/", "", rel)
    slug = re.sub(r"[^a-z0-9]+", "-", rel.lower()).strip("-")
    if not slug or len(slug) > 100 or not rel.isascii():
        digest = hashlib.sha1(rel.encode("utf-8", "surrogateescape")).hexdigest()[:8]
        slug = (slug[:80].strip("-") + "-" if slug else "doc-") + digest
    return slug


def unique_id(slug, taken):
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate
