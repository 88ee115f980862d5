# SPDX-License-Identifier: GPL-3.0-or-later
"""The key to the marks (bottom left) and the map's credits (bottom right), always shown."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPalette, QPen

from gallery_app.ui.common.painting import mix, muted_text
from gallery_app.ui.map.marks import MarkColours
from gallery_app.ui.map.sprites import SpriteCache

ITEMS = ("GPS from the file", "caption place", "stretch or region")


def paint_legend(
    p: QPainter,
    rect: QRectF,
    pal: QPalette,
    colours: MarkColours,
    sprites: SpriteCache,
    dpr: float,
    credit: str,
) -> None:
    font = p.font()
    fm = QFontMetricsF(font)
    width = sum(fm.horizontalAdvance(t) for t in ITEMS) + 110
    height = fm.height() + 8
    key = (
        "legend",
        font.key(),
        dpr,
        colours.gps.rgba(),
        colours.caption.rgba(),
        colours.text.rgba(),
        pal.color(QPalette.ColorRole.Base).rgba(),
    )

    def draw(qp: QPainter) -> None:
        back = QColor(mix(pal.color(QPalette.ColorRole.Base), colours.text, 0.03))
        back.setAlphaF(0.85)
        qp.setPen(Qt.PenStyle.NoPen)
        qp.setBrush(back)
        qp.drawRoundedRect(QRectF(0, 0, width, height), 4, 4)
        qp.setFont(font)
        x, cy = 12.0, height / 2
        baseline = cy + fm.ascent() / 2 - 1
        marks = ((ITEMS[0], colours.gps, True), (ITEMS[1], colours.caption, False))
        for text, colour, solid in marks:
            qp.setPen(QPen(colours.base if solid else colour, 1.5 if solid else 2.5))
            qp.setBrush(colour if solid else colours.base)
            qp.drawEllipse(QPointF(x, cy), 5, 5)
            qp.setPen(colours.text)
            qp.drawText(QPointF(x + 9, baseline), text)
            x += 9 + fm.horizontalAdvance(text) + 18
        qp.setPen(QPen(colours.caption, 2.5, Qt.PenStyle.DashLine))
        qp.drawLine(QPointF(x - 6, cy), QPointF(x + 10, cy))
        qp.setPen(colours.text)
        qp.drawText(QPointF(x + 15, baseline), ITEMS[2])

    pix = sprites.get(key, (width, height), dpr, draw)
    p.drawPixmap(QPointF(rect.left() + 8, rect.bottom() - height - 8), pix)
    p.setPen(muted_text(pal))
    flags = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
    p.drawText(rect.adjusted(0, 0, -8, -6), flags, credit)
