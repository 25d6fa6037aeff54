"""The Bottle application: routes only. Search logic is in ``search``, labels in ``labels``."""
import json
import os
from pathlib import Path
from urllib.parse import urlencode

import bottle
from bottle import Bottle, HTTPResponse, request, response, static_file, template

from indexer.snapshots import NoIndex
from search_web import i18n, labels, search
from search_web.snapshot import SnapshotHandle

HERE = Path(__file__).parent
TEMPLATES = [str(HERE / "templates")]
INTERFACE_LANGUAGES = i18n.LANGUAGES
JSON_TYPE = "application/json; charset=utf-8"
# Message ids of the document statuses, as the interface shows them.
STATUS_LABELS = {"ok": "readable", "empty": "empty", "needs_ocr": "scanned, needs OCR", "failed": "unreadable"}
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")


def create_app(config=None):
    """A new application; ``config`` keys: ``search.index`` (index dir), ``search.corpus`` (optional
    corpus dir for downloads; default: the corpus the live snapshot was built from)."""
    app = Bottle()
    app.config.update({"search.index": "var/index/", "search.corpus": ""})
    app.config.update(config or {})
    handle = SnapshotHandle(app.config["search.index"])

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
    def security_headers():
        response.set_header("Content-Security-Policy", CSP)
        response.set_header("X-Content-Type-Options", "nosniff")
        response.set_header("Referrer-Policy", "same-origin")
        if request.path.startswith("/api/"):
            response.set_header("Access-Control-Allow-Origin", "*")

    def read_request():
        return search.SearchRequest.from_params(query_one, query_all, hl=interface_language())

    def view(result, current, topics):
        """Add labels and toggle URLs to the facet values, for the page and the API alike."""
        hl = interface_language()
        result["notices"] = [tr(message) % values for message, values in result["notices"]]
        for facet, values in result["facets"].items():
            for v in values:
                v["label"] = labels.label(facet, v["value"], topics, hl)
                v["toggle_url"] = toggle_url(current, facet, v["value"])
        for r in result["results"]:
            label_result(r, hl)
            # The page link carries the query, so the document page can mark the words found.
            r["link"] = r["url"] + ("?" + urlencode({"q": current["q"]}) if current.get("q") else "")
        return result

    @app.get("/")
    def home():
        lv = live()
        result = view(search.run(lv, search.SearchRequest()), current_params(search.SearchRequest()),
                      lv.report.get("topics", {}))
        return page("home.tpl", title=tr("Policy documents"), result=result, report=lv.report, feed_url="/feed")

    def searched(newest_first=False):
        """Run the search the request's parameters describe: ``(request, its parameters, result)``."""
        lv = live()
        req = read_request()
        if newest_first and req.sort == "relevance":
            req.sort = "newest"
        current = current_params(req)
        return req, current, view(search.run(lv, req), current, lv.report.get("topics", {}))

    def found(doc_id):
        """The document, or a 404 page (JSON for the API)."""
        doc = search.document(live(), doc_id)
        if doc is None:
            if request.path.startswith("/api/"):
                raise HTTPResponse(status=404, body=json_error(404, f"no document with id {doc_id!r}"),
                                   headers={"Content-Type": JSON_TYPE})
            raise HTTPResponse(status=404, body=page("error.tpl", title=tr("Not found"),
                                                     message=tr("No document has the id “%(id)s”.") % {"id": doc_id}))
        return doc

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
        return json_response(result)

    @app.get("/doc/<doc_id>")
    def doc_page(doc_id):
        doc = found(doc_id)
        topics = live().report.get("topics", {})
        hl = interface_language()
        doc["country_label"] = labels.country(doc["country"], hl)
        doc["language_label"] = labels.language(doc["language"], hl)
        doc["topic_labels"] = [(t, labels.topic(t, topics, hl)) for t in doc["topics"]]
        doc["languages_labelled"] = [dict(lang, label=labels.language(lang["code"], hl)) for lang in doc["languages"]]
        req = read_request()
        more = [label_result(r, hl) for r in search.more_like_this(live(), doc)]
        return page("doc.tpl", title=doc["title"], doc=doc, more=more, searched=req.q,
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
        resp = static_file(os.path.relpath(path, root), root=str(root), download=path.name)
        resp.set_header("Content-Disposition", "attachment; filename*=UTF-8''" + bottle.urlquote(path.name))
        return resp

    @app.get("/opensearch.xml")
    def opensearch():
        response.content_type = "application/opensearchdescription+xml; charset=utf-8"
        return template("opensearch.tpl", template_lookup=TEMPLATES, base=request.urlparts.scheme + "://" + request.urlparts.netloc)

    @app.get("/feed")
    def feed():
        req, current, result = searched(newest_first=True)  # a feed reader wants what is new first
        base = request.urlparts.scheme + "://" + request.urlparts.netloc
        response.content_type = "application/atom+xml; charset=utf-8"
        return template("feed.tpl", template_lookup=TEMPLATES, result=result, base=base, q=req.q,
                        self_url=base + "/feed?" + urlencode(current, doseq=True),
                        html_url=base + "/search?" + urlencode(current, doseq=True),
                        updated=live().report.get("built_at", ""), atom_date=atom_date)

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

    @app.error(500)
    def error500(err):
        if request.path.startswith("/api/"):
            return json_error(500, "internal error; the problem has been logged")
        return page("error.tpl", title=tr("Something went wrong"),
                    message=tr("Something went wrong on our side. Please try again."))

    def not_found(message):
        response.status = 404
        return page("error.tpl", title=tr("Not found"), message=message)

    return app


def tr(message):
    """``message`` in the interface language of the current request."""
    return i18n.translations(interface_language()).gettext(message)


def label_result(r, hl):
    r["country_label"] = labels.country(r["country"], hl)
    r["language_label"] = labels.language(r["language"], hl)
    return r


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
    for part in request.headers.get("Accept-Language", "").split(","):
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
    """An RFC 3339 time for a manifest date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)."""
    if not date:
        return fallback
    return (date + "-01-01"[len(date) - 4:])[:10] + "T00:00:00Z"


def json_response(data, status=200):
    response.status = status
    response.content_type = JSON_TYPE
    return json.dumps(data, ensure_ascii=False)


def json_error(status, message):
    """The one shape of every JSON error; the caller sets the status."""
    response.content_type = JSON_TYPE
    return json.dumps({"ok": False, "error": message, "status": status})
