# SPDX-License-Identifier: GPL-3.0-or-later
"""First-level regions (provinces, states, governorates) of every country, bundled.

``resources/basemap/regions.json.gz`` (built by ``tools/build-basemap.py``
from Natural Earth's 1:10m admin-1 layer) holds, per country, its regions
(names, a label point, a box and outlines) and the borders *between* them at
two levels of detail.  Every list of coordinates stays a packed string until
it is asked for, so :func:`load_regions` (about 100 ms: read it off the GUI
thread) builds no geometry, and a frame decodes only the countries it shows.

:meth:`RegionSet.find` is the place resolution for a caption's province:
"Salahuddin province" in Iraq finds Natural Earth's "Sala ad-Din" (also
named "Muhafazat Salah ad Din"), so the map draws that region, never a pin.
"""

from __future__ import annotations

import functools
import gzip
import importlib.resources
import json
import logging
import re
import threading
import unicodedata
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gallery_app.core.geo.basemap import ring_from_deltas
from gallery_app.core.geo.projection import mercator_y

log = logging.getLogger(__name__)

Line = tuple[tuple[float, float], ...]  # (lon, lat) pairs
Box = tuple[float, float, float, float]  # west, south, east, north (degrees)

# Words that say what kind of region a name is, not which one.
_KIND_WORDS = frozenset(
    {
        "province", "provinces", "governorate", "muhafazat", "muhafazah", "state", "region",
        "oblast", "krai", "prefecture", "department", "departement", "district", "county",
        "territory", "emirate", "canton", "wilayah", "wilaya", "voivodeship", "the", "of",
    }
)  # fmt: skip
_ARTICLES = frozenset(["al", "el", "as", "an", "ad", "at", "ar", "az", "ash", "ath"])
_VOWELS = re.compile(r"[aeiouy]")


@dataclass(frozen=True)
class Region:
    """One province or state: its names, where its label goes, its outline on demand."""

    name: str  # Natural Earth's name
    names: tuple[str, ...]  # every name it is known by (the first is ``name``)
    country: str  # ISO alpha-3
    label: tuple[float, float]  # lon, lat: well inside its largest part
    box: Box
    packed: tuple[str, ...] = field(repr=False, compare=False, default=())
    scale: float = field(repr=False, compare=False, default=1000.0)

    def rings(self) -> tuple[Line, ...]:
        """Its outline (outer rings and holes), decoded."""
        return tuple(unpack(s, self.scale) for s in self.packed)


@dataclass
class CountryRegions:
    iso3: str
    iso2: str
    box: Box
    regions: tuple[Region, ...]
    packed_borders: tuple[tuple[str, ...], ...] = field(repr=False, default=())
    scale: float = field(repr=False, default=1000.0)
    _borders: dict[int, tuple[Line, ...]] = field(default_factory=dict, repr=False, compare=False)

    def borders(self, detail: int) -> tuple[Line, ...]:
        """The borders between its regions at ``detail`` (0 coarse, 1 fine), decoded once."""
        if not self.packed_borders:
            return ()
        detail = max(0, min(detail, len(self.packed_borders) - 1))
        found = self._borders.get(detail)
        if found is None:
            found = tuple(unpack(s, self.scale) for s in self.packed_borders[detail])
            self._borders[detail] = found  # a race only decodes twice
        return found


@dataclass
class RegionSet:
    countries: tuple[CountryRegions, ...] = ()
    source: str = ""
    _by_code: dict[str, CountryRegions] = field(default_factory=dict, repr=False, compare=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def country(self, code: str | None) -> CountryRegions | None:
        """A country's regions by ISO alpha-2 or alpha-3 code."""
        if not code:
            return None
        with self._lock:
            if not self._by_code:
                for c in self.countries:
                    for key in (c.iso2, c.iso3):
                        if key:
                            self._by_code.setdefault(key.upper(), c)
        return self._by_code.get(code.strip().upper())

    def find(self, country_code: str | None, name: str | None) -> Region | None:
        """The region of that country a caption names ("Salahuddin province"), if one fits.

        Names are compared folded (no accents, case, hyphens, "province", a
        leading "al-"), then by their consonants ("Salahuddin" and "Salah ad
        Din"); of two regions with the name, the one known by no other name
        wins; a name that still fits two regions finds none.
        """
        country = self.country(country_code)
        if country is None or not name or not name.strip():
            return None
        key = fold_region_name(name)
        if not key:
            return None
        exact = [r for r in country.regions if key in {fold_region_name(n) for n in r.names}]
        if len(exact) > 1:  # "Parwan" is also the old name of Panjshir: the one named only so
            exact = [r for r in exact if all(fold_region_name(n) == key for n in r.names)]
        if len(exact) == 1:
            return exact[0]
        if exact:
            return None
        skeleton = _skeleton(name)
        loose = [r for r in country.regions if skeleton in {_skeleton(n) for n in r.names}]
        return loose[0] if len(loose) == 1 and len(skeleton) >= 3 else None


def fold_region_name(name: str) -> str:
    """ "the Al-Anbar Governorate" -> ``anbar``; "Sala ad-Din" -> ``saladdin``."""
    words = _words(name)
    while words and words[0] in _ARTICLES and len(words) > 1:
        words = words[1:]
    return "".join(words)


def _words(name: str) -> list[str]:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[^\w]+", " ", text.replace("'", "").replace("’", ""))
    return [w for w in text.split() if w not in _KIND_WORDS]


def _skeleton(name: str) -> str:
    """The consonants of a name: transliterations differ mostly in their vowels."""
    return _VOWELS.sub("", "".join(_words(name))).replace("h", "")


def unpack(packed: str, scale: float) -> Line:
    """Delta-encoded integers ("1200,340,-3,2") -> (lon, lat) pairs."""
    if not packed:
        return ()
    return ring_from_deltas([int(v) for v in packed.split(",")], scale)


def unpack_projected(packed: str, scale: float) -> array[float]:
    """Delta-encoded integers -> flat world x, y pairs (Web Mercator), in one array.

    Allocates no tuple per point: a worker that prepares thousands of lines
    must not set the garbage collector running on its thread, where it would
    finalize Qt objects that belong to the GUI thread.
    """
    out = array("d")
    if not packed:
        return out
    nums = packed.split(",")
    x = y = 0
    for k in range(0, len(nums) - 1, 2):
        x += int(nums[k])
        y += int(nums[k + 1])
        out.append((x / scale + 180.0) / 360.0)
        out.append(mercator_y(y / scale))
    return out


def regions_path() -> Path:
    res = importlib.resources.files("gallery_app.resources") / "basemap" / "regions.json.gz"
    return Path(str(res))


_load_lock = threading.Lock()


@functools.lru_cache(maxsize=2)
def _load(path: Path) -> RegionSet:
    try:
        return _decode(json.loads(gzip.decompress(path.read_bytes())))
    except (OSError, ValueError, KeyError, TypeError, IndexError, EOFError) as exc:
        log.warning("The map's regions could not be read from %s (%s); countries only.", path, exc)
        return RegionSet()


def load_regions(path: Path | None = None) -> RegionSet:
    """The bundled regions (or ``path``), read once; empty when unreadable."""
    with _load_lock:  # the marks' worker and the map's loader may both ask first
        return _load(path or regions_path())


def _decode(data: dict[str, Any]) -> RegionSet:
    scale = float(data["scale"])
    countries = []
    for c in data["countries"]:
        iso3 = str(c["iso3"])
        regions = tuple(
            Region(
                name=str(r["names"][0]),
                names=tuple(str(n) for n in r["names"]),
                country=iso3,
                label=(float(r["label"][0]), float(r["label"][1])),
                box=_box(r["box"]),
                packed=tuple(str(s) for s in r["rings"]),
                scale=scale,
            )
            for r in c["regions"]
        )
        borders = tuple(tuple(str(s) for s in level) for level in c["borders"])
        countries.append(
            CountryRegions(iso3, str(c.get("iso2", "")), _box(c["box"]), regions, borders, scale)
        )
    return RegionSet(tuple(countries), str(data.get("source", "")))


def _box(values: list[float]) -> Box:
    w, s, e, n = (float(v) for v in values)
    return w, s, e, n
