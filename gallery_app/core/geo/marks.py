# SPDX-License-Identifier: GPL-3.0-or-later
"""Each located entry becomes one mark that says where its place came from.

* ``GPS``: coordinates read from the photo file -> a solid pin;
* ``GAZETTEER``: a caption's city placed by the gazetteer -> a ring;
* ``STRETCH``: "the main road between Baghdad and Tikrit" -> a dashed segment
  between the two gazetteer places;
* ``REGION``: a caption that names only a country (or a province) -> that
  region's outline, never a pin at its centroid; a province found among the
  bundled first-level regions (``regions.RegionSet.find``) is drawn as itself.

When a file's GPS and its caption's place are farther apart than
``distance.DISAGREE_KM``, the GPS mark carries the caption's place and the
distance, and the map draws both, joined.  Building marks parses captions, so
it runs off the GUI thread for big galleries.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from gallery_app.core.captions import gazetteer
from gallery_app.core.geo.distance import DISAGREE_KM, distance_km
from gallery_app.core.geo.regions import Region, load_regions
from gallery_app.core.models import Entry, Location

_BETWEEN_RE = re.compile(r"\bbetween\s+(.+?)\s+and\s+(.+?)\s*$", re.IGNORECASE)
# A metadata template's own words left in a photo: "State", "Country", or the IPTC
# reference images' "Country (Core) (ref2014)".  Such a place is no place.
_TEMPLATE_WORDS = frozenset(
    {"state", "province", "province-state", "province/state", "country", "country name", "city"}
)
_TEMPLATE_RE = re.compile(r"\((core|extension)\)|\(ref\s*\d{4}", re.IGNORECASE)
_CAPTION_SOURCES = ("caption", "gazetteer", "geonames")


class MarkKind(StrEnum):
    GPS = "gps"
    GAZETTEER = "gazetteer"
    STRETCH = "stretch"
    REGION = "region"


@dataclass(frozen=True)
class GeoPoint:
    name: str
    lon: float
    lat: float


@dataclass(frozen=True)
class Disagreement:
    """The caption's own place, when it lies far from the file's GPS."""

    caption_place: GeoPoint
    km: float


@dataclass(frozen=True)
class Mark:
    entry_id: str
    kind: MarkKind
    label: str
    point: GeoPoint | None = None  # GPS and gazetteer marks
    ends: tuple[GeoPoint, GeoPoint] | None = None  # stretches
    region_code: str | None = None  # regions: ISO country code
    region_name: str | None = None  # regions: the province named, if any
    disagreement: Disagreement | None = None
    province: Region | None = field(default=None, compare=False)  # the region found, if any

    @property
    def group_key(self) -> tuple[object, ...]:
        """Marks drawn as one shape (a stretch, a region) share this key."""
        if self.ends is not None:
            a, b = self.ends
            return (MarkKind.STRETCH, a.lon, a.lat, b.lon, b.lat)
        return (MarkKind.REGION, self.region_key)

    @property
    def region_key(self) -> str:
        """ "IQ" for a whole country, "IQ/Sala ad-Din" for one of its provinces."""
        code = (self.region_code or "").upper()
        return f"{code}/{self.province.name}" if self.province is not None else code


CaptionPlace = Callable[[Entry], Location | None]


def caption_place_of(entry: Entry) -> Location | None:
    """The place the caption itself names (for comparing with the file's GPS)."""
    from gallery_app.core.captions.parse import parse_caption  # deferred: regex tables

    return parse_caption(entry.caption).location if entry.caption.strip() else None


def build_marks(entries: Iterable[Entry], caption_place: CaptionPlace | None = None) -> list[Mark]:
    """One mark per entry whose place can be drawn, in the order given."""
    compare = caption_place or caption_place_of
    marks = []
    for entry in entries:
        mark = mark_for(entry, compare)
        if mark is not None:
            marks.append(mark)
    return marks


def is_from_caption(loc: Location) -> bool:
    source = (loc.source or "").casefold()
    return any(word in source for word in _CAPTION_SOURCES)


def is_template_text(value: str | None) -> bool:
    """A field still holding a template's placeholder ("State", "Country (Core) (ref2014)")."""
    if not value:
        return False
    text = " ".join(value.split()).casefold()
    return text in _TEMPLATE_WORDS or _TEMPLATE_RE.search(text) is not None


def mark_for(entry: Entry, caption_place: CaptionPlace | None = None) -> Mark | None:
    loc = entry.location
    if loc is None:
        return None
    if loc.lat is None and (is_template_text(loc.country) or is_template_text(loc.region)):
        return None  # "State, Country": a template's text, not a place (and its code no more)
    label = loc.label()
    if loc.lat is not None and loc.lon is not None:
        point = GeoPoint(loc.city or label, loc.lon, loc.lat)
        if is_from_caption(loc):
            return Mark(entry.id, MarkKind.GAZETTEER, label, point=point)
        found = _disagreement(entry, point, caption_place) if caption_place else None
        return Mark(entry.id, MarkKind.GPS, label, point=point, disagreement=found)
    ends = stretch_ends(loc.sublocation or loc.name or "", loc.country_code)
    if ends is not None:
        return Mark(entry.id, MarkKind.STRETCH, loc.sublocation or label, ends=ends)
    town = _town(loc)
    if town is not None:  # a city named in the file's metadata, placed by the gazetteer
        return Mark(entry.id, MarkKind.GAZETTEER, label, point=town)
    code = loc.country_code or (gazetteer.country_code(loc.country) if loc.country else None)
    if code:
        country = loc.country or gazetteer.country_name(code) or code
        province = load_regions().find(code, loc.region) if loc.region else None
        return Mark(
            entry.id,
            MarkKind.REGION,
            country,
            region_code=code,
            region_name=loc.region,
            province=province,
        )
    return None


def _town(loc: Location) -> GeoPoint | None:
    if not loc.city or is_from_caption(loc):
        return None  # a caption's city has its coordinates already, or none could be found
    found = gazetteer.lookup_place(loc.city, loc.region, loc.country_code or loc.country)
    return GeoPoint(loc.city, found.lon, found.lat) if found is not None else None


def _disagreement(entry: Entry, gps: GeoPoint, caption_place: CaptionPlace) -> Disagreement | None:
    place = caption_place(entry)
    if place is None or place.lat is None or place.lon is None:
        return None
    km = distance_km(gps.lon, gps.lat, place.lon, place.lat)
    if km <= DISAGREE_KM:
        return None
    return Disagreement(GeoPoint(place.city or place.label(), place.lon, place.lat), km)


def stretch_ends(text: str, country_code: str | None) -> tuple[GeoPoint, GeoPoint] | None:
    """ "the main road between Baghdad and Tikrit" -> the two gazetteer places."""
    first = text.split(",", 1)[0]
    match = _BETWEEN_RE.search(first)
    if match is None:
        return None
    a = _place(match.group(1), country_code)
    b = _place(match.group(2), country_code)
    return (a, b) if a is not None and b is not None else None


@functools.lru_cache(maxsize=1024)
def _place(name: str, country_code: str | None) -> GeoPoint | None:
    """A gazetteer place, named as the caption writes it ("Tikrit", not "Tikrīt")."""
    name = name.strip(" .;:").removeprefix("the ")
    found = gazetteer.lookup_place(name, country=country_code)
    return GeoPoint(name, found.lon, found.lat) if found is not None else None


def marks_points(marks: Iterable[Mark]) -> list[tuple[float, float]]:
    """(lon, lat) of every point a mark stands on (both ends of a stretch)."""
    out: list[tuple[float, float]] = []
    for m in marks:
        if m.point is not None:
            out.append((m.point.lon, m.point.lat))
        if m.ends is not None:
            out += [(m.ends[0].lon, m.ends[0].lat), (m.ends[1].lon, m.ends[1].lat)]
    return out
