# SPDX-License-Identifier: GPL-3.0-or-later
"""Major rivers, bundled: Natural Earth's 1:50m rivers and lake centerlines.

``resources/basemap/rivers.json.gz`` (built by ``tools/build-basemap.py``)
holds every river line at two levels of detail (a continent, a country and
closer) as packed delta-encoded integers; :func:`load_rivers` decodes it once
(a few ms).  A damaged file gives no rivers and a logged sentence.
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
    levels: tuple[tuple[Line, ...], ...] = ()  # coarse first
    source: str = ""

    def lines(self, zoom: float) -> tuple[Line, ...]:
        """The lines to draw at ``zoom``: none for the whole world."""
        if zoom < RIVER_ZOOM or not self.levels:
            return ()
        return self.levels[min(len(self.levels) - 1, 1 if zoom >= FINE_ZOOM else 0)]


def rivers_path() -> Path:
    res = importlib.resources.files("gallery_app.resources") / "basemap" / "rivers.json.gz"
    return Path(str(res))


@functools.lru_cache(maxsize=2)
def load_rivers(path: Path | None = None) -> Rivers:
    """The bundled rivers (or ``path``), decoded once; none when unreadable."""
    path = path or rivers_path()
    try:
        data = json.loads(gzip.decompress(path.read_bytes()))
        scale = float(data["scale"])
        levels = tuple(tuple(unpack(str(s), scale) for s in level) for level in data["levels"])
        return Rivers(levels, str(data.get("source", "")))
    except (OSError, ValueError, KeyError, TypeError, EOFError) as exc:
        log.warning("The map's rivers could not be read from %s (%s); no rivers.", path, exc)
        return Rivers()
