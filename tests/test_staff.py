"""Staff work from the command line: add, edit, withdraw, fix the manifest; exit codes; ids that never
break (301 to the new id, 410 for a withdrawn one); ``added`` kept across builds; sort=added."""
import json
import shutil
import time
import xml.etree.ElementTree as ET

import pytest

from conftest import CORPUS, FIXTURES, corpus_file, run_cli, start_server
from indexer import snapshots

HEADER = "id,file,title,country,topics,date,language,source_url\n"
RGPD = FIXTURES / "rgpd-latin1.txt"
AVIS = FIXTURES / "consultation-fr.html"


@pytest.fixture
def staff(tmp_path):
    """An empty corpus with the sample taxonomies, and where its index goes."""
    corpus = tmp_path / "corpus"
    (corpus / "documents").mkdir(parents=True)
    for name in ("topics.csv", "types.csv"):
        shutil.copy(CORPUS / name, corpus / name)
    (corpus / "manifest.csv").write_text(HEADER, encoding="utf-8")
    return corpus, tmp_path / "index"


def cli(staff, *args, check=True):
    corpus, index = staff
    return run_cli(*args, "--corpus", str(corpus), "--index", str(index), check=check)


def report_of(index):
    return snapshots.read_report(snapshots.current_path(index))


def docs_of(index):
    return {d["id"]: d for d in report_of(index)["documents"]}


def test_add_refuses_bad_metadata_naming_the_fix_and_changes_nothing(staff):
    corpus, _ = staff
    result = cli(staff, "add", str(RGPD), "--title", "Guide", "--country", "KENYA", "--topics", "data protection",
                 "--date", "14/12/2021", "--type", "lawz", check=False)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    for fix in ("did you mean KE?", "did you mean 'data-protection'?", "did you mean 2021-12-14?", "did you mean 'law'?"):
        assert fix in result.stderr, result.stderr
    assert (corpus / "manifest.csv").read_text(encoding="utf-8") == HEADER
    assert not any((corpus / "documents").rglob("*"))


def test_add_then_update_publishes_it_with_its_type_and_added_time(staff):
    corpus, index = staff
    out = cli(staff, "add", str(RGPD), "--title", "Guide RGPD, édition 2019", "--country", "fr",
              "--topics", "data-protection", "--date", "2019-05", "--type", "guideline").stdout
    assert "added fr-guide-rgpd-edition-2019" in out
    manifest = (corpus / "manifest.csv").read_text(encoding="utf-8")
    assert manifest.splitlines()[0] == HEADER.strip() + ",type"
    assert '"Guide RGPD, édition 2019",FR,data-protection,2019-05,,,guideline' in manifest
    assert (corpus / "documents/fr/rgpd-latin1.txt").is_file()
    assert cli(staff, "update").returncode == 0
    status = json.loads(run_cli("status", "--json", "--index", str(index)).stdout)
    doc = status["documents"][0]
    assert doc["type"] == "guideline" and doc["added"] and doc["added"] == doc["updated"]
    assert doc["change"] == "added" and doc["warnings"] == [] and doc["seconds"] >= 0
    again = cli(staff, "add", str(RGPD), "--title", "Copy", "--country", "FR", check=False)
    assert again.returncode == 1 and "already in the corpus" in again.stderr


def test_added_survives_full_builds_and_updated_follows_changes(staff):
    corpus, index = staff
    cli(staff, "add", str(RGPD), "--title", "Guide", "--country", "FR", "--id", "fr-guide")
    cli(staff, "build")
    first = docs_of(index)["fr-guide"]
    time.sleep(1.1)
    cli(staff, "build")
    assert docs_of(index)["fr-guide"]["added"] == first["added"]
    assert docs_of(index)["fr-guide"]["updated"] == first["updated"]
    cli(staff, "edit", "fr-guide", "--title", "Guide pratique", "--type", "guideline")
    cli(staff, "update")
    now = docs_of(index)["fr-guide"]
    assert now["added"] == first["added"] and now["updated"] > first["updated"]
    assert now["title"] == "Guide pratique" and now["type"] == "guideline" and now["change"] == "changed"


def test_a_title_with_an_unquoted_comma_is_diagnosed_and_never_published(staff):
    corpus, index = staff
    (corpus / "documents/fr.txt").write_bytes(RGPD.read_bytes())
    (corpus / "documents/ca.html").write_bytes(AVIS.read_bytes())
    (corpus / "manifest.csv").write_text(HEADER + "fr-ok,documents/fr.txt,Guide,FR,,2019,,\n"
                                         "ca-bad,documents/ca.html,Consultation on AI, copyright and data,CA,,2021,,\n",
                                         encoding="utf-8")
    strict = cli(staff, "update", "--strict", check=False)
    assert strict.returncode == 2 and "nothing was published" in strict.stderr
    assert not snapshots.published(index)
    result = cli(staff, "build", check=False)
    assert result.returncode == 1
    assert ("manifest.csv line 3: row has 9 fields, the header has 8: a title with a comma must be in quotes"
            in result.stdout)
    assert "no manifest row; not published" in result.stdout   # its file, now without a usable row
    assert set(docs_of(index)) == {"fr-ok"}
    fixed = cli(staff, "fix-manifest")
    assert "line 3: the comma(s) in its title put in quotes" in fixed.stdout
    assert list(corpus.glob("manifest.csv.*.bak"))
    assert cli(staff, "update").returncode == 0
    assert docs_of(index)["ca-bad"]["title"] == "Consultation on AI, copyright and data"


def test_a_semicolon_manifest_says_how_to_fix_it(staff):
    corpus, index = staff
    (corpus / "documents/fr.txt").write_bytes(RGPD.read_bytes())
    (corpus / "manifest.csv").write_text(HEADER.replace(",", ";") + "fr-ok;documents/fr.txt;Guide, 2e éd.;FR;;2019;;\n",
                                         encoding="utf-8")
    result = cli(staff, "build", check=False)
    assert result.returncode == 2 and "uses ';' between fields" in result.stderr
    assert "python -m indexer fix-manifest" in result.stderr and "Traceback" not in result.stderr
    cli(staff, "fix-manifest")
    assert cli(staff, "build").returncode == 0
    assert docs_of(index)["fr-ok"]["title"] == "Guide, 2e éd."


def test_ids_never_break_301_for_a_new_id_and_410_for_a_withdrawn_one(staff):
    corpus, index = staff
    shutil.copy(RGPD, corpus / "documents/rgpd.txt")
    shutil.copy(AVIS, corpus / "documents/avis.html")
    assert cli(staff, "build", check=False).returncode == 1          # two files without a row: reported
    assert not docs_of(index)
    cli(staff, "build", "--publish-unlisted", check=False)
    assert set(docs_of(index)) == {"rgpd-txt", "avis-html"}
    # the files are given rows: their first ids keep answering, as redirects
    (corpus / "manifest.csv").write_text(HEADER + "fr-rgpd,documents/rgpd.txt,Guide RGPD,FR,,2019,,\n"
                                         "fr-avis,documents/avis.html,Avis,FR,copyright,2021,,\n", encoding="utf-8")
    added = docs_of(index)["rgpd-txt"]["added"]
    assert cli(staff, "update").returncode == 0
    assert docs_of(index)["fr-rgpd"]["added"] == added
    cli(staff, "edit", "fr-avis", "--id", "fr-avis-consultation")
    cli(staff, "withdraw", "fr-rgpd")
    assert (corpus / "withdrawn/rgpd.txt").is_file() and not (corpus / "documents/rgpd.txt").exists()
    assert cli(staff, "update").returncode == 0
    assert "old ids:       3 redirected, 1 withdrawn" in run_cli("status", "--index", str(index)).stdout
    report = report_of(index)
    assert report["aliases"] == {"avis-html": "fr-avis-consultation", "fr-avis": "fr-avis-consultation",
                                 "rgpd-txt": "fr-rgpd"}   # which answers 410
    assert set(report["withdrawn"]) == {"fr-rgpd"}
    proc, server = start_server(index)
    try:
        for old in ("avis-html", "fr-avis"):
            status, headers, _ = no_redirect(server, f"/doc/{old}/file?hl=fr")
            assert status == 301 and headers["Location"].endswith("/doc/fr-avis-consultation/file?hl=fr")
        status, headers, _ = no_redirect(server, "/api/v1/doc/fr-avis")
        assert status == 301 and headers["Location"].endswith("/api/v1/doc/fr-avis-consultation")
        assert server.get("/doc/fr-avis")[0] == 200   # urllib follows the redirect
        status, _, body = server.get("/doc/fr-rgpd?hl=fr")
        assert status == 410 and "Guide RGPD" in body and "France" in body and report["withdrawn"]["fr-rgpd"]["withdrawn"][:10] in body
        status, data = server.json("/api/v1/doc/fr-rgpd")
        assert status == 410 and data["ok"] is False and data["status"] == 410 and data["withdrawn"]["title"] == "Guide RGPD"
        assert server.get("/doc/never-was")[0] == 404
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def no_redirect(server, path):
    import urllib.error
    import urllib.request

    class Stay(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None
    try:
        with urllib.request.build_opener(Stay).open(server.base + path, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def test_recently_added_comes_first_in_the_api_the_feed_and_the_home_page(staff):
    corpus, index = staff
    cli(staff, "add", str(corpus_file("pl-polityka-ai")), "--title", "Polityka AI", "--country", "PL",
        "--date", "2020", "--id", "pl-ai", "--group", "ai-policy")
    cli(staff, "update")
    time.sleep(1.1)
    # a 2012 document added today is what is new
    cli(staff, "add", str(RGPD), "--title", "Guide ancien", "--country", "FR", "--date", "2012", "--id", "fr-old")
    cli(staff, "update")
    proc, server = start_server(index)
    try:
        status, data = server.json("/api/v1/search?q=&sort=added")
        assert status == 200 and [r["id"] for r in data["results"]] == ["fr-old", "pl-ai"]
        assert all(r["added"] and r["updated"] and "type" in r for r in data["results"])
        assert data["results"][1]["versions"] == []   # a group of one: no other version
        assert [r["id"] for r in server.json("/api/v1/search?q=&sort=newest")[1]["results"]] == ["pl-ai", "fr-old"]
        atom = "{http://www.w3.org/2005/Atom}"
        feed = ET.fromstring(server.get("/feed?q=")[2])
        entries = feed.findall(atom + "entry")
        assert [e.find(atom + "title").text for e in entries] == ["Guide ancien", "Polityka AI"]
        assert entries[0].find(atom + "published").text == docs_of(index)["fr-old"]["added"]
        home = server.get("/")[2]
        assert "Recently added" in home and home.index("Guide ancien") < home.index("Polityka AI")
        assert "recently added" in server.get("/search?q=")[2]
    finally:
        proc.terminate()
        proc.wait(timeout=10)
