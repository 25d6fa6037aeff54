"""Document types: the manifest's ``type`` (types.csv), a facet on the site and in the API, a guess
from the title when the row gives none; the topics blockchain and creative industries."""
import shutil
from urllib.parse import quote

import pytest

from conftest import CORPUS, corpus_file, run_cli, start_server
from indexer import snapshots
from indexer.lang import doctypes


@pytest.mark.parametrize("title, expected", [
    ("Estrategia nacional de inteligencia artificial 2024", "national-strategy"),
    ("Loi n° 2021-1485 relative à la protection des données", "law"),
    ("The Data Protection (General) Regulations 2021", "regulation"),
    ("Consultation on the National Strategy for Open Data", "consultation"),   # the first word named wins
    ("Lignes directrices sur l'horodatage", "guideline"),
    ("Национальная стратегия развития искусственного интеллекта", "national-strategy"),
    ("قانون حماية البيانات الشخصية", "law"),
    ("生成式人工智能服务管理办法", "regulation"),             # no spaces: found inside the title
    ("Impact assessment of artificial intelligence", ""),   # "act" inside "impact" is no law
])
def test_type_guessed_from_the_title(title, expected):
    assert doctypes.guess(title) == expected


def test_a_guess_is_only_a_type_of_the_taxonomy():
    assert doctypes.guess("Loi sur le numérique", types={"regulation": {}, "other": {}}) == ""


def test_type_facet_and_filter_in_the_api_with_labels(server):
    status, data = server.json("/api/v1/search?q=&type=law&hl=fr")
    assert status == 200 and data["total"] >= 5
    assert {r["type"] for r in data["results"]} == {"law"}
    types = {v["value"]: v for v in data["facets"]["type"]}
    assert types["law"]["selected"] and types["law"]["label"] == "Loi"
    # a facet's own filter does not narrow its counts: the other types are still offered
    assert types["national-strategy"]["count"] > 0


def test_type_facet_on_the_page_with_its_label(server):
    status, _, body = server.get("/search?q=&hl=es")
    assert status == 200 and "Tipo de documento" in body and "Estrategia nacional" in body
    status, _, body = server.get("/search?q=&type=regulation")
    assert status == 200 and 'aria-current="true">Regulation' in body


def test_a_row_without_type_gets_one_guessed_from_its_title_shown_as_automatic(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "documents").mkdir(parents=True)
    for name in ("topics.csv", "types.csv"):
        shutil.copy(CORPUS / name, corpus / name)
    shutil.copy(corpus_file("ke-data-protection-regulations"), corpus / "documents" / "ke.html")
    shutil.copy(corpus_file("fr-strategie-nationale-ia"), corpus / "documents" / "fr.docx")
    (corpus / "manifest.csv").write_text(
        "id,file,title,country,topics,date,language,source_url,type\n"
        "ke-regs,documents/ke.html,,KE,data-protection,2021-12-14,,,\n"      # the title comes from the file
        "fr-ia,documents/fr.docx,Stratégie nationale pour l'IA,FR,ai-strategy,2018,,,report\n", encoding="utf-8")
    index = tmp_path / "index"
    run_cli("build", "--corpus", str(corpus), "--index", str(index))
    docs = {d["id"]: d for d in snapshots.read_report(snapshots.current_path(index))["documents"]}
    assert (docs["ke-regs"]["type"], docs["ke-regs"]["type_automatic"]) == ("regulation", True)
    assert (docs["fr-ia"]["type"], docs["fr-ia"]["type_automatic"]) == ("report", False)   # the row wins
    proc, server = start_server(index)
    try:
        assert server.json("/api/v1/search?q=&type=regulation")[1]["results"][0]["id"] == "ke-regs"
        body = server.get("/doc/ke-regs")[2]
        assert "Regulation" in body and "guessed from the title" in body
        assert "guessed from the title" not in server.get("/doc/fr-ia")[2]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.parametrize("topic, hl, label, doc_id", [
    ("blockchain", "ar", "سلسلة الكتل", "ca-blockchain-timestamp-guideline-en"),
    ("creative-industries", "zh", "创意产业", "be-arrete-royal-musique-en-ligne-fr"),
])
def test_new_topics_have_labels_and_sample_documents(server, topic, hl, label, doc_id):
    status, data = server.json(f"/api/v1/search?q=&topic={topic}&hl={hl}&language=fr&language=en&language=ar")
    assert status == 200
    assert [v["label"] for v in data["facets"]["topic"] if v["value"] == topic] == [label]
    found = {r["id"] for r in data["results"]} | {v["id"] for r in data["results"] for v in r["versions"]}
    assert doc_id in found


def test_the_glossary_knows_the_new_topics_across_languages(server):
    # typed in Spanish, found in the Canadian guideline written in English and French
    status, data = server.json("/api/v1/search?q=cadena+de+bloques")
    assert status == 200 and data["expansion"] and "blockchain" in data["expansion"]["concepts"]
    assert data["results"][0]["id"].startswith("ca-") and "blockchain" in data["results"][0]["topics"]
    status, data = server.json("/api/v1/search?q=" + quote("креативные индустрии"))
    assert "creative-industries" in data["expansion"]["concepts"] and data["total"] >= 2
