# SPDX-License-Identifier: GPL-3.0-or-later
"""The marks a map shows at one time, ready to draw: projected, indexed, grouped.

``build_layer`` takes the marks of the entries the filter lets through and
projects their points once; pins go into a :class:`ClusterIndex`, stretches
and regions are grouped so that the two photos "between Baghdad and Tikrit"
make one dashed segment labelled "2 photos".  A layer is immutable, so a
worker can build the next one while the widget paints the current one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from gallery_app.core.geo.cluster import MIXED, ClusterIndex
from gallery_app.core.geo.marks import Mark, MarkKind, marks_points
from gallery_app.core.geo.projection import project, project_many
from gallery_app.core.geo.viewport import WorldRect, bounds_of


@dataclass(frozen=True)
class ShapeGroup:
    """Several entries drawn as one stretch or one region."""

    key: tuple[object, ...]
    marks: tuple[Mark, ...]

    @property
    def first(self) -> Mark:
        return self.marks[0]


# Pin flags, summed up per cluster by the index.
FROM_FILE = 1
FROM_CAPTION = 2
DISAGREES = 4


@dataclass(frozen=True)
class MarkLayer:
    pins: tuple[Mark, ...] = ()  # GPS and gazetteer marks, in the index's order
    index: ClusterIndex = field(default_factory=lambda: ClusterIndex([]))
    stretches: tuple[ShapeGroup, ...] = ()
    regions: tuple[ShapeGroup, ...] = ()
    bounds: WorldRect | None = None  # of every point, stretch end and nothing else
    names: tuple[str, ...] = ()  # place names; a cluster's ``tag`` indexes this
    order: tuple[str, ...] = ()  # entry ids of every mark, in the order given (gallery order)
    pin_of: dict[str, int] = field(default_factory=dict)  # entry id -> index in ``pins``
    rank: dict[str, int] = field(default_factory=dict)  # entry id -> index in ``order``

    def name_of(self, tag: int) -> str:
        return self.names[tag] if 0 <= tag < len(self.names) else ""

    @property
    def count(self) -> int:
        return len(self.pins) + sum(len(g.marks) for g in (*self.stretches, *self.regions))


def build_layer(marks: Sequence[Mark], cell_px: float = 56.0) -> MarkLayer:
    pins = [m for m in marks if m.point is not None]
    lons = np.fromiter((m.point.lon for m in pins if m.point is not None), np.float64, len(pins))
    lats = np.fromiter((m.point.lat for m in pins if m.point is not None), np.float64, len(pins))
    stretches: dict[tuple[object, ...], list[Mark]] = {}
    regions: dict[tuple[object, ...], list[Mark]] = {}
    for m in marks:
        if m.ends is not None:
            stretches.setdefault(m.group_key, []).append(m)
        elif m.region_code is not None and m.point is None:
            regions.setdefault(m.group_key, []).append(m)
    world = [project(lon, lat) for lon, lat in marks_points(marks)]
    name_ids: dict[str, int] = {}
    tags = [  # a pin with no name has no tag (MIXED): its cluster is never labelled ""
        name_ids.setdefault(m.point.name, len(name_ids)) if m.point and m.point.name else MIXED
        for m in pins
    ]
    order = tuple(m.entry_id for m in marks)
    return MarkLayer(
        pins=tuple(pins),
        index=ClusterIndex(project_many(lons, lats), cell_px, [_flags(m) for m in pins], tags),
        names=tuple(name_ids),
        order=order,
        pin_of={m.entry_id: k for k, m in enumerate(pins)},
        rank={ident: k for k, ident in enumerate(order)},
        stretches=tuple(ShapeGroup(k, tuple(v)) for k, v in stretches.items()),
        regions=tuple(ShapeGroup(k, tuple(v)) for k, v in regions.items()),
        bounds=bounds_of(world),
    )


def _flags(mark: Mark) -> int:
    flags = FROM_FILE if mark.kind is MarkKind.GPS else FROM_CAPTION
    return flags | (DISAGREES if mark.disagreement is not None else 0)
