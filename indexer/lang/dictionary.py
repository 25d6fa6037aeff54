"""Bilingual dictionaries under the glossary: the query words the glossary does not know, translated.

The glossary knows a few hundred policy concepts, well; visitors type many other words. Debian's
FreeDict packages (``dict-freedict-eng-fra`` …, dictd format: ``NAME.index`` and ``NAME.dict.dz``
in ``/usr/share/dictd``) give general vocabulary for some thirty language pairs. They are used in
two stages:

- ``read_pair`` parses one dictionary, read forwards (eng-fra for English → French) or backwards
  (eng-rus read from the Russian side for Russian → English), into source key → translations, both
  sides through the index's own analyzers; the result depends only on the dictionary file and on
  the analyzers, so it is kept in a cache (``SEARCH_DICTIONARY_CACHE``) and parsed once per machine;
- ``compile`` makes the lookup one snapshot carries (``dictionary.sqlite``): for the languages the
  collection holds, only the translations all of whose words occur in that language's field, and
  through English where two languages have no dictionary between them. A word whose translations
  never occur in the collection takes no room. A full build compiles it; an update keeps the one it
  copied while the dictionaries, the analyzers and the collection's languages stay the same
  (``identity``): compiling was most of the 20.7 s an update adding 100 documents took on 10,000
  (bench/results/bench-10000.md), paid again by every update.

At query time ``Dictionary.translate`` looks analysed query words up; the site turns what it finds
into a structured query (search_web/translation.py).
"""
import gzip
import hashlib
import json
import os
import pickle
import re
import sqlite3
import threading
from contextlib import closing
from pathlib import Path

from indexer.lang.analysis import analyzer_for

FILE = "dictionary.sqlite"
# Bump when parsing or compiling changes: caches and snapshots made by older code are then not used.
VERSION = 3
DEFAULT_DIRECTORY = "/usr/share/dictd"
PIVOT = "en"
MAX_TRANSLATIONS = 3      # per source word and target language, in the dictionary's order (main senses first)
MAX_KEY_WORDS = 2         # "сельское хозяйство" is looked up as two words; longer headwords are phrases, not words
MAX_TERM_WORDS = 3        # a translation longer than this is an explanation, not a word
# FreeDict names languages by ISO 639-3; the index by ISO 639-1.
CODES = {"eng": "en", "fra": "fr", "deu": "de", "spa": "es", "por": "pt", "ita": "it", "nld": "nl",
         "pol": "pl", "rus": "ru", "swe": "sv", "dan": "da", "ces": "cs", "tur": "tr", "ell": "el",
         "ara": "ar", "jpn": "ja", "fin": "fi", "nor": "no", "hun": "hu", "bul": "bg", "ind": "id",
         "hin": "hi", "hrv": "hr", "srp": "sr", "slk": "sk", "slv": "sl", "lit": "lt", "afr": "af",
         "gle": "ga", "swh": "sw", "cym": "cy", "isl": "is", "epo": "eo", "lat": "la"}
# Targets written in another script: a line of Latin letters in their entries is an English gloss.
NON_LATIN = {"ru", "el", "ar", "ja", "bg", "hi", "sr"}
SENSE_NUMBER = re.compile(r"(?:^|\s)\d+\.(?=\s|$)")   # "1. cour 2. tribunal" on one line, or a number alone
_B64 = {ch: i for i, ch in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")}


class Dictionary:
    """The compiled lookup of one snapshot, read where it lies (an SQLite file): source language →
    analysed word(s) → target language → ``[[text as written, [analysed tokens]], ...]``. A query
    reads the few keys it needs; nothing is loaded up front, so a new snapshot costs the site no
    pause and no memory."""

    def __init__(self, path=None, info=None):
        self.path = path
        self.info = info or {}
        self._local = threading.local()

    def __len__(self):
        return self.info.get("words", 0)

    def sources(self):
        return tuple(self.info.get("languages", ()))

    def _get(self, source, key):
        if self.path is None:
            return None
        connection = getattr(self._local, "connection", None)
        if connection is None:   # one per thread: the site answers on several
            connection = self._local.connection = _open(self.path)
        row = connection.execute("SELECT value FROM entries WHERE source = ? AND key = ?", (source, key)).fetchone()
        return json.loads(row[0]) if row else None

    def translate(self, tokens, source):
        """``[(start, end, {target: [(text, tokens)]})]``: the longest keys of language ``source``
        in a list of analysed tokens, left to right, not overlapping."""
        found, i = [], 0
        while i < len(tokens):
            for width in range(min(MAX_KEY_WORDS, len(tokens) - i), 0, -1):
                hit = self._get(source, " ".join(tokens[i:i + width]))
                if hit:
                    found.append((i, i + width, {target: [(text, tuple(words)) for text, words in terms]
                                                 for target, terms in hit.items()}))
                    i += width
                    break
            else:
                i += 1
        return found


def _open(path):
    # Read-only and immutable: a published snapshot never changes, so SQLite need not lock it.
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def load(path):
    """The lookup a snapshot carries, or an empty one (no dictionaries, or made by other code)."""
    if not Path(path).is_file():
        return Dictionary()
    try:
        with closing(_open(path)) as connection:
            info = json.loads(connection.execute("SELECT value FROM info WHERE name = 'info'").fetchone()[0])
    except (sqlite3.Error, TypeError, ValueError):
        return Dictionary()
    return Dictionary(path, info) if info.get("version") == VERSION else Dictionary()


def available(directory):
    """``{(source, target): (index path, dict path)}`` for the FreeDict pairs installed in ``directory``."""
    pairs = {}
    for index in sorted(Path(directory).glob("freedict-*-*.index")) if directory else ():
        parts = index.name[:-len(".index")].split("-")
        data = index.with_suffix(".dict.dz")
        if len(parts) == 3 and parts[1] in CODES and parts[2] in CODES and data.is_file():
            pairs[CODES[parts[1]], CODES[parts[2]]] = (index, data)
    return pairs


def digest(directory):
    """What the dictionaries in ``directory`` are, for telling whether a snapshot's lookup is current."""
    h = hashlib.sha1(f"{VERSION}".encode())
    for (source, target), (index, data) in sorted(available(directory).items()):
        stat = data.stat()
        h.update(f"{source}-{target}:{stat.st_size}:{int(stat.st_mtime)};".encode())
    return h.hexdigest()[:16]


def identity(directory, languages, analysis=""):
    """What decides whether a snapshot's lookup still serves: the dictionaries, the analyzers'
    version and the languages the collection has fields for."""
    return hashlib.sha1(f"{digest(directory)}:{analysis}:{','.join(sorted(languages))}".encode()).hexdigest()[:16]


def compile(directory, vocabulary, cache_dir=None, analysis=""):
    """The lookup for a collection: ``vocabulary`` maps each language code with a field of its own
    to the set of analysed words in that field. Returns ``(entries, pairs used)``. ``analysis``
    names the analyzers' version: the cache holds analysed words, which another version makes stale."""
    found = available(directory)
    routes = {}   # source -> target -> the dictionary read to get there (direct, else backwards)
    for (a, b) in found:
        routes.setdefault(a, {}).setdefault(b, (a, b, False))
    for (a, b) in found:
        routes.setdefault(b, {}).setdefault(a, (a, b, True))
    tables = {}

    def table(route):
        if route not in tables:
            tables[route] = _cached(found, route, cache_dir, analysis)
        return tables[route]

    def kept(terms, target):
        words = vocabulary[target]
        return [[text, list(tokens)] for text, tokens in terms if all(t in words for t in tokens)][:MAX_TRANSLATIONS]

    entries, used = {}, set()

    def direct(source):
        """key -> target -> translations, for the targets a dictionary of ``source`` reaches."""
        out = {}
        for target, route in routes.get(source, {}).items():
            if target == source or target not in vocabulary or target == "und":
                continue
            for key, terms in table(route).items():
                terms = kept(terms, target)
                if terms:
                    out.setdefault(key, {})[target] = terms
                    used.add(route)
        return out

    # English → every target, filtered by the collection: what pivoting goes through.
    via_english = direct(PIVOT)
    for source, by_target in routes.items():
        out = via_english if source == PIVOT else direct(source)
        to_english, back = by_target.get(PIVOT), routes.get(PIVOT, {}).get(source)
        # Through English, only the senses that lead back: an English word whose own translations
        # include the source word (cidadão → citizen → cidadão, not cidadão → supporter → Anhänger).
        returns = _returns(table(back)) if back else None
        if source != PIVOT and to_english:
            for key, english in table(to_english).items():
                for _, tokens in english[:MAX_TRANSLATIONS]:
                    if returns is not None and key not in returns.get(" ".join(tokens), ()):
                        continue
                    for target, terms in via_english.get(" ".join(tokens), {}).items():
                        if target == source or target in by_target:
                            continue   # a direct dictionary says it better
                        slot = out.setdefault(key, {}).setdefault(target, [])
                        for term in terms:
                            if term not in slot and len(slot) < MAX_TRANSLATIONS:
                                slot.append(term)
                                used.add(to_english)
        if out:
            entries[source] = out
    return entries, sorted(f"{a}-{b}" + (" (read backwards)" if backwards else "") for a, b, backwards in used)


def _returns(table):
    """English key -> the source keys its translations analyse to."""
    return {key: {" ".join(tokens) for _, tokens in terms} for key, terms in table.items()}


def write(path, entries, info):
    """The lookup as an SQLite file at ``path``, with what it holds (``info``) for ``status``; an
    update's snapshot starts as a copy of the last one, whose lookup this replaces."""
    path = Path(path)
    temporary = path.with_name(path.name + ".new")
    temporary.unlink(missing_ok=True)
    with closing(sqlite3.connect(temporary)) as connection:
        connection.execute("CREATE TABLE info (name TEXT PRIMARY KEY, value TEXT)")
        connection.execute("CREATE TABLE entries (source TEXT, key TEXT, value TEXT, PRIMARY KEY (source, key)) WITHOUT ROWID")
        connection.execute("INSERT INTO info VALUES ('info', ?)", (json.dumps({"version": VERSION, **info}),))
        connection.executemany("INSERT INTO entries VALUES (?, ?, ?)",
                               ((source, key, json.dumps(value, ensure_ascii=False, separators=(",", ":")))
                                for source, keys in entries.items() for key, value in keys.items()))
        connection.commit()
    temporary.replace(path)


def _cached(found, route, cache_dir, analysis):
    """``read_pair`` through the machine's cache: a pair is parsed once, not at every build."""
    source, target, backwards = route
    index, data = found[source, target]
    stat = data.stat()
    name = f"{index.name[:-6]}{'-backwards' if backwards else ''}-{VERSION}-{stat.st_size}-{int(stat.st_mtime)}-{analysis}.pickle"
    path = Path(cache_dir) / name if cache_dir else None
    if path is not None and path.is_file():
        try:
            with open(path, "rb") as f:
                return pickle.load(f)
        except (OSError, pickle.UnpicklingError, EOFError):
            pass
    result = read_pair(index, data, source, target, backwards)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary = path.with_suffix(f".{os.getpid()}.tmp")
            with open(temporary, "wb") as f:
                pickle.dump(result, f, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(path)
        except OSError:   # a cache we cannot write only costs time
            pass
    return result


def read_pair(index, data, source, target, backwards=False):
    """One dictd dictionary as ``{source key: [(text, target tokens)]}``, read from its source side,
    or from its target side when ``backwards`` (eng-rus then gives Russian → English)."""
    text = gzip.open(data).read()
    analyse_from, analyse_to = _memo(source), _memo(target)
    out = {}
    for line in open(index, encoding="utf-8", errors="replace"):
        parts = line.rstrip("\n").split("\t")
        if len(parts) < 3 or parts[0].startswith("00"):   # 00-database-info and the like
            continue
        headword = parts[0]
        if len(headword.split()) > (MAX_TERM_WORDS if backwards else MAX_KEY_WORDS):
            continue   # a phrase: not a word anyone types, and analysing it is most of the time
        start = _number(parts[1])
        entry = text[start:start + _number(parts[2])].decode("utf-8", "replace")
        if backwards:
            tokens = analyse_from(headword)
            if not tokens or len(tokens) > MAX_TERM_WORDS:
                continue
            pairs = [(analyse_to(term), headword, tokens) for term in translations(entry, target)]
        else:
            key = analyse_from(headword)
            if not key or len(key) > MAX_KEY_WORDS:
                continue
            pairs = [(key, term, analyse_to(term)) for term in translations(entry, target)[:2 * MAX_TRANSLATIONS]]
        for key, display, tokens in pairs:
            if not key or not tokens or len(key) > MAX_KEY_WORDS:
                continue
            slot = out.setdefault(" ".join(key), [])
            if (display, tokens) not in slot and len(slot) < 2 * MAX_TRANSLATIONS:
                slot.append((display, tokens))
    return out


def translations(entry, target):
    """The translations in one dictd entry, in order: the sense lines, without the headword line,
    examples, cross-references, grammar marks and notes.

    >>> translations('court /kɔːt/\\n1. faire la cour\\n2. cour, tribunal <masc>\\n  "the court"  - la cour\\n', "fr")
    ['faire la cour', 'cour', 'tribunal']
    """
    out = []
    for line in entry.split("\n")[1:]:
        line = line.strip()
        if not line or line[0] in "\"{(" or line.lower().startswith(("see:", "synonym", "note", "antonym")):
            continue
        line = SENSE_NUMBER.sub(",", _strip_marks(line))
        for term in line.replace(";", ",").split(","):
            term = " ".join(term.replace("…", " ").replace("...", " ").split())
            if not any(ch.isalpha() for ch in term) or len(term.split()) > MAX_TERM_WORDS:
                continue
            if target in NON_LATIN and term.isascii():
                continue   # an English gloss under a Japanese or Russian entry
            if term not in out:
                out.append(term)
    return out


def _strip_marks(line):
    out, depth = [], 0
    for ch in line:
        if ch in "<[(":
            depth += 1
        elif ch in ">])" and depth:
            depth -= 1
        elif not depth:
            out.append(ch)
    return "".join(out)


def _memo(code):
    analyzer, cache = analyzer_for(code), {}

    def analyse(text):
        tokens = cache.get(text)
        if tokens is None:
            tokens = cache[text] = tuple(t.text for t in analyzer(text))
        return tokens
    return analyse


def _number(b64):
    n = 0
    for ch in b64:
        n = n * 64 + _B64[ch]
    return n
