"""A corpus directory: ``documents/`` (the files as received), ``manifest.csv``, ``topics.csv`` and
``glossary.csv``.

``load(corpus_dir)`` joins the manifest with the files on disk and says what does not fit, each
problem with the manifest line it comes from. Nothing here stops a build: a row with a bad code is
indexed without that code, a row whose file is missing is skipped, a file without a row is indexed
with what the file itself says.
"""
import csv
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from indexer import codes, glossary as glossary_mod
from indexer.errors import ManifestError

MANIFEST_COLUMNS = ("id", "file", "title", "country", "topics", "date", "language", "source_url")
ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,127}$")
DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
IGNORED_FILES = {".DS_Store", "Thumbs.db", "desktop.ini"}


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
    glossary: object = None   # indexer.glossary.Glossary, from glossary.csv (empty without one)
    glossary_digest: str = ""


def load(root):
    root = Path(root)
    if not (root / "documents").is_dir() and not (root / "manifest.csv").is_file():
        raise ManifestError(f"{root} is not a corpus: it has neither documents/ nor manifest.csv "
                            "(pass --corpus DIR pointing at one)")
    problems = []
    try:
        topics = load_topics(root / "topics.csv", problems)
        entries = _manifest_entries(root, topics, problems)
    except UnicodeDecodeError as ex:
        raise ManifestError(f"a CSV file in {root} is not UTF-8 (byte {ex.start}); save "
                            "manifest.csv and topics.csv as 'CSV UTF-8' and build again") from ex
    except csv.Error as ex:
        raise ManifestError(f"a CSV file in {root} cannot be read ({ex}); check it in a spreadsheet and "
                            "save it again as 'CSV UTF-8'") from ex
    entries += _unlisted_files(root, entries, problems)
    terms, digest = _glossary(root / glossary_mod.FILE, problems)
    return Corpus(root=root, entries=entries, problems=problems, topics=topics, glossary=terms, glossary_digest=digest)


def _glossary(path, problems):
    """The glossary and a digest of its file; a glossary that cannot be read is a problem, not a stop."""
    try:
        if not path.is_file():
            return glossary_mod.Glossary([]), ""
        data = path.read_bytes()
        return glossary_mod.parse(data.decode("utf-8"), path), hashlib.sha1(data).hexdigest()[:12]
    except (ValueError, UnicodeDecodeError, csv.Error) as ex:
        problems.append(Problem(0, f"glossary not used: {ex}; fix it and build again", file=glossary_mod.FILE))
        return glossary_mod.Glossary([]), ""


def load_topics(path, problems):
    if not path.is_file():
        problems.append(Problem(0, "no topics.csv: topic codes are not checked", file="topics.csv"))
        return {}
    topics = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        if "slug" not in (reader.fieldnames or ()):
            raise ManifestError(f"{path}: the first line must name the columns, starting with 'slug'")
        for row in reader:
            slug = (row.pop("slug") or "").strip()
            if slug:
                topics[slug] = {k.strip(): (v or "").strip() for k, v in row.items() if k}
    return topics


def _manifest_entries(root, topics, problems):
    path = root / "manifest.csv"
    if not path.is_file():
        problems.append(Problem(0, "no manifest.csv: every file is indexed with what it says itself",
                                file="manifest.csv"))
        return []
    with open(path, encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in ("id", "file") if c not in (reader.fieldnames or ())]
        if missing:
            raise ManifestError(f"{path}: the header has no {', '.join(missing)} column; it must be "
                                + ",".join(MANIFEST_COLUMNS))
        seen_ids, seen_files, entries = {}, {}, []
        for row in reader:
            entry = _entry(root, row, reader.line_num, topics, problems, seen_ids, seen_files)
            if entry:
                entries.append(entry)
    return entries


def _entry(root, row, line, topics, problems, seen_ids, seen_files):
    def cell(name):
        return " ".join((row.get(name) or "").split())

    def report(message):
        problems.append(Problem(line, message))

    doc_id, file = cell("id"), (row.get("file") or "").strip()
    if not doc_id and not file:
        return None  # a blank line in a spreadsheet export
    if not ID_RE.match(doc_id):
        report(f"id {doc_id!r} is not a slug (lower-case letters, digits, '-', '_' or '.'); row skipped")
        return None
    if doc_id in seen_ids:
        report(f"duplicate id {doc_id!r}, first used on line {seen_ids[doc_id]}; row skipped")
        return None
    seen_ids[doc_id] = line
    path = (root / file).resolve()
    if not file or not path.is_relative_to(root.resolve()):
        report(f"file {file!r} is not a path inside the corpus; row skipped")
        return None
    if not path.is_file():
        report(f"file {file!r} does not exist; row skipped (fix the path or add the file)")
        return None
    if path in seen_files:
        report(f"file {file!r} is already listed on line {seen_files[path]}; indexed twice")
    seen_files[path] = line

    country = cell("country").upper()
    if country and not codes.is_country(country):
        report(f"unknown country code {country!r} (use ISO 3166-1 alpha-2, e.g. FR, or EU); indexed without country")
        country = ""
    topic_list = []
    for slug in (t.strip() for t in cell("topics").split(";")):
        if not slug:
            continue
        if topics and slug not in topics:
            report(f"unknown topic {slug!r} (not in topics.csv); indexed without it")
        elif slug not in topic_list:
            topic_list.append(slug)
    date = cell("date")
    if date and not DATE_RE.match(date):
        report(f"date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD; indexed without date")
        date = ""
    language = cell("language").lower()
    if language and not codes.is_language(language):
        report(f"unknown language code {language!r} (use ISO 639-1, e.g. fr); the language is detected instead")
        language = ""
    source_url = cell("source_url")
    if source_url and not re.match(r"^https?://[^\s/]+", source_url, re.I):
        report(f"source_url {source_url[:80]!r} is not an http(s) address; indexed without it")
        source_url = ""
    return Entry(id=doc_id, path=path, file=file, title=cell("title"), country=country, topics=topic_list,
                 date=date, language=language, source_url=source_url, line=line)


def _unlisted_files(root, entries, problems):
    listed = {e.path for e in entries}
    ids = {e.id for e in entries}
    documents = root / "documents"
    extra = []
    if not documents.is_dir():
        return extra
    for path in sorted(documents.rglob("*")):
        if not path.is_file() or path.name in IGNORED_FILES or path.name.startswith("~$"):
            continue
        if path.resolve() in listed:
            continue
        rel = path.relative_to(root).as_posix()
        doc_id = unique_id(slug_for(rel), ids)
        ids.add(doc_id)
        problems.append(Problem(0, f"no manifest row; given the id {doc_id!r} and indexed with what the file says "
                                   "(add a row to give it a country and topics)", file=rel))
        extra.append(Entry(id=doc_id, path=path.resolve(), file=rel))
    return extra


def slug_for(rel):
    """A stable id for a file without a manifest row, from its path."""
    rel = re.sub(r"^documents/", "", rel)
    slug = re.sub(r"[^a-z0-9]+", "-", rel.lower()).strip("-")
    if not slug or len(slug) > 100 or not rel.isascii():
        slug = (slug[:80].strip("-") + "-" if slug else "doc-") + hashlib.sha1(rel.encode()).hexdigest()[:8]
    return slug


def unique_id(slug, taken):
    candidate, n = slug, 2
    while candidate in taken:
        candidate, n = f"{slug}-{n}", n + 1
    return candidate
