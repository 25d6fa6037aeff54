"""Every link the site writes, in one place: page links keep the interface language (``hl``), and
absolute URLs start from the configured public address."""
from urllib.parse import parse_qs, quote, urlencode

# What a results page's address may hold (``hl`` is added by the builder itself).
SEARCH_PARAMS = ("q", "country", "language", "topic", "year", "type", "region", "group", "from", "to",
                 "sort", "page", "xl")


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

    def feed(self, params):
        """The Atom feed of a search: no ``hl``, a feed is read by programs."""
        return "/feed" + ("?" + urlencode(params, doseq=True) if params else "")

    def absolute(self, path):
        return self.base + path
