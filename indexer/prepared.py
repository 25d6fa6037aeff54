"""A document's text fields, analysed in the worker that read it.

Analysis (words, stems, positions) is most of what adding a document to Whoosh costs, and the index
writer is one process: done where the file was read, it runs on every core while the writer only
files the postings. The writer takes them only if they were made from the very text it would index
(a digest says so); anything else is analysed by the writer as before.
"""
import hashlib
from functools import lru_cache
from pathlib import Path

from indexer import lang
from indexer.schema import Analysed, build_schema


def title(manifest_title, reading, path):
    """The title the site shows: the manifest's, else the file's own, else the file name."""
    return manifest_title or reading.title or Path(path).name


def texts(reading, shown_title):
    """``{field: text}``: each passage in the field of its language, and the words for spelling."""
    by_field = {}
    for _, code, text in reading.passages:
        by_field.setdefault(lang.field_for(code), []).append(text)
    # The title is searched in its document's language too, so its words are stemmed like the text's.
    by_field.setdefault(lang.field_for(reading.language), []).append(shown_title)
    fields = {name: "\n\n".join(parts) for name, parts in by_field.items()}
    fields["spell"] = shown_title + "\n" + reading.text
    return fields


def analyse(reading, shown_title):
    """``{field: Analysed}`` for ``texts``; what the writer would make of them, ready to file."""
    schema = _schema()
    return {name: Analysed(_digest(text), list(schema[name].index(text)))
            for name, text in texts(reading, shown_title).items()}


def values(reading, shown_title):
    """What the writer adds for each text field: the worker's postings when they fit, else the text."""
    analysed = reading.analysed or {}
    out = {}
    for name, text in texts(reading, shown_title).items():
        found = analysed.get(name)
        out[name] = found if found is not None and found.digest == _digest(text) else text
    return out


def _digest(text):
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


@lru_cache(maxsize=1)
def _schema():
    return build_schema()
