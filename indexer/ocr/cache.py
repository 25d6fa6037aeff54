"""OCR results kept by file hash, outside any snapshot: a rebuild or an update never recognises the
same page twice. One small JSON file per (file, languages, settings); entries are whole pages."""
import hashlib
import json
import os
import tempfile
from pathlib import Path


class PageCache:
    """Recognised pages of one file, for one set of models at one resolution."""

    def __init__(self, directory, file_hash, key):
        self.path = Path(directory) / file_hash[:2] / f"{file_hash}-{hashlib.sha1(key.encode()).hexdigest()[:12]}.json"
        try:
            self.pages = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.pages = {}

    def get(self, index):
        """``{"text", "confidence"}`` for page ``index``, or None."""
        return self.pages.get(str(index))

    def put(self, index, text, confidence):
        self.pages[str(index)] = {"text": text, "confidence": confidence}
        self._save()

    def _save(self):
        # Written whole to a temporary name and renamed: two workers, or a build killed mid-write,
        # never leave a half file behind.
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self.pages, f, ensure_ascii=False)
            os.replace(tmp, self.path)
        except OSError:
            pass  # a read-only or full disk costs the cache, not the document


def file_hash(path):
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()
