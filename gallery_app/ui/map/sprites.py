# SPDX-License-Identifier: GPL-3.0-or-later
"""Pins, cluster discs and labels drawn once, then blitted.

An anti-aliased disc with a count costs about 0.1–0.3 ms to draw; a map
showing 400 clusters would spend the whole frame on them.  A blit of the
same picture costs a few microseconds, and a map shows few distinct
pictures (one per radius, style and count), so each is drawn on first use
and kept (least recently used dropped past ``LIMIT``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap

LIMIT = 2048


class SpriteCache:
    def __init__(self) -> None:
        self._items: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()
        self._memos: dict[str, tuple[tuple[object, ...], dict[Any, Any]]] = {}

    def clear(self) -> None:
        self._items.clear()
        self._memos.clear()

    def memo(self, name: str, style: tuple[object, ...]) -> dict[Any, Any]:
        """A table of ready sprites kept across frames while ``style`` (colours, font,
        pixel ratio) holds: a frame's look-up is then one dict access, no key built."""
        found = self._memos.get(name)
        if found is None or found[0] != style or len(found[1]) > LIMIT:
            found = self._memos[name] = (style, {})
        return found[1]

    def peek(self, key: tuple[object, ...]) -> QPixmap | None:
        """The sprite kept under ``key``, if any (marked as just used)."""
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
        return found

    def get(
        self,
        key: tuple[object, ...],
        size: tuple[float, float],
        dpr: float,
        draw: Callable[[QPainter], None],
    ) -> QPixmap:
        found = self._items.get(key)
        if found is not None:
            self._items.move_to_end(key)
            return found
        pix = QPixmap(max(1, round(size[0] * dpr)), max(1, round(size[1] * dpr)))
        pix.setDevicePixelRatio(dpr)
        pix.fill(Qt.GlobalColor.transparent)
        qp = QPainter(pix)
        qp.setRenderHint(QPainter.RenderHint.Antialiasing)
        qp.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        draw(qp)
        qp.end()
        self._items[key] = pix
        if len(self._items) > LIMIT:
            self._items.popitem(last=False)
        return pix


def pin(
    cache: SpriteCache,
    radius: float,
    fill: QColor,
    edge: QColor,
    *,
    solid: bool,
    dpr: float,
    count: tuple[int, QFont, str, QColor] | None = None,
) -> QPixmap:
    """A solid disc (GPS from the file) or a ring (a caption's place), centred, with a
    cluster's count (number, bold font, its key, pen) written in it when there is more
    than one; a count wider than its disc widens the picture, never clips."""
    n = count[0] if count is not None and count[0] > 1 else 0
    written = (n, count[2], count[3].rgba()) if count is not None and n else ()
    key = ("disc", round(radius, 1), fill.rgba(), edge.rgba(), solid, dpr, *written)
    found = cache.peek(key)
    if found is not None:
        return found
    side = 2 * radius + 4
    text = f"{n:,}" if n else ""
    width = side
    if count is not None and n:
        width = max(side, QFontMetricsF(count[1]).horizontalAdvance(text) + 4)

    def draw(qp: QPainter) -> None:
        centre = QPointF(width / 2, side / 2)
        if solid:
            qp.setPen(QPen(edge, 1.5))
            qp.setBrush(fill)
            qp.drawEllipse(centre, radius, radius)
        else:  # a ring: the place came from the caption, not from the camera
            qp.setPen(QPen(fill, 3.0))
            qp.setBrush(edge)
            qp.drawEllipse(centre, radius - 1, radius - 1)
        if count is not None and n:
            qp.setFont(count[1])
            qp.setPen(count[3])
            qp.drawText(QRectF(0, 0, width, side), Qt.AlignmentFlag.AlignCenter, text)

    return cache.get(key, (width, side), dpr, draw)


def disc(
    cache: SpriteCache, radius: float, fill: QColor, edge: QColor, *, solid: bool, dpr: float
) -> QPixmap:
    """A pin or ring with nothing written in it."""
    return pin(cache, radius, fill, edge, solid=solid, dpr=dpr)


def glyph(
    cache: SpriteCache,
    ch: str,
    font: QFont,
    font_key: str,
    pen: QColor,
    size: tuple[float, float],
    dpr: float,
) -> QPixmap:
    """One character in a cell of its advance and the line's height (a count's digit)."""
    key = ("glyph", ch, font_key, pen.rgba(), dpr)

    def draw(qp: QPainter) -> None:
        qp.setFont(font)
        qp.setPen(pen)
        qp.drawText(QRectF(0, 0, *size), Qt.AlignmentFlag.AlignCenter, ch)

    return cache.get(key, size, dpr, draw)


def label(
    cache: SpriteCache,
    text: str,
    fg: QColor,
    bg: QColor,
    font: QFont,
    font_key: str,
    dpr: float,
) -> QPixmap:
    """A place label on a rounded, mostly opaque background (measured only when first drawn;
    ``font_key`` is ``font.key()``, worked out once by the caller)."""
    key = ("label", text, fg.rgba(), bg.rgba(), font_key, dpr)
    found = cache.peek(key)
    if found is not None:
        return found
    fm = QFontMetricsF(font)
    size = (fm.horizontalAdvance(text) + 8, fm.height() + 2)

    def draw(qp: QPainter) -> None:
        box = QRectF(0, 0, *size)
        back = QColor(bg)
        back.setAlphaF(0.85)
        qp.setPen(Qt.PenStyle.NoPen)
        qp.setBrush(back)
        qp.drawRoundedRect(box, 4, 4)
        qp.setFont(font)
        qp.setPen(fg)
        qp.drawText(box, Qt.AlignmentFlag.AlignCenter, text)

    return cache.get(key, size, dpr, draw)
