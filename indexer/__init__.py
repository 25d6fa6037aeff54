"""Turns policy documents in any format and language into a searchable Whoosh index: the write path.

The pipeline: ``corpus`` joins the manifest with the files; ``pool`` runs ``reader`` on each file in a
worker process, which picks a format module of ``extract/`` and finds the language of each passage
with the language core (``lang/``); ``build`` writes the documents into a new index snapshot
(``schema``) and ``snapshots`` publishes it atomically. ``cli`` is the staff's command line.

The site (``search_web``) reads what this writes through ``lang``, ``schema`` and ``snapshots`` only.
"""
import logging

# Part of every document's fingerprint: bump it when reading or analysis changes, and `update`
# re-reads every document instead of keeping text read by the old code.
__version__ = "0.3.0"

# pdfminer logs every odd object of every PDF at WARNING; those are not ours to report, the
# extractor turns real failures into a status.
for _name in ("pdfminer", "docx", "charset_normalizer"):
    logging.getLogger(_name).setLevel(logging.ERROR)
