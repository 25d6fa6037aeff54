"""Every link the site writes, in one place: page links keep the interface language (``hl``), and
absolute URLs start from the configured public address."""
from urllib.parse import urlencode


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

    def doc(self, doc_id, **params):
        return self._with("/doc/" + doc_id, params)

    def toggle(self, params, facet, value):
        """The search with ``value`` of ``facet`` added, or removed if it is selected."""
        values = list(params.get(facet, []))
        values = [v for v in values if v != value] if value in values else values + [value]
        return self.search({**params, facet: values})

    def feed(self, params):
        """The Atom feed of a search: no ``hl``, a feed is read by programs."""
        return "/feed" + ("?" + urlencode(params, doseq=True) if params else "")

    def absolute(self, path):
        return self.base + path
