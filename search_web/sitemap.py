"""``/sitemap.xml`` for search engines: every document's address with the time it last changed.

A collection past ``page_size`` addresses (the protocol allows 50,000 per file) gets a sitemap index
whose pages are ``/sitemap.xml?page=N``.
"""
from xml.sax.saxutils import escape

PAGE_SIZE = 50_000   # the sitemap protocol's limit of URLs per file
NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def documents(report):
    """``(id, lastmod)`` of every published document, in a stable order."""
    return sorted((d["id"], (d.get("updated") or d.get("added") or "")[:10]) for d in report.get("documents", []))


def pages(report, page_size):
    return max(1, -(-len(report.get("documents", [])) // page_size))


def index_xml(urls, count, lastmod):
    entries = "".join(f"<sitemap><loc>{escape(urls.sitemap(n))}</loc><lastmod>{lastmod}</lastmod></sitemap>\n"
                      for n in range(1, count + 1))
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="{NS}">\n{entries}</sitemapindex>\n'


def urlset_xml(urls, entries):
    body = "".join(f"<url><loc>{escape(urls.permalink(doc_id))}</loc>"
                   + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "") + "</url>\n"
                   for doc_id, lastmod in entries)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{NS}">\n{body}</urlset>\n'


def sitemap(report, urls, page, page_size=PAGE_SIZE):
    """The sitemap, its index, or one of its pages (``page`` None: whichever the size calls for);
    None for a page that does not exist."""
    count = pages(report, page_size)
    everything = documents(report)
    if page is None:
        if count == 1:
            return urlset_xml(urls, everything)
        return index_xml(urls, count, report.get("built_at", "")[:10])
    if not 1 <= page <= count:
        return None
    return urlset_xml(urls, everything[(page - 1) * page_size:page * page_size])
