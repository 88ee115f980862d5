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

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap, QStaticText

LIMIT = 2048


class SpriteCache:
    def __init__(self) -> None:
        self._items: OrderedDict[tuple[object, ...], QPixmap] = OrderedDict()
        self._texts: OrderedDict[tuple[str, str], tuple[QStaticText, float, float]] = OrderedDict()

    def clear(self) -> None:
        self._items.clear()
        self._texts.clear()

    def text(self, text: str, font: QFont, font_key: str) -> tuple[QStaticText, float, float]:
        """A laid-out text (a cluster's count) and its size: laid out once, drawn in
        microseconds.  ``font_key`` is ``font.key()``, worked out once by the caller."""
        key = (text, font_key)
        found = self._texts.get(key)
        if found is None:
            static = QStaticText(text)
            static.setTextFormat(Qt.TextFormat.PlainText)
            static.prepare(font=font)
            size = static.size()
            found = self._texts[key] = (static, size.width(), size.height())
            if len(self._texts) > LIMIT:
                self._texts.popitem(last=False)
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


def disc(
    cache: SpriteCache, radius: float, fill: QColor, edge: QColor, *, solid: bool, dpr: float
) -> QPixmap:
    """A solid disc (GPS from the file) or a ring (a caption's place); counts go on top."""
    side = 2 * radius + 4
    key = ("disc", round(radius, 1), fill.rgba(), edge.rgba(), solid, dpr)

    def draw(qp: QPainter) -> None:
        centre = QPointF(side / 2, side / 2)
        if solid:
            qp.setPen(QPen(edge, 1.5))
            qp.setBrush(fill)
            qp.drawEllipse(centre, radius, radius)
        else:  # a ring: the place came from the caption, not from the camera
            qp.setPen(QPen(fill, 3.0))
            qp.setBrush(edge)
            qp.drawEllipse(centre, radius - 1, radius - 1)

    return cache.get(key, (side, side), dpr, draw)


def label(
    cache: SpriteCache, text: str, fg: QColor, bg: QColor, font: QFont, dpr: float
) -> QPixmap:
    """A place label on a rounded, mostly opaque background."""
    fm = QFontMetricsF(font)
    size = (fm.horizontalAdvance(text) + 8, fm.height() + 2)
    key = ("label", text, fg.rgba(), bg.rgba(), font.key(), dpr)

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
