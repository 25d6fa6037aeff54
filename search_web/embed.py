"""``/embed``: a search as a compact list, without scripts, that other sites may put in an iframe.

Only this route lets other origins frame it (``frame-ancestors *``); every other page keeps
``'none'``. Its links open in a new tab: inside a partner's page, a click belongs to the visitor.
"""
from html import escape

FRAME_ANY = "frame-ancestors *"
MAX_RESULTS = 20    # the list a partner shows; "View all" leads to the rest


def csp(site_csp):
    """The site's policy with framing allowed from anywhere."""
    return site_csp.replace("frame-ancestors 'none'", FRAME_ANY)


def snippet(urls, params):
    """What a partner pastes: the iframe of this search, and its feed. Escaped here, as the page
    shows it as text."""
    src = urls.embed(params)
    return {"iframe": f'<iframe src="{escape(src)}" width="100%" height="480" style="border:0" '
                      f'title="Policy Clearing House"></iframe>',
            "feed": urls.absolute(urls.feed(params))}
