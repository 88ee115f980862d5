# SPDX-License-Identifier: GPL-3.0-or-later
"""Major rivers, bundled: Natural Earth's 1:50m rivers and lake centerlines.

``resources/basemap/rivers.json.gz`` (built by ``tools/build-basemap.py``)
holds every river line at two levels of detail (a continent, a country and
closer) as packed delta-encoded integers; :func:`load_rivers` reads it (a few
ms) and lines are decoded when asked for.  A damaged file gives no rivers and
a logged sentence.
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from gallery_app.core.geo.regions import Line, unpack

log = logging.getLogger(__name__)

RIVER_ZOOM = 3.0  # rivers are drawn from a continent's zoom on
FINE_ZOOM = 4.5  # and at full detail from a country's


@dataclass(frozen=True)
class Rivers:
    packed: tuple[tuple[str, ...], ...] = ()  # per level (coarse first), packed lines
    scale: float = 1000.0
    source: str = ""

    def level_for(self, zoom: float) -> int | None:
        """Which level of detail to draw at ``zoom``: none for the whole world."""
        if zoom < RIVER_ZOOM or not self.packed:
            return None
        return min(len(self.packed) - 1, 1 if zoom >= FINE_ZOOM else 0)

    def lines(self, zoom: float) -> tuple[Line, ...]:
        """The lines to draw at ``zoom``, decoded (lon, lat)."""
        level = self.level_for(zoom)
        if level is None:
            return ()
        return tuple(unpack(s, self.scale) for s in self.packed[level])


def rivers_path() -> Path:
    res = importlib.resources.files("gallery_app.resources") / "basemap" / "rivers.json.gz"
    return Path(str(res))


@functools.lru_cache(maxsize=2)
def load_rivers(path: Path | None = None) -> Rivers:
    """The bundled rivers (or ``path``), decoded once; none when unreadable."""
    path = path or rivers_path()
    try:
        data = json.loads(gzip.decompress(path.read_bytes()))
        packed = tuple(tuple(str(s) for s in level) for level in data["levels"])
        return Rivers(packed, float(data["scale"]), str(data.get("source", "")))
    except (OSError, ValueError, KeyError, TypeError, EOFError) as exc:
        log.warning("The map's rivers could not be read from %s (%s); no rivers.", path, exc)
        return Rivers()
