"""World regions from CLDR's territory containment (UN M49): Africa → Eastern Africa → Kenya.

Babel ships the names of the regions (``Locale.territories["014"]``) but not which countries each
contains, so the containment is read from CLDR's own ``supplementalData.xml`` (Debian's
``unicode-cldr-core``, which ``make install`` and ``.ci/run`` install). A region is a facet derived
from the country facet: selecting it selects its countries. An organisation that is a country code of
the collection (``EU``) is an entry of its own: its documents and its members'.
"""
import logging
import xml.etree.ElementTree as ET
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

SUPPLEMENTAL = (Path("/usr/share/unicode/cldr/common/supplemental/supplementalData.xml"),
                Path("/usr/share/liblangtag/common/supplemental/supplementalData.xml"))
WORLD = "001"


@lru_cache(maxsize=1)
def containment():
    """``(regions, organisations)``: M49 region -> the country codes it contains (sub-regions
    followed down), and organisation (CLDR grouping such as ``EU``) -> its members. Empty when no
    CLDR data is installed (the site then has no region facet, and says so once in its log)."""
    path = next((p for p in SUPPLEMENTAL if p.is_file()), None)
    if path is None:
        log.warning("no region facet: CLDR's supplementalData.xml is missing; run `apt-get install unicode-cldr-core`")
        return {}, {}
    children, groupings = {}, {}
    for group in ET.parse(path).getroot().iter("group"):
        if group.get("status") == "deprecated":
            continue
        members = group.get("contains", "").split()
        grouped = group.get("status") == "grouping" or group.get("grouping") == "true"
        (groupings if grouped else children).setdefault(group.get("type"), []).extend(members)
    regions = {}

    def countries(code):
        if code not in children:
            return {code}
        found = set().union(*(countries(c) for c in children[code]))
        if code != WORLD:
            regions[code] = found
        return found

    countries(WORLD)
    organisations = {code: set(members) for code, members in groupings.items()
                     if not code.isdigit() and all(len(m) == 2 and m.isalpha() for m in members)}
    return regions, organisations


def members(region):
    """The country codes a region value selects (an organisation: itself and its members)."""
    regions, organisations = containment()
    if region in organisations:
        return organisations[region] | {region}
    return regions.get(region, set())


def of_countries(codes):
    """``{region: its countries among codes}`` for every region or organisation with one of them."""
    regions, organisations = containment()
    codes = set(codes)
    found = {region: inside & codes for region, inside in regions.items() if inside & codes}
    found.update({org: (inside | {org}) & codes for org, inside in organisations.items() if org in codes})
    return found
