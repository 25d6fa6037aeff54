"""One document record: what the manifest says about a document, validated once.

A ``Record`` is made from a manifest row (``corpus.load``), from the command line (``add``, ``edit``)
or from the admin pages, always through ``validate``; the build stores it in the index as it is
(``asdict``), the site returns it as it is, and the build's fingerprint is derived from it.

A new manifest column is one field below, with its check in ``metadata``; ``added`` and ``updated``
are kept by the build (``ledger``), never written in the manifest.
"""
import difflib
import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field, fields, replace
import datetime
from datetime import date as Date
from functools import lru_cache

from babel import Locale

from indexer import codes

ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,127}$")
DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
URL_RE = re.compile(r"^https?://[^\s/]+", re.I)
SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
LABEL_LANGUAGES = ("en", "fr", "es", "ar", "zh", "ru")


@dataclass(frozen=True)
class Taxonomies:
    """The code lists of the corpus: ``topics.csv`` and ``types.csv`` (slug -> labels). An empty one
    is not checked (a collection without a taxonomy)."""
    topics: dict = field(default_factory=dict)
    types: dict = field(default_factory=dict)


class Invalid(ValueError):
    """A value the record cannot hold; the message says why and, when it can, what was meant."""


def slugify(text):
    """``Données, édition 2`` -> ``donnees-edition-2``: accents dropped, anything else a hyphen."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.lower()) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def _closest(word, choices):
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.8)
    return found[0] if found else None


@lru_cache(maxsize=None)
def _names(kind):
    """Every CLDR name in the interface languages of every valid code of ``kind`` ("territories" or
    "languages"), folded -> code: what ``KENYA`` or ``French`` meant."""
    valid = codes.is_country if kind == "territories" else codes.is_language
    names = {}
    for hl in LABEL_LANGUAGES:
        for code, name in getattr(Locale(hl), kind).items():
            if valid(code):
                names.setdefault(name.casefold(), code)
    return names


def _by_name(value, names):
    folded = value.casefold()
    return names.get(folded) or names.get(_closest(folded, names) or "")


# Each check takes the cell as written (whitespace collapsed) and the taxonomies; it returns the
# value to keep or raises Invalid with the cause and the fix.

def check_id(value, tax):
    if not ID_RE.match(value):
        hint = slugify(value)
        raise Invalid(f"id {value!r} is not a slug (lower-case letters, digits, '-', '_' or '.')"
                      + (f"; did you mean {hint!r}?" if hint and ID_RE.match(hint) else ""))
    return value


def check_text(value, tax):
    return value


def check_file(value, tax):
    if not value:
        raise Invalid("the file is missing: give a path inside the corpus, e.g. documents/fr/strategy.pdf")
    return value


def _code(value, code, valid, kind, what):
    """``code`` (the value in its code's case) when valid or empty, else Invalid with the code whose
    name the value is, if any."""
    if not value or valid(code):
        return code
    guess = _by_name(value, _names(kind))
    raise Invalid("unknown " + what.format(value) + (f"; did you mean {guess}?" if guess else ""))


def check_country(value, tax):
    return _code(value, value.upper(), codes.is_country, "territories",
                 "country code {!r} (use ISO 3166-1 alpha-2, e.g. FR, or EU)")


def check_language(value, tax):
    return _code(value, value.lower(), codes.is_language, "languages", "language code {!r} (use ISO 639-1, e.g. fr)")


def _slug_in(value, taxonomy, what, file):
    if not taxonomy or value in taxonomy:
        return value
    labels = {label.casefold(): slug for slug, names in taxonomy.items() for label in names.values() if label}
    guess = (slugify(value) if slugify(value) in taxonomy else None) or labels.get(value.casefold()) \
        or _closest(value, taxonomy)
    raise Invalid(f"unknown {what} {value!r} (not in {file})" + (f"; did you mean {guess!r}?" if guess else ""))


def check_topic(value, tax):
    return _slug_in(value, tax.topics, "topic", "topics.csv")


def check_type(value, tax):
    return _slug_in(value, tax.types, "type", "types.csv") if value else ""


def check_group(value, tax):
    if value and not SLUG_RE.match(value):
        hint = slugify(value)
        raise Invalid(f"group {value!r} is not a slug" + (f"; did you mean {hint!r}?" if hint else ""))
    return value


DATE_FORMS = (  # (pattern, order of its day/month/year groups): what spreadsheets and people write
    (re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$"), "dmy"),
    (re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$"), "ymd"),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), "ymd"),
    (re.compile(r"^(\d{1,2})[/.](\d{4})$"), "my"),
)


def _date_hint(value):
    for pattern, order in DATE_FORMS:
        m = pattern.match(value)
        if m:
            parts = dict(zip(order, map(int, m.groups())))
            try:
                Date(parts["y"], parts["m"], parts.get("d", 1))
            except ValueError:
                return None
            return f"{parts['y']:04d}-{parts['m']:02d}" + (f"-{parts['d']:02d}" if "d" in parts else "")
    return None


def _real_date(value):
    """2023-02-31 has the shape of a date and is none."""
    try:
        return len(value) < 10 or bool(datetime.date.fromisoformat(value))
    except ValueError:
        return False


def check_date(value, tax):
    if not value or DATE_RE.match(value) and _real_date(value):
        return value
    if DATE_RE.match(value):
        raise Invalid(f"date {value!r} is not a real date (the month has no such day)")
    hint = _date_hint(value)
    raise Invalid(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD" + (f"; did you mean {hint}?" if hint else ""))


def check_url(value, tax):
    if value and not URL_RE.match(value):
        raise Invalid(f"source_url {value!r} is not an http(s) address")
    return value


def _column(check, optional=False, dropped="", required=False, many=False):
    """A manifest column: its check, whether a manifest may leave it out (``optional``), whether a row
    cannot be indexed without it (``required``), else what happens to a bad value (``dropped``);
    ``many``: several values separated by ';', each checked (and dropped) on its own."""
    return field(default=() if many else "", metadata={"column": True, "check": check, "optional": optional,
                                                       "required": required, "dropped": dropped, "many": many})


@dataclass(frozen=True)
class Record:
    """What the collection says about one document."""
    id: str = _column(check_id, required=True)
    file: str = _column(check_file, required=True)
    title: str = _column(check_text)
    country: str = _column(check_country, dropped="indexed without country")
    topics: tuple = _column(check_topic, dropped="indexed without it", many=True)  # ';' between slugs
    date: str = _column(check_date, dropped="indexed without date")
    language: str = _column(check_language, dropped="the language is detected instead")
    source_url: str = _column(check_url, dropped="indexed without it")
    type: str = _column(check_type, optional=True, dropped="indexed without type")
    group: str = _column(check_group, optional=True, dropped="indexed without group")
    # Kept by the build across snapshots (see ledger); never in the manifest.
    added: str = ""     # when the document was first published
    updated: str = ""   # when its file or its manifest row last changed

    def row(self):
        """The manifest cells, as the manifest writes them."""
        return {c: (";".join(self.topics) if c == "topics" else getattr(self, c)) for c in COLUMNS}

    def fingerprint(self, file_digest):
        """Changes when the file or anything the manifest says about it changes."""
        row = "\x1f".join(self.row()[c] for c in COLUMNS)
        return hashlib.sha1((file_digest + "\x1e" + row).encode("utf-8")).hexdigest()

    def as_dict(self):
        return dict(asdict(self), topics=list(self.topics))

    def with_dates(self, added, updated):
        return replace(self, added=added, updated=updated)


COLUMN_FIELDS = tuple(f for f in fields(Record) if f.metadata.get("column"))
COLUMNS = tuple(f.name for f in COLUMN_FIELDS)
REQUIRED_COLUMNS = tuple(f.name for f in COLUMN_FIELDS if not f.metadata["optional"])  # the eight
OPTIONAL_COLUMNS = tuple(f.name for f in COLUMN_FIELDS if f.metadata["optional"])


def cell(value):
    return " ".join((value or "").split())


def validate(values, tax, lenient=True):
    """``(Record, problems)`` from a dict of cells (missing cells are empty; a ``many`` column may be
    given as a list).

    Lenient (a manifest row at build time): a bad value is dropped and reported, the record keeps the
    rest; a bad id or file raises Invalid (the row cannot be indexed). Strict (``add``, ``edit``, the
    admin): any bad value raises Invalid, all of them in one message."""
    kept, problems, fatal = {}, [], []

    def checked(f, raw):
        try:
            return f.metadata["check"](raw, tax)
        except Invalid as ex:
            if f.metadata["required"] or not lenient:
                fatal.append(str(ex))
            else:
                problems.append(f"{ex}; {f.metadata['dropped']}")
            return None

    for f in COLUMN_FIELDS:
        raw = values.get(f.name)
        if f.metadata["many"]:
            items = raw if isinstance(raw, (tuple, list)) else (raw or "").split(";")
            good = (checked(f, item) for item in (cell(i) for i in items) if item)
            kept[f.name] = tuple(dict.fromkeys(v for v in good if v))
        else:
            value = checked(f, (raw or "").strip() if f.name == "file" else cell(raw))
            kept[f.name] = f.default if value is None else value
    if fatal:
        raise Invalid("\n  ".join(fatal))
    return Record(**kept), problems
