"""What one request asks for, read once: its parameters, its interface language, its snapshot.

Routes get a :class:`Context` from :func:`context`; it is made on first use and kept in the WSGI
environ, so a page never spans two snapshots and never works out its language twice.
"""
import logging

from bottle import request

from indexer.snapshots import NoIndex
from search_web import i18n, negotiation
from search_web.problems import Problem
from search_web.urls import Urls

KEY = "clearinghouse.context"
log = logging.getLogger(__name__)


def context():
    """The current request's context (made on first use)."""
    ctx = request.environ.get(KEY)
    if ctx is None:
        ctx = request.environ[KEY] = Context(request.app)
    return ctx


class Context:
    """The interface language, the live snapshot (opened once, on first use), whether the answer is
    JSON, and the URL builder for links that keep the interface language."""

    def __init__(self, app):
        self.app = app
        self.path = request.path
        self.explicit_hl = requested_hl()
        self.hl = self.explicit_hl or negotiated_hl()
        # The API and the feed are read by programs: their errors are JSON, never a page.
        self.wants_json = self.path.startswith("/api/") or self.path == "/feed"
        self.translations = i18n.translations(self.hl)
        self.url = Urls(self.hl, public_base(app))
        self._live = None

    @property
    def live(self):
        if self._live is None:
            try:
                self._live = self.app.snapshot_handle.get()
            except NoIndex as ex:
                # Visitors are told to come back; what staff should run is in the log and /healthz.
                log.warning("no index to serve: %s", ex)
                raise Problem(503, "Not available yet", "The collection is not available yet. Please try again later.",
                              api_message="the search index has not been built yet", headers={"Retry-After": "60"})
        return self._live

    @property
    def topics(self):
        return self.live.report.get("topics", {})

    def tr(self, message):
        return self.translations.gettext(message)

    def languages(self):
        """``[(code, name, url, current)]``: this page in every interface language (the switcher)."""
        query = [(_text(k), _text(v)) for k, v in request.query.allitems() if k != "hl"]
        return [(code, i18n.native_name(code), self.url.here(self.path, query, code), code == self.hl)
                for code in i18n.LANGUAGES]


def query_all(name):
    """Every value of a query parameter, decoded as UTF-8. Bottle hands values over as latin-1 native
    strings and its own ``decode()`` raises on the first byte that is not UTF-8; a visitor's broken
    link deserves a replacement character, not an error."""
    return [_text(v) for v in request.query.getall(name)]


def _text(native):
    return native.encode("latin-1", "replace").decode("utf-8", "replace")


def query_one(name):
    values = query_all(name)
    return values[-1] if values else None


def requested_hl():
    """``hl=`` when it names an interface language, else ``None``."""
    hl = (query_one("hl") or "").strip().lower()
    return hl if hl in i18n.LANGUAGES else None


def negotiated_hl():
    """The interface language Accept-Language asks for most (q-weights, regional variants), else English."""
    return negotiation.negotiate(header("HTTP_ACCEPT_LANGUAGE"), i18n.LANGUAGES)


def header(key):
    """A request header from the WSGI environ, as text. Bottle's ``request.headers`` raises on bytes
    that are not UTF-8, and a header nobody can read is a header not sent."""
    raw = request.environ.get(key, "")
    try:
        return raw.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return ""


def public_base(app):
    """The site's address for absolute URLs: the configured public URL, else the address the server
    listens on; never the request's Host header, which the client writes."""
    return app.config["search.public_url"].rstrip("/") or server_base(request.environ)


def server_base(environ):
    """``scheme://host:port`` of the address the server listens on (the WSGI server's own names)."""
    scheme = environ.get("wsgi.url_scheme", "http")
    host, port = environ.get("SERVER_NAME", "127.0.0.1"), environ.get("SERVER_PORT", "")
    default = {"http": "80", "https": "443"}.get(scheme)
    return f"{scheme}://{host}" + (f":{port}" if port and port != default else "")


def whole_number(text, default=1):
    try:
        return int(text or default)
    except ValueError:
        return default
