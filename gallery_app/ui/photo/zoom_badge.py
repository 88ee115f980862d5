# SPDX-License-Identifier: GPL-3.0-or-later
"""The zoom level in the photo view's corner: "Fit 37 %", "100 %", "250 %".

A small label on a dark, translucent backing (readable on any photo, like the
credit in the opposite corner), a child of the view so screen readers find
it by its name.  Hidden while a placeholder card is shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from gallery_app.ui.common.painting import scaled_font

MARGIN = 8


def zoom_text(percent: float, *, fit: bool) -> str:
    """ "Fit 37 %" while fitted, else the percentage; small ones keep a decimal."""
    shown = f"{percent:.1f}" if percent < 10 else f"{percent:.0f}"
    return f"Fit {shown} %" if fit else f"{shown} %"


class ZoomBadge(QLabel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("zoomBadge")
        self.setAccessibleName("Zoom")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setToolTip("Zoom: + and − zoom, 1 shows 100 %, 0 fits the photo to the window")
        self.setFont(scaled_font(parent.font(), 0.85))
        self.setContentsMargins(7, 2, 7, 2)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(Qt.GlobalColor.white))
        self.setPalette(palette)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hide()

    def show_zoom(self, percent: float, *, fit: bool) -> None:
        self.setText(zoom_text(percent, fit=fit))
        self.adjustSize()
        self.move(MARGIN, MARGIN)
        self.show()
        self.raise_()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(0, 0, 0, 165))  # white on this reads on any photo, any palette
        painter.drawRoundedRect(self.rect(), 4, 4)
        painter.end()
        super().paintEvent(event)
