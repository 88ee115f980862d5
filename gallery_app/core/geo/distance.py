# SPDX-License-Identifier: GPL-3.0-or-later
"""How far apart two places are, for "the GPS and the caption disagree by 240 km".

The one function the map uses for that distance; when the caption checks
report a GPS/caption finding, the map reads its distance instead.
"""

from __future__ import annotations

import math

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)
DISAGREE_KM = 25.0  # farther than this, a file's GPS and its caption's place disagree


def distance_km(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    """Great-circle (haversine) distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def format_km(km: float) -> str:
    """ "3.2 km", "240 km", "1,250 km"."""
    return f"{km:.1f} km" if km < 10 else f"{km:,.0f} km"
