"""Search over a live snapshot: the one narrow interface the web tier uses.

``run(live, request)`` takes a query, facet filters, a sort and a page, and returns results and facet
counts as plain dicts, the same data for the HTML pages, the JSON API and the feeds. No HTTP here.

Facet counts come from per-value document masks held per snapshot (numpy), intersected with the
matching documents: cheaper than Whoosh's ``groupedby`` on multi-valued fields. A facet's counts are
taken with the other facets' filters but not its own, so a visitor sees what a second value adds.
"""
import copy
import re
import threading
from concurrent.futures import ThreadPoolExecutor, TimeoutError as FutureTimeout
from dataclasses import dataclass, field

import regex
import numpy
from whoosh import query as wq

from indexer.lang import field_for
from search_web import match_page, query, regions, result_cache, scoring, snippets

FACETS = ("country", "language", "topic", "year", "type", "region")
DERIVED = {"region": "country"}   # a facet made from another's values, not indexed (see regions)
# from= and to=: a year, a month or a day; a document's date is a span too (2021 is all of 2021)
DATE_BOUND = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
SORTS = ("relevance", "newest", "oldest", "added")
PAGE_SIZE = 10
MAX_PAGE_SIZE = 100   # what the API's ``page_size`` may ask; exports ask more, in the web tier
SUGGEST_BELOW = 2     # results: at most this many, and a misspelt word may be why
MAX_SUGGEST_WORDS = 6
SUGGEST_PREFIX = 1    # letters a suggestion shares with the typed word at its start
MAX_QUERY_CHARS = 1000
PAGE_LINK_FORMATS = {"pdf"}   # originals a browser opens at a page (#page=N)
SNIPPET_TEXT_CHARS = 300_000   # highlight within this much of a long document; enough for a snippet
# Caps on what one request may ask for: every word is searched in every language field (bigrams for
# Thai or Chinese, one per character), a wildcard or a range walks the word lists, and every selected
# facet value is a link to rebuild. Past these a query costs seconds and a page megabytes.
MAX_FACET_VALUES = 50
MAX_QUERY_TERMS = 32
MAX_EXPANDING_TERMS = 3        # wildcards (* ?) and ranges ([a TO z], {a TO z})
DOC_PART_CHARS = 200_000       # a long document's text is shown in parts of about this size
MORE_LIKE_CHARS = 50_000       # "more like this" reads this much of a document for its concepts and key words
MORE_LIKE_CONCEPTS = 8         # the glossary concepts it names most
MORE_LIKE_KEY_WORDS = 10
KEY_WORD_WEIGHT = 0.2          # a key word of its own language weighs less than a shared concept
MORE_LIKE_POOL = 50            # candidates ranked by the topics they share
# One term per character of the scripts written without spaces (they are searched as bigrams), else
# one per word.
QUERY_TERM = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]"
                           r"|[^\W\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}]+")
EXPANDING = re.compile(r"[*?]|\bTO\b")
_facet_lock = threading.Lock()
MAX_FOUND = 32   # searches whose matches a snapshot keeps, for their other pages and orders: each holds
                 # two masks and a score per document (about 1 MB at 100,000 documents)


@dataclass
class SearchRequest:
    q: str = ""
    filters: dict = field(default_factory=dict)   # facet -> list of selected values
    sort: str = "relevance"
    page: int = 1
    page_size: int = PAGE_SIZE
    snippets: bool = True   # an export of a thousand results has no use for highlighted snippets
    hl: str = ""            # the interface language: the query is also analysed as this language
    dates: tuple = ("", "")  # from=, to= (YYYY[-MM[-DD]]); empty: unbounded
    expand: bool = True     # cross-language expansion from the glossary (``xl=0`` turns it off)
    notices: list = field(default_factory=list)   # (message id, values): the web tier translates
    # What was repaired: the page shows the repaired search, the JSON API refuses with these.
    problems: list = field(default_factory=list)

    @classmethod
    def from_params(cls, get_one, get_all, hl=""):
        """Build from query parameters, repairing what is malformed and noting it in ``problems``.

        ``get_one(name)`` returns a decoded string or None; ``get_all(name)`` a list of strings.
        """
        problems = []
        notices = []
        q = _clean(get_one("q") or "")
        if len(q) > MAX_QUERY_CHARS:
            q = q[:MAX_QUERY_CHARS]
            notices.append(("The query was cut to its first %(count)d characters.", {"count": MAX_QUERY_CHARS}))
        q = _cap_query(q, notices)
        filters = {}
        for facet in FACETS:
            values = [_clean(v) for v in get_all(facet)]
            values = list(dict.fromkeys(v for v in values if v))
            if len(values) > MAX_FACET_VALUES:
                values = values[:MAX_FACET_VALUES]
                problems.append(f"{facet}: at most {MAX_FACET_VALUES} values")
                notices.append(("Only the first %(count)d values of a filter are used.", {"count": MAX_FACET_VALUES}))
            if values:
                filters[facet] = values
        sort = get_one("sort") or "relevance"
        if sort not in SORTS:
            problems.append(f"sort must be one of {', '.join(SORTS)}")
            sort = "relevance"
        raw_page = get_one("page") or "1"
        try:
            page = int(raw_page)
        except ValueError:
            page = 0
        if not 1 <= page <= 10**6:
            problems.append("page must be a whole number from 1 to 1000000")
            page = max(1, min(page, 10**6))
        raw_size = get_one("page_size") or str(PAGE_SIZE)
        # ASCII digits only: "²" is a digit to str.isdigit() and not to int()
        page_size = int(raw_size) if raw_size.isascii() and raw_size.isdigit() and len(raw_size) < 6 else 0
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            problems.append(f"page_size must be a whole number from 1 to {MAX_PAGE_SIZE}")
            page_size = max(1, min(page_size, MAX_PAGE_SIZE))
        expand = (get_one("xl") or "1").strip() != "0"
        dates = tuple(_date_bound(name, get_one(name), problems, notices) for name in ("from", "to"))
        return cls(q=q, filters=filters, sort=sort, page=page, page_size=page_size, hl=hl, expand=expand,
                   notices=notices, problems=problems, dates=dates)

    def cache_key(self):
        """Everything the result depends on (the filters as given: the result echoes them)."""
        filters = tuple((f, tuple(v)) for f, v in sorted(self.filters.items()))
        notices = tuple((message, tuple(sorted(values.items()))) for message, values in self.notices)
        return (self.q, filters, self.sort, self.page, self.page_size, self.snippets, self.hl, self.expand, notices,
                self.dates)


RETRY_AFTER = 30   # seconds a client is asked to wait after a search over its budget


class OverBudget(Exception):
    "A search did not finish within its time budget"


class Budget:
    """Searches run in a few threads of their own, and the request waits at most ``seconds`` for one.
    A search past its budget is answered 503 at once; its thread ends the (capped) work without
    holding the visitor or a server thread, and with the threads all busy new searches wait their
    turn rather than pile up on the CPU."""

    def __init__(self, seconds, threads=2):
        self.seconds = seconds
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="search")

    def run(self, fn, *args):
        future = self._pool.submit(fn, *args)
        try:
            return future.result(timeout=self.seconds)
        except FutureTimeout:
            future.cancel()
            raise OverBudget(f"over the {self.seconds} s budget") from None


def _date_bound(name, value, problems, notices):
    """``from``/``to`` as given when it is YYYY, YYYY-MM or YYYY-MM-DD, else "" with the problem noted."""
    value = _clean(value or "")
    if not value or DATE_BOUND.match(value):
        return value
    problems.append(f"{name} must be a date: YYYY, YYYY-MM or YYYY-MM-DD")
    notices.append(("The date “%(value)s” is not a year (YYYY), a month (YYYY-MM) or a day (YYYY-MM-DD); it was left out.",
                    {"value": value}))
    return ""


def date_span(value):
    """``(first day, last day)`` of a date written YYYY, YYYY-MM or YYYY-MM-DD, as ISO strings that
    compare in order (a month's last day may be the 31st of any month: only the order matters)."""
    return (value + "-01-01"[len(value) - 4:])[:10], (value + "-12-31"[len(value) - 4:])[:10]


def _cap_query(q, notices):
    """``q`` within MAX_QUERY_TERMS terms and MAX_EXPANDING_TERMS wildcards or ranges, with a notice
    for each cut."""
    terms = list(QUERY_TERM.finditer(q))
    if len(terms) > MAX_QUERY_TERMS:
        q = q[:terms[MAX_QUERY_TERMS - 1].end()]
        notices.append(("The query was cut to its first %(count)d words.", {"count": MAX_QUERY_TERMS}))
    if len(EXPANDING.findall(q)) > MAX_EXPANDING_TERMS:
        q = " ".join(re.sub(r"[*?\[\]{}]|\bTO\b", " ", q).split())
        notices.append(("At most %(count)d wildcards or ranges are searched; the words were searched as they are.",
                        {"count": MAX_EXPANDING_TERMS}))
    return q


def text_part(text, part):
    """``(text of part ``part``, number of parts, pages before it)``: a long document shown in parts
    of about DOC_PART_CHARS, cut at paragraph ends, so that a page of it stays a page."""
    if len(text) <= DOC_PART_CHARS:
        return text, 1, 0
    starts, at = [0], 0
    while at + DOC_PART_CHARS < len(text):
        cut = max(text.rfind("\n\n", at, at + DOC_PART_CHARS), text.rfind("\f", at, at + DOC_PART_CHARS))
        at = cut + 1 if cut > at else at + DOC_PART_CHARS
        starts.append(at)
    part = max(1, min(part, len(starts)))
    start = starts[part - 1]
    end = starts[part] if part < len(starts) else len(text)
    return text[start:end], len(starts), text.count("\f", 0, start)


def _clean(text):
    return re.sub(r"[\x00-\x1f\x7f]", " ", text).strip()


class FacetIndex:
    """Per snapshot, for each facet, its values and a row of booleans per value (one column per
    document number): counting a facet is one vectorised AND and sum over its rows, where Python
    sets of document numbers cost time in proportion to the documents a search matched."""

    def __init__(self, reader):
        self.size = reader.doc_count_all()
        self.live = numpy.zeros(self.size, dtype=bool)
        self.live[numpy.fromiter(reader.all_doc_ids(), dtype=numpy.int64)] = True
        self.documents = int(self.live.sum())
        self.facets = {}
        indexed = set(reader.indexed_field_names())   # an iterator once read, on an index of several segments
        for facet in (f for f in FACETS if f not in DERIVED):
            values, rows = self._rows(facet, reader, indexed)
            self.facets[facet] = (values, {v: i for i, v in enumerate(values)}, rows)
        self.facets["region"] = self._regions()
        # Per document, not per value: a large collection has thousands of dates and of groups.
        self._first_day, self._last_day = (numpy.zeros(self.size, dtype=numpy.int32) for _ in range(2))
        for value, docs in self._postings("date", reader, indexed):
            if not DATE_BOUND.match(value):
                continue   # an index older than the dates' checks
            first, last = date_span(value)
            self._first_day[docs], self._last_day[docs] = int(first.replace("-", "")), int(last.replace("-", ""))
        self._places = {}   # sortable column -> each document's place in its order
        self._group = numpy.full(self.size, -1, dtype=numpy.int32)
        for number, (_, docs) in enumerate(self._postings("group", reader, indexed)):
            self._group[docs] = number

    @staticmethod
    def _postings(name, reader, indexed):
        """``(value, its document numbers)`` of an indexed field (none: an older index)."""
        for term in (reader.lexicon(name) if name in indexed else ()):
            if term:
                yield term.decode("utf-8"), numpy.fromiter(reader.postings(name, term).all_ids(), dtype=numpy.int64)

    def _rows(self, name, reader, indexed):
        """``(values, a row of documents per value)`` of an indexed field."""
        found = list(self._postings(name, reader, indexed))
        rows = numpy.zeros((len(found), self.size), dtype=bool)
        for i, (_, docs) in enumerate(found):
            rows[i, docs] = True
        return [value for value, _ in found], rows & self.live

    def _regions(self):
        """The region facet, from the country facet: a region's row is its countries' rows together."""
        countries, position, rows = self.facets["country"]
        found = sorted(regions.of_countries(countries).items())
        region_rows = numpy.zeros((len(found), self.size), dtype=bool)
        for i, (_, inside) in enumerate(found):
            region_rows[i] = rows[[position[c] for c in inside]].any(axis=0)
        return [r for r, _ in found], {r: i for i, (r, _) in enumerate(found)}, region_rows

    def date_mask(self, start, end):
        """The documents whose date overlaps ``start``..``end`` (either may be empty: unbounded);
        undated documents are outside every range."""
        low = int(date_span(start)[0].replace("-", "")) if start else 1
        high = int(date_span(end)[1].replace("-", "")) if end else 99991231
        return (self._last_day >= low) & (self._first_day <= high) & (self._first_day > 0) & self.live

    def one_per_group(self, docs, languages):
        """``docs`` with one document of each group of language versions: the first of it in
        ``languages`` (the order of preference), else its first document."""
        grouped = numpy.flatnonzero(docs & (self._group >= 0))
        if not len(grouped):
            return docs
        rank = numpy.full(len(grouped), len(languages), dtype=numpy.int32)
        for i, code in reversed(list(enumerate(languages))):
            rank[self.mask("language", [code])[grouped]] = i
        # sorted by group, then preference, then document number: the first of each group stays
        order = numpy.lexsort((grouped, rank, self._group[grouped]))
        groups = self._group[grouped][order]
        first = numpy.ones(len(order), dtype=bool)
        first[1:] = groups[1:] != groups[:-1]
        docs = docs.copy()
        docs[grouped[order][~first]] = False
        return docs

    def places(self, column, reader):
        """Each document's place in the order of a sortable ``column``: by its value, then by its
        number, which is how Whoosh sorts (and, reversed, sorts backwards). Read once per snapshot."""
        place = self._places.get(column)
        if place is None:
            values = reader.column_reader(column)
            order = sorted(range(self.size), key=lambda docnum: values[docnum])   # stable: numbers in order
            place = numpy.empty(self.size, dtype=numpy.int64)
            place[order] = numpy.arange(self.size)
            self._places[column] = place
        return place

    def documents_for(self, docnums):
        mask = numpy.zeros(self.size, dtype=bool)
        mask[numpy.fromiter(docnums, dtype=numpy.int64)] = True
        return mask & self.live

    def mask(self, facet, values):
        """The documents with any of ``values`` of ``facet`` (values the index lacks match nothing)."""
        _, position, rows = self.facets[facet]
        found = [position[v] for v in values if v in position]
        return rows[found].any(axis=0) if found else numpy.zeros(self.size, dtype=bool)

    def counts(self, facet, base):
        """``{value: documents of base with it}`` for the values of ``facet`` that base has."""
        values, _, rows = self.facets[facet]
        if not values:
            return {}
        counted = numpy.count_nonzero(rows & base, axis=1)
        return {values[i]: int(counted[i]) for i in numpy.flatnonzero(counted)}


def facet_sets(live):
    """The snapshot's ``FacetIndex``, built once."""
    facets = live.cache.get("facets")
    if facets is not None:
        return facets
    with _facet_lock:
        if "facets" not in live.cache:
            live.cache["facets"] = FacetIndex(live.searcher().reader())
    return live.cache["facets"]


def run(live, request):
    """Results, facet counts and paging for a ``SearchRequest``, as plain data; a search this
    snapshot has answered before comes from its result cache."""
    return looked_up(live, request)[0]


def looked_up(live, request):
    """``(result, where it came from)``: as ``run``, and "memory", "shared" (another server process
    answered it) or "miss" (searched now)."""
    cache = result_cache.for_snapshot(live)
    key = request.cache_key()
    result, where = cache.lookup(key)
    if result is None:
        result = _run(live, request, _found(live, request))
        cache.put(key, result)
    return result, where


def _run(live, request, found=None):
    """The result of ``request``, searched now unless ``found`` (what the search found, for another
    of its pages or orders) is given: the benchmarks and tests that call this measure a search."""
    searcher = live.searcher()
    found = found or _find(live, request)
    q = found.parsed.query
    total = found.total
    size = request.page_size
    pages = max(1, -(-total // size))
    # A page past the end is empty, not the last page: a client that pages until the list is empty stops.
    page = request.page
    # Without a query there is no relevance to rank by: browsing lists the newest first.
    sort = "newest" if q is None and request.sort == "relevance" else request.sort
    if not total or page > pages:
        page_docs = []
    elif sort == "relevance":
        # the documents of the countries and years the query names first, each part by relevance
        parts = [found.final & found.named, found.final & ~found.named] if found.named is not None else [found.final]
        ranked = []
        for part in parts:
            ranked += _ranked(found.scored, part, page * size - len(ranked)) if len(ranked) < page * size else []
        page_docs = ranked[(page - 1) * size:]
    else:
        page_docs = _sorted(live, found.final, sort, page * size)[(page - 1) * size:]
    # nothing to show, nothing to mark: a search that finds nothing skips the snippets' set-up
    hits = _results(live, q, [searcher.stored_fields(docnum) for docnum in page_docs], request.snippets) if page_docs else []
    return {"q": request.q, "total": total, "page": page, "pages": pages, "page_size": size,
            "sort": sort, "filters": request.filters, "notices": list(request.notices) + found.parsed.notices,
            "results": hits, "facets": copy.deepcopy(found.facets), "suggestion": found.suggestion,
            "expansion": found.parsed.expansion, "translation": found.parsed.translation,
            # what the query named, for the page to offer as a filter ("Only Kenya")
            "recognised": [dict(r) for r in found.parsed.recognised
                           if r["value"] not in request.filters.get(r["facet"], ())],
            "fewer_words": list(found.fewer_words)}


@dataclass
class Found:
    """What a search finds, whatever page of it is shown in whatever order: kept per snapshot, so
    the next page or another order of the same search does not match and count again."""
    parsed: object
    final: object        # the documents listed (a mask), one of each group of language versions
    scored: object       # each document's score (NaN: no match), or None without a query
    named: object        # the documents of the countries and years the query names (a mask), or None
    total: int
    facets: dict
    suggestion: object
    fewer_words: list


def _found(live, request):
    """``_find``, kept per snapshot for ``MAX_FOUND`` searches."""
    key = (request.q, tuple((f, tuple(v)) for f, v in sorted(request.filters.items())), request.hl,
           request.expand, request.dates)
    cache = live.cache.get("found")
    if cache is None:
        cache = live.cache.setdefault("found", result_cache.ResultCache(MAX_FOUND, copies=False))
    found = cache.get(key)
    if found is None:
        found = _find(live, request)
        cache.put(key, found)
    return found


def _find(live, request):
    searcher = live.searcher()
    sets = facet_sets(live)
    parsed = query.parse(live, request.q, request.hl, request.filters.get("language", ()), request.expand)
    q = parsed.query
    selected = {f: set(values) for f, values in request.filters.items()}
    chosen = {f: sets.mask(f, values) for f, values in request.filters.items()}
    if any(request.dates):
        chosen["dates"] = sets.date_mask(*request.dates)
    matched, scored = matching(searcher, sets, parsed, needed_documents(sets, chosen))
    # A group of language versions is one result, in the visitor's language where it has it.
    preferred = [*request.filters.get("language", ()), *parsed.languages, request.hl]
    final = numpy.logical_and.reduce([matched, *chosen.values()]) if chosen else matched
    final = sets.one_per_group(final, preferred)
    facets = count_facets(sets, matched, chosen, selected, lambda docs: sets.one_per_group(docs, preferred))
    total = int(numpy.count_nonzero(final))
    return Found(parsed=parsed, final=final, scored=scored, named=_named_documents(sets, parsed.recognised),
                 total=total, facets=facets,
                 # A spelling suggestion is for a search that found (almost) nothing; it is also the
                 # slowest part of a search, a walk of the whole word list.
                 suggestion=suggest(live, request.q) if q is not None and total <= SUGGEST_BELOW else None,
                 fewer_words=fewer_words(live, request, sets, chosen, preferred) if q is not None and not total else [])


def _sorted(live, final, sort, limit):
    """The first ``limit`` document numbers of ``final`` in the order of ``sort`` (not relevance):
    by date ("added": by when first published), the later first but for "oldest"; as Whoosh's
    sorted search orders them, without running the query again."""
    place = facet_sets(live).places("added" if sort == "added" else "date", live.searcher().reader())
    docnums = numpy.flatnonzero(final)
    keys = place[docnums] if sort == "oldest" else -place[docnums]
    if len(docnums) > limit:
        first = numpy.argpartition(keys, limit - 1)[:limit]
        return docnums[first[numpy.argsort(keys[first])]].tolist()
    return docnums[numpy.argsort(keys)].tolist()


def matching(searcher, sets, parsed, needed=None):
    """``(mask, scores)``: the documents a parsed query matches, every word required as ``parsed``
    says, and each document's score for the query (NaN where it does not match; None without a
    query). ``needed`` (a mask; None: all) holds the only documents the caller has a use for: the
    query is matched and scored there alone, the cheaper the fewer they are.

    The words ``parsed`` requires come first, the cheapest first (a glossary expansion with its
    dozens of phrases last), each matched only where the ones before it were found: the documents
    left are all the scoring pass has to look at."""
    if parsed.query is None:
        return sets.live, None
    if parsed.query is wq.NullQuery:
        return numpy.zeros(sets.size, dtype=bool), None
    allowed = sets.live.copy() if needed is None else needed & sets.live
    found = {}
    for forms in sorted(parsed.required, key=scoring.cost):
        if not allowed.any():
            break
        for form in forms:
            if id(form) not in found:   # a form shared by several words (the expansion) is matched once
                found[id(form)] = ~numpy.isnan(_scored(searcher, form, sets.size, allowed))
        allowed &= numpy.logical_or.reduce([found[id(form)] for form in forms])
    scored = _scored(searcher, parsed.query, sets.size, allowed)
    return ~numpy.isnan(scored), scored


def needed_documents(sets, chosen):
    """The documents a search with the filters of ``chosen`` (masks) has any use for, or None for
    all: those that pass every filter but at most one facet's (a facet is counted under the other
    facets' filters, not its own); a date range holds for all."""
    facets = [mask for f, mask in chosen.items() if f in FACETS]
    others = [mask for f, mask in chosen.items() if f not in FACETS]
    if len(facets) < 2 and not others:
        return None
    missed = numpy.zeros(sets.size, dtype=numpy.int32)
    for mask in facets:
        missed += ~mask
    return numpy.logical_and.reduce([missed <= 1, *others])


def fewer_words(live, request, sets, chosen, preferred):
    """``[{q, total}]``: for a search that found nothing, the searches with one word left out that
    find something, with how many they find (under the same filters), most first."""
    words = request.q.split()
    if not 2 <= len(words) <= MAX_SUGGEST_WORDS or query.SYNTAX.search(request.q):
        return []
    searcher = live.searcher()
    out = []
    for i in range(len(words)):
        fewer = " ".join(words[:i] + words[i + 1:])
        parsed = query.parse(live, fewer, request.hl, request.filters.get("language", ()), request.expand)
        if parsed.query is None:
            continue
        # only the filtered documents' phrases checked: the total is all it shows
        found, _ = matching(searcher, sets, parsed, numpy.logical_and.reduce(list(chosen.values())) if chosen else None)
        total = int(numpy.count_nonzero(sets.one_per_group(found, preferred)))   # counted as the results list them
        if total:
            out.append({"q": fewer, "total": total})
    return sorted(out, key=lambda f: -f["total"])


def count_facets(sets, matched, chosen, selected, one_per_group=None):
    """Facet values with counts, largest first: for each facet, the matching documents that pass the
    other facets' filters, counted per value. Selected values are always listed, with 0 if nothing
    matches. This is where a search spends its time on a large collection.

    ``one_per_group`` counts a group of language versions once, as the results list it; the language
    facet counts each version in its own language."""
    facets = {}
    for facet in FACETS:
        others = [docs for f, docs in chosen.items() if f != facet]
        base = numpy.logical_and.reduce([matched, *others]) if others else matched
        if one_per_group is not None and facet != "language":
            base = one_per_group(base)
        mine = selected.get(facet, set())
        counts = sets.counts(facet, base)
        counts.update({v: 0 for v in mine if v not in counts})
        ordered = sorted(counts.items(), key=lambda vn: (-vn[1], vn[0]))
        facets[facet] = [{"value": v, "count": n, "selected": v in mine} for v, n in ordered]
    return facets


def _named_documents(sets, recognised):
    """The documents of the countries and years a query names (a mask), or None when it names none."""
    masks = [sets.mask(r["facet"], [r["value"]]) for r in recognised if r["facet"] in sets.facets]
    return numpy.logical_or.reduce(masks) if masks else None


def _scored(searcher, q, size, allowed=None):
    """Each document's score for ``q`` (NaN where it does not match), from one pass over the matches
    of each of its parts: the facet counts and the ranking took a pass each, and each pass checked
    every phrase again. With ``allowed`` (a mask) only its documents are matched."""
    return scoring.scores(searcher, q, size, allowed)


def _ranked(scored, final, limit):
    """The ``limit`` best document numbers among ``final``, best first, the lower number first among
    equals (Whoosh's own order)."""
    docnums = numpy.flatnonzero(final)
    order = numpy.lexsort((docnums, -scored[docnums]))[:limit]
    return docnums[order].tolist()


def _results(live, q, stored_documents, with_snippets=True):
    """Result dicts, with their snippets unless told not to, for the stored fields of the page's
    documents."""
    searcher = live.searcher()
    terms = snippets.query_terms(q, searcher.reader())
    out = []
    for stored in stored_documents:
        if not with_snippets:
            out.append(result_dict(stored, live=live))
            continue
        paged = (stored.get("content") or "")[:SNIPPET_TEXT_CHARS]
        fields = language_fields(_record(stored), terms)
        snippet = snippets.snippet(paged.replace("\f", "\n\n"), fields, terms, searcher.schema,
                                   title=stored.get("title", ""))
        doc = result_dict(stored, snippet=snippet, live=live)
        if doc.get("format") in PAGE_LINK_FORMATS:
            # Only when the snippet marks a word: a match in the title alone has no page to open.
            doc["match_page"] = (match_page.first(paged, fields, terms, searcher.schema)
                                 if "<mark>" in doc["snippet"] else None)
        out.append(doc)
    return out


def language_fields(doc, terms):
    """The text fields a document's languages were indexed in (Georgian in ``text_und``) that the
    query searched."""
    codes = [lang["code"] for lang in doc.get("languages", [])] or [doc.get("language", "und")]
    return [f for f in dict.fromkeys(field_for(code) for code in codes) if f in terms]


# What the build keeps for itself and a visitor has no use for.
BUILD_ONLY = ("line", "sha1", "row", "fingerprint", "seconds", "warnings", "change", "encoding", "page_info")


def _record(stored):
    meta = stored.get("meta") or {}
    if "document" in meta:
        return meta["document"]
    # a snapshot built before the record was stored whole: what its fields hold, until the next update
    return {"id": stored["id"], "title": stored.get("title", ""), "country": stored.get("country", ""),
            "date": stored.get("date", ""), "status": stored.get("status", ""), "topics": meta.get("topics", []),
            "language": meta.get("main_language", "und"), "languages": meta.get("languages", []),
            "format": meta.get("format", ""), "file": meta.get("file", ""), "source_url": meta.get("source_url", ""),
            "error": meta.get("error", ""), "notes": meta.get("notes", []), "pages": meta.get("pages", 0),
            "chars": meta.get("chars", 0), "topics_automatic": meta.get("topics_automatic", False)}


def result_dict(stored, snippet="", live=None):
    """The document's record as the build stored it, with its links (and its language versions)."""
    doc = {k: v for k, v in _record(stored).items() if k not in BUILD_ONLY}
    doc.update(snippet=snippet, url="/doc/" + stored["id"], file_url="/doc/" + stored["id"] + "/file",
               versions=versions(live, doc) if live is not None else [])
    return doc


def versions(live, doc):
    """``[{id, language}]`` of the other documents of the same ``group`` (language versions)."""
    groups = live.cache.get("groups")
    if groups is None:
        groups = {}
        for d in live.report.get("documents", []):
            if d.get("group"):
                groups.setdefault(d["group"], []).append({"id": d["id"], "language": d.get("language", "und")})
        live.cache["groups"] = groups
    return [v for v in groups.get(doc.get("group") or "", []) if v["id"] != doc["id"]]


def document(live, doc_id):
    """The stored document with id ``doc_id`` as a dict (with its text), or None."""
    stored = live.searcher().document(id=doc_id)
    if stored is None:
        return None
    return dict(result_dict(stored, live=live), text=stored.get("content", ""))


def marked_paragraphs(live, doc, q_text, hl="", expand=True):
    """The document's text as pages of paragraphs, each escaped HTML with ``<mark>`` around the words
    the query matches, analysed per language field exactly as the search analysed them."""
    searcher = live.searcher()
    terms = snippets.query_terms(query.parse(live, q_text, hl, expand=expand).query, searcher.reader())
    fields = language_fields(doc, terms)
    return [[snippets.mark(para, snippets.spans(para, fields, terms, searcher.schema))
             for para in page.split("\n\n") if para.strip()]
            for page in doc["text"].split("\f")]


def more_like_this(live, doc, count=5):
    """Documents on the same subjects, in any language: those that share most of its topics first,
    then by the glossary concepts it names most (searched with their terms in every language) and
    the key words of its main language."""
    searcher = live.searcher()
    text = doc["text"][:MORE_LIKE_CHARS]
    codes = [lang["code"] for lang in doc["languages"]] or [doc["language"]]
    parts = [wq.Term("topic", topic) for topic in doc["topics"]]
    glossary = live.glossary()
    if len(glossary) and text:
        indexed = set(searcher.reader().indexed_field_names())
        for concept_id, _ in glossary.mentions([(code, text) for code in codes]).most_common(MORE_LIKE_CONCEPTS):
            alternatives = [alternative for *_, alternative in query.concept_terms(glossary, concept_id, indexed)]
            if alternatives:
                parts.append(wq.Or(alternatives))
    field = field_for(doc["language"])
    if text and field in searcher.schema:
        parts += [wq.Term(field, term, boost=KEY_WORD_WEIGHT)
                  for term, _ in searcher.key_terms_from_text(field, text, numterms=MORE_LIKE_KEY_WORDS)]
    if not parts:
        return []
    hits = [result_dict(hit.fields(), live=live)
            for hit in searcher.search(wq.Or(parts), limit=MORE_LIKE_POOL, mask=wq.Term("id", doc["id"]))]
    topics = set(doc["topics"])
    hits.sort(key=lambda hit: -len(topics & set(hit.get("topics", ()))))   # stable: by score within
    return hits[:count]


def suggest(live, text):
    """The query with each word the collection does not contain replaced by the closest word it does
    contain (edit distance 1, else 2 for words of five letters or more; the most frequent first), or
    None when there is nothing to offer.

    Only plain words of a short query are corrected: a query with syntax is left as the visitor wrote
    it, and a long one is not a typing slip."""
    if not text or query.SYNTAX.search(text) or len(text) > 200 or len(text.split()) > MAX_SUGGEST_WORDS:
        return None
    searcher = live.searcher()
    if "spell" not in searcher.schema:
        return None
    analyzer = searcher.schema["spell"].analyzer
    words, changed = [], False
    for word in text.split():
        tokens = [t.text for t in analyzer(word)]
        if len(tokens) != 1 or searcher.doc_frequency("spell", tokens[0]) or len(tokens[0]) < 4:
            words.append(word)
            continue
        # Distance 2 costs four times distance 1, so only when needed. The first letter is taken as
        # typed (slips are seldom there): the walk then covers one letter's words, not the whole list,
        # which on 10,000 documents took most of a search that found nothing.
        close = searcher.suggest("spell", tokens[0], limit=1, maxdist=1, prefix=SUGGEST_PREFIX)
        if not close and len(tokens[0]) >= 5:
            close = searcher.suggest("spell", tokens[0], limit=1, maxdist=2, prefix=SUGGEST_PREFIX)
        if close:
            words.append(close[0])
            changed = True
        else:
            words.append(word)
    return " ".join(words) if changed else None
