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

import math
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPalette, QPen

from gallery_app.core.geo.cluster import Cluster, FloatArray, IntArray, Level
from gallery_app.core.geo.distance import format_km
from gallery_app.core.geo.layer import DISAGREES, FROM_FILE, MarkLayer, ShapeGroup
from gallery_app.core.geo.marks import Mark
from gallery_app.core.geo.projection import project
from gallery_app.core.geo.viewport import Viewport
from gallery_app.ui.common.painting import is_dark, mix
from gallery_app.ui.map import sprites
from gallery_app.ui.map.basemap import world_transform
from gallery_app.ui.map.basemap_labels import Boxes
from gallery_app.ui.map.pin_style import PinStyle
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
        self.key = tuple(
            c.rgba() for c in (self.base, self.text, self.gps, self.caption, self.label_bg)
        )


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
class ShownPins:
    """The clusters one frame painted, as arrays; their :class:`Hit` are made only when asked
    (a frame at a country's zoom paints hundreds, the pointer needs one)."""

    layer: MarkLayer
    level: Level
    shown: IntArray  # indices into ``level``
    sx: FloatArray  # centres on screen
    sy: FloatArray
    radius: FloatArray

    @classmethod
    def of(cls, vp: Viewport, layer: MarkLayer, level: Level, shown: IntArray) -> ShownPins:
        scale = vp.scale
        sx = (level.x[shown] - vp.cx) * scale + vp.width / 2
        sy = (level.y[shown] - vp.cy) * scale + vp.height / 2
        return cls(layer, level, shown, sx, sy, radii(level.counts[shown]))

    def discs(self) -> list[tuple[float, float, float]]:
        """Each pin's centre and radius on screen."""
        return list(zip(self.sx.tolist(), self.sy.tolist(), self.radius.tolist(), strict=True))

    def hits(self) -> list[Hit]:
        names, out = self.layer.names, []
        for k, x, y, r in zip(
            self.shown.tolist(),
            self.sx.tolist(),
            self.sy.tolist(),
            self.radius.tolist(),
            strict=True,
        ):
            c = self.level.cluster(k)
            label = _pin_label(names[c.tag], c.count) if c.tag >= 0 else ""
            out.append(Hit((), QPointF(x, y), r, None, None, c, label, self.layer))
        return out


@dataclass
class Painted:
    """What one frame painted (for hit tests), and the sprites it paints with."""

    sprites: SpriteCache
    dpr: float = 1.0
    hits: list[Hit] = field(default_factory=list)  # regions, stretches, caption places
    pins: ShownPins | None = None
    label_boxes: list[QRectF] = field(default_factory=list)
    later: list[tuple[QPointF, str, bool]] = field(default_factory=list)  # labels drawn on top
    taken: Boxes = field(default_factory=Boxes)  # the label boxes, filed for overlap tests
    _font: tuple[QFont, str] | None = None

    def all_hits(self) -> list[Hit]:
        """Every shape painted, bottom first (pins last): made on the first ask."""
        return self.hits + (self.pins.hits() if self.pins is not None else [])

    def label_font(self, p: QPainter) -> tuple[QFont, str]:
        """The labels' font and its key, read once a frame (``QFont.key()`` builds a string)."""
        if self._font is None:
            font = p.font()
            self._font = (font, font.key())
        return self._font


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
        found = region_paths.get(group.first.region_key)
        if found is None:
            continue
        world, (lx, ly) = found
        path = _to_screen_path(world, vp)
        pen = QPen(colours.caption, 1.6, Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.setBrush(colours.region_fill)
        p.drawPath(path)
        at = QPointF(*vp.to_screen(lx, ly))  # inside the province, or the country's largest part
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
    level: Level,
    shown: IntArray,
    selected: int,
    colours: MarkColours,
    out: Painted,
) -> None:
    """The clusters ``shown`` (indices into ``level``), each one cached sprite (disc and count).

    Positions, radii and styles are worked out for all of them at once; per cluster
    only one blit remains.  ``selected`` is the cluster of the selected photo (or -1)."""
    pins = out.pins = ShownPins.of(vp, layer, level, shown)
    counts, flags = level.counts[shown], level.flags[shown]
    gps = (flags & FROM_FILE) != 0
    for j in np.flatnonzero((counts == 1) & ((flags & DISAGREES) != 0)).tolist():
        mark = layer.pins[int(level.order[level.starts[shown[j]]])]
        _paint_conflict(p, vp, QPointF(pins.sx[j], pins.sy[j]), mark, colours, out)
    bold = QFont(p.font())
    bold.setBold(True)
    style = PinStyle(
        out.sprites, (colours.gps, colours.caption, colours.base, colours.text), bold, out.dpr
    )
    draw, ready, sprite = p.drawPixmap, style.ready, style.sprite
    for x, y, r, g, n in zip(
        pins.sx.tolist(),
        pins.sy.tolist(),
        pins.radius.tolist(),
        gps.tolist(),
        counts.tolist(),
        strict=True,
    ):
        pix, half_w, half_h = ready.get((r, g, n)) or sprite(x, y, r, g, n)
        draw(round(x - half_w), round(y - half_h), pix)
    style.paint_counts(p)
    for j in np.flatnonzero(shown == selected).tolist():  # over its neighbours, with a halo
        x, y, r = float(pins.sx[j]), float(pins.sy[j]), float(pins.radius[j])
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colours.halo)
        p.drawEllipse(QPointF(x, y), r + 5, r + 5)
        pix, half_w, half_h = sprite(x, y, r, bool(gps[j]), int(counts[j]))
        draw(round(x - half_w), round(y - half_h), pix)
        style.paint_counts(p)
    _paint_pin_labels(p, pins, counts, colours, out)


def _paint_pin_labels(
    p: QPainter, pins: ShownPins, counts: IntArray, colours: MarkColours, out: Painted
) -> None:
    """Place names beside named pins, the biggest clusters first, at most ``MAX_LABELS``."""
    tags = pins.level.tags[pins.shown]
    named = np.flatnonzero(tags >= 0)
    if not len(named):
        return
    named = named[np.argsort(-counts[named], kind="stable")]
    names = pins.layer.names
    for j in named[: 3 * MAX_LABELS].tolist():  # a crowd of names: the biggest places try
        if len(out.label_boxes) >= MAX_LABELS:
            break
        label = _pin_label(names[int(tags[j])], int(counts[j]))
        if not label:
            continue
        at = QPointF(pins.sx[j] + pins.radius[j] + 4, pins.sy[j])
        _label(p, at, label, colours, out)


def _pin_label(name: str, count: int) -> str:
    return f"{name} · {_photos(count)}" if name and count > 1 else name


def radii(counts: IntArray) -> FloatArray:
    """A pin's radius (``PIN_R``); a cluster's disc grows with the log of its count,
    in half pixels."""
    grown = np.minimum(22.0, 9.0 + 6.4 * np.log10(np.maximum(counts, 1)))
    return np.where(counts == 1, PIN_R, np.round(grown * 2) / 2)


def paint_later_labels(p: QPainter, colours: MarkColours, out: Painted) -> None:
    """The labels of stretches and regions, over the pins so that none hides them."""
    for at, text, centred in out.later:
        _label(p, at, text, colours, out, centred=centred)
    out.later.clear()


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
    font, key = out.label_font(p)
    pix = sprites.label(
        out.sprites, text, pen or colours.text, colours.label_bg, font, key, out.dpr
    )
    w, h = pix.width() / out.dpr, pix.height() / out.dpr
    x = at.x() - w / 2 if centred else at.x()
    if centred:  # a region's name whose middle is near the edge stays whole on screen
        x = max(2.0, min(x, p.viewport().width() - w - 2.0))
    y = at.y() - h / 2
    if not out.taken.add(x, y, x + w, y + h):
        return  # labels never overlap: the first painted wins
    box = QRectF(x, y, w, h)
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
