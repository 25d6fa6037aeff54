"""The interface in the six UN languages: every message translated, placeholders intact, pages served."""
import re
import urllib.request

import pytest
from babel.messages.pofile import read_po

from conftest import ROOT
from search_web import facet_view, i18n, public_notices

SOURCES = [*(ROOT / "search_web" / "templates").glob("*.tpl"), ROOT / "search_web" / "app.py", ROOT / "search_web" / "admin.py",
           ROOT / "search_web" / "search.py", ROOT / "search_web" / "filter_values.py",
           ROOT / "search_web" / "web_request.py"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def used_messages():
    """Message ids the code asks for: ``_()``/``tr()`` calls, ``ngettext`` pairs, notices, statuses."""
    singles, plurals = set(), set()
    for path in SOURCES:
        text = path.read_text(encoding="utf-8")
        plurals.update(m.group(2, 4) for m in re.finditer(
            r"""ngettext\(\s*(['"])(.*?)\1\s*,\s*(['"])(.*?)\3""", text))
        singles.update(m.group(2) for m in re.finditer(r"""(?<![A-Za-z])(?:_|tr)\(\s*(['"])(.*?)(?<!\\)\1""", text))
        singles.update(m.group(2) for m in re.finditer(r"""notices\.append\(\(\s*(['"])(.*?)\1""", text))
        statuses = re.search(r"STATUS_LABELS = \{(.*?)\}", text)
        if statuses:
            singles.update(re.findall(r':\s*"(.*?)"', statuses.group(1)))
        # the title and message of an error answer
        for m in re.finditer(r"""Problem\(\d+,\s*(['"])(.*?)\1,\s*(['"])(.+?)\3\s*[,)]""", text):
            singles.update(m.group(2, 4))
    # labels of empty facet values, and what the document page says of a text it could not read
    singles.update(facet_view.NO_VALUE.values())
    singles.update([*public_notices.BY_STATUS.values(), public_notices.PARTIAL])
    return singles, plurals


def catalog(hl):
    with open(i18n.LOCALES / hl / "LC_MESSAGES" / "messages.po", "rb") as f:
        return read_po(f, locale=hl)


def test_the_code_uses_messages_at_all():
    singles, plurals = used_messages()
    assert len(singles) > 40 and ("%(count)d document", "%(count)d documents") in plurals


@pytest.mark.parametrize("hl", [hl for hl in i18n.LANGUAGES if hl != "en"])
def test_every_message_is_translated_with_its_placeholders(hl):
    cat = catalog(hl)
    singles, plurals = used_messages()
    for msgid in singles:
        message = cat.get(msgid)
        assert message is not None and message.string, f"{hl}: no translation of {msgid!r}"
        assert set(PLACEHOLDER.findall(message.string)) == set(PLACEHOLDER.findall(msgid)), (hl, msgid)
    for pair in plurals:
        message = cat.get(pair)
        assert message is not None, f"{hl}: no translation of {pair!r}"
        assert len(message.string) == cat.num_plurals and all(message.string), (hl, pair)
        # a plural form may spell the number out ("one document"), never use another placeholder
        assert all(set(PLACEHOLDER.findall(form)) <= {"count"} for form in message.string), (hl, pair)


@pytest.mark.parametrize("hl, word", [("fr", "Rechercher"), ("es", "Buscar"), ("ru", "Найти"), ("zh", "搜索"),
                                      ("ar", "بحث"), ("en", "Search")])
def test_pages_speak_the_interface_language(server, hl, word):
    status, _, body = server.get(f"/search?q=patent&hl={hl}")
    assert status == 200 and f">{word}</button>" in body and f'lang="{hl}"' in body


def test_accept_language_chooses_when_hl_is_absent(server):
    request = urllib.request.Request(server.base + "/search?q=", headers={"Accept-Language": "ru-RU,ru;q=0.9,en;q=0.5"})
    with urllib.request.urlopen(request, timeout=30) as r:
        body = r.read().decode("utf-8")
    assert ">Найти</button>" in body and "61 документ<" in body


def test_notices_are_translated_in_the_api(server):
    status, data = server.json("/api/v1/search?q=" + "(((" + "&hl=fr")
    assert data["notices"] == ["Une partie de la syntaxe de recherche n'a pas été comprise ; "
                               "les mots ont été recherchés tels quels."]
