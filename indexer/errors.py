"""The exceptions the indexer raises; each names the condition, its message says what to do."""

ENCRYPTED_MSG = "encrypted: the PDF needs a password to open; ask the sender for an unprotected copy"


class IndexerError(Exception):
    "Base class of the indexer's own errors"


class ExtractionError(IndexerError):
    "A file could not be read as a document"


class UnsupportedFormat(ExtractionError):
    "No extractor matches this file"


class EncryptedDocument(ExtractionError):
    "The document is protected by a password"


class ExtractionTimeout(BaseException):
    "Extraction took longer than the time limit for one document"
    # A BaseException, so that the broad ``except Exception`` inside parsing libraries cannot swallow it.


class ManifestError(IndexerError):
    "The manifest cannot be read at all (missing columns, not CSV)"


class NotPublished(IndexerError):
    "A build or update refused to publish (``--strict`` with problems left)"


class NoIndex(IndexerError):
    "No snapshot has been published yet in the index directory"


class BuildLocked(IndexerError):
    "Another build or update is running on the same index directory"
