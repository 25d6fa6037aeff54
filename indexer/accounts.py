"""Staff accounts for ``/admin``: one line per user, ``name:argon2-hash``, in a file outside the repo.

Written here (``indexer admin-user``), read by the site, which checks passwords with the same library
(argon2-cffi); a password is never stored as typed.
"""
import os
import re
from pathlib import Path

from argon2 import PasswordHasher

NAME_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
MIN_PASSWORD = 12


def set_password(path, name, password):
    """Add the account ``name`` or change its password; returns True when it is new."""
    if not NAME_RE.match(name):
        raise ValueError(f"the name {name!r} must be lower-case letters, digits, '.', '-' or '_' (at most 64)")
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"the password must have at least {MIN_PASSWORD} characters")
    path = Path(path)
    lines = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    kept = [line for line in lines if line.split(":", 1)[0] != name]
    kept.append(f"{name}:{PasswordHasher().hash(password)}")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)   # readable by its owner only
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write("\n".join(kept) + "\n")
    os.replace(tmp, path)
    return len(kept) > len(lines)
