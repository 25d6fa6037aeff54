"""Facets as a visitor meets them: every value reachable, an order that reads well in the interface
language, no blank labels, and no "undetermined" language to narrow to."""
import html
import re

from search_web import facet_view, i18n


def facet_links(body, facet):
    """``[(label, href)]`` of one facet's value links on a page."""
    section = re.search(rf'<section class="facet" id="facet-{facet}">(.*?)</section>', body, re.S)
    return [(html.unescape(label).strip(), html.unescape(href))
            for href, label in re.findall(r'<li><a href="([^"]+)"[^>]*>([^<]*)<span', section.group(1))] if section else []


def test_every_country_is_reachable_through_a_more_link_that_keeps_the_search(server):
    _, data = server.json("/api/v1/search?q=&xl=0&language=en&language=fr&language=es&language=ru&language=ar"
                          "&language=de&language=zh&language=pt&language=it&language=ja&language=und")
    every = {v["value"] for v in data["facets"]["country"]}
    assert len(every) > facet_view.TOP      # the API's list is complete
    _, _, body = server.get("/search?q=&xl=0&language=en&language=fr&language=es&language=ru&language=ar"
                            "&language=de&language=zh&language=pt&language=it&language=ja&language=und")
    assert len(facet_links(body, "country")) == facet_view.TOP
    more = html.unescape(re.search(r'<p class="more"><a href="([^"]*more=country[^"]*)"', body).group(1))
    assert "xl=0" in more and more.count("language=") == 11 and "hl=en" in more
    _, _, full = server.get(more)
    shown = {re.search(r"country=(\w+)", href).group(1) for _, href in facet_links(full, "country")}
    assert shown == every
    assert "Show fewer" in full


def test_countries_by_count_then_by_their_collated_name_in_the_interface_language(server):
    _, data = server.json("/api/v1/search?q=&hl=fr")
    countries = data["facets"]["country"]
    assert [v["count"] for v in countries] == sorted((v["count"] for v in countries), reverse=True)
    twice = [v["label"] for v in countries if v["count"] == 2]
    # by code (BR, EG, FR, IN, JP, US) États-Unis came last; by code point, É after every A–Z
    assert twice == ["Brésil", "Canada", "Égypte", "États-Unis", "France", "Inde", "Japon"]


def test_years_are_listed_newest_first(server):
    _, data = server.json("/api/v1/search?q=")
    years = [v["value"] for v in data["facets"]["year"]]
    assert len(years) > 3 and years == sorted(years, reverse=True)


def test_undetermined_is_not_offered_as_a_language_but_stays_in_the_api(server):
    _, data = server.json("/api/v1/search?q=")
    assert "und" in {v["value"] for v in data["facets"]["language"]}
    _, _, body = server.get("/search?q=&more=language")
    languages = facet_links(body, "language")
    assert len(languages) > facet_view.TOP and not any("language=und" in href for _, href in languages)


def test_values_without_a_country_or_a_date_have_real_translated_labels():
    ar = i18n.translations("ar").gettext
    assert facet_view.label("country", "", {}, "en", str) == "No country"
    assert facet_view.label("year", "", {}, "ar", ar) == "بلا تاريخ"
    values = [{"value": "", "count": 5, "label": "Undated"}, {"value": "2019", "count": 1, "label": "2019"},
              {"value": "2024", "count": 2, "label": "2024"}]
    assert [v["value"] for v in facet_view.ordered("year", values)] == ["2024", "2019", ""]


def test_a_selected_value_below_the_top_ten_stays_on_the_page_as_current(server):
    _, data = server.json("/api/v1/search?q=")
    last = data["facets"]["country"][-1]["value"]
    _, _, body = server.get(f"/search?q=&country={last}")
    countries = facet_links(body, "country")
    assert len(countries) == facet_view.TOP + 1 and f"country={last}" not in countries[-1][1]   # its link removes it
    selected = re.findall(r'<a href="[^"]*" class="selected" aria-current="true">', body)
    assert len(selected) == 1 and "aria-pressed" not in body


def test_the_home_page_does_not_count_undetermined_as_a_language(server):
    _, data = server.json("/api/v1/search?q=")
    languages = {v["value"] for v in data["facets"]["language"]}
    assert "und" in languages
    _, _, body = server.get("/")
    assert f"documents in {len(languages) - 1} languages" in body
