# SPDX-License-Identifier: GPL-3.0-or-later
"""The warning badge on grid cards, filmstrip thumbnails and timeline cards.

One look everywhere: a filled circle with "!" in the warning colour (amber
on dark, burnt orange on light), ringed in the background colour so it reads
on any photo.  Whether a photo wears it is ``core.gallery.badges``' call.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPen

from gallery_app.ui.common.painting import is_dark, scaled_font


def warning_colour(palette: QPalette) -> QColor:
    return QColor("#ffb454") if is_dark(palette) else QColor("#b35300")


def paint_badge(painter: QPainter, centre: QPointF, palette: QPalette, radius: float = 8.0) -> None:
    """The badge centred on ``centre``; the painter's state is restored afterwards."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    ring = palette.color(QPalette.ColorRole.Base)
    painter.setPen(QPen(ring, 1.5))
    painter.setBrush(warning_colour(palette))
    painter.drawEllipse(centre, radius, radius)
    painter.setFont(scaled_font(painter.font(), radius / 10, weight=QFont.Weight.Bold))
    painter.setPen(ring)
    box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), "!")
    painter.restore()
