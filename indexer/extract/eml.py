"""E-mail (.eml), as consultations receive submissions: the message and its attachments.

The message body (plain text, else the visible text of its HTML) is the first page; each attachment
is read by the format registry like any other file and follows as pages of the same document, each
starting with its file name, so a submission sent as a PDF attached to a two-line mail is found by
the words of the PDF. An attachment that cannot be read is noted, and the rest is kept.
"""
import email
import email.policy
import re
import tempfile
from pathlib import Path

from indexer import scanned
from indexer.errors import ExtractionError
from indexer.extract import encoding, html
from indexer.extract.base import Extracted, Extractor

HEADER = re.compile(rb"^(From|To|Subject|Date|Received|Return-Path|Message-ID|MIME-Version|Delivered-To)"
                    rb":", re.I | re.M)
MAX_DEPTH = 3          # a mail attached to a mail attached to a mail: enough for forwards, not a bomb
MAX_ATTACHMENTS = 50
_depth = 0


class EmlExtractor(Extractor):
    """RFC 5322 messages saved as files."""
    FORMAT = "eml"
    EXTENSIONS = ("eml", "msg822")
    SCORE = 10

    @classmethod
    def match(cls, path, head):
        found = {m.group(1).lower() for m in HEADER.finditer(head[:2048])}
        if b"from" in found and len(found) >= 3 and HEADER.match(head.lstrip()):
            return 20
        return super().match(path, head)

    def extract(self, path):
        with open(path, "rb") as f:
            message = email.message_from_binary_file(f, policy=email.policy.default)
        if not message.keys():
            raise ExtractionError("broken e-mail: no headers; save the message again as .eml")
        pages, notes = [_body(message)], []
        for part in list(message.iter_attachments())[:MAX_ATTACHMENTS]:
            page, note = _attachment(part)
            if page:
                pages.append(page)
            if note:
                notes.append(note)
        return Extracted(format=self.FORMAT, pages=pages, title=str(message.get("subject", "")).strip()[:300],
                         declared_language=str(message.get("content-language", "")).split(",")[0].strip(),
                         notes=notes)


def _body(message):
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    raw = part.get_payload(decode=True) or b""
    text, _ = encoding.decode(raw, part.get_content_charset())
    if part.get_content_subtype() == "html":
        return html.visible_text(html.parse(text)) if text.strip() else ""
    paragraphs = re.split(r"\n\s*\n", text.replace("\r\n", "\n"))
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _attachment(part):
    """``(page, note)`` for one attachment: its text under its name, or why it could not be read."""
    global _depth
    from indexer import extract as registry   # the registry imports this module
    name = Path(part.get_filename() or "attachment").name
    data = part.get_payload(decode=True) or b""
    if not data:
        return "", f"attachment {name}: empty"
    if _depth >= MAX_DEPTH:
        return "", f"attachment {name}: not read, messages nested more than {MAX_DEPTH} deep"
    with tempfile.TemporaryDirectory(prefix="eml-") as folder:
        target = Path(folder) / (name or "attachment")
        target.write_bytes(data)
        _depth += 1
        try:
            extracted = registry.extract(target)
            # A scan attached to a mail is as common as a scan sent alone: its image pages are
            # recognised the same way, while the file still exists to be drawn.
            scan = scanned.recognise(target, extracted, extracted.pages, "", "", str.strip) if extracted.paged else None
        except ExtractionError as ex:
            return "", f"attachment {name}: {ex}"
        finally:
            _depth -= 1
    texts = scan.texts if scan else extracted.pages
    how = f"read as {extracted.format}" + (", its scanned pages recognised by OCR" if scan and scan.ocr else "")
    body = "\n\n".join(p for p in texts if p.strip())
    if not body:
        why = scan.why_not if scan and scan.why_not else "its pages hold no text"
        return "", f"attachment {name}: no text ({extracted.format}; {why})"
    return f"{name}\n\n{body}", f"attachment {name}: {how}"
