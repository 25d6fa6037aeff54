"""The formats beyond PDF, Word, HTML and text: OpenDocument, RTF, Word 97-2003, PowerPoint, e-mail.
The sample corpus has one real document of each (tests/test_corpus_documents.py reads them word for
word); these are the cases around them, with small files made here."""
from email.message import EmailMessage

from conftest import FIXTURES, corpus_file, run_cli
from docmaker import odf_from_xml
from indexer.reader import read


def test_odf_spreadsheet_rows_and_presentation_slides(tmp_path):
    sheet = odf_from_xml(tmp_path / "budget.ods", "spreadsheet",
                         "<office:spreadsheet><table:table><table:table-row><table:table-cell><text:p>Programme</text:p>"
                         "</table:table-cell><table:table-cell><text:p>Crédits</text:p></table:table-cell>"
                         "</table:table-row><table:table-row><table:table-cell><text:p>Données ouvertes</text:p>"
                         "</table:table-cell><table:table-cell><text:p>12 millions</text:p></table:table-cell>"
                         "</table:table-row></table:table></office:spreadsheet>")
    reading = read(sheet)
    assert (reading.format, reading.status) == ("ods", "ok")
    assert reading.text == "Programme | Crédits\n\nDonnées ouvertes | 12 millions"
    slides = odf_from_xml(tmp_path / "deck.odp", "presentation",
                          "<office:presentation><draw:page><draw:frame><draw:text-box><text:p>Premier"
                          "<text:s text:c=\"2\"/>point</text:p></draw:text-box></draw:frame></draw:page>"
                          "<draw:page><draw:frame><draw:text-box><text:p>Second point<text:note><text:note-body>"
                          "<text:p>Une note.</text:p></text:note-body></text:note></text:p></draw:text-box>"
                          "</draw:frame><presentation:notes><text:p>Notes de l'orateur</text:p></presentation:notes>"
                          "</draw:page></office:presentation>")
    reading = read(slides)
    assert (reading.format, reading.pages) == ("odp", 2)
    assert reading.text == "Premier  point\fSecond point\n\nUne note."


def test_rtf_code_pages_and_unicode_escapes_never_markup(tmp_path):
    cases = {
        "pl.rtf": (rb"{\rtf1\ansi\ansicpg1250\deff0{\fonttbl{\f0\fcharset238 Arial;}}{\info{\title Ustawa}}"
                   rb"\f0 Ustawa o ochronie danych osobowych przetwarzanych w zwi\'b9zku z zapobieganiem "
                   rb"przest\'eapczo\'9cci.\par Administrator danych wyznacza inspektora ochrony danych.\par}",
                   "Ustawa o ochronie danych osobowych przetwarzanych w związku z zapobieganiem przestępczości.\n\n"
                   "Administrator danych wyznacza inspektora ochrony danych.", "pl"),
        "ja.rtf": (rb"{\rtf1\ansi\ansicpg932{\fonttbl{\f0\fcharset128 MS Mincho;}}\f0 \'8c\'c2\'90\'6c\'8f\'ee"
                   rb"\'95\'f1\'82\'cc\'95\'db\'8c\'ec\'82\'c9\'8a\'d6\'82\'b7\'82\'e9\'96\'40\'97\'a5\par}",
                   "個人情報の保護に関する法律", "ja"),
        "cs.rtf": (rb"{\rtf1\ansi\uc1 Z\u225?kon o zpracov\u225?n\u237? osobn\u237?ch \u250?daj\u367? a o "
                   rb"zm\u283?n\u283? n\u283?kter\u253?ch z\u225?kon\u367?.\par}",
                   "Zákon o zpracování osobních údajů a o změně některých zákonů.", "cs"),
    }
    for name, (data, text, language) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        reading = read(path)
        assert (reading.format, reading.status, reading.text) == ("rtf", "ok", text), name
        assert reading.language == language, name


def test_word_97_files_need_antiword_and_say_so_without_it():
    sample = str(corpus_file("ao-regulamento-assinatura-digital"))
    without = run_cli("check", sample, str(FIXTURES / "memo.doc"), env={"PATH": "/nonexistent"}, check=False)
    assert without.stdout.count("apt-get install antiword") == 2 and ".docx" in without.stdout
    assert read(sample).status == "ok"
    assert ".docx" in read(FIXTURES / "memo.doc").error   # an OLE file that is no Word document


def test_pptx_slides_are_pages_in_deck_order():
    reading = read(corpus_file("sn-strategie-numerique-presentation"))
    assert reading.format == "pptx" and reading.pages == 5
    firsts = [page.split("\n\n")[0] for page in reading.text.split("\f")]
    assert firsts == ["Stratégie nationale du numérique : présentation aux partenaires", "Diagnostic",
                      "Objectifs à l'horizon 2030", "Gouvernance", "Financement"]


def test_eml_body_and_every_attachment_are_one_document(tmp_path):
    message = EmailMessage()
    message["From"], message["To"], message["Subject"] = "a@example.org", "b@example.org", "Contribution"
    message.set_content("<p>Veuillez trouver ci-joint notre contribution à la consultation.</p>", subtype="html")
    message.add_attachment("Nous proposons de publier le registre des algorithmes publics.".encode("utf-8"),
                           maintype="text", subtype="plain", filename="contribution.txt")
    message.add_attachment(b"\x00\x01\x02 binary", maintype="application", subtype="octet-stream",
                           filename="signature.bin")
    path = tmp_path / "mail.eml"
    path.write_bytes(bytes(message))
    reading = read(path)
    assert (reading.format, reading.status, reading.title, reading.language) == ("eml", "ok", "Contribution", "fr")
    assert reading.text.split("\f") == [
        "Veuillez trouver ci-joint notre contribution à la consultation.",
        "contribution.txt\n\nNous proposons de publier le registre des algorithmes publics."]
    assert reading.notes[0] == "attachment contribution.txt: read as text"
    assert reading.notes[1].startswith("attachment signature.bin: unsupported format")
    sample = read(corpus_file("nz-submission-ai-copyright-email"))
    assert "submission.docx" in sample.text and "collective licensing" in sample.text
