"""The page of a paged document where a query first matches, so that a result can open the PDF there
(``/doc/<id>/file#page=7``)."""
from search_web import snippets

MAX_PAGES = 300   # pages looked through; a match further in is not worth analysing the whole book


def first(text, fields, terms, schema):
    """The 1-based number of the first page (pages end in form feeds) whose text the query's terms
    match, or None for unpaged text or no match."""
    if "\f" not in text or not terms:
        return None
    for number, page in enumerate(text.split("\f")[:MAX_PAGES], 1):
        if snippets.spans(page, fields, terms, schema):
            return number
    return None
