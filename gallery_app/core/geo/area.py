# SPDX-License-Identifier: GPL-3.0-or-later
"""The area filter: a rectangle of longitude and latitude dragged on the map.

An entry is inside when a point it stands on is: its GPS or gazetteer place,
or either end of its stretch.  An entry located only by a country or a
province stands on no point, so an area never claims it: its place is not
known well enough to say it lies inside a box.
"""

from __future__ import annotations

from dataclasses import dataclass

from gallery_app.core.geo.marks import mark_for, marks_points
from gallery_app.core.models import Entry


@dataclass(frozen=True)
class GeoArea:
    west: float
    south: float
    east: float
    north: float

    @classmethod
    def spanning(cls, lon1: float, lat1: float, lon2: float, lat2: float) -> GeoArea:
        return cls(min(lon1, lon2), min(lat1, lat2), max(lon1, lon2), max(lat1, lat2))

    def contains(self, lon: float, lat: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north

    def describe(self) -> str:
        """ "33.10°–35.20° N, 42.00°–45.10° E" for the status bar."""
        return f"{_span(self.south, self.north, 'N', 'S')}, {_span(self.west, self.east, 'E', 'W')}"


def _span(low: float, high: float, pos: str, neg: str) -> str:
    def one(v: float) -> str:
        return f"{abs(v):.2f}° {pos if v >= 0 else neg}"

    return f"{one(low)} – {one(high)}"


def entry_in_area(entry: Entry, area: GeoArea) -> bool:
    """True when a point the entry's place stands on lies in ``area``."""
    mark = mark_for(entry)
    if mark is None:
        return False
    return any(area.contains(lon, lat) for lon, lat in marks_points([mark]))
