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
from search_web import (admin, embed, exports, facet_view, filter_values, labels, passage_language,
                        public_notices, result_cache, search, sitemap, structured_data)
from search_web.caching import cached
from search_web.problems import Problem, not_found
from search_web.snapshot import SnapshotHandle
from search_web.web_request import context, query_all, query_one, whole_number

HERE = Path(__file__).parent
TEMPLATES = [str(HERE / "templates")]
JSON_TYPE = "application/json; charset=utf-8"
# Message ids of the document statuses, as the interface shows them.
STATUS_LABELS = {"ok": "readable", "empty": "no text", "needs_ocr": "scan, not yet readable", "failed": "unreadable"}
CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
# Sent on every answer, error pages and Bottle's own last-resort page included. X-Frame-Options says
# what frame-ancestors says, for browsers that predate CSP 2.
SECURITY_HEADERS = (("Content-Security-Policy", CSP), ("X-Content-Type-Options", "nosniff"),
                    ("Referrer-Policy", "same-origin"), ("X-Frame-Options", "DENY"))
# Read by other sites' scripts as well as the API: a partner's page shows our feed, a browser adds our search.
CORS_PATHS = ("/feed", "/opensearch.xml")
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
    ``search.max_upload_mb``, ``search.shared_cache_mb`` (the result cache the server processes share,
    per snapshot; 0: none), ``search.originals_via`` (the path of a web server's internal location
    that serves the corpus directory: original files are then sent by it, see deploy/nginx.conf)."""
    app = Bottle()
    app.config.update({"search.index": "var/index/", "search.corpus": "", "search.admin_users": "",
                       "search.admin_session_minutes": 60, "search.max_upload_mb": 50,
                       "search.public_url": os.environ.get("SEARCH_PUBLIC_URL", ""),
                       "search.time_budget": env_seconds("SEARCH_TIME_BUDGET", 10.0), "search.threads": 2,
                       "search.sitemap_page": int(env_seconds("SEARCH_SITEMAP_PAGE", sitemap.PAGE_SIZE, "addresses")),
                       "search.shared_cache_mb": env_seconds("SEARCH_SHARED_CACHE_MB", result_cache.SHARED_MB, "megabytes"),
                       "search.originals_via": os.environ.get("SEARCH_ORIGINALS_VIA", "")})
    app.config.update(config or {})
    app.snapshot_handle = SnapshotHandle(app.config["search.index"], app.config["search.shared_cache_mb"])
    # Searches run in the budget's threads, and each thread opens a searcher of its own: as many as
    # the server has threads, not more (more only add searchers, not speed, under the GIL).
    budget = search.Budget(app.config["search.time_budget"], threads=app.config["search.threads"])
    app.install(answer_problems)
    app.wsgi = with_security_headers(app.wsgi)

    @app.hook("after_request")
    def cors_headers():
        if request.path.startswith("/api/") or request.path in CORS_PATHS:
            response.set_header("Access-Control-Allow-Origin", "*")

    @app.route("/api/<path:path>", method="OPTIONS")
    def api_preflight(path):
        """A CORS preflight: what other sites' scripts may ask of the API."""
        return HTTPResponse(status=204, headers=CORS_HEADERS)

    @app.get("/")
    def home():
        ctx = context()
        result = view(ctx, search.run(ctx.live, search.SearchRequest(sort="added")), {})
        return page("home.tpl", title=ctx.tr("Policy documents"), result=result, report=ctx.live.report,
                    feed_url=ctx.url.feed({}), latest_url=ctx.url.search(sort="added"), **facet_links(ctx, result, {}))

    def searched(newest_first=False, refuse=False, most=None, whole=False):
        """Run the search the request's parameters describe: ``(request, its parameters, result)``.
        ``refuse``: a malformed value is a 400 (for programs), not a repaired search with a notice;
        ``most`` caps the page size; ``whole``: one page of up to ``most`` results, without snippets."""
        ctx = context()
        req = search.SearchRequest.from_params(query_one, query_all, hl=ctx.hl)
        req.filters, problems, notices = filter_values.check(req.filters, ctx.live)
        req.problems += problems
        req.notices += notices
        if refuse and req.problems:
            # A program sent this: tell it what is wrong rather than answer another question.
            raise Problem(400, "Search", "; ".join(req.problems))
        if newest_first and req.sort == "relevance":
            req.sort = "added"
        params = search_params(req)
        if whole:
            req.page, req.page_size, req.snippets = 1, most, False
        elif most:
            req.page_size = min(req.page_size, most)
        try:
            result, where = budget.run(search.looked_up, ctx.live, req)
            response.set_header("X-Cache", where)   # miss, memory or shared: which cache answered, if any
        except search.OverBudget:
            raise Problem(503, "Search", "This search takes too long. Try fewer words or filters, or try again in a moment.",
                          headers={"Retry-After": str(search.RETRY_AFTER)})
        return req, params, view(ctx, result, params)

    def found(doc_id):
        """The document; for an id that moved, a 301 to its new address; for a withdrawn one, a 410
        with what it was; else a 404."""
        ctx = context()
        doc = search.document(ctx.live, doc_id)
        if doc is not None:
            return doc
        moved_to = ctx.live.report.get("aliases", {}).get(doc_id)
        if moved_to:
            prefix = "/api/v1/doc/" if ctx.path.startswith("/api/") else "/doc/"
            rest = ctx.path[len(prefix) + len(doc_id):]   # "/file", or nothing
            location = prefix + moved_to + rest + ("?" + request.query_string if request.query_string else "")
            raise HTTPResponse(status=301, headers={"Location": location})
        withdrawn = ctx.live.report.get("withdrawn", {}).get(doc_id)
        if withdrawn:
            raise gone(ctx, withdrawn)
        raise not_found(ctx.tr("No document has the id “%(id)s”.") % {"id": doc_id},
                        api_message=f"no document with id {doc_id!r}", translate=False)

    @app.get("/search")
    def search_page():
        ctx = context()
        req, params, result = searched()
        url = ctx.url
        # One address per result page: the search's own parameters, not a link's tracking or page=1.
        canonical = url.canonical("/search", {**params, "page": str(req.page) if req.page > 1 else None,
                                              "hl": ctx.explicit_hl})
        return page("search.tpl", title=(req.q + " – " if req.q else "") + ctx.tr("Search"), result=result,
                    feed_url=url.feed(params), q=req.q, current=params, canonical=canonical,
                    page_url=lambda n: url.search(params, page=n), sort_url=lambda s: url.search(params, sort=s),
                    export_url=lambda fmt: url.export(fmt, params), embed_snippet=embed.snippet(url, params),
                    without_filters=url.search(q=req.q),
                    suggestion_url=url.search(params, q=result["suggestion"] or ""),
                    no_expansion_url=url.search(params, xl="0"),
                    expansion_url=url.search({k: v for k, v in params.items() if k != "xl"}),
                    **facet_links(ctx, result, params))

    @app.get("/api/v1/search")
    @cached()
    def api_search():
        ctx = context()
        _, _, result = searched(refuse=True)
        # Page links are for the HTML page; other sites build their own from the parameters.
        for v in [v for values in result["facets"].values() for v in values] + result["recognised"]:
            v.pop("toggle_url", None)
        for r in result["results"]:
            r.pop("link", None)
            absolute_links(ctx, r)
            r.pop("also_in", None)
            r.pop("type_label", None)
        return json_response(result)

    # Before /doc/<doc_id>, which would take "x.ris" for an id.
    @app.get("/doc/<doc_id>.<fmt:re:ris|bib|json>")
    @cached()
    def doc_export(doc_id, fmt):
        ctx = context()
        return export_answer(fmt, [exports.item(found(doc_id), ctx.url, ctx.hl)], doc_id)

    @app.get("/export.<fmt:re:csv|ris|bib|json>")
    @cached()
    def search_export(fmt):
        ctx = context()
        _, _, result = searched(refuse=True, most=exports.MAX_RESULTS, whole=True)
        return export_answer(fmt, [exports.item(r, ctx.url, ctx.hl) for r in result["results"]], "search")

    @app.get("/embed")
    @cached()
    def embed_list():
        ctx = context()
        req, params, result = searched(most=embed.MAX_RESULTS)
        response.set_header("Content-Security-Policy", embed.csp(CSP))
        for r in result["results"]:
            r["link_absolute"] = ctx.url.permalink(r["id"])
        everything = {k: v for k, v in params.items() if k != "page_size"}   # "View all" is the whole list
        return page("embed.tpl", title=(req.q + " – " if req.q else "") + ctx.tr("Search"), result=result,
                    all_url=ctx.url.absolute(ctx.url.search(everything)))

    @app.get("/sitemap.xml")
    @cached()
    def sitemap_xml():
        ctx = context()
        asked = query_one("page")
        xml = sitemap.sitemap(ctx.live.report, ctx.url, whole_number(asked, 0) if asked else None,
                              app.config["search.sitemap_page"])
        if xml is None:
            raise not_found("This sitemap has fewer pages.")
        response.content_type = "application/xml; charset=utf-8"
        return xml_safe(xml)

    @app.get("/doc/<doc_id>")
    def doc_page(doc_id):
        ctx = context()
        doc = found(doc_id)
        hl = ctx.hl
        label_result(doc, ctx)
        doc["topic_labels"] = [(t, labels.topic(t, ctx.topics, hl)) for t in doc["topics"]]
        doc["languages_labelled"] = [dict(lang, label=labels.language(lang["code"], hl)) for lang in doc["languages"]]
        req = search.SearchRequest.from_params(query_one, query_all, hl=hl)
        more = [label_result(r, ctx) for r in search.more_like_this(ctx.live, doc)]
        for r in more:
            r["link"] = ctx.url.doc(r["id"])
        doc["text"], parts, first_page = search.text_part(doc["text"], whole_number(query_one("part")))
        part = min(max(1, whole_number(query_one("part"))), parts)
        pages = search.marked_paragraphs(ctx.live, doc, req.q, hl, req.expand)
        back = query_one("back") or ""
        return page("doc.tpl", title=doc["title"], doc=doc, more=more, searched=req.q, q=req.q, part=part, parts=parts,
                    json_ld=structured_data.script_json(structured_data.document(doc, ctx.url)),
                    part_url=lambda n: ctx.url.doc(doc_id, q=req.q, part=n, back=back), first_page=first_page + 1,
                    unmarked_url=ctx.url.doc(doc_id, back=back), back_url=ctx.url.back(back) if back else "",
                    notices=[ctx.tr(message) for message in public_notices.for_document(doc)],
                    pages=[list(zip(paragraphs, codes)) for paragraphs, codes
                           in zip(pages, passage_language.of_paragraphs(pages, doc))])

    @app.get("/api/v1/doc/<doc_id>")
    @cached()
    def api_doc(doc_id):
        return json_response(absolute_links(context(), found(doc_id)))

    @app.get("/doc/<doc_id>/file")
    def doc_file(doc_id):
        doc = found(doc_id)
        root = Path(app.config["search.corpus"] or context().live.report.get("corpus", "corpus")).resolve()
        path = (root / doc["file"]).resolve()
        # The path comes from our own manifest, never from the request; still, never leave the corpus.
        if not path.is_relative_to(root) or not path.is_file():
            raise not_found("The original file of this document is no longer in the collection.")
        return download(path, root, doc["format"], app.config["search.originals_via"])

    @app.get("/opensearch.xml")
    def opensearch():
        response.content_type = "application/opensearchdescription+xml; charset=utf-8"
        return xml_safe(template("opensearch.tpl", template_lookup=TEMPLATES, base=context().url.base))

    @app.get("/feed")
    @cached()
    def feed():
        ctx = context()
        req, params, result = searched(newest_first=True)  # a feed reader wants what was added last first
        base = ctx.url.base
        response.content_type = "application/atom+xml; charset=utf-8"
        return xml_safe(template("feed.tpl", template_lookup=TEMPLATES, result=result, base=base, q=req.q,
                        self_url=base + ctx.url.feed(params, req.page), paging=feed_paging(ctx, params, result),
                        html_url=base + "/search?" + urlencode(params, doseq=True),
                        updated=ctx.live.report.get("built_at", ""), atom_date=atom_date))

    @app.get("/healthz")
    def healthz():
        try:
            lv = app.snapshot_handle.get()
        except NoIndex as ex:
            return json_response({"ok": False, "error": str(ex), "status": 503}, status=503)
        return json_response({"ok": True, "snapshot": lv.name, "documents": search.facet_sets(lv).documents,
                              "built_at": lv.report.get("built_at")})

    @app.get("/static/<name:path>")
    def static(name):
        return static_file(name, root=str(HERE / "static"))

    @app.error(404)
    def error404(err):
        return answer(not_found())

    @app.error(405)
    def error405(err):
        allowed = err.headers.get("Allow", "GET") if err.headers else "GET"
        if {m.strip() for m in allowed.split(",")} <= {"OPTIONS"}:   # only the preflight route matched
            return answer(not_found())
        headers = {"Allow": allowed}
        if request.path.startswith("/api/"):
            headers["Access-Control-Allow-Origin"] = "*"
        return answer(Problem(405, "Not found", "There is no page at this address.", headers=headers,
                              api_message=f"method {request.method} is not allowed here; use {allowed}"))

    @app.error(500)
    def error500(err):
        return answer(Problem(500, "Something went wrong", "Something went wrong on our side. Please try again.",
                              api_message="internal error; the problem has been logged"))

    admin.mount(app, page, lambda: context().live, tr, lambda: context().hl)
    return app


def page(name, **values):
    """Template ``name`` rendered in the request's interface language, with the URL builder."""
    ctx = context()
    t = ctx.translations
    values.setdefault("hl", ctx.hl)
    values.setdefault("url", ctx.url)
    values.setdefault("dir_for", labels.direction)
    values.setdefault("q", "")
    values.setdefault("canonical", ctx.url.canonical(ctx.path, {k: query_all(k) for k in request.query}))
    values.setdefault("languages", ctx.languages())
    return template(name, template_lookup=TEMPLATES, _=t.gettext, ngettext=t.ngettext,
                    status_label=lambda status: t.gettext(STATUS_LABELS.get(status, status)), **values)


def answer(problem):
    """The one error answer: JSON for the API and the feed, a page for people; same status and headers."""
    ctx = context()
    response.status = problem.status
    for name, value in problem.headers.items():
        response.set_header(name, value)
    if ctx.wants_json:
        response.content_type = JSON_TYPE
        return json.dumps({"ok": False, "error": problem.api_message, "status": problem.status, **problem.extra},
                          ensure_ascii=False)
    response.content_type = "text/html; charset=utf-8"
    tr = ctx.tr if problem.translate else str
    return page(problem.template, title=ctx.tr(problem.title), message=tr(problem.message), **problem.values)


def answer_problems(callback):
    """Bottle plugin: a route that raises :class:`Problem` answers with :func:`answer`."""
    def route(*args, **kwargs):
        try:
            return callback(*args, **kwargs)
        except Problem as problem:
            body = answer(problem)
            return HTTPResponse(body=body, status=problem.status, headers=dict(response.headerlist))
    return route


def gone(ctx, withdrawn):
    """410 Gone: the document was withdrawn; say what it was and when. Not to be cached: a rollback or
    a new row brings the document back."""
    when = withdrawn.get("withdrawn", "")[:10]
    return Problem(410, "Document withdrawn", "", headers={"Cache-Control": "no-cache"},
                   api_message=f"document {withdrawn['id']!r} was withdrawn on {when}", extra={"withdrawn": withdrawn},
                   template="gone.tpl", values={"doc": withdrawn, "when": when,
                                                "country_label": labels.country(withdrawn.get("country", ""), ctx.hl)})


def view(ctx, result, params):
    """Add labels and links to the facet values and results, for the page and the API alike."""
    hl = ctx.hl
    result["notices"] = [ctx.tr(message) % values for message, values in result["notices"]]
    facet_view.prepare(result["facets"], ctx.live.report, hl, ctx.tr,
                       lambda facet, value: ctx.url.toggle(params, facet, value))
    for named in result["recognised"]:
        named.update(label=labels.label(named["facet"], named["value"], ctx.live.report, hl),
                     toggle_url=ctx.url.toggle(params, named["facet"], named["value"]))
    for fewer in result["fewer_words"]:
        fewer["url"] = ctx.url.search(params, q=fewer["q"])
    came_from = dict(params, page=result["page"]) if result["page"] > 1 else params
    for r in result["results"]:
        label_result(r, ctx)
        # The page link carries the query, so the document page can mark the words found, and the
        # search it came from, so it can lead back to it.
        r["link"] = ctx.url.doc(r["id"], q=params.get("q"), search=came_from)
    return result


def facet_links(ctx, result, params):
    """What ``_facets.tpl`` needs: the values shown (all of them for ``more=<facet>``) and the
    links to show more or fewer, keeping the search."""
    more = query_one("more") or ""
    return {"facets": facet_view.shown(result["facets"], more), "more": more, "top": facet_view.TOP,
            "more_url": lambda facet: ctx.url.search(params, more=facet), "fewer_url": ctx.url.search(params)}


def tr(message):
    """``message`` in the interface language of the current request."""
    return context().tr(message)


def search_params(req):
    """The query parameters that describe search ``req``, for its links (the builder adds ``hl``)."""
    params = {"q": req.q} if req.q else {}
    params.update((facet, list(values)) for facet, values in req.filters.items())
    params.update((name, value) for name, value in zip(("from", "to"), req.dates) if value)
    if req.sort != "relevance":
        params["sort"] = req.sort
    if not req.expand:
        params["xl"] = "0"
    if req.page_size != search.PAGE_SIZE:
        params["page_size"] = str(req.page_size)
    return params


def absolute_links(ctx, record):
    """A record's ``url`` and ``file_url`` as absolute addresses, for programs and other sites."""
    record["url"] = ctx.url.permalink(record["id"])
    record["file_url"] = ctx.url.absolute(ctx.url.file(record["id"]))
    return record


def export_answer(fmt, items, name):
    """An export file, as a download named after what it holds."""
    content_type, extension = exports.FORMATS[fmt]
    response.content_type = content_type
    response.set_header("Content-Disposition", f"attachment; filename*=UTF-8''{bottle.urlquote(name)}.{extension}")
    return exports.write(fmt, items)


def feed_paging(ctx, params, result):
    """RFC 5005 links of a feed page: ``(rel, absolute URL)`` for first, previous and next."""
    page, pages = result["page"], result["pages"]
    links = [("first", ctx.url.feed(params))]
    if 1 < page <= pages + 1:
        links.append(("previous", ctx.url.feed(params, page - 1)))
    if page < pages:
        links.append(("next", ctx.url.feed(params, page + 1)))
    return [(rel, ctx.url.absolute(href)) for rel, href in links]


def label_result(r, ctx):
    hl = ctx.hl
    r["country_label"] = labels.country(r["country"], hl)
    r["language_label"] = labels.language(r["language"], hl)
    r["type_label"] = labels.topic(r["type"], ctx.live.report.get("types", {}), hl) if r.get("type") else ""
    # each version named in its own language ("Français · العربية"), as a visitor who reads it looks for it
    r["also_in"] = [dict(v, label=labels.autonym(v["language"]), url=ctx.url.doc(v["id"])) for v in r.get("versions", [])]
    return r


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


def env_seconds(name, default, unit="seconds"):
    raw = os.environ.get(name) or ""
    try:
        return float(raw) if raw else default
    except ValueError:
        raise SystemExit(f"{name}={raw!r} is not a number of {unit}; unset it or give a value like {default}")


def xml_safe(text):
    return NOT_XML.sub("", text)


def download(path, root, fmt, via=""):
    """The original file: a PDF inline, anything else as an attachment, of a type no browser runs.
    With ``via``, the web server in front sends the file (``X-Accel-Redirect``): this process only
    decides which file, and is free for the next search at once."""
    mimetype = DOWNLOAD_TYPES.get(fmt, "application/octet-stream")
    if via:
        resp = HTTPResponse("", headers={"Content-Type": mimetype, "X-Accel-Redirect":
                                         via.rstrip("/") + "/" + bottle.urlquote(os.path.relpath(path, root))})
    else:
        resp = static_file(os.path.relpath(path, root), root=str(root), mimetype=mimetype)
    disposition = "inline" if fmt in INLINE_FORMATS else "attachment"
    # A PDF shown inline is still the sender's file: sandboxed, it runs nothing on our origin.
    resp.set_header("Content-Security-Policy", CSP + "; sandbox")
    # filename* is percent-encoded, so no name (a newline, a quote) can break the header.
    resp.set_header("Content-Disposition", f"{disposition}; filename*=UTF-8''" + bottle.urlquote(path.name))
    return resp


def with_security_headers(wsgi):
    """``wsgi`` with the security headers added to every answer, including the pages Bottle writes
    itself when an error handler fails."""
    def secured(environ, start_response):
        def start(status, headers, exc_info=None):
            present = {name.lower() for name, _ in headers}
            if any(n.lower() == "content-security-policy" and embed.FRAME_ANY in v for n, v in headers):
                present.add("x-frame-options")   # the embed list: DENY would contradict its policy
            headers = list(headers) + [(n, v) for n, v in SECURITY_HEADERS if n.lower() not in present]
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)
        return wsgi(environ, start)
    return secured


def json_response(data, status=200):
    response.status = status
    response.content_type = JSON_TYPE
    return json.dumps(data, ensure_ascii=False)
