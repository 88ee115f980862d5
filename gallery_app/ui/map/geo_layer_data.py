# SPDX-License-Identifier: GPL-3.0-or-later
"""The regions and rivers of one map, read and prepared off the GUI thread.

``GeoLayerData.load_in`` reads both bundled files on a worker (about 150 ms)
and there also projects what a frame needs into world units: each country's
box, its regions' label places, and every border and river line (work that
would otherwise stall the first frames at a country's zoom).  Only plain
Python data crosses threads: each painter builds its own QPainterPaths from
the projected lines, on its own thread, when it first shows them.
"""

from __future__ import annotations

import gc
import logging
from array import array
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtGui import QPainterPath

from gallery_app.core.geo.projection import project
from gallery_app.core.geo.regions import Box, Line, RegionSet, load_regions, unpack_projected
from gallery_app.core.geo.rivers import Rivers, load_rivers
from gallery_app.qt.workers import run_task

log = logging.getLogger(__name__)

WorldBox = tuple[float, float, float, float]  # x0, y0, x1, y1 in world units
PathKey = tuple[str, int]  # ("IRQ", detail) for borders, ("", level) for rivers
WorldLines = tuple["array[float]", ...]  # per line x0, y0, x1, y1, ... in world units


@dataclass(frozen=True)
class LabelPlace:
    name: str
    box: WorldBox
    x: float  # the label point, in world units
    y: float


@dataclass(frozen=True)
class Prepared:
    boxes: dict[str, WorldBox]  # country (alpha-3) -> its regions' box
    labels: dict[str, tuple[LabelPlace, ...]]  # country -> its regions' label places
    lines: dict[PathKey, WorldLines]


class GeoLayerData:
    """Regions and rivers, shared by every painter of one map; ``None`` until read."""

    def __init__(self, regions: RegionSet | None = None, rivers: Rivers | None = None) -> None:
        self.regions = regions
        self.rivers = rivers
        self.boxes: dict[str, WorldBox] = {}
        self.labels: dict[str, tuple[LabelPlace, ...]] = {}
        self.lines: dict[PathKey, WorldLines] = {}  # projected borders and rivers
        self._relay: QObject | None = None
        if regions is not None:
            self.boxes, self.labels = country_boxes(regions), label_places(regions)

    @classmethod
    def read_now(cls) -> GeoLayerData:
        """Read and prepare on this thread (tests and benchmarks; the map uses ``load_in``)."""
        regions, rivers, prepared = _read_and_prepare()
        data = cls(regions, rivers)
        data.lines = prepared.lines
        return data

    @property
    def ready(self) -> bool:
        return self.regions is not None and self.rivers is not None

    def load_in(self, pool: QThreadPool, on_ready: Callable[[], None]) -> None:
        """Read and prepare both layers on ``pool``, then call ``on_ready`` on the GUI thread."""
        if self.ready or self._relay is not None:
            return

        def done(result: tuple[RegionSet, Rivers, Prepared]) -> None:
            regions, rivers, prepared = result
            self.boxes, self.labels, self.lines = prepared.boxes, prepared.labels, prepared.lines
            self.regions, self.rivers = regions, rivers
            on_ready()  # the relay stays referenced: it deletes itself after this slot

        def failed(message: str) -> None:
            log.warning("The map's regions and rivers could not be read: %s", message)
            self.regions, self.rivers = RegionSet(), Rivers()
            on_ready()

        self._relay = run_task(pool, _read_and_prepare, done, failed)


def _read_and_prepare() -> tuple[RegionSet, Rivers, Prepared]:
    # No garbage collection on this worker while it allocates: a collection here would
    # finalize whatever Qt objects of the GUI thread are garbage, on the wrong thread.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _prepare()
    finally:
        if collecting:
            gc.enable()


def _prepare() -> tuple[RegionSet, Rivers, Prepared]:
    regions, rivers = load_regions(), load_rivers()
    lines: dict[PathKey, WorldLines] = {}
    for country in regions.countries:
        for detail, packed in enumerate(country.packed_borders):
            lines[(country.iso3, detail)] = project_packed(packed, country.scale)
    for level, packed in enumerate(rivers.packed):
        lines[("", level)] = project_packed(packed, rivers.scale)
    return regions, rivers, Prepared(country_boxes(regions), label_places(regions), lines)


def project_packed(packed: tuple[str, ...], scale: float) -> WorldLines:
    """Packed lines -> projected flat arrays (no tuple per point: see ``unpack_projected``)."""
    return tuple(unpack_projected(s, scale) for s in packed)


def world_box(box: Box) -> WorldBox:
    w, s, e, n = box
    x0, y0 = project(w, n)
    x1, y1 = project(e, s)
    return x0, y0, x1, y1


def country_boxes(regions: RegionSet) -> dict[str, WorldBox]:
    return {c.iso3: world_box(c.box) for c in regions.countries}


def label_places(regions: RegionSet) -> dict[str, tuple[LabelPlace, ...]]:
    """Each region's name, world box and label point, largest regions first."""
    out = {}
    for c in regions.countries:
        places = [LabelPlace(r.name, world_box(r.box), *project(*r.label)) for r in c.regions]
        places.sort(key=lambda lp: (lp.box[0] - lp.box[2]) * (lp.box[3] - lp.box[1]))
        out[c.iso3] = tuple(places)
    return out


def lines_path(lines: WorldLines) -> QPainterPath:
    """Projected open lines as one path in world units."""
    path = QPainterPath()
    for flat in lines:
        if len(flat) >= 4:
            path.moveTo(flat[0], flat[1])
            for k in range(2, len(flat) - 1, 2):
                path.lineTo(flat[k], flat[k + 1])
    return path


def add_line(path: QPainterPath, line: Line) -> None:
    x, y = project(*line[0])
    path.moveTo(x, y)
    for lon, lat in line[1:]:
        x, y = project(lon, lat)
        path.lineTo(x, y)
