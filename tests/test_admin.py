"""/admin over real HTTP: off without accounts, sign-in, and the attacks it must withstand (CSRF,
session fixation, forged cookies, guessing passwords, path traversal in file names, oversize
uploads, bad metadata). The whole staff round in a browser is in test_admin_browser.py."""
import html
import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
import uuid
from http.cookiejar import CookieJar

import pytest

from conftest import CORPUS, FIXTURES, ROOT, run_cli, start_server

PASSWORD = "correct horse battery"


def make_site(tmp_path, *extra):
    """A one-document corpus, built, an account for amina, and a server with /admin on."""
    corpus = tmp_path / "corpus"
    (corpus / "documents/fr").mkdir(parents=True)
    for name in ("topics.csv", "types.csv"):
        shutil.copy(CORPUS / name, corpus / name)
    shutil.copy(FIXTURES / "rgpd-latin1.txt", corpus / "documents/fr/rgpd.txt")
    (corpus / "manifest.csv").write_text("id,file,title,country,topics,date,language,source_url,type\n"
                                         "fr-rgpd,documents/fr/rgpd.txt,Guide RGPD,FR,data-protection,2019,,,guideline\n",
                                         encoding="utf-8")
    index = tmp_path / "index"
    run_cli("build", "--corpus", str(corpus), "--index", str(index))
    accounts = tmp_path / "secret" / "admins"
    add_account(accounts, "amina", PASSWORD)
    proc, server = start_server(index, "--admin-users", str(accounts), *extra)
    return proc, server, corpus, index


def add_account(path, name, password):
    result = subprocess.run([sys.executable, "-m", "indexer", "admin-user", name, "--file", str(path), "--password-stdin"],
                            input=password + "\n", capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    return result


class Client:
    """A browser's cookies and forms, without following redirects (their status is what we test)."""

    def __init__(self, base):
        self.base = base
        self.jar = CookieJar()

        class Stay(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), Stay)

    def request(self, path, data=None, headers=None):
        req = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with self.opener.open(req, timeout=60) as r:
                return r.status, r.headers, r.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as e:
            return e.code, e.headers, e.read().decode("utf-8", "replace")

    def get(self, path):
        return self.request(path)

    def announce_upload(self, path, size):
        """The status a POST of ``size`` bytes gets from its headers alone, as a client that waits for
        ``100 Continue`` sees it: the site refuses an oversize upload before reading it, and a client
        that sends the body anyway may find the connection closed under it (a broken pipe)."""
        import http.client
        host, port = self.base.split("//")[1].split(":")
        conn = http.client.HTTPConnection(host, int(port), timeout=60)
        try:
            conn.putrequest("POST", path)
            conn.putheader("Content-Type", "multipart/form-data; boundary=x")
            conn.putheader("Content-Length", str(size))
            conn.putheader("Cookie", "; ".join(f"{c.name}={c.value}" for c in self.jar))
            conn.endheaders()
            return conn.getresponse().status
        finally:
            conn.close()

    def post(self, path, fields, files=None):
        """A multipart form: ``fields`` name -> value or list of values, ``files`` name -> (filename, bytes)."""
        boundary = uuid.uuid4().hex
        parts = []
        for name, values in fields.items():
            for value in values if isinstance(values, list) else [values]:
                parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
        for name, (filename, content) in (files or {}).items():
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                         f'Content-Type: application/octet-stream\r\n\r\n'.encode() + content + b"\r\n")
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request(path, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def cookie(self, name):
        return next((c.value for c in self.jar if c.name == name), None)

    def set_cookie(self, name, value):
        from http.cookiejar import Cookie
        self.jar.set_cookie(Cookie(0, name, value, None, False, "127.0.0.1", False, False, "/admin", True, False,
                                   None, False, None, None, {}))

    def login(self, name="amina", password=PASSWORD):
        _, _, body = self.get("/admin/login")
        token = re.search(r'name="token" value="([^"]+)"', body).group(1)
        return self.post("/admin/login", {"token": token, "name": name, "password": password})

    def csrf(self, path="/admin"):
        return html.unescape(re.search(r'name="csrf" value="([^"]+)"', self.get(path)[2]).group(1))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    proc, server, corpus, index = make_site(tmp_path_factory.mktemp("admin"), "--max-upload-mb", "1")
    yield server, corpus, index
    proc.terminate()
    proc.wait(timeout=10)


def test_admin_is_off_without_an_accounts_file(server):
    assert server.get("/admin")[0] == 404 and server.get("/admin/login")[0] == 404


def test_admin_user_stores_a_hash_never_the_password(tmp_path):
    path = tmp_path / "admins"
    add_account(path, "amina", PASSWORD)
    text = path.read_text()
    assert text.startswith("amina:$argon2id$") and PASSWORD not in text
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    short = subprocess.run([sys.executable, "-m", "indexer", "admin-user", "bob", "--file", str(path), "--password-stdin"],
                           input="short\n", capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert short.returncode == 1 and "at least 12 characters" in short.stderr


def test_sign_in_sets_a_strict_http_only_expiring_cookie_and_a_new_session(site):
    server, _, _ = site
    client = Client(server.base)
    assert client.get("/admin")[0] == 303                      # not signed in: to the sign-in page
    assert client.login(password="wrong password!")[0] == 403
    client.set_cookie("admin_session", "planted-by-an-attacker")
    status, headers, _ = client.login()
    assert status == 303 and headers["Location"].startswith("/admin")
    cookie = [h for h in headers.get_all("Set-Cookie") if h.startswith("admin_session=")][0]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Max-Age=" in cookie and "Path=/admin" in cookie
    first = client.cookie("admin_session")
    assert first != "planted-by-an-attacker" and client.get("/admin")[0] == 200
    # signing in again never keeps the session id that came in (session fixation)
    client.login()
    assert client.cookie("admin_session") != first
    stale = Client(server.base)
    stale.set_cookie("admin_session", first)
    assert stale.get("/admin")[0] == 303
    forged = Client(server.base)
    forged.set_cookie("admin_session", client.cookie("admin_session")[:-2] + "xx")
    assert forged.get("/admin")[0] == 303


def test_forms_without_their_csrf_token_are_refused(site):
    server, corpus, _ = site
    client = Client(server.base)
    client.login()
    manifest = (corpus / "manifest.csv").read_text(encoding="utf-8")
    for path in ("/admin/doc/fr-rgpd/withdraw", "/admin/publish", "/admin/rollback", "/admin/doc/fr-rgpd"):
        assert client.post(path, {"title": "Hacked"})[0] == 403
        assert client.post(path, {"csrf": "a-guess", "title": "Hacked"})[0] == 403
    other = Client(server.base)
    other.login()
    assert client.post("/admin/doc/fr-rgpd/withdraw", {"csrf": other.csrf()})[0] == 403   # another session's token
    assert (corpus / "manifest.csv").read_text(encoding="utf-8") == manifest
    signed_out = Client(server.base)
    assert signed_out.post("/admin/doc/fr-rgpd/withdraw", {"csrf": "x"})[0] == 303


def test_uploads_keep_inside_the_corpus_and_bad_metadata_changes_nothing(site):
    server, corpus, _ = site
    client = Client(server.base)
    client.login()
    csrf = client.csrf("/admin/upload")
    manifest = (corpus / "manifest.csv").read_text(encoding="utf-8")
    files = sorted(p.relative_to(corpus) for p in corpus.rglob("*"))
    text = "Cette note porte sur la protection des données personnelles des citoyens.".encode()
    status, _, body = client.post("/admin/upload", {"csrf": csrf, "title": "Note", "country": "KENYA",
                                                    "date_partial": "14/12/2021", "topics": ["data protection"],
                                                    "type": "lawz", "source_url": "javascript:alert(1)"},
                                  {"file": ("note.txt", text)})
    body = html.unescape(body)
    assert status == 400
    for fix in ("did you mean KE?", "did you mean 2021-12-14?", "did you mean 'data-protection'?",
                "did you mean 'law'?", "is not an http(s) address"):
        assert fix in body
    assert client.announce_upload("/admin/upload", 1024 * 1024 + 200_000) == 413
    assert (corpus / "manifest.csv").read_text(encoding="utf-8") == manifest
    assert sorted(p.relative_to(corpus) for p in corpus.rglob("*")) == files
    status, _, body = client.post("/admin/upload", {"csrf": csrf, "title": "Note <script>", "country": "FR"},
                                  {"file": ("../../../../tmp/evil\\..\\note.txt", text)})
    assert status == 200 and "<script>" not in body and "Check before publishing" in body
    assert (corpus / "documents/fr/note.txt").is_file()
    assert not list(corpus.parent.glob("**/evil*")) and "documents/fr/note.txt" in (corpus / "manifest.csv").read_text()
    audit = (site[2] / "admin-audit.jsonl").read_text(encoding="utf-8")
    assert '"action": "add"' in audit and '"user": "amina"' in audit


def test_guessing_passwords_is_stopped_per_address_and_account(tmp_path):
    proc, server, _, _ = make_site(tmp_path)
    try:
        client = Client(server.base)
        for _ in range(5):
            assert client.login(password="not the password")[0] == 403
        status, _, body = client.login()          # even the right password, for a while
        assert status == 429 and "Too many failed sign-ins" in body
        assert Client(server.base).login(name="someone-else", password="x" * 12)[0] == 429   # same address
    finally:
        proc.terminate()
        proc.wait(timeout=10)
