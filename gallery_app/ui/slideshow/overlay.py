# SPDX-License-Identifier: GPL-3.0-or-later
"""The slideshow's caption band: "3 of 11 · date · place", the caption, the credit.

Kept apart from :mod:`gallery_app.ui.slideshow.window` so the window holds
the show's state and input, and this module only measures and paints.  All
text goes through ``QPainter.drawText``, which never reads markup, so a
caption holding ``<b>`` shows those characters.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

PAD = 24  # distance of the band (and the card) from the screen's edges
MAX_BAND_WIDTH = 1100  # a caption line longer than this is hard to read


@dataclass(frozen=True)
class OverlayLayout:
    """The band's texts, fonts, width and the height of each of its three parts."""

    texts: tuple[str, str, str]  # head, caption ("" when the card already shows it), credit
    fonts: tuple[QFont, QFont, QFont]  # bold head, larger body, base
    width: float
    head_h: float
    body_h: float
    credit_h: float


def overlay_fonts(base: QFont) -> tuple[QFont, QFont, QFont]:
    head = QFont(base)
    head.setBold(True)
    body = QFont(base)
    body.setPointSizeF(base.pointSizeF() * 1.15)
    return head, body, QFont(base)


def overlay_layout(screen_width: int, texts: tuple[str, str, str], base: QFont) -> OverlayLayout:
    """Measure the band for a screen ``screen_width`` wide (text wraps to its width)."""
    width = min(screen_width - 2 * PAD, MAX_BAND_WIDTH)
    inner = width - 32
    head, caption, credit = texts
    fonts = overlay_fonts(base)
    head_font, body_font, base_font = fonts
    flags = Qt.TextFlag.TextWordWrap
    box = QRectF(0, 0, inner, 1e6)
    head_h = QFontMetricsF(head_font).boundingRect(box, flags, head).height()
    body_h = QFontMetricsF(body_font).boundingRect(box, flags, caption).height() if caption else 0.0
    credit_h = QFontMetricsF(base_font).height() if credit else 0.0
    return OverlayLayout(texts, fonts, width, head_h, body_h, credit_h)


def overlay_height(layout: OverlayLayout) -> float:
    return layout.head_h + (layout.body_h + 8 if layout.body_h else 0) + 8 + layout.credit_h + 28


def paint_overlay(
    painter: QPainter, screen: QSize, texts: tuple[str, str, str], base: QFont
) -> None:
    """Paint the band at the bottom of a ``screen``-sized widget."""
    layout = overlay_layout(screen.width(), texts, base)
    head, caption, credit = texts
    head_font, body_font, base_font = layout.fonts
    inner = layout.width - 32
    left = (screen.width() - layout.width) / 2
    total = overlay_height(layout)
    top = screen.height() - total - PAD
    flags = Qt.TextFlag.TextWordWrap
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(0, 0, 0, 185))
    painter.drawRoundedRect(QRectF(left, top, layout.width, total), 12, 12)
    painter.setPen(QColor(255, 255, 255))
    y = top + 14
    painter.setFont(head_font)
    painter.drawText(QRectF(left + 16, y, inner, layout.head_h), flags, head)
    y += layout.head_h + 8
    if caption:
        painter.setFont(body_font)
        painter.drawText(QRectF(left + 16, y, inner, layout.body_h), flags, caption)
        y += layout.body_h + 8
    if credit:
        painter.setFont(base_font)
        painter.setPen(QColor(210, 210, 210))
        painter.drawText(
            QRectF(left + 16, y, inner, layout.credit_h), Qt.AlignmentFlag.AlignRight, credit
        )


def paint_shadowed(painter: QPainter, rect: QRectF, align: Qt.AlignmentFlag, text: str) -> None:
    """Light text with a dark shadow: readable over any photo."""
    painter.setPen(QColor(0, 0, 0, 200))
    painter.drawText(rect.translated(1, 1), align, text)
    painter.setPen(QColor(235, 235, 235))
    painter.drawText(rect, align, text)
