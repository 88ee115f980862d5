# SPDX-License-Identifier: GPL-3.0-or-later
"""Paint the marks: where each place came from, and how sure it is.

Solid pin: GPS from the file.  Ring: a caption's place, put there by the
gazetteer.  Dashed segment: a stretch ("between Baghdad and Tikrit").
Dashed area: a region named without a town.  A red line joins a file's GPS
to its caption's place when they disagree, with the distance.  Every shape
painted is also returned as a :class:`Hit`, so hover and click find what is
under the pointer without a second pass over the data.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen, QPixmap

from gallery_app.core.geo.cluster import Cluster
from gallery_app.core.geo.distance import format_km
from gallery_app.core.geo.layer import DISAGREES, FROM_FILE, MarkLayer, ShapeGroup
from gallery_app.core.geo.marks import Mark
from gallery_app.core.geo.projection import project
from gallery_app.core.geo.viewport import Viewport
from gallery_app.ui.common.painting import is_dark, mix
from gallery_app.ui.map import sprites
from gallery_app.ui.map.basemap import world_transform
from gallery_app.ui.map.sprites import SpriteCache

PIN_R = 7.0
MAX_LABELS = 60  # a frame never lays out more labels than this


class MarkColours:
    def __init__(self, palette: QPalette) -> None:
        dark = is_dark(palette)
        self.base = palette.color(QPalette.ColorRole.Base)
        self.text = palette.color(QPalette.ColorRole.Text)
        self.gps = QColor(40, 110, 200) if not dark else QColor(110, 170, 250)
        self.caption = QColor(200, 95, 10) if not dark else QColor(255, 160, 70)
        self.conflict = QColor(200, 30, 40) if not dark else QColor(255, 90, 90)
        self.halo = palette.color(QPalette.ColorRole.Highlight)
        self.label_bg = mix(self.base, self.text, 0.04)
        self.region_fill = QColor(self.caption)
        self.region_fill.setAlphaF(0.13)


@dataclass(slots=True)
class Hit:
    """Something painted that the pointer can hover or click."""

    ids: tuple[str, ...]
    centre: QPointF
    radius: float = 0.0
    path: QPainterPath | None = None
    segment: tuple[QPointF, QPointF] | None = None
    cluster: Cluster | None = None
    label: str = ""
    layer: MarkLayer | None = None

    @property
    def entry_ids(self) -> tuple[str, ...]:
        """The photos under this shape (a cluster's are looked up only when asked)."""
        if self.cluster is not None and self.layer is not None:
            pins = self.layer.pins
            return tuple(pins[k].entry_id for k in self.cluster.members)
        return self.ids

    def distance(self, pos: QPointF) -> float:
        """Pixels from ``pos`` to this shape (0 inside it)."""
        if self.segment is not None:
            return _segment_distance(pos, *self.segment)
        if self.path is not None:
            return 0.0 if self.path.contains(pos) else math.inf
        return max(
            0.0, math.hypot(pos.x() - self.centre.x(), pos.y() - self.centre.y()) - self.radius
        )


@dataclass
class Painted:
    """What one frame painted (for hit tests), and the sprites it paints with."""

    sprites: SpriteCache
    dpr: float = 1.0
    hits: list[Hit] = field(default_factory=list)
    label_boxes: list[QRectF] = field(default_factory=list)
    later: list[tuple[QPointF, str, bool]] = field(default_factory=list)  # labels drawn on top


def paint_shapes(
    p: QPainter,
    vp: Viewport,
    layer: MarkLayer,
    region_paths: dict[str, tuple[QPainterPath, tuple[float, float]]],
    colours: MarkColours,
    out: Painted,
) -> None:
    """Regions first (under everything), then stretches."""
    for group in layer.regions:
        code = group.first.region_code or ""
        found = region_paths.get(code)
        if found is None:
            continue
        world, (lx, ly) = found
        path = _to_screen_path(world, vp)
        pen = QPen(colours.caption, 1.6, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(colours.region_fill)
        p.drawPath(path)
        at = QPointF(*vp.to_screen(lx, ly))  # the middle of the country's largest part
        label = f"{_region_label(group)} · {_photos(len(group.marks))}"
        out.hits.append(Hit(_ids(group), at, path=path, label=label))
        out.later.append((at, label, True))
    for group in layer.stretches:
        a, b = group.first.ends or (None, None)
        if a is None or b is None:
            continue
        pa = QPointF(*vp.to_screen(*project(a.lon, a.lat)))
        pb = QPointF(*vp.to_screen(*project(b.lon, b.lat)))
        pen = QPen(colours.caption, 3.0, Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        p.setPen(pen)
        p.drawLine(pa, pb)
        p.setPen(QPen(colours.caption, 2.0))
        p.setBrush(colours.base)
        for end in (pa, pb):
            p.drawEllipse(end, 3.5, 3.5)
        mid = (pa + pb) / 2
        label = f"{group.first.label} · {_photos(len(group.marks))}"
        out.hits.append(Hit(_ids(group), mid, segment=(pa, pb), label=label))
        out.later.append((mid + QPointF(10, 0), label, False))


def paint_pins(
    p: QPainter,
    vp: Viewport,
    layer: MarkLayer,
    clusters: list[Cluster],
    selected: Cluster | None,
    colours: MarkColours,
    out: Painted,
) -> None:
    """Clusters and single pins from cached sprites; reads each cluster's summary only."""
    font = p.font()
    bold = QFont(font)
    bold.setBold(True)
    frame: dict[tuple[float, bool], QPixmap] = {}
    scale, cx, cy = vp.scale, vp.cx, vp.cy
    half_w, half_h = vp.width / 2, vp.height / 2
    counts: list[tuple[QPointF, int, bool]] = []
    hits, names = out.hits, layer.names
    for c in clusters:
        n = len(c.members)
        centre = QPointF((c.x - cx) * scale + half_w, (c.y - cy) * scale + half_h)
        if n == 1 and c.flags & DISAGREES:
            _paint_conflict(p, vp, centre, layer.pins[c.members[0]], colours, out)
        radius = PIN_R if n == 1 else _radius(n)
        gps = bool(c.flags & FROM_FILE)
        if c is selected:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(colours.halo)
            p.drawEllipse(centre, radius + 5, radius + 5)
        pix = frame.get((radius, gps))
        if pix is None:
            fill = colours.gps if gps else colours.caption
            pix = frame[(radius, gps)] = sprites.disc(
                out.sprites, radius, fill, colours.base, solid=gps, dpr=out.dpr
            )
        side = radius + 2
        p.drawPixmap(QPointF(centre.x() - side, centre.y() - side), pix)
        if n > 1:
            counts.append((centre, n, gps))
        label = names[c.tag] if c.tag >= 0 else ""
        if label and n > 1:
            label = f"{label} · {_photos(n)}"
        hits.append(Hit((), centre, radius, None, None, c, label, layer))
        if label and len(out.label_boxes) < MAX_LABELS:
            _label(p, centre + QPointF(radius + 4, 0), label, colours, out)
    _paint_counts(p, counts, bold, colours, out)


@functools.lru_cache(maxsize=512)
def _radius(n: int) -> float:
    """A cluster's disc grows with the log of its count, in half pixels."""
    return round(min(22.0, 9.0 + 6.4 * math.log10(n)) * 2) / 2


def paint_later_labels(p: QPainter, colours: MarkColours, out: Painted) -> None:
    """The labels of stretches and regions, over the pins so that none hides them."""
    for at, text, centred in out.later:
        _label(p, at, text, colours, out, centred=centred)
    out.later.clear()


def _paint_counts(
    p: QPainter,
    counts: list[tuple[QPointF, int, bool]],
    font: QFont,
    colours: MarkColours,
    out: Painted,
) -> None:
    """Every count in one pass, with one font and at most two pens."""
    p.save()
    p.setFont(font)
    pen: bool | None = None
    key = font.key()  # once a frame: QFont.key() builds a string
    for centre, n, gps in counts:
        if pen is not gps:
            p.setPen(colours.base if gps else colours.text)
            pen = gps
        text, w, h = out.sprites.text(f"{n:,}", font, key)
        p.drawStaticText(QPointF(centre.x() - w / 2, centre.y() - h / 2), text)
    p.restore()


def _paint_conflict(
    p: QPainter, vp: Viewport, gps: QPointF, mark: Mark, colours: MarkColours, out: Painted
) -> None:
    d = mark.disagreement
    assert d is not None
    other = QPointF(*vp.to_screen(*project(d.caption_place.lon, d.caption_place.lat)))
    p.setPen(QPen(colours.conflict, 2.0))
    p.drawLine(gps, other)
    pix = sprites.disc(out.sprites, PIN_R, colours.caption, colours.base, solid=False, dpr=out.dpr)
    p.drawPixmap(QPointF(other.x() - PIN_R - 2, other.y() - PIN_R - 2), pix)
    mid = (gps + other) / 2
    text = f"{format_km(d.km)} from the caption's {d.caption_place.name}"
    out.hits.append(Hit((mark.entry_id,), other, radius=PIN_R, label=d.caption_place.name))
    _label(p, mid + QPointF(6, -6), text, colours, out, pen=colours.conflict)


def _label(
    p: QPainter,
    at: QPointF,
    text: str,
    colours: MarkColours,
    out: Painted,
    *,
    centred: bool = False,
    pen: QColor | None = None,
) -> None:
    pix = sprites.label(out.sprites, text, pen or colours.text, colours.label_bg, p.font(), out.dpr)
    w, h = pix.width() / out.dpr, pix.height() / out.dpr
    x = at.x() - w / 2 if centred else at.x()
    box = QRectF(x, at.y() - h / 2, w, h)
    if any(box.intersects(b) for b in out.label_boxes):
        return  # labels never overlap: the first painted wins
    out.label_boxes.append(box)
    p.drawPixmap(box.topLeft(), pix)


def _to_screen_path(world: QPainterPath, vp: Viewport) -> QPainterPath:
    return world_transform(vp).map(world)


def _region_label(group: ShapeGroup) -> str:
    """The country; "Salahuddin, Iraq" when every photo names the same province."""
    names = {m.region_name for m in group.marks}
    only = names.pop() if len(names) == 1 else None
    return f"{only}, {group.first.label}" if only else group.first.label


def _photos(n: int) -> str:
    return "1 photo" if n == 1 else f"{n:,} photos"


def _ids(group: ShapeGroup) -> tuple[str, ...]:
    return tuple(m.entry_id for m in group.marks)


def _segment_distance(p: QPointF, a: QPointF, b: QPointF) -> float:
    dx, dy = b.x() - a.x(), b.y() - a.y()
    length2 = dx * dx + dy * dy
    t = (
        0.0
        if length2 == 0
        else max(0.0, min(1.0, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length2))
    )
    return math.hypot(p.x() - (a.x() + t * dx), p.y() - (a.y() + t * dy))
