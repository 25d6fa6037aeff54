"""Interface strings in the six UN languages, Portuguese and German, from gettext catalogs.

``locales/<hl>/LC_MESSAGES/messages.po`` holds each language's translations in the standard gettext
form; they are compiled in memory when first used, so no compiled ``.mo`` file lives in the repo.
English is the source language and needs no catalog.
"""
import gettext
import io
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES = Path(__file__).parent / "locales"
LANGUAGES = ("en", "fr", "es", "ar", "zh", "ru", "pt", "de")


@lru_cache(maxsize=None)
def translations(hl):
    """A ``gettext`` translations object for interface language ``hl`` (English for unknown codes)."""
    po = LOCALES / hl / "LC_MESSAGES" / "messages.po"
    if hl == "en" or not po.is_file():
        return gettext.NullTranslations()
    with open(po, "rb") as f:
        catalog = read_po(f, locale=hl)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@lru_cache(maxsize=None)
def native_name(hl):
    """The language's name in itself, as the switcher offers it ("Deutsch", "العربية")."""
    name = Locale.parse(hl).get_display_name(hl)
    return name[:1].upper() + name[1:]
