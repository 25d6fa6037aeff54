"""Turns policy documents in any format and language into a searchable Whoosh index.

The pipeline: ``extract`` reads a file into pages of text, ``language`` finds the language of each
passage, ``analysis`` picks a Whoosh analyzer per language, ``build`` writes a new index snapshot and
``snapshots`` publishes it atomically.
"""
import logging

# Part of every document's fingerprint: bump it when reading or analysis changes, and `update`
# re-reads every document instead of keeping text read by the old code.
__version__ = "0.2.0"

# pdfminer logs every odd object of every PDF at WARNING; those are not ours to report, the
# extractor turns real failures into a status.
for _name in ("pdfminer", "docx", "charset_normalizer"):
    logging.getLogger(_name).setLevel(logging.ERROR)
