"""JSON-LD for document pages, so search engines know what a page describes: schema.org
``Legislation`` for laws and regulations, ``Report`` for reports, ``CreativeWork`` otherwise.

A record without ``type`` or ``versions`` (an older snapshot) simply leaves those out.
"""
import json

from search_web import labels

SCHEMA_TYPES = {"law": "Legislation", "regulation": "Legislation", "report": "Report"}
MEDIA_TYPES = {"pdf": "application/pdf", "html": "text/html", "text": "text/plain",
               "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def _work(doc, urls):
    return {"@type": SCHEMA_TYPES.get(doc.get("type") or "", "CreativeWork"), "@id": urls.permalink(doc["id"]),
            "url": urls.permalink(doc["id"]), "inLanguage": doc.get("language", "")}


def document(doc, urls):
    """The schema.org description of a document record (dates, country, file, versions)."""
    data = {"@context": "https://schema.org", **_work(doc, urls), "name": doc.get("title", "")}
    country = {"@type": "Country", "name": labels.country(doc.get("country", ""), "en"),
               "identifier": doc.get("country", "")}
    if data["@type"] == "Legislation":
        data["legislationJurisdiction"] = country
    else:
        data["spatialCoverage"] = country
    if doc.get("date"):
        data["datePublished"] = doc["date"]
    if doc.get("topics"):
        data["keywords"] = ", ".join(doc["topics"])
    media = {"@type": "MediaObject", "contentUrl": urls.absolute(urls.file(doc["id"])),
             "encodingFormat": MEDIA_TYPES.get(doc.get("format", ""), "application/octet-stream")}
    data["encoding"] = media
    if doc.get("versions"):
        data["workTranslation"] = [{**_work(v, urls), "@type": data["@type"]} for v in doc["versions"]]
    return data


def script_json(data):
    """JSON for inside ``<script>``: no ``<``, ``>`` or ``&`` that could end the element."""
    text = json.dumps(data, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
