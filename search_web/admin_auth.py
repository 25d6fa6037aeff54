"""Who may use ``/admin``: staff accounts, login attempt limits, sessions and CSRF tokens.

- Accounts are read from the file ``indexer admin-user`` writes (``name:argon2-hash`` per line) and
  checked with the same library; an unknown name costs as much time as a wrong password.
- Sessions live in this process's memory, keyed by a random id; the cookie carries that id signed
  and timestamped (itsdangerous), so a forged, altered or expired cookie is refused. A login always
  makes a new session id, so an id planted before login (session fixation) is never promoted.
- Each session has its own CSRF token, which every form posts back.
- Failed logins are counted per client address and per account name over a window.
"""
import hmac
import secrets
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from itsdangerous import BadSignature, URLSafeTimedSerializer

MAX_FAILURES = 5          # failed logins allowed per address and per account ...
FAILURE_WINDOW = 15 * 60  # ... within this many seconds
_hasher = PasswordHasher()
_DUMMY = _hasher.hash("not a password anyone has")


def read_accounts(path):
    """``{name: hash}`` from the accounts file; an unreadable file means no accounts (admin off)."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return {}
    pairs = (line.strip().split(":", 1) for line in lines if ":" in line and not line.startswith("#"))
    return {name: digest for name, digest in pairs if name and digest}


def check_password(accounts, name, password):
    digest = accounts.get(name)
    try:
        return _hasher.verify(digest or _DUMMY, password) and digest is not None
    except (VerificationError, InvalidHashError):
        return False


class Limiter:
    """Failed attempts per key (an address, an account) within a sliding window."""

    def __init__(self, limit=MAX_FAILURES, window=FAILURE_WINDOW):
        self.limit, self.window = limit, window
        self._failures = defaultdict(deque)
        self._lock = threading.Lock()

    def wait(self, *keys):
        """Seconds before any of ``keys`` may try again (0: now)."""
        now = time.monotonic()
        with self._lock:
            waits = []
            for key in keys:
                failures = self._failures[key]
                while failures and failures[0] < now - self.window:
                    failures.popleft()
                if len(failures) >= self.limit:
                    waits.append(failures[0] + self.window - now)
            return int(max(waits)) + 1 if waits else 0

    def failed(self, *keys):
        with self._lock:
            for key in keys:
                self._failures[key].append(time.monotonic())

    def clear(self, *keys):
        with self._lock:
            for key in keys:
                self._failures.pop(key, None)


@dataclass
class Session:
    user: str
    csrf: str
    expires: float
    notices: list = field(default_factory=list)   # one-time messages for the next page


class Sessions:
    def __init__(self, minutes):
        self.seconds = max(1, int(minutes)) * 60
        self.signer = URLSafeTimedSerializer(secrets.token_bytes(32), salt="admin-session")
        self._sessions = {}
        self._lock = threading.Lock()

    def create(self, user):
        """A new session: ``(cookie value, Session)``."""
        sid = secrets.token_urlsafe(32)
        session = Session(user=user, csrf=secrets.token_urlsafe(32), expires=time.time() + self.seconds)
        with self._lock:
            self._sessions = {k: s for k, s in self._sessions.items() if s.expires > time.time()}
            self._sessions[sid] = session
        return self.signer.dumps(sid), session

    def get(self, cookie):
        """The live session a cookie names, or None (forged, altered, expired or logged out)."""
        if not cookie:
            return None
        try:
            sid = self.signer.loads(cookie, max_age=self.seconds)
        except BadSignature:
            return None
        with self._lock:
            session = self._sessions.get(sid)
            if session is not None and session.expires <= time.time():
                del self._sessions[sid]
                return None
            return session

    def drop(self, cookie):
        try:
            sid = self.signer.loads(cookie or "", max_age=self.seconds)
        except BadSignature:
            return
        with self._lock:
            self._sessions.pop(sid, None)

    def login_token(self):
        """A signed random value for the login form and its cookie (login CSRF)."""
        return self.signer.dumps("login:" + secrets.token_urlsafe(16))

    def login_token_ok(self, cookie, posted):
        if not cookie or not posted or not hmac.compare_digest(cookie, posted):
            return False
        try:
            return self.signer.loads(cookie, max_age=self.seconds).startswith("login:")
        except BadSignature:
            return False


def same_token(expected, posted):
    return bool(posted) and hmac.compare_digest(expected.encode(), posted.encode())
