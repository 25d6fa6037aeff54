"""The dictionary lookup a snapshot carries: the FreeDict dictionaries installed on the machine,
compiled for the words this collection holds (see ``indexer.lang.dictionary``).

Without dictionaries (Debian's ``dict-freedict-*`` packages, which the Makefile and CI install) the
snapshot carries none, the site searches with the glossary only, and ``status`` says so.
"""
import os
from pathlib import Path

import indexer
from indexer import settings
from indexer.lang import dictionary
from indexer.schema import text_fields

OFF = ("none", "off", "0")


def directory():
    """The configured dictionary folder, or None when turned off (``SEARCH_DICTIONARIES=none``)."""
    value = settings.get("dictionaries")
    return None if value.strip().lower() in OFF else Path(os.path.expanduser(value))


def digest():
    """What the installed dictionaries are: a snapshot made with others is rebuilt by ``update``."""
    folder = directory()
    return dictionary.digest(folder) if folder and folder.is_dir() else ""


def write_for(ix, snapshot_path, update=False):
    """The lookup for the index ``ix`` in ``snapshot_path``; what it holds, for the report.

    A build compiles it for the collection's words. An ``update`` keeps the one its snapshot copied
    from the last while the dictionaries, the analyzers and the collection's languages are the same:
    a translation whose words only the update's new documents have waits for the next build (one
    whose documents are gone finds nothing, as it did before: Whoosh keeps a deleted document's
    words in the word lists until its segment is merged)."""
    folder = directory()
    if folder is None:
        return {"words": 0, "note": "turned off (SEARCH_DICTIONARIES=none): glossary only"}
    if not dictionary.available(folder):
        return {"words": 0, "note": f"no FreeDict dictionaries in {folder}: glossary only; "
                                    "install them with `make dictionaries` (Debian's dict-freedict-* packages)"}
    with ix.searcher() as searcher:
        reader = searcher.reader()
        indexed = set(reader.indexed_field_names())
        fields = [name for name in text_fields(ix.schema) if name in indexed]
        wanted = dictionary.identity(folder, [name[len("text_"):] for name in fields], indexer.__version__)
        target = Path(snapshot_path) / dictionary.FILE
        copied = dictionary.load(target).info
        if update and copied.get("identity") == wanted:
            return dict(copied, made="kept from the last build")
        vocabulary = {name[len("text_"):]: set(reader.field_terms(name)) for name in fields}
    cache = os.path.expanduser(settings.get("dictionary_cache"))
    entries, pairs = dictionary.compile(folder, vocabulary, None if cache.lower() in OFF else Path(cache) / "dictionaries",
                                        analysis=indexer.__version__)
    info = {"digest": dictionary.digest(folder), "identity": wanted, "pairs": pairs,
            "words": sum(len(keys) for keys in entries.values()), "languages": sorted(entries)}
    dictionary.write(target, entries, info)
    return dict(info, made="compiled")
