"""PowerPoint (.pptx): the text of each slide, a slide a page, in the order the deck shows them.

Slides are listed in ``ppt/presentation.xml`` by relationship id; each slide's text frames hold
paragraphs (``a:p``) of runs (``a:t``), tables included. Speaker notes are the presenter's, not the deck's.
"""
import posixpath
import re
import zipfile

from indexer.errors import ExtractionError
from indexer.extract import zipped
from indexer.extract.base import Extracted, Extractor

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
P_NS = "http://schemas.openxmlformats.org/presentationml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
SLIDE = re.compile(r"^ppt/slides/slide\d+\.xml$")


class PptxExtractor(Extractor):
    """Office Open XML presentations."""
    FORMAT = "pptx"
    EXTENSIONS = ("pptx", "ppsx", "pptm")
    SCORE = 10
    ZIP_PART = b"ppt/"

    def extract(self, path):
        zipped.check_unpacked_size(path, "PowerPoint")
        try:
            with zipfile.ZipFile(path) as archive:
                pages = [_slide_text(zipped.read_xml(archive, name, "PowerPoint")) for name in _slide_order(archive)]
                core = zipped.read_xml(archive, "docProps/core.xml", "PowerPoint")
        except (zipfile.BadZipFile, OSError) as ex:
            raise ExtractionError(f"broken PowerPoint file: {ex}; ask the sender for a new copy") from ex
        if not pages:
            raise ExtractionError("broken PowerPoint file: it has no slides; ask the sender for a new copy")
        title = core.find("{http://purl.org/dc/elements/1.1/}title") if core is not None else None
        return Extracted(format=self.FORMAT, pages=pages, paged=True,
                         title=" ".join((title.text or "").split()) if title is not None else "")


def _slide_order(archive):
    """Slide part names in presentation order; the names' own numbers when the list is missing."""
    presentation = zipped.read_xml(archive, "ppt/presentation.xml", "PowerPoint")
    rels = zipped.read_xml(archive, "ppt/_rels/presentation.xml.rels", "PowerPoint")
    names = sorted((n for n in archive.namelist() if SLIDE.match(n)), key=lambda n: int(re.sub(r"\D", "", n)))
    if presentation is None or rels is None:
        return names
    targets = {r.get("Id"): posixpath.normpath(posixpath.join("ppt", r.get("Target", "")))
               for r in rels.iter(f"{{{RELS}}}Relationship")}
    ordered = [targets.get(s.get(f"{{{R_NS}}}id")) for s in presentation.iter(f"{{{P_NS}}}sldId")]
    return [n for n in ordered if n in names] or names


def _slide_text(slide):
    if slide is None:
        return ""
    paragraphs = ("".join(t.text or "" for t in p.iter(f"{{{A}}}t")).strip() for p in slide.iter(f"{{{A}}}p"))
    return "\n\n".join(p for p in paragraphs if p)
