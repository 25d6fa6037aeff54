"""Regions (CLDR territory containment, organisations their own entry) and from=/to= date ranges."""
from search_web import regions


def test_containment_follows_m49_down_to_the_country():
    assert "KE" in regions.members("014") and "KE" in regions.members("002")     # Eastern Africa, Africa
    assert "KE" not in regions.members("150")
    assert {"EU", "FR", "DE"} <= regions.members("EU")      # an organisation: itself and its members
    assert regions.members("XX") == set()


def test_region_filter_selects_its_countries(server):
    status, data = server.json("/api/v1/search?q=&region=002")
    africa = regions.members("002")
    assert status == 200 and data["total"] >= 6
    assert {r["country"] for r in data["results"]} <= africa
    status, data = server.json("/api/v1/search?q=&region=014")
    assert {r["country"] for r in data["results"]} == {"KE"}


def test_region_facet_counts_with_cldr_labels_in_the_interface_language(server):
    status, data = server.json("/api/v1/search?q=&hl=fr")
    facet = {v["value"]: v for v in data["facets"]["region"]}
    assert facet["014"]["label"] == "Afrique orientale" and facet["014"]["count"] == 1
    assert facet["002"]["count"] > facet["014"]["count"]
    # the European Union has its own entry, which counts its own documents and its members'
    eu = server.json("/api/v1/search?q=&region=EU")[1]
    assert facet["EU"]["count"] == eu["total"] > 10
    assert server.json("/api/v1/search?q=&region=EU&country=EU")[1]["total"] >= 1


def test_region_facet_on_the_page(server):
    status, _, body = server.get("/search?q=&hl=ar")
    assert status == 200 and "المنطقة" in body and "أفريقيا" in body


def test_from_and_to_bound_the_dates(server):
    status, data = server.json("/api/v1/search?q=&from=2024&to=2024")
    assert status == 200 and data["total"] >= 5
    assert all(r["date"].startswith("2024") for r in data["results"])
    status, data = server.json("/api/v1/search?q=&from=2025-04&sort=oldest")
    dates = [r["date"] for r in data["results"]]
    assert dates and all(d >= "2025-04" for d in dates) and "2025-03-11" not in dates
    # a document dated only by its year overlaps a month of that year
    status, data = server.json("/api/v1/search?q=&from=2024-08-15&to=2024-08-20")
    assert [r["date"] for r in data["results"]] == ["2024-08"]
    # the other facets count within the range
    year = server.json("/api/v1/search?q=&to=2018")[1]["facets"]["year"]
    assert {v["value"] for v in year} <= {"2017", "2018"}


def test_a_range_with_nothing_in_it_offers_the_search_without_filters(server):
    status, _, body = server.get("/search?q=patent&from=1990&to=1991")
    assert status == 200 and "No documents match." in body
    assert '<a href="/search?q=patent&amp;hl=en">Search without the filters</a>' in body


def test_a_malformed_date_is_a_400_in_the_api_and_a_notice_on_the_page(server):
    status, data = server.json("/api/v1/search?q=&from=2021-2023")
    assert status == 400 and data["ok"] is False and "from must be a date" in data["error"]
    status, _, body = server.get("/search?q=&from=2021-2023")
    assert status == 200 and "2021-2023" in body and "it was left out" in body


def test_year_fields_beside_the_year_facet_keep_the_search(server):
    status, _, body = server.get("/search?q=patent&country=MX&from=2019")
    assert status == 200 and '<form class="date-range" action="/search" method="get">' in body
    assert '<input type="hidden" name="q" value="patent">' in body
    assert '<input type="hidden" name="country" value="MX">' in body
    assert 'name="from" min="1900" max="2100" inputmode="numeric" value="2019"' in body
    # links of the page keep the range
    assert "from=2019" in body.split('class="facets"')[1].split("</nav>")[0]
