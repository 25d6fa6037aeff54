"""Language identification of a long document: once a passage is decided, the next ones that are
plainly in the same language skip langdetect, and a change of language is still found."""
import csv

import pytest

from conftest import ROOT
from indexer import reader
from indexer.lang import identify


def passages(code, kind="long"):
    with open(ROOT / "tests/eval/langid.csv", encoding="utf-8") as f:
        return [row["text"] for row in csv.DictReader(f) if row["language"] == code and row["kind"] == kind]


@pytest.fixture
def langdetect_calls(monkeypatch):
    calls = []
    real = identify.detect_langs

    def counted(text):
        calls.append(text)
        return real(text)
    monkeypatch.setattr(identify, "detect_langs", counted)
    return calls


def test_a_document_in_one_language_is_not_run_through_langdetect_passage_by_passage(langdetect_calls):
    english = passages("en")
    result = identify.profile(["\n\n".join(english)])
    assert result.main == "en" and {code for _, code, _ in result.passages} == {"en"}
    assert len(langdetect_calls) < len(english) / 2


@pytest.mark.parametrize("first, second", [("en", "fr"), ("es", "pt"), ("da", "sv")])
def test_a_change_of_language_mid_document_is_still_found(first, second):
    a, b = passages(first), passages(second)
    result = identify.profile(["\n\n".join(a) + "\n\n" + "\n\n".join(b)])
    codes = [code for _, code, _ in result.passages]
    assert set(result.shares) == {first, second}
    assert codes[:len(a)].count(first) >= len(a) - 1 and codes[len(a):].count(second) >= len(b) - 1


def test_a_passage_with_too_few_words_is_never_taken_for_plain():
    assert not identify._plainly("the data of the state and the law", "en")
    assert identify._plainly(passages("en")[0], "en")


def test_after_a_few_confirmations_prose_with_fewer_stop_words_skips_langdetect(langdetect_calls):
    # Polish policy prose: most of these passages have under a fifth of stop words, so the plain
    # check alone would send each of them to langdetect.
    polish = passages("pl") * 2
    result = identify.profile(["\n\n".join(polish)])
    assert {code for _, code, _ in result.passages} == {"pl"}
    assert len(langdetect_calls) <= identify.CONFIRMED_AFTER + 1


def test_prose_whose_stop_words_are_few_skips_langdetect_once_its_own_words_recur(langdetect_calls):
    # Turkish and Finnish join their grammar words onto other words, so few passages pass the
    # plain check; their repeated vocabulary tells them instead.
    for code in ("tr", "fi"):
        langdetect_calls.clear()
        text = passages(code) * 2
        result = identify.profile(["\n\n".join(text)])
        assert {c for _, c, _ in result.passages} == {code}
        assert len(langdetect_calls) <= len(text) / 2


def test_a_change_of_language_is_found_after_familiar_passages():
    turkish, english = passages("tr") * 2, passages("en")
    result = identify.profile(["\n\n".join(turkish + english)])
    codes = [code for _, code, _ in result.passages]
    assert codes[len(turkish):].count("en") >= len(english) - 1


def test_headings_take_the_language_of_the_document_they_are_made_of():
    # Real headings of the sample's EU regulation, which langdetect alone calls Italian, Romanian
    # or Catalan.
    reading = reader.read(ROOT / "corpus/documents/eu/ai-regulation-2024.pdf")
    headings = [text for _, code, text in reading.passages if text.startswith(("Article 1", "Chapter"))]
    assert headings and all(code == "en" for _, code, text in reading.passages if text in headings)
