"""Citations and lists of documents in the formats reference managers and spreadsheets read: RIS,
BibTeX, CSL-JSON and CSV. One document or a whole search, the same writers.

Each writer takes ``items`` made by :func:`item` (plain dicts: absolute URLs, the country's name) and
returns text. Titles and every other value are the senders' text: each format's escaping is done here,
so that no title (``}``, ``\\``, a newline, ``=cmd()``) can break a file or reach a spreadsheet as a
formula.
"""
import csv
import io
import json
import re

from search_web import labels

# name -> (Content-Type, file extension)
FORMATS = {
    "ris": ("application/x-research-info-systems; charset=utf-8", "ris"),
    "bib": ("application/x-bibtex; charset=utf-8", "bib"),
    "json": ("application/vnd.citationstyles.csl+json; charset=utf-8", "json"),
    "csv": ("text/csv; charset=utf-8", "csv"),
}
MAX_RESULTS = 1000   # a search export holds at most this many documents
RIS_TYPES = {"law": "STAT", "regulation": "STAT", "report": "RPRT"}   # else GOVDOC
CSL_TYPES = {"law": "legislation", "regulation": "legislation", "report": "report"}   # else document
BIB_TYPES = {"report": "techreport"}   # else misc
CSV_COLUMNS = ("id", "title", "country", "country_name", "date", "language", "type", "topics", "url",
               "file_url", "source_url")


def item(doc, urls, hl="en"):
    """What a citation needs of a document record (a search result or a document), URLs absolute.
    A record without ``type`` (an older snapshot) simply has none."""
    return {"id": doc["id"], "title": doc.get("title", ""), "country": doc.get("country", ""),
            "country_name": labels.country(doc.get("country", ""), hl), "date": doc.get("date", ""),
            "language": doc.get("language", ""), "type": doc.get("type") or "", "topics": doc.get("topics", []),
            "url": urls.permalink(doc["id"]), "file_url": urls.absolute(urls.file(doc["id"])),
            "source_url": doc.get("source_url", "")}


def _one_line(text):
    return " ".join(str(text).split())


def _date_parts(date):
    return [int(p) for p in date.split("-") if p.isdigit()] if date else []


def ris(items):
    """RIS: one ``TAG  - value`` per line, a record ending in ``ER``. A value is one line."""
    lines = []
    for it in items:
        parts = _date_parts(it["date"])
        fields = [("TY", RIS_TYPES.get(it["type"], "GOVDOC")), ("TI", it["title"]), ("AU", it["country_name"]),
                  ("PY", str(parts[0]) if parts else ""),
                  ("DA", "/".join(f"{p:02d}" for p in parts) if parts else ""), ("LA", it["language"]),
                  ("CY", it["country"]), ("UR", it["url"]), ("L1", it["file_url"]), ("ID", it["id"])]
        fields += [("KW", t) for t in it["topics"]]
        lines += [f"{tag}  - {_one_line(value)}" for tag, value in fields if _one_line(value)]
        lines += ["ER  - ", ""]
    return "\r\n".join(lines)


# LaTeX's special characters, as BibTeX readers decode them back.
TEX = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "#": r"\#", "$": r"\$",
       "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}"}
TEX_SPECIAL = re.compile("[" + re.escape("".join(TEX)) + "]")


def tex(text):
    """A value safe inside BibTeX braces: specials escaped, on one line."""
    return TEX_SPECIAL.sub(lambda m: TEX[m.group()], _one_line(text))


def bibtex(items):
    entries = []
    for it in items:
        parts = _date_parts(it["date"])
        # The country is a body, not a person: double braces keep "Kenya" from being read as a surname.
        fields = [("title", "{" + tex(it["title"]) + "}"), ("author", "{" + tex(it["country_name"]) + "}"),
                  ("year", str(parts[0]) if parts else ""), ("date", tex(it["date"])),
                  ("language", tex(it["language"])), ("url", tex(it["url"])),
                  ("keywords", tex(", ".join(it["topics"]))), ("note", tex(it["type"]))]
        key = re.sub(r"[^A-Za-z0-9_:-]", "-", it["id"])
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
        entries.append(f"@{BIB_TYPES.get(it['type'], 'misc')}{{{key},\n{body}\n}}\n")
    return "\n".join(entries)


def csl(items):
    """CSL-JSON, the citation processors' own input: a list of items."""
    out = []
    for it in items:
        entry = {"id": it["id"], "type": CSL_TYPES.get(it["type"], "document"), "title": it["title"],
                 "language": it["language"], "author": [{"literal": it["country_name"]}],
                 "jurisdiction": it["country"], "URL": it["url"]}
        parts = _date_parts(it["date"])
        if parts:
            entry["issued"] = {"date-parts": [parts]}
        if it["topics"]:
            entry["keyword"] = ", ".join(it["topics"])
        out.append(entry)
    return json.dumps(out, ensure_ascii=False, indent=1)


# A cell a spreadsheet would run as a formula starts with one of these.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value):
    text = "; ".join(value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_text(items):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for it in items:
        writer.writerow([cell(it[c]) for c in CSV_COLUMNS])
    return out.getvalue()


WRITERS = {"ris": ris, "bib": bibtex, "json": csl, "csv": csv_text}


def write(fmt, items):
    return WRITERS[fmt](items)
