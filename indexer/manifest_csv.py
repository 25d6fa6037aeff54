"""manifest.csv as a file: read it saying what is wrong with its shape and why, write it atomically,
and repair the delimiter and quoting mistakes spreadsheets make (``fix-manifest``).

The cells themselves are checked by ``record``; here only the shape: the header, the delimiter,
the number of fields per row.
"""
import csv
import sys
import io
import os
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from indexer import record
from indexer.errors import ManifestError

DELIMITERS = (";", "\t", "|")
FIX = "python -m indexer fix-manifest"


@dataclass
class Table:
    header: list
    rows: list = field(default_factory=list)       # (line, {column: cell})
    problems: list = field(default_factory=list)   # (line, message)


def _text(path):
    try:
        return Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as ex:
        raise ManifestError(f"{path} is not UTF-8 (byte {ex.start}); save it as 'CSV UTF-8' and build again, "
                            f"or run `{FIX}`") from ex


def delimiter_of(header_line):
    """The delimiter a header line uses: ',' unless another one separates more of the columns."""
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] > header_line.count(",") else ","


MAX_CELL_CHARS = 2000   # a longer manifest cell is a paste gone wrong: cut, reported, the row indexed
# Rows are read with a generous field limit so that an oversized cell is a problem on its line, not a
# CSV error that stops the build (the csv module's own limit is 131,072 characters).
CSV_FIELD_LIMIT = 64 * 1024 * 1024


class _field_limit:
    """``csv.field_size_limit`` raised for one read, then put back (it is process-wide)."""

    def __init__(self, limit):
        self.limit, self.before = limit, None

    def __enter__(self):
        self.before = csv.field_size_limit(min(self.limit, sys.maxsize))

    def __exit__(self, *exc):
        csv.field_size_limit(self.before)


def _records(text, delimiter=","):
    """``(start line, fields)`` of each CSV record, blank lines skipped."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    try:
        with _field_limit(CSV_FIELD_LIMIT):
            for fields in reader:
                if any(f.strip() for f in fields):
                    yield start, fields
                start = reader.line_num + 1
    except csv.Error as ex:
        raise ManifestError(f"manifest.csv line {reader.line_num} cannot be read ({ex}); a quote is probably "
                            f"not closed: check that line, or run `{FIX}`") from ex


def read(path):
    """The manifest's rows as dicts, with what is wrong with their shape. Raises ManifestError when
    the file cannot be read as a manifest at all (not UTF-8, another delimiter, a missing column)."""
    text = _text(path)
    first = text.split("\n", 1)[0]
    delimiter = delimiter_of(first)
    if delimiter != ",":
        raise ManifestError(f"{path} uses {delimiter!r} between fields (as some spreadsheets save CSV): save it "
                            f"as CSV with commas, or run `{FIX}`, which rewrites it and keeps a backup")
    records = list(_records(text))
    if not records:
        raise ManifestError(f"{path} is empty: its first line must be the header "
                            + ",".join(record.REQUIRED_COLUMNS))
    header = [h.strip().lower() for h in records[0][1]]
    missing = [c for c in record.REQUIRED_COLUMNS if c not in header]
    if "id" in missing or "file" in missing:
        raise ManifestError(f"{path}: the header has no {', '.join(missing)} column; its first line must be "
                            + ",".join(record.REQUIRED_COLUMNS) + " (then type, group if used)")
    table = Table(header)
    if missing:
        table.problems.append((1, f"the header has no {', '.join(missing)} column; these cells are read as empty "
                                  "(the header must be " + ",".join(record.REQUIRED_COLUMNS) + ")"))
    unknown = [h for h in header if h not in record.COLUMNS]
    if unknown:
        table.problems.append((1, f"unknown column(s) {', '.join(map(repr, unknown))} ignored; the columns are "
                                  + ",".join(record.COLUMNS)))
    for line, fields in records[1:]:
        if len(fields) > len(header):
            table.problems.append((line, _too_many(fields, header)))
            continue
        if len(fields) < len(header):
            table.problems.append((line, f"row has {len(fields)} fields, the header has {len(header)}: the missing "
                                         "cells at the end are read as empty"))
        row = dict(zip(header, fields))
        table.problems += _bound_cells(row, line)
        table.rows.append((line, row))
    return table


def _bound_cells(row, line):
    """Cut every cell over MAX_CELL_CHARS in place, with a problem for each."""
    problems = []
    for column, value in row.items():
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            row[column] = value[:MAX_CELL_CHARS]
            problems.append((line, f"{column or 'an unnamed column'} is {len(value):,} characters long, over "
                                          f"{MAX_CELL_CHARS:,}; cut to its first {MAX_CELL_CHARS:,}"))
    return problems




def _too_many(fields, header):
    message = f"row has {len(fields)} fields, the header has {len(header)}"
    if _rejoined(fields, header):
        return message + (": a title with a comma must be in quotes (\"…, …\"); row skipped (fix the quotes, or "
                          f"run `{FIX}`)")
    return message + ": a cell with a comma must be in quotes (\"…, …\"); row skipped"


def _rejoined(fields, header):
    """The row with the extra fields put back into its title, when that makes a row whose country
    and date are valid, else None: an unquoted comma in a title is the usual cause."""
    if "title" not in header:
        return None
    extra = len(fields) - len(header)
    at = header.index("title")
    joined = fields[:at] + [",".join(fields[at:at + extra + 1])] + fields[at + extra + 1:]
    row = dict(zip(header, joined))
    try:
        record.check_country(record.cell(row.get("country")), None)
        record.check_date(record.cell(row.get("date")), None)
    except record.Invalid:
        return None
    return joined


def write(path, header, rows):
    """Write the manifest atomically: a reader sees the old file or the new one, never half. ``rows``
    are dicts by column, or lists written as they are."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([row.get(c, "") for c in header] if isinstance(row, dict) else row)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def backup(path):
    """A copy of the manifest beside it, named by the time; returns its path."""
    path = Path(path)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    target = path.with_name(f"{path.name}.{stamp}.bak")
    shutil.copy2(path, target)
    return target


def fix(path):
    """Rewrite the manifest with commas and proper quoting, keeping a backup; returns
    ``(backup path, what was repaired, rows that still need a person)``."""
    text = _text(path)
    delimiter = delimiter_of(text.split("\n", 1)[0])
    records = list(_records(text, delimiter))
    if not records:
        raise ManifestError(f"{path} is empty; nothing to fix")
    header = [h.strip() for h in records[0][1]]
    repaired = [f"fields separated by {delimiter!r} now by ','"] if delimiter != "," else []
    left, rows = [], []
    for line, fields in records[1:]:
        if len(fields) > len(header):
            joined = _rejoined(fields, [h.lower() for h in header])
            if joined is None:
                left.append(f"line {line}: {len(fields)} fields for {len(header)} columns; left as it was, "
                            "fix it by hand")
            else:
                repaired.append(f"line {line}: the comma(s) in its title put in quotes")
                fields = joined
        rows.append(fields)
    saved = backup(path)
    write(path, header, rows)
    return saved, repaired, left
