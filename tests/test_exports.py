"""Citations and result lists (issue 13), read back by the parsers reference managers and
spreadsheets use: rispy, bibtexparser, citeproc-py rendering the CSL-JSON, Python's csv."""
import csv
import io
import json

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware
from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle, formatter
from citeproc.source.json import CiteProcJSON

from search_web import exports

DOC = "eu-ai-regulation-2024"
HOSTILE_TITLES = ["}", "\\", "{", "50% of {the} \\emph{budget} & #1 $5 _x ^y ~z", "first line\nsecond line\r\nthird",
                  "=HYPERLINK(\"http://evil.example\")", "+1", "-2", "@SUM(A1)", "ER  - fake end", "Право ИИ"]


def parse_bibtex(text):
    library = bibtexparser.parse_string(text, append_middleware=[LatexDecodingMiddleware()])
    assert not library.failed_blocks, [b.error for b in library.failed_blocks]
    return library.entries


def render_csl(text):
    """The bibliography a citation processor makes of CSL-JSON (the style citeproc-py ships)."""
    source = CiteProcJSON(json.loads(text))
    bibliography = CitationStylesBibliography(CitationStylesStyle("harvard-cite-them-right", validate=False), source, formatter.plain)
    for key in source:
        bibliography.register(Citation([CitationItem(key)]))
    return [str(entry) for entry in bibliography.bibliography()]


def hostile_items():
    return [{"id": f"doc-{i}", "title": title, "country": "KE", "country_name": "Kenya", "date": "2021-12-14",
             "language": "en", "type": "law", "topics": ["copyright"], "url": f"https://x.example/doc/doc-{i}",
             "file_url": f"https://x.example/doc/doc-{i}/file", "source_url": ""}
            for i, title in enumerate(HOSTILE_TITLES)]


def test_a_document_cites_in_ris_with_absolute_urls(server):
    status, headers, body = server.get(f"/doc/{DOC}.ris")
    assert status == 200 and headers["Content-Type"].startswith("application/x-research-info-systems")
    assert "attachment" in headers["Content-Disposition"]
    [entry] = rispy.loads(body)
    assert entry["type_of_reference"] == "STAT"
    assert entry["title"] == "Regulation on the placing on the market and use of artificial intelligence systems"
    assert entry["authors"] == ["European Union"] and entry["year"] == "2024" and entry["language"] == "en"
    assert entry["urls"] == [server.base + f"/doc/{DOC}"]


def test_a_document_cites_in_bibtex(server):
    status, headers, body = server.get(f"/doc/{DOC}.bib")
    assert status == 200 and headers["Content-Type"].startswith("application/x-bibtex")
    [entry] = parse_bibtex(body)
    assert entry.key == DOC and entry.entry_type == "misc"
    assert entry["title"] == "Regulation on the placing on the market and use of artificial intelligence systems"
    assert entry["year"] == "2024" and entry["url"] == server.base + f"/doc/{DOC}"


def test_a_document_in_csl_json_renders_with_a_citation_processor(server):
    status, headers, body = server.get(f"/doc/{DOC}.json")
    assert status == 200 and headers["Content-Type"].startswith("application/vnd.citationstyles.csl+json")
    [item] = json.loads(body)
    assert item["type"] == "legislation" and item["jurisdiction"] == "EU" and item["URL"] == server.base + f"/doc/{DOC}"
    assert item["issued"] == {"date-parts": [[2024, 6, 13]]}
    [rendered] = render_csl(body)
    assert "European Union" in rendered and "2024" in rendered and "Regulation on the placing" in rendered


def test_a_title_in_another_script_keeps_its_language(server):
    status, _, body = server.get("/doc/cn-generated-content-copyright.json")
    [item] = json.loads(body)
    assert status == 200 and item["language"] == "zh" and item["title"].startswith("生成式人工智能")
    assert item["author"] == [{"literal": "China"}]


def test_a_search_exports_the_same_results_as_csv_and_citations(server):
    _, api = server.json("/api/v1/search?q=copyright&page_size=100")
    expected = [r["id"] for r in api["results"]]
    status, headers, body = server.get("/export.csv?q=copyright")
    assert status == 200 and headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(body)))
    assert [r["id"] for r in rows] == expected and len(expected) > 3
    assert all(r["url"] == server.base + "/doc/" + r["id"] for r in rows)
    assert [e["id"] for e in rispy.loads(server.get("/export.ris?q=copyright")[2])] == expected
    assert [e.key for e in parse_bibtex(server.get("/export.bib?q=copyright")[2])] == expected
    csl = server.get("/export.json?q=copyright")[2]
    assert [i["id"] for i in json.loads(csl)] == expected and len(render_csl(csl)) == len(expected)


def test_a_search_export_keeps_the_filters_and_refuses_bad_values(server):
    rows = list(csv.DictReader(io.StringIO(server.get("/export.csv?country=fr")[2])))
    assert rows and {r["country"] for r in rows} == {"FR"}
    status, _, body = server.get("/export.csv?country=XX")
    assert status == 400 and "ISO 3166-1" in body


def test_an_unknown_document_has_no_citation(server):
    assert server.get("/doc/no-such-document.ris")[0] == 404


def test_hostile_titles_survive_ris():
    entries = rispy.loads(exports.ris(hostile_items()))
    assert [e["title"] for e in entries] == [" ".join(t.split()) for t in HOSTILE_TITLES]


def test_hostile_titles_survive_bibtex():
    entries = parse_bibtex(exports.bibtex(hostile_items()))
    # LaTeX's \textasciicircum is decoded by pylatexenc as the modifier letter ˆ (U+02C6)
    assert [e["title"].replace("ˆ", "^") for e in entries] == [" ".join(t.split()) for t in HOSTILE_TITLES]


def test_hostile_titles_survive_csl_json():
    text = exports.csl(hostile_items())
    assert [i["title"] for i in json.loads(text)] == HOSTILE_TITLES
    assert len(render_csl(text)) == len(HOSTILE_TITLES)


@pytest.mark.parametrize("title", ["=HYPERLINK(\"http://evil.example\")", "+1", "-2", "@SUM(A1)"])
def test_csv_cells_never_start_a_formula(title):
    items = [it for it in hostile_items() if it["title"] == title]
    [row] = list(csv.DictReader(io.StringIO(exports.csv_text(items))))
    assert row["title"] == "'" + title


def test_csv_keeps_newlines_and_quotes_inside_a_cell():
    items = [it for it in hostile_items() if "\n" in it["title"]]
    [row] = list(csv.DictReader(io.StringIO(exports.csv_text(items))))
    assert row["title"] == HOSTILE_TITLES[4]
