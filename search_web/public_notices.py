"""What a visitor is told about a document that could not be read in full.

The build's own words (``error``, ``notes``: "encrypted …; ask the sender for an unprotected copy",
"run OCR on it, e.g. ocrmypdf") are instructions for staff, in English: they stay in the CLI, the
build report and /admin. The public pages say what it means for the reader, in the interface language.
"""

# Message ids, by the document's status; "ok" documents need none.
BY_STATUS = {
    "needs_ocr": "This document is a scan; its text has not been recognised yet. It is listed by its "
                 "description, and the original file can be downloaded.",
    "failed": "The text of this document could not be read. It is listed by its description, and the "
              "original file can be downloaded.",
    "empty": "This document has no text. It is listed by its description.",
}
PARTIAL = "Some pages of this document are images whose text could not be read."


def for_document(doc):
    """The message ids of the notices the document page shows (not yet translated)."""
    notices = [BY_STATUS[doc["status"]]] if doc.get("status") in BY_STATUS else []
    if doc.get("partial"):
        notices.append(PARTIAL)
    return notices
