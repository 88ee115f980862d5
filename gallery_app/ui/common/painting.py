# SPDX-License-Identifier: GPL-3.0-or-later
"""Small painting helpers shared by the grid delegate and the placeholder card.

Colours are always derived from the widget's QPalette (mixed, never hard-coded)
so light and dark desktop themes both look intended.  Text is laid out with
QTextLayout as plain text: nothing from a caption is ever parsed as markup.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QTextLayout,
    QTextOption,
)


def mix(a: QColor, b: QColor, amount: float) -> QColor:
    """``a`` moved ``amount`` (0–1) of the way towards ``b``."""
    t = max(0.0, min(1.0, amount))
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
        a.alphaF() + (b.alphaF() - a.alphaF()) * t,
    )


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def muted_text(palette: QPalette) -> QColor:
    """Secondary text: readable on Base in both themes, quieter than Text."""
    return mix(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), 0.38)


def scaled_font(base: QFont, factor: float, *, weight: QFont.Weight | None = None) -> QFont:
    font = QFont(base)
    size = base.pointSizeF()
    if size > 0:
        font.setPointSizeF(max(6.0, size * factor))
    else:
        font.setPixelSize(max(8, round(base.pixelSize() * factor)))
    if weight is not None:
        font.setWeight(weight)
    return font


def wrapped_lines(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """``text`` wrapped to ``width``; the last allowed line elided with "…"."""
    if max_lines <= 0 or width <= 4 or not text:
        return []
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    spans: list[tuple[int, int]] = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines = [text[start : start + length].strip() for start, length in spans[:max_lines]]
    if len(spans) > max_lines:
        rest = " ".join(text[spans[max_lines - 1][0] :].split())
        lines[-1] = QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return lines


def draw_lines(
    painter: QPainter,
    lines: list[str],
    font: QFont,
    top_left: QPointF,
    width: float,
    *,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    line_spacing: float = 1.0,
) -> float:
    """Draw ``lines`` from ``top_left``; return the y just below the last one."""
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    y = top_left.y()
    step = metrics.lineSpacing() * line_spacing
    for line in lines:
        rect = QRectF(top_left.x(), y, width, metrics.height())
        painter.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), line)
        y += step
    return y


def rounded_rect(rect: QRectF, radius: float) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(rect, radius, radius)
    return path
