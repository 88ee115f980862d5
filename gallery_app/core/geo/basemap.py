# SPDX-License-Identifier: GPL-3.0-or-later
"""The world drawn under the marks: Natural Earth outlines bundled with Dateline.

``resources/basemap/basemap.json.gz`` (built by ``tools/build-basemap.py``)
holds country and lake outlines at three levels of detail (simplified for
the world, a continent, a country) with coordinates quantized to 1/1000°
and delta-encoded, and populated places for labels.  :func:`load_basemap`
decodes it once (about 20 ms); a damaged file gives an empty basemap and a
logged sentence, and the map still shows its marks.
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

Ring = tuple[tuple[float, float], ...]  # (lon, lat) pairs


@dataclass(frozen=True)
class Outline:
    """A country or a lake: its rings at each level of detail, coarsest first."""

    name: str
    levels: tuple[tuple[Ring, ...], ...]
    iso2: str = ""
    iso3: str = ""


@dataclass(frozen=True)
class City:
    name: str
    lon: float
    lat: float


@dataclass(frozen=True)
class Basemap:
    countries: tuple[Outline, ...] = ()
    lakes: tuple[Outline, ...] = ()
    cities: tuple[City, ...] = ()
    source: str = ""
    _by_code: dict[str, Outline] = field(default_factory=dict, compare=False, repr=False)

    def country(self, code: str | None) -> Outline | None:
        """The outline of a country by ISO alpha-2 or alpha-3 code."""
        if not code:
            return None
        if not self._by_code:
            for c in self.countries:
                for key in (c.iso2, c.iso3):
                    if key:
                        self._by_code.setdefault(key.upper(), c)
        return self._by_code.get(code.strip().upper())


def detail_for(zoom: float) -> int:
    """Which level of detail suits a zoom: 0 for the world, 2 for a country."""
    if zoom < 3:
        return 0
    return 1 if zoom < 4.5 else 2


def basemap_path() -> Path:
    res = importlib.resources.files("gallery_app.resources") / "basemap" / "basemap.json.gz"
    return Path(str(res))


@functools.lru_cache(maxsize=2)
def load_basemap(path: Path | None = None) -> Basemap:
    """The bundled basemap (or ``path``), decoded once; empty when unreadable."""
    path = path or basemap_path()
    try:
        data = json.loads(gzip.decompress(path.read_bytes()))
        return _decode(data)
    except (OSError, ValueError, KeyError, TypeError, EOFError) as exc:
        log.warning("The map's outlines could not be read from %s (%s); marks only.", path, exc)
        return Basemap()


def _decode(data: dict[str, Any]) -> Basemap:
    scale = float(data["scale"])

    def outline(item: dict[str, Any]) -> Outline:
        levels = tuple(tuple(ring_from_deltas(r, scale) for r in level) for level in item["levels"])
        return Outline(
            str(item["name"]), levels, str(item.get("iso2", "")), str(item.get("iso3", ""))
        )

    return Basemap(
        countries=tuple(outline(c) for c in data["countries"]),
        lakes=tuple(outline(c) for c in data["lakes"]),
        cities=tuple(
            City(str(c["name"]), float(c["lon"]), float(c["lat"])) for c in data["cities"]
        ),
        source=str(data.get("source", "")),
    )


def ring_from_deltas(deltas: list[int], scale: float) -> Ring:
    """Delta-encoded integers (x, y, dx, dy, ...) in 1/scale degrees -> (lon, lat) pairs."""
    out: list[tuple[float, float]] = []
    x = y = 0
    for k in range(0, len(deltas) - 1, 2):
        x += deltas[k]
        y += deltas[k + 1]
        out.append((x / scale, y / scale))
    return tuple(out)
