# SPDX-License-Identifier: GPL-3.0-or-later
"""Web Mercator, the projection of every web map, in world units of 0..1.

``x`` grows east from the antimeridian, ``y`` grows south from about 85° N;
one world unit is 256 * 2**zoom pixels (OpenStreetMap's tile scheme), so
optional online tiles line up with the vector basemap.
"""

from __future__ import annotations

import math

import numpy as np
import numpy.typing as npt

MAX_LAT = 85.05112878  # where Web Mercator's square world ends


def clamp_lat(lat: float) -> float:
    return max(-MAX_LAT, min(MAX_LAT, lat))


def project(lon: float, lat: float) -> tuple[float, float]:
    """Longitude, latitude (degrees) -> world x, y in 0..1."""
    return (lon + 180.0) / 360.0, mercator_y(lat)


def mercator_y(lat: float) -> float:
    """Latitude (degrees) -> world y in 0..1 (0 at about 85° N)."""
    sin = math.sin(math.radians(clamp_lat(lat)))
    return 0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi)


def unproject(x: float, y: float) -> tuple[float, float]:
    """World x, y -> longitude, latitude (degrees); the inverse of :func:`project`."""
    lon = x * 360.0 - 180.0
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * y))))
    return lon, lat


def project_ring(coords: list[tuple[float, float]]) -> list[tuple[float, float]]:
    return [project(lon, lat) for lon, lat in coords]


def project_many(
    lons: npt.NDArray[np.float64], lats: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """:func:`project` over arrays at once: an (n, 2) array of world x, y."""
    sin = np.sin(np.radians(np.clip(lats, -MAX_LAT, MAX_LAT)))
    ys = 0.5 - np.log((1 + sin) / (1 - sin)) / (4 * math.pi)
    return np.column_stack(((lons + 180.0) / 360.0, ys))
