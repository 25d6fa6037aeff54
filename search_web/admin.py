"""``/admin``: staff add, correct, withdraw and publish documents from a browser.

Off (every address a 404) unless ``search.admin_users`` (``SEARCH_ADMIN_USERS``) names an accounts
file with at least one account. Routes only: sign-in and sessions are ``admin_auth``, the work is
done by the indexer's own commands through ``admin_jobs``, the audit log is one JSON line per action.
"""
import json
import tempfile
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlencode

from bottle import HTTPResponse, request, response

from search_web import admin_auth, admin_jobs, labels

COOKIE = "admin_session"
LOGIN_COOKIE = "admin_login"
FIELDS = ("title", "country", "date", "language", "source_url", "type", "group")
NEAR_EMPTY_CHARS = 200


def mount(app, page, live, tr, interface_language):
    """Add the /admin routes to ``app``. ``page(template, **values)`` renders in the interface
    language, ``live()`` is the live snapshot, ``tr`` translates a message."""
    config = app.config
    sessions = admin_auth.Sessions(config.get("search.admin_session_minutes", 60))
    limiter = admin_auth.Limiter()
    publisher = admin_jobs.Publisher()
    audit_lock = threading.Lock()

    def accounts():
        path = config.get("search.admin_users") or ""
        return admin_auth.read_accounts(path) if path else {}

    def enabled():
        if not accounts():
            raise HTTPResponse(status=404, body=page("error.tpl", title=tr("Not found"),
                                                     message=tr("There is no page at this address.")))

    def index_dir():
        return Path(config["search.index"]).resolve()

    def corpus_dir():
        return Path(config.get("search.corpus") or live().report.get("corpus", "corpus")).resolve()

    def audit(session, action, doc_id="", before=None, after=None, result="ok"):
        entry = {"time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "user": session.user,
                 "address": request.remote_addr, "action": action, "id": doc_id, "before": before, "after": after,
                 "result": result}
        with audit_lock, open(index_dir() / "admin-audit.jsonl", "a", encoding="utf-8") as f:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")

    def hl_url(path, **params):
        hl = interface_language()
        return path + "?" + urlencode(dict(params, hl=hl))

    def go(path, **params):
        """A 303 to ``path`` that keeps the cookies this request set (a raised response replaces them)."""
        redirect = response.copy(cls=HTTPResponse)
        redirect.status = 303
        redirect.set_header("Location", hl_url(path, **params))
        return redirect

    def staff(post=False):
        """The signed-in session, or a redirect to the sign-in page; a POST must carry its CSRF token."""
        enabled()
        session = sessions.get(request.get_cookie(COOKIE))
        if session is None:
            raise go("/admin/login")
        if post and not admin_auth.same_token(session.csrf, form("csrf")):
            raise HTTPResponse(status=403, body=page("error.tpl", title=tr("Forbidden"), message=tr(
                "This form has expired or did not come from this site. Go back, reload the page and try again.")))
        return session

    def form(name, strip=True):
        values = form_all(name)
        return (values[-1].strip() if strip else values[-1]) if values else ""

    def set_cookie(name, value, max_age):
        response.set_cookie(name, value, path="/admin", httponly=True, samesite="strict", max_age=max_age,
                            secure=request.urlparts.scheme == "https")

    def admin_page(name, session, **values):
        notices, session.notices = session.notices, []
        return page(name, session=session, notices=notices, hl_url=hl_url, **values)

    # --- signing in and out ---

    @app.get("/admin/login")
    def login_form(error="", status=200):
        enabled()
        token = sessions.login_token()
        set_cookie(LOGIN_COOKIE, token, 3600)
        response.status = status
        return page("admin_login.tpl", title=tr("Staff sign-in"), token=token, error=error)

    @app.post("/admin/login")
    def login():
        enabled()
        name, address = form("name").lower(), request.remote_addr or "?"
        if not sessions.login_token_ok(request.get_cookie(LOGIN_COOKIE), form("token")):
            return login_form(tr("The sign-in form expired; please try again."), 403)
        wait = limiter.wait("ip:" + address, "user:" + name)
        if wait:
            return login_form(tr("Too many failed sign-ins. Try again in %(minutes)d minutes.")
                              % {"minutes": wait // 60 + 1}, 429)
        if not admin_auth.check_password(accounts(), name, form("password", strip=False)):
            limiter.failed("ip:" + address, "user:" + name)
            return login_form(tr("Wrong name or password."), 403)
        limiter.clear("user:" + name)
        sessions.drop(request.get_cookie(COOKIE))   # whatever session id came in is never reused
        cookie, session = sessions.create(name)
        set_cookie(COOKIE, cookie, sessions.seconds)
        response.delete_cookie(LOGIN_COOKIE, path="/admin")
        audit(session, "login")
        raise go("/admin")

    @app.post("/admin/logout")
    def logout():
        session = staff(post=True)
        audit(session, "logout")
        sessions.drop(request.get_cookie(COOKIE))
        response.delete_cookie(COOKIE, path="/admin")
        raise go("/admin/login")

    # --- the dashboard ---

    @app.get("/admin")
    @app.get("/admin/")
    def dashboard():
        session = staff()
        report = live().report
        return admin_page("admin_home.tpl", session, title=tr("Staff"), report=report,
                          attention=needs_attention(report), run=publisher.last, snapshot=live().name)

    # --- upload, edit, withdraw ---

    def choices():
        report = live().report
        hl = interface_language()
        return {"countries": labels.countries(hl),
                "topics": [(slug, labels.topic(slug, report.get("topics", {}), hl)) for slug in report.get("topics", {})],
                "types": [(slug, labels.topic(slug, report.get("types", {}), hl)) for slug in report.get("types", {})]}

    def posted_values():
        values = {name: form(name) for name in FIELDS}
        values["date"] = form("date") or form("date_partial")
        values["topics"] = ";".join(form_all("topics"))
        return values

    def options(values):
        """``--field value`` pairs for the indexer's add and edit."""
        args = []
        for name, value in values.items():
            args += ["--" + name.replace("_", "-"), value]
        return args

    def too_large(limit):
        return tr("The file is larger than %(mb)d MB; ask for a smaller copy or add it with the command line.") % {
            "mb": limit // (1024 * 1024)}

    @app.get("/admin/upload")
    def upload_form():
        session = staff()
        return admin_page("admin_form.tpl", session, title=tr("Add a document"), doc={}, error="",
                          action="/admin/upload", **choices())

    @app.post("/admin/upload")
    def upload():
        limit = config.get("search.max_upload_mb", 50) * 1024 * 1024
        # refused before the body is read: the form's own fields need far less than 64 KB
        if request.content_length > limit + 64 * 1024 or request.content_length < 0:
            enabled()
            return HTTPResponse(status=413, body=page("error.tpl", title=tr("File too large"), message=too_large(limit)))
        session = staff(post=True)
        values = posted_values()
        upload = request.files.get("file")

        def again(error, status=400):
            response.status = status
            return admin_page("admin_form.tpl", session, title=tr("Add a document"), doc=values, error=error,
                              action="/admin/upload", **choices())

        if upload is None or not upload.raw_filename:
            return again(tr("Choose a file to upload."))
        with tempfile.TemporaryDirectory(prefix="admin-upload-") as tmp:
            path = Path(tmp) / "upload"
            upload.save(str(path))
            if path.stat().st_size > limit:
                return again(too_large(limit), 413)
            status, out, err = admin_jobs.indexer("add", path, "--filename", upload.raw_filename,
                                                  "--corpus", corpus_dir(), "--index", index_dir(),
                                                  *options({k: v for k, v in values.items() if v}))
        if status:
            audit(session, "add", after=values, result=admin_jobs.error_text(err))
            return again(admin_jobs.error_text(err))
        # "added ID: FILE (run …)"
        doc_id, rel = out.split(" ", 1)[1].split(" (")[0].split(": ", 1)
        audit(session, "add", doc_id, after=dict(values, file=rel))
        preview = admin_jobs.check(corpus_dir() / rel)
        return admin_page("admin_preview.tpl", session, title=tr("Check before publishing"), doc_id=doc_id,
                          file=rel, preview=preview or {}, run=publisher.last)

    def record_of(doc_id):
        for doc in live().report.get("documents", []):
            if doc["id"] == doc_id:
                return doc
        raise HTTPResponse(status=404, body=page("error.tpl", title=tr("Not found"),
                                                 message=tr("No document has the id “%(id)s”.") % {"id": doc_id}))

    def editable(doc):
        """The manifest's values of a published document (what the build derived left out)."""
        values = {name: doc.get(name, "") or "" for name in FIELDS}
        values["title"] = doc["title"] if doc.get("title_from") == "manifest" else ""
        values["language"] = doc["language"] if doc.get("language_from") == "manifest" else ""
        values["topics"] = "" if doc.get("topics_automatic") else ";".join(doc.get("topics", []))
        return values

    @app.get("/admin/doc/<doc_id>")
    def edit_form(doc_id):
        session = staff()
        doc = record_of(doc_id)
        return admin_page("admin_form.tpl", session, title=tr("Edit a document"), doc=dict(editable(doc), id=doc_id),
                          error="", action=f"/admin/doc/{doc_id}", **choices())

    @app.post("/admin/doc/<doc_id>")
    def edit(doc_id):
        session = staff(post=True)
        before = editable(record_of(doc_id))
        values = posted_values()
        new_id = form("id")
        if new_id and new_id != doc_id:
            values["id"] = new_id
        changed = {k: v for k, v in values.items() if v != before.get(k, "")}
        if changed:
            status, _, err = admin_jobs.indexer("edit", doc_id, "--corpus", corpus_dir(), "--index", index_dir(),
                                                *options(changed))
            audit(session, "edit", doc_id, before={k: before.get(k, "") for k in changed}, after=changed,
                  result=admin_jobs.error_text(err) if status else "ok")
            if status:
                response.status = 400
                return admin_page("admin_form.tpl", session, title=tr("Edit a document"), doc=dict(values, id=doc_id),
                                  error=admin_jobs.error_text(err), action=f"/admin/doc/{doc_id}", **choices())
        session.notices.append(tr("Saved. Publish to show the change on the site."))
        raise go("/admin")

    @app.post("/admin/doc/<doc_id>/withdraw")
    def withdraw(doc_id):
        session = staff(post=True)
        before = editable(record_of(doc_id))
        status, _, err = admin_jobs.indexer("withdraw", doc_id, "--corpus", corpus_dir(), "--index", index_dir())
        audit(session, "withdraw", doc_id, before=before, result=admin_jobs.error_text(err) if status else "ok")
        session.notices.append(admin_jobs.error_text(err) if status else
                               tr("Withdrawn. Publish to take it off the site."))
        raise go("/admin")

    # --- publish and roll back ---

    @app.post("/admin/publish")
    def publish():
        session = staff(post=True)
        started = publisher.start(session.user, corpus_dir(), index_dir(),
                                  on_end=lambda run: audit(session, "publish", result=f"exit {run.status}"))
        if not started:
            session.notices.append(tr("A publication is already running."))
        raise go("/admin/publish")

    @app.get("/admin/publish")
    def publishing():
        session = staff()
        run = publisher.last
        if run is not None and run.running:
            response.set_header("Refresh", "2")   # follows the progress without JavaScript
        return admin_page("admin_publish.tpl", session, title=tr("Publication"), run=run, snapshot=live().name,
                          since=lambda t: time.strftime("%H:%M:%S", time.gmtime(t)))

    @app.post("/admin/rollback")
    def rollback():
        session = staff(post=True)
        before = live().name
        status, out, err = admin_jobs.indexer("rollback", "--index", index_dir())
        audit(session, "rollback", before=before, after=out.strip(), result=admin_jobs.error_text(err) if status else "ok")
        session.notices.append(admin_jobs.error_text(err) if status else out.strip())
        raise go("/admin")


def form_all(name):
    """Every value of a form field. Bottle hands over a urlencoded form's values as latin-1 native
    strings, a multipart form's (and file names) already decoded; a byte that is not UTF-8 becomes U+FFFD."""
    values = request.forms.getall(name)
    if request.forms.recode_unicode:
        return [v.encode("latin-1", "replace").decode("utf-8", "replace") for v in values]
    return values


def needs_attention(report):
    """``[(document or None, reason)]``: what staff should look at in the live snapshot."""
    found = []
    by_hash = {}
    for doc in report.get("documents", []):
        by_hash.setdefault(doc.get("sha1"), []).append(doc["id"])
    for doc in report.get("documents", []):
        if doc["status"] != "ok":
            found.append((doc, doc["status"], doc.get("error", "")))
        elif doc.get("chars", 0) < NEAR_EMPTY_CHARS:
            found.append((doc, "near-empty", str(doc.get("chars", 0))))
        if not doc.get("topics"):
            found.append((doc, "no topic", ""))
        if doc["status"] == "ok" and doc.get("language") == "und":
            found.append((doc, "unknown language", ""))
        twins = [i for i in by_hash.get(doc.get("sha1"), []) if i != doc["id"]]
        if doc.get("sha1") and twins:
            found.append((doc, "duplicate", ", ".join(twins)))
    found += [(None, "problem", problem) for problem in report.get("problems", [])]
    return found
