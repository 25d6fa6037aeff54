"""The Bottle application: routes only. Search logic is in ``search``, labels in ``labels``."""
import datetime
import json
import os
import re
from pathlib import Path
from urllib.parse import urlencode

import bottle
from bottle import Bottle, HTTPResponse, request, response, static_file, template

from indexer.snapshots import NoIndex
from search_web import admin, i18n, labels, search
from search_web.snapshot import SnapshotHandle

HERE = Path(__file__).parent
TEMPLATES = [str(HERE / "templates")]
INTERFACE_LANGUAGES = i18n.LANGUAGES
JSON_TYPE = "application/json; charset=utf-8"
# Message ids of the document statuses, as the interface shows them.
STATUS_LABELS = {"ok": "readable", "empty": "empty", "needs_ocr": "scanned, needs OCR", "failed": "unreadable"}
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
# Sent on every answer, error pages and Bottle's own last-resort page included. X-Frame-Options says
# what frame-ancestors says, for browsers that predate CSP 2.
SECURITY_HEADERS = (("Content-Security-Policy", CSP), ("X-Content-Type-Options", "nosniff"),
                    ("Referrer-Policy", "same-origin"), ("X-Frame-Options", "DENY"))
CORS_HEADERS = {"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
                "Access-Control-Allow-Headers": "*", "Access-Control-Max-Age": "86400"}
# Originals are the senders' files, not ours: only a PDF opens in the browser; every other file is a
# download of a type no browser runs (a corpus .js served as text/javascript would pass script-src 'self').
DOWNLOAD_TYPES = {"pdf": "application/pdf",
                  "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
INLINE_FORMATS = {"pdf"}
# Characters XML 1.0 forbids even as references: a document title or a query holding one would make a
# feed that no reader parses.
NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def create_app(config=None):
    """A new application; ``config`` keys: ``search.index`` (index dir), ``search.corpus`` (optional
    corpus dir for downloads and /admin; default: the corpus the live snapshot was built from),
    ``search.threads`` (threads that run searches, as many as the server has), ``search.admin_users``
    (accounts file: /admin is off without one), ``search.admin_session_minutes``,
    ``search.max_upload_mb``."""
    app = Bottle()
    app.config.update({"search.index": "var/index/", "search.corpus": "", "search.admin_users": "",
                       "search.admin_session_minutes": 60, "search.max_upload_mb": 50,
                       "search.public_url": os.environ.get("SEARCH_PUBLIC_URL", ""),
                       "search.time_budget": env_seconds("SEARCH_TIME_BUDGET", 10.0), "search.threads": 2})
    app.config.update(config or {})
    handle = SnapshotHandle(app.config["search.index"])
    # Searches run in the budget's threads, and each thread opens a searcher of its own: as many as
    # the server has threads, not more (more only add searchers, not speed, under the GIL).
    budget = search.Budget(app.config["search.time_budget"], threads=app.config["search.threads"])
    app.wsgi = with_security_headers(app.wsgi)

    def live():
        try:
            return handle.get()
        except NoIndex:
            raise HTTPResponse(status=503, body=page("error.tpl", title=tr("No index yet"),
                               message=tr("The search index has not been built yet. Run `python -m indexer build`.")))

    def page(name, **values):
        hl = interface_language()
        t = i18n.translations(hl)
        values.setdefault("hl", hl)
        values.setdefault("dir_for", labels.direction)
        values.setdefault("q", "")
        return template(name, template_lookup=TEMPLATES, _=t.gettext, ngettext=t.ngettext,
                        status_label=lambda status: t.gettext(STATUS_LABELS.get(status, status)), **values)

    @app.hook("after_request")
    def cors_headers():
        if request.path.startswith("/api/"):
            response.set_header("Access-Control-Allow-Origin", "*")

    @app.route("/api/<path:path>", method="OPTIONS")
    def api_preflight(path):
        """A CORS preflight: what other sites' scripts may ask of the API."""
        return HTTPResponse(status=204, headers=CORS_HEADERS)

    def public_base():
        """The site's address for absolute URLs: the configured public URL, else the address the
        server listens on; never the request's Host header, which the client writes."""
        return app.config["search.public_url"].rstrip("/") or server_base(request.environ)

    def read_request():
        return search.SearchRequest.from_params(query_one, query_all, hl=interface_language())

    def view(result, current, report):
        """Add labels and toggle URLs to the facet values, for the page and the API alike."""
        hl = interface_language()
        result["notices"] = [tr(message) % values for message, values in result["notices"]]
        for facet, values in result["facets"].items():
            for v in values:
                v["label"] = labels.label(facet, v["value"], report, hl)
                v["toggle_url"] = toggle_url(current, facet, v["value"])
        for r in result["results"]:
            label_result(r, hl, report)
            # The page link carries the query, so the document page can mark the words found.
            r["link"] = r["url"] + ("?" + urlencode({"q": current["q"]}) if current.get("q") else "")
        return result

    @app.get("/")
    def home():
        lv = live()
        result = view(search.run(lv, search.SearchRequest(sort="added")), current_params(search.SearchRequest()),
                      lv.report)
        return page("home.tpl", title=tr("Policy documents"), result=result, report=lv.report, feed_url="/feed",
                    latest_url="/search?" + urlencode({"sort": "added", **({"hl": query_one("hl")}
                                                                           if query_one("hl") in INTERFACE_LANGUAGES else {})}))

    def searched(newest_first=False):
        """Run the search the request's parameters describe: ``(request, its parameters, result)``."""
        lv = live()
        req = read_request()
        if newest_first and req.sort == "relevance":
            req.sort = "added"
        current = current_params(req)
        try:
            result = budget.run(search.run, lv, req)
        except search.OverBudget:
            raise over_budget()
        return req, current, view(result, current, lv.report)

    def over_budget():
        """503 with Retry-After: the search was stopped at its time budget, the server stays free."""
        headers = {"Retry-After": str(search.RETRY_AFTER)}
        message = tr("This search takes too long. Try fewer words or filters, or try again in a moment.")
        if request.path.startswith("/api/") or request.path == "/feed":
            return HTTPResponse(status=503, body=json_error(503, message), headers={**headers, "Content-Type": JSON_TYPE})
        return HTTPResponse(status=503, body=page("error.tpl", title=tr("Search"), message=message), headers=headers)

    def found(doc_id):
        """The document; for an id that moved, a 301 to its new address; for a withdrawn one, a 410
        with what it was; else a 404 page (JSON for the API)."""
        lv = live()
        doc = search.document(lv, doc_id)
        if doc is None:
            moved_to = lv.report.get("aliases", {}).get(doc_id)
            if moved_to:
                prefix = "/api/v1/doc/" if request.path.startswith("/api/") else "/doc/"
                rest = request.path[len(prefix) + len(doc_id):]   # "/file", or nothing
                location = prefix + moved_to + rest + ("?" + request.query_string if request.query_string else "")
                raise HTTPResponse(status=301, headers={"Location": location})
            withdrawn = lv.report.get("withdrawn", {}).get(doc_id)
            if withdrawn:
                raise gone(withdrawn)
            if request.path.startswith("/api/"):
                raise HTTPResponse(status=404, body=json_error(404, f"no document with id {doc_id!r}"),
                                   headers={"Content-Type": JSON_TYPE})
            raise HTTPResponse(status=404, body=page("error.tpl", title=tr("Not found"),
                                                     message=tr("No document has the id “%(id)s”.") % {"id": doc_id}))
        return doc

    def gone(withdrawn):
        """410 Gone: the document was withdrawn; say what it was and when."""
        when = withdrawn.get("withdrawn", "")[:10]
        # not to be cached: a rollback or a new row brings the document back
        headers = {"Cache-Control": "no-cache"}
        if request.path.startswith("/api/"):
            body = json.dumps({"ok": False, "status": 410, "error": f"document {withdrawn['id']!r} was withdrawn on {when}",
                               "withdrawn": withdrawn}, ensure_ascii=False)
            return HTTPResponse(status=410, body=body, headers=dict(headers, **{"Content-Type": JSON_TYPE}))
        hl = interface_language()
        return HTTPResponse(status=410, headers=headers, body=page(
            "gone.tpl", title=tr("Document withdrawn"), doc=withdrawn, when=when,
            country_label=labels.country(withdrawn.get("country", ""), hl)))

    @app.get("/search")
    def search_page():
        req, current, result = searched()
        return page("search.tpl", title=(req.q + " – " if req.q else "") + tr("Search"), result=result,
                    feed_url="/feed?" + urlencode(current, doseq=True),
                    q=req.q, current=current, page_url=lambda n: "/search?" + urlencode({**current, "page": n}, doseq=True),
                    sort_url=lambda s: "/search?" + urlencode({**current, "sort": s}, doseq=True),
                    without_filters="/search?" + urlencode({"q": req.q}),
                    suggestion_url="/search?" + urlencode({**current, "q": result["suggestion"] or ""}, doseq=True),
                    no_expansion_url="/search?" + urlencode({**current, "xl": "0"}, doseq=True),
                    expansion_url="/search?" + urlencode({k: v for k, v in current.items() if k != "xl"}, doseq=True))

    @app.get("/api/v1/search")
    def api_search():
        problems = read_request().problems
        if problems:
            # A program sent this: tell it what is wrong rather than answer another question.
            raise HTTPResponse(status=400, body=json_error(400, "; ".join(problems)),
                               headers={"Content-Type": JSON_TYPE})
        _, _, result = searched()
        # Page links are for the HTML page; other sites build their own from the parameters.
        for values in result["facets"].values():
            for v in values:
                v.pop("toggle_url", None)
        for r in result["results"]:
            r.pop("link", None)
            r.pop("also_in", None)
            r.pop("type_label", None)
        return json_response(result)

    @app.get("/doc/<doc_id>")
    def doc_page(doc_id):
        doc = found(doc_id)
        report = live().report
        hl = interface_language()
        label_result(doc, hl, report)
        doc["topic_labels"] = [(t, labels.topic(t, report.get("topics", {}), hl)) for t in doc["topics"]]
        doc["languages_labelled"] = [dict(lang, label=labels.language(lang["code"], hl)) for lang in doc["languages"]]
        req = read_request()
        more = [label_result(r, hl, report) for r in search.more_like_this(live(), doc)]
        doc["text"], parts, first_page = search.text_part(doc["text"], _whole_number(query_one("part")))
        part = min(max(1, _whole_number(query_one("part"))), parts)

        def part_url(n):
            return f"/doc/{doc_id}?" + urlencode({k: v for k, v in (("q", req.q), ("part", n)) if v})
        return page("doc.tpl", title=doc["title"], doc=doc, more=more, searched=req.q, part=part, parts=parts,
                    part_url=part_url, first_page=first_page + 1,
                    pages=search.marked_paragraphs(live(), doc, req.q, hl, req.expand))

    @app.get("/api/v1/doc/<doc_id>")
    def api_doc(doc_id):
        return json_response(found(doc_id))

    @app.get("/doc/<doc_id>/file")
    def doc_file(doc_id):
        doc = found(doc_id)
        root = Path(app.config["search.corpus"] or live().report.get("corpus", "corpus")).resolve()
        path = (root / doc["file"]).resolve()
        # The path comes from our own manifest, never from the request; still, never leave the corpus.
        if not path.is_relative_to(root) or not path.is_file():
            return not_found(tr("The original file of this document is no longer in the collection."))
        return download(path, root, doc["format"])

    @app.get("/opensearch.xml")
    def opensearch():
        response.content_type = "application/opensearchdescription+xml; charset=utf-8"
        return xml_safe(template("opensearch.tpl", template_lookup=TEMPLATES, base=public_base()))

    @app.get("/feed")
    def feed():
        req, current, result = searched(newest_first=True)  # a feed reader wants what was added last first
        base = public_base()
        response.content_type = "application/atom+xml; charset=utf-8"
        return xml_safe(template("feed.tpl", template_lookup=TEMPLATES, result=result, base=base, q=req.q,
                        self_url=base + "/feed?" + urlencode(current, doseq=True),
                        html_url=base + "/search?" + urlencode(current, doseq=True),
                        updated=live().report.get("built_at", ""), atom_date=atom_date))

    @app.get("/healthz")
    def healthz():
        try:
            lv = handle.get()
        except NoIndex as ex:
            return json_response({"ok": False, "error": str(ex), "status": 503}, status=503)
        return json_response({"ok": True, "snapshot": lv.name, "documents": search.facet_sets(lv).documents,
                              "built_at": lv.report.get("built_at")})

    @app.get("/static/<name:path>")
    def static(name):
        return static_file(name, root=str(HERE / "static"))

    @app.error(404)
    def error404(err):
        if request.path.startswith("/api/"):
            return json_error(404, "not found")
        return page("error.tpl", title=tr("Not found"), message=tr("There is no page at this address."))

    @app.error(405)
    def error405(err):
        allowed = err.headers.get("Allow", "GET") if err.headers else "GET"
        if {m.strip() for m in allowed.split(",")} <= {"OPTIONS"}:   # only the preflight route matched
            response.status = 404
            return error404(err)
        response.set_header("Allow", allowed)
        if request.path.startswith("/api/"):
            response.set_header("Access-Control-Allow-Origin", "*")
            return json_error(405, f"method {request.method} is not allowed here; use {allowed}")
        return page("error.tpl", title=tr("Not found"), message=tr("There is no page at this address."))

    @app.error(500)
    def error500(err):
        if request.path.startswith("/api/"):
            return json_error(500, "internal error; the problem has been logged")
        return page("error.tpl", title=tr("Something went wrong"),
                    message=tr("Something went wrong on our side. Please try again."))

    def not_found(message):
        response.status = 404
        return page("error.tpl", title=tr("Not found"), message=message)

    admin.mount(app, page, live, tr, interface_language)
    return app


def tr(message):
    """``message`` in the interface language of the current request."""
    return i18n.translations(interface_language()).gettext(message)


def label_result(r, hl, report):
    r["country_label"] = labels.country(r["country"], hl)
    r["language_label"] = labels.language(r["language"], hl)
    r["type_label"] = labels.topic(r["type"], report.get("types", {}), hl) if r.get("type") else ""
    # each version named in its own language ("Français · العربية"), as a visitor who reads it looks for it
    r["also_in"] = [dict(v, label=labels.autonym(v["language"]), url="/doc/" + v["id"]) for v in r.get("versions", [])]
    return r


def _whole_number(text):
    try:
        return int(text or 1)
    except ValueError:
        return 1


def query_all(name):
    """Every value of a query parameter, decoded as UTF-8. Bottle hands values over as latin-1 native
    strings and its own ``decode()`` raises on the first byte that is not UTF-8; a visitor's broken
    link deserves a replacement character, not an error."""
    return [v.encode("latin-1", "replace").decode("utf-8", "replace") for v in request.query.getall(name)]


def query_one(name):
    values = query_all(name)
    return values[-1] if values else None


def interface_language():
    """``hl=`` when it names an interface language, else the best of Accept-Language, else English."""
    hl = (query_one("hl") or "").strip().lower()
    if hl in INTERFACE_LANGUAGES:
        return hl
    for part in header("HTTP_ACCEPT_LANGUAGE").split(","):
        code = part.split(";")[0].strip().lower().split("-")[0]
        if code in INTERFACE_LANGUAGES:
            return code
    return "en"


def current_params(req):
    params = {}
    if req.q:
        params["q"] = req.q
    for facet, values in req.filters.items():
        params[facet] = list(values)
    for name, value in zip(("from", "to"), req.dates):
        if value:
            params[name] = value
    if req.sort != "relevance":
        params["sort"] = req.sort
    if not req.expand:
        params["xl"] = "0"
    hl = query_one("hl")
    if hl in INTERFACE_LANGUAGES:
        params["hl"] = hl
    return params


def toggle_url(current, facet, value):
    params = {k: (list(v) if isinstance(v, list) else v) for k, v in current.items()}
    values = params.get(facet, [])
    params[facet] = [v for v in values if v != value] if value in values else values + [value]
    if not params[facet]:
        del params[facet]
    return "/search?" + urlencode(params, doseq=True)


def atom_date(date, fallback):
    """An RFC 3339 time for a manifest date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``); the fallback
    for anything that is not a real day (an index built before dates were checked may hold 2023-02-31)."""
    if not date:
        return fallback
    day = (date + "-01-01"[len(date) - 4:])[:10]
    try:
        datetime.date.fromisoformat(day)
    except ValueError:
        return fallback
    return day + "T00:00:00Z"


def env_seconds(name, default):
    raw = os.environ.get(name) or ""
    try:
        return float(raw) if raw else default
    except ValueError:
        raise SystemExit(f"{name}={raw!r} is not a number of seconds; unset it or give a value like {default}")


def header(key):
    """A request header from the WSGI environ, as text. Bottle's ``request.headers`` raises on bytes
    that are not UTF-8, and a header nobody can read is a header not sent."""
    raw = request.environ.get(key, "")
    try:
        return raw.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return ""


def server_base(environ):
    """``scheme://host:port`` of the address the server listens on (the WSGI server's own names)."""
    scheme = environ.get("wsgi.url_scheme", "http")
    host, port = environ.get("SERVER_NAME", "127.0.0.1"), environ.get("SERVER_PORT", "")
    default = {"http": "80", "https": "443"}.get(scheme)
    return f"{scheme}://{host}" + (f":{port}" if port and port != default else "")


def xml_safe(text):
    return NOT_XML.sub("", text)


def download(path, root, fmt):
    """The original file: a PDF inline, anything else as an attachment, of a type no browser runs."""
    resp = static_file(os.path.relpath(path, root), root=str(root),
                       mimetype=DOWNLOAD_TYPES.get(fmt, "application/octet-stream"))
    disposition = "inline" if fmt in INLINE_FORMATS else "attachment"
    # filename* is percent-encoded, so no name (a newline, a quote) can break the header.
    resp.set_header("Content-Disposition", f"{disposition}; filename*=UTF-8''" + bottle.urlquote(path.name))
    return resp


def with_security_headers(wsgi):
    """``wsgi`` with the security headers added to every answer, including the pages Bottle writes
    itself when an error handler fails."""
    def secured(environ, start_response):
        def start(status, headers, exc_info=None):
            present = {name.lower() for name, _ in headers}
            headers = list(headers) + [(n, v) for n, v in SECURITY_HEADERS if n.lower() not in present]
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)
        return wsgi(environ, start)
    return secured


def json_response(data, status=200):
    response.status = status
    response.content_type = JSON_TYPE
    return json.dumps(data, ensure_ascii=False)


def json_error(status, message):
    """The one shape of every JSON error; the caller sets the status."""
    response.content_type = JSON_TYPE
    return json.dumps({"ok": False, "error": message, "status": status})
