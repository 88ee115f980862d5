# SPDX-License-Identifier: GPL-3.0-or-later
"""The caption's place against the file's GPS position (or its IPTC City).

The radius fits the kind of place the caption names:

- a city: its GeoNames point, 50 km (100 km for a city of a million people):
  a city's outskirts and a phone's GPS error, not the next city;
- a US state: some place of that state within 150 km of the point;
- a country: some place of that country within 100 km of the point (a photo
  near a border is not flagged; one taken in another country is).

A caption with no place, or a file with no position, gives nothing.
"""

from __future__ import annotations

from gallery_app.core.captions import gazetteer
from gallery_app.core.checks.findings import Issue, Severity, Witness
from gallery_app.core.checks.nearest import distance_km, places_near
from gallery_app.core.checks.witnesses import CAPTION_SOURCE, Witnesses
from gallery_app.core.models import Location

CITY_RADIUS_KM = 50.0
BIG_CITY_RADIUS_KM = 100.0
BIG_CITY = 1_000_000
STATE_RADIUS_KM = 150.0
COUNTRY_RADIUS_KM = 100.0


def _file_point(w: Witnesses) -> tuple[float, float, str] | None:
    loc = w.file.location if w.file is not None else None
    if loc is None:
        return None
    if loc.lat is not None and loc.lon is not None:
        return loc.lat, loc.lon, (w.file.sources.get("gps") if w.file else None) or "GPS"
    if loc.city:
        place = gazetteer.lookup_place(loc.city, loc.region, loc.country or loc.country_code)
        if place is not None:
            return place.lat, place.lon, f"IPTC/XMP City ({loc.city})"
    return None


def _says_nothing(loc: Location | None) -> bool:
    return loc is None or not (loc.label() or loc.lat is not None)


def _claimed(w: Witnesses) -> tuple[Location, Witness] | None:
    loc, role, source = w.caption.location, "caption", CAPTION_SOURCE
    if _says_nothing(loc):
        loc, role, source = w.gallery.location, "gallery", "gallery"
    if loc is None or _says_nothing(loc):
        return None
    return loc, Witness(role, source, loc.label())


def place_rule(w: Witnesses) -> list[Issue]:
    claimed = _claimed(w)
    if claimed is None:
        return []  # before the file's point: looking its city up may load the city index
    point = _file_point(w)
    if point is None:
        return []
    loc, claim = claimed
    lat, lon, source = point
    against = Witness("file", source, f"{lat:.5f}, {lon:.5f}")
    who = "caption" if claim.role == "caption" else "gallery"
    if loc.city and loc.lat is not None and loc.lon is not None:
        known = gazetteer.lookup_place(loc.city, loc.region, loc.country_code or loc.country)
        big = known is not None and known.population >= BIG_CITY
        radius = BIG_CITY_RADIUS_KM if big else CITY_RADIUS_KM
        far = distance_km(loc.lat, loc.lon, lat, lon)
        if far <= radius:
            return []
        return [
            Issue(
                f"The {who} places this photo in {loc.city}, but the file's position "
                f"({source}) is {far:,.0f} km away.",
                claim,
                against,
            )
        ]
    return _region_or_country(loc, claim, against, who, lat, lon)


def _region_or_country(
    loc: Location, claim: Witness, against: Witness, who: str, lat: float, lon: float
) -> list[Issue]:
    state = gazetteer.us_state(loc.region) if loc.region else None
    if state is not None and not loc.city:
        near = places_near(lat, lon, STATE_RADIUS_KM)
        if any(c == "US" and a == state.code for c, a in near):
            return []
        name = state.name
    else:
        code = loc.country_code or (gazetteer.country_code(loc.country) if loc.country else None)
        if code is None:
            return []
        if any(c == code for c, _ in places_near(lat, lon, COUNTRY_RADIUS_KM)):
            return []
        name = gazetteer.country_name(code) or code
    return [
        Issue(
            f"The {who} places this photo in {name}, but the file's position "
            f"({against.source}, {against.value}) is not in or near it.",
            claim,
            against,
            Severity.WARNING,
        )
    ]
