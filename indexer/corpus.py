"""A corpus directory: ``documents/`` (the files as received), ``manifest.csv``, ``topics.csv`` and
``glossary.csv``.

``load(corpus_dir)`` joins the manifest with the files on disk and says what does not fit, each
problem with the manifest line it comes from. Nothing here stops a build: a row with a bad code is
indexed without that code, a row whose file is missing is skipped, a file without a row is indexed
with what the file itself says.
"""
import csv
import datetime
import hashlib
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from indexer import codes, lang
from indexer.pool import Job
from indexer.errors import ManifestError

MANIFEST_COLUMNS = ("id", "file", "title", "country", "topics", "date", "language", "source_url")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,127}$")
DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
URL_RE = re.compile(r"^https?://[^\s/]+", re.I)
IGNORED_FILES = {".DS_Store", "Thumbs.db", "desktop.ini"}
MAX_CELL_CHARS = 2000   # a longer manifest cell is a paste gone wrong: cut, reported, the row indexed
# Rows are read with a generous field limit so that an oversized cell is a problem on its line, not a
# CSV error that stops the build (the csv module's own limit is 131,072 characters).
CSV_FIELD_LIMIT = 64 * 1024 * 1024
# Cells checked against a code list or a pattern: (column, normalise, valid, what to say when not).
# A bad value is reported and dropped; the row is indexed without it.
CELL_CHECKS = (
    ("country", str.upper, codes.is_country,
     "unknown country code {!r} (use ISO 3166-1 alpha-2, e.g. FR, or EU); indexed without country"),
    ("date", str, lambda v: DATE_RE.match(v) and _real_date(v),
     "date {!r} is not a real YYYY, YYYY-MM or YYYY-MM-DD date; indexed without date"),
    ("language", str.lower, codes.is_language,
     "unknown language code {!r} (use ISO 639-1, e.g. fr); the language is detected instead"),
    ("source_url", str, URL_RE.match, "source_url {!r} is not an http(s) address; indexed without it"),
)


def _real_date(value):
    """2023-02-31 has the shape of a date and is none."""
    try:
        return len(value) < 10 or bool(datetime.date.fromisoformat(value))
    except ValueError:
        return False


@dataclass
class Entry:
    """One document to index: its manifest row (cleaned) and its file."""
    id: str
    path: Path          # absolute
    file: str           # relative to the corpus, as in the manifest
    title: str = ""
    country: str = ""
    topics: list = field(default_factory=list)
    date: str = ""
    language: str = ""
    source_url: str = ""
    line: int = 0       # manifest line, 0 for a file without a row

    def job(self):
        """What a worker needs to read this document's file as the manifest describes it."""
        return Job(key=self.id, path=str(self.path), language=self.language, country=self.country)

    def fingerprint(self, file_digest):
        """Changes when the file or anything the manifest says about it changes."""
        row = "\x1f".join([self.id, self.file, self.title, self.country, ";".join(self.topics), self.date,
                           self.language, self.source_url])
        return hashlib.sha1((file_digest + "\x1e" + row).encode("utf-8")).hexdigest()


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
    glossary: object = None   # indexer.lang.Glossary, from glossary.csv (empty without one)
    glossary_digest: str = ""


def load(root):
    root = Path(root)
    if not (root / "documents").is_dir() and not (root / "manifest.csv").is_file():
        raise ManifestError(f"{root} is not a corpus: it has neither documents/ nor manifest.csv "
                            "(pass --corpus DIR pointing at one)")
    try:
        topics, topic_problems = load_topics(root / "topics.csv")
        entries, row_problems = _manifest_entries(root, topics)
    except UnicodeDecodeError as ex:
        raise ManifestError(f"a CSV file in {root} is not UTF-8 (byte {ex.start}); save "
                            "manifest.csv and topics.csv as 'CSV UTF-8' and build again") from ex
    except csv.Error as ex:
        raise ManifestError(f"a CSV file in {root} cannot be read ({ex}); check it in a spreadsheet and "
                            "save it again as 'CSV UTF-8'") from ex
    unlisted, file_problems = _unlisted_files(root, entries)
    terms, digest, glossary_problems = _glossary(root / lang.GLOSSARY_FILE)
    problems = topic_problems + row_problems + file_problems + glossary_problems
    return Corpus(root=root, entries=entries + unlisted, problems=problems, topics=topics, glossary=terms,
                  glossary_digest=digest)


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
    """``(topics, problems)``: slug -> {interface language: label}."""
    if not path.is_file():
        return {}, [Problem(0, "no topics.csv: topic codes are not checked", file="topics.csv")]
    topics = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        if "slug" not in (reader.fieldnames or ()):
            raise ManifestError(f"{path}: the first line must name the columns, starting with 'slug'")
        for row in reader:
            slug = (row.pop("slug") or "").strip()
            if slug:
                topics[slug] = {k.strip(): (v or "").strip() for k, v in row.items() if k}
    return topics, []


def _manifest_entries(root, topics):
    """``(entries, problems)`` of the manifest's rows."""
    path = root / "manifest.csv"
    if not path.is_file():
        return [], [Problem(0, "no manifest.csv: every file is indexed with what it says itself", file="manifest.csv")]
    with open(path, encoding="utf-8-sig", newline="") as f, _field_limit(CSV_FIELD_LIMIT):
        reader = csv.DictReader(f)
        missing = [c for c in ("id", "file") if c not in (reader.fieldnames or ())]
        if missing:
            raise ManifestError(f"{path}: the header has no {', '.join(missing)} column; it must be "
                                + ",".join(MANIFEST_COLUMNS))
        seen_ids, seen_files, entries, problems = {}, {}, [], []
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as ex:
                raise ManifestError(f"{path} line {reader.line_num}: {ex}; check that line in a spreadsheet "
                                    "and save it again as 'CSV UTF-8'") from ex
            problems += _bound_cells(row, reader.line_num)
            entry, found = _entry(root, row, reader.line_num, topics, seen_ids, seen_files)
            problems += found
            if entry:
                entries.append(entry)
    return entries, problems


class _field_limit:
    """``csv.field_size_limit`` raised for one read, then put back (it is process-wide)."""

    def __init__(self, limit):
        self.limit, self.before = limit, None

    def __enter__(self):
        self.before = csv.field_size_limit(min(self.limit, sys.maxsize))

    def __exit__(self, *exc):
        csv.field_size_limit(self.before)


def _bound_cells(row, line):
    """Cut every cell over MAX_CELL_CHARS in place, with a problem for each."""
    problems = []
    for column, value in row.items():
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            row[column] = value[:MAX_CELL_CHARS]
            problems.append(Problem(line, f"{column or 'an unnamed column'} is {len(value):,} characters long, over "
                                          f"{MAX_CELL_CHARS:,}; cut to its first {MAX_CELL_CHARS:,}"))
    return problems


def _entry(root, row, line, topics, seen_ids, seen_files):
    """``(entry or None, problems)`` for one manifest row: a row that cannot be indexed is skipped, a
    bad value is dropped and the rest of its row indexed."""
    def cell(name):
        return " ".join((row.get(name) or "").split())

    problems = []

    def skip(message):
        problems.append(Problem(line, message + "; row skipped"))
        return None, problems

    doc_id, file = cell("id"), (row.get("file") or "").strip()
    if not doc_id and not file:
        return None, problems  # a blank line in a spreadsheet export
    if not ID_RE.match(doc_id):
        return skip(f"id {doc_id!r} is not a slug (lower-case letters, digits, '-', '_' or '.')")
    if doc_id in seen_ids:
        return skip(f"duplicate id {doc_id!r}, first used on line {seen_ids[doc_id]}")
    seen_ids[doc_id] = line
    path = (root / file).resolve()
    if not file or not path.is_relative_to(root.resolve()):
        return skip(f"file {file!r} is not a path inside the corpus")
    bad_name = name_problem(file)
    if bad_name:
        return skip(f"file {shown(file)}: {bad_name}")
    if not path.is_file():
        return skip(f"file {file!r} does not exist (fix the path or add the file)")
    if path in seen_files:
        problems.append(Problem(line, f"file {file!r} is already listed on line {seen_files[path]}; indexed twice"))
    seen_files[path] = line

    values = {}
    for column, normalise, valid, message in CELL_CHECKS:
        value = normalise(cell(column))
        if value and not valid(value):
            problems.append(Problem(line, message.format(value[:80])))
            value = ""
        values[column] = value
    topic_list = []
    for slug in (t.strip() for t in cell("topics").split(";")):
        if not slug:
            continue
        if topics and slug not in topics:
            problems.append(Problem(line, f"unknown topic {slug!r} (not in topics.csv); indexed without it"))
        elif slug not in topic_list:
            topic_list.append(slug)
    return Entry(id=doc_id, path=path, file=file, title=cell("title"), topics=topic_list, line=line, **values), problems


def _unlisted_files(root, entries):
    """``(entries, problems)`` for the files under ``documents/`` that no manifest row lists."""
    listed = {e.path for e in entries}
    ids = {e.id for e in entries}
    documents = root / "documents"
    extra, problems = [], []
    if not documents.is_dir():
        return extra, problems
    inside = root.resolve()
    for path in sorted(documents.rglob("*")):
        if not path.is_file() or path.name in IGNORED_FILES or path.name.startswith("~$"):
            continue
        if path.resolve() in listed:
            continue
        rel = path.relative_to(root).as_posix()
        refused = outside_problem(path, inside) or name_problem(rel)
        if refused:
            problems.append(Problem(0, refused + "; not indexed", file=shown(rel)))
            continue
        doc_id = unique_id(slug_for(rel), ids)
        ids.add(doc_id)
        problems.append(Problem(0, f"no manifest row; given the id {doc_id!r} and indexed with what the file says "
                                   "(add a row to give it a country and topics)", file=rel))
        extra.append(Entry(id=doc_id, path=path.resolve(), file=rel))
    return extra, problems


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
