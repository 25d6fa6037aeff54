"""The interface language a browser asks for: Accept-Language read with its q-weights, each tag
matched by Babel's ``negotiate_locale`` (``pt-BR`` is ``pt`` when we have Portuguese, else the next
language the browser asks for)."""
from babel import negotiate_locale

DEFAULT = "en"


def preferred(header):
    """The language tags of an Accept-Language header, most wanted first (ties keep the header's
    order); tags with ``q=0`` and the ``*`` wildcard are left out.

    >>> preferred("fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5")
    ['fr-CH', 'fr', 'en', 'de']
    >>> preferred("en;q=0.2, pt-BR")
    ['pt-BR', 'en']
    """
    weighted = []
    for position, part in enumerate(header.split(",")):
        tag, *params = [piece.strip() for piece in part.split(";")]
        if not tag or tag == "*":
            continue
        weight = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0   # a weight nobody can read is no wish
        if weight > 0:
            weighted.append((-weight, position, tag))
    return [tag for _, _, tag in sorted(weighted)]


def negotiate(header, available, default=DEFAULT):
    """The first of ``available`` that the header asks for, else ``default``.

    >>> negotiate("pt-BR,pt;q=0.9,en;q=0.8", ("en", "fr", "pt"))
    'pt'
    >>> negotiate("pt-BR,de;q=0.8,en;q=0.5", ("en", "de"))
    'de'
    >>> negotiate("en;q=0.3,ru;q=0.9", ("en", "ru"))
    'ru'
    """
    # Babel compares the whole tag, then its language part; no aliases, which would turn "pt" into
    # "pt_PT" and miss our plain "pt".
    found = negotiate_locale(preferred(header), available, sep="-", aliases=None)
    return found.lower() if found else default
