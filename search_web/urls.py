"""Every link the site writes, in one place: page links keep the interface language (``hl``), and
absolute URLs start from the configured public address."""
from urllib.parse import parse_qs, quote, urlencode

# What a results page's address may hold (``hl`` is added by the builder itself).
SEARCH_PARAMS = ("q", "country", "language", "topic", "year", "type", "region", "group", "from", "to",
                 "sort", "page", "page_size", "xl")


class Urls:
    def __init__(self, hl, base):
        self.hl, self.base = hl, base

    def _with(self, path, params):
        params = {k: v for k, v in params.items() if v not in (None, "", [])}
        params["hl"] = self.hl
        return path + "?" + urlencode(params, doseq=True)

    def home(self):
        return self._with("/", {})

    def search(self, params=None, **more):
        return self._with("/search", {**(params or {}), **more})

    def doc(self, doc_id, search=None, **params):
        """The document page; ``search``: the parameters of the results page it is opened from,
        carried as ``back`` so that the document page can link back to it."""
        if search:
            params["back"] = urlencode(search, doseq=True)
        return self._with("/doc/" + doc_id, params)

    def back(self, encoded):
        """The results page a document page was opened from: only search parameters, always on
        /search (``back`` comes from the request, so it must never lead anywhere else)."""
        params = parse_qs(encoded or "", keep_blank_values=False)
        return self.search({k: v for k, v in params.items() if k in SEARCH_PARAMS})

    def toggle(self, params, facet, value):
        """The search with ``value`` of ``facet`` added, or removed if it is selected."""
        values = list(params.get(facet, []))
        values = [v for v in values if v != value] if value in values else values + [value]
        return self.search({**params, facet: values})

    def here(self, path, query, hl):
        """This page (``path`` and its ``query`` pairs) in interface language ``hl``."""
        # The path comes from the request: "//host" or "/\\host" would be a link to another site.
        return "/" + quote(path.lstrip("/")) + "?" + urlencode([*query, ("hl", hl)])

    def feed(self, params, page=None):
        """The Atom feed of a search: no ``hl``, a feed is read by programs."""
        return _plain("/feed", {**params, "page": page} if page and page > 1 else params)

    def absolute(self, path):
        return self.base + path

    def permalink(self, doc_id):
        """The document's address for other sites, citations and search engines: absolute, no ``hl``."""
        return self.base + "/doc/" + quote(doc_id, safe="")

    def file(self, doc_id, page=None):
        """The original file; ``page`` opens a PDF at that page (the viewers read ``#page=N``)."""
        return "/doc/" + quote(doc_id, safe="") + "/file" + (f"#page={page}" if page else "")

    def doc_export(self, doc_id, fmt):
        """A citation of the document; ``hl`` names the country in the visitor's language."""
        return self._with("/doc/" + quote(doc_id, safe="") + "." + fmt, {})

    def export(self, fmt, params):
        return self._with("/export." + fmt, params)

    def embed(self, params):
        """A search as a list other sites frame, absolute: it is pasted into their pages."""
        return self.base + self._with("/embed", params)

    def sitemap(self, page=None):
        return self.base + _plain("/sitemap.xml", {"page": page} if page else {})

    def canonical(self, path, params):
        """The one absolute address of a page: its own parameters in a fixed order, ``hl`` when the
        visitor chose it (it changes the page's language)."""
        return self.base + _plain(quote(path), dict(sorted(params.items())))


def _plain(path, params):
    params = {k: v for k, v in params.items() if v not in (None, "", [])}
    return path + ("?" + urlencode(params, doseq=True) if params else "")
