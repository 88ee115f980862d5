# SPDX-License-Identifier: GPL-3.0-or-later
"""How the story timeline looks: axis, breaks, event markers, cards, spans, columns, tray.

Every colour is mixed from the widget's palette (light and dark both work);
the warning colour is the one fixed hue, in a light and a dark variant.
Text from files is drawn with ``drawText`` (never rich text).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
)

from gallery_app.core.story.axis import AxisScale
from gallery_app.core.story.ticks import context_label, context_unit, tick_label, tick_unit, ticks
from gallery_app.ui.common.badge import paint_badge, warning_colour
from gallery_app.ui.common.painting import (
    is_dark,
    mix,
    muted_text,
    rounded_rect,
    scaled_font,
    wrapped_lines,
)


@dataclass(frozen=True)
class StoryColours:
    base: QColor
    text: QColor
    muted: QColor
    accent: QColor
    card: QColor
    edge: QColor
    span: QColor
    warning: QColor
    event: QColor
    band: QColor

    @classmethod
    def of(cls, palette: QPalette) -> StoryColours:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        accent = palette.color(QPalette.ColorRole.Highlight)
        dark = is_dark(palette)
        window = palette.color(QPalette.ColorRole.Window)
        return cls(
            base=base,
            text=text,
            muted=muted_text(palette),
            accent=accent,
            card=mix(window, base, 0.5) if dark else base,
            edge=mix(base, text, 0.22),
            span=mix(base, accent, 0.5 if dark else 0.35),
            warning=warning_colour(palette),
            event=QColor("#c9a0ff") if dark else QColor("#6b3fa0"),
            band=mix(base, accent, 0.16),
        )


def axis_ticks(
    painter: QPainter,
    scale: AxisScale,
    left: float,
    plot: QRectF,
    axis_y: float,
    colours: StoryColours,
) -> None:
    """Baseline, ticks with labels, a context line ("March 2015") and the breaks."""
    font = painter.font()
    small = scaled_font(font, 0.9)
    metrics = QFontMetricsF(small)
    unit = tick_unit(scale.scale, metrics.horizontalAdvance("Wed 30 Sep") + 14)
    coarse = context_unit(unit)
    painter.setPen(QPen(colours.edge, 1))
    painter.drawLine(QPointF(plot.left(), axis_y), QPointF(plot.right(), axis_y))
    painter.setFont(small)
    to_view = plot.left() - left
    for t_from, t_to in scale.visible_segments(left, left + plot.width()):
        for t in ticks(t_from, t_to, unit):
            x = scale.x_of(t) + to_view
            painter.setPen(QPen(colours.edge, 1))
            painter.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 5))
            painter.setPen(colours.text)
            painter.drawText(QPointF(x + 3, axis_y + 4 + metrics.ascent()), tick_label(t, unit))
        if coarse is None:
            continue
        starts = [t_from, *ticks(t_from, t_to, coarse)]
        for n, t in enumerate(starts):
            if n and abs(t - starts[0]) < 1:
                continue
            x = max(plot.left(), scale.x_of(t) + to_view)
            painter.setPen(colours.muted)
            y = axis_y + 6 + metrics.height() + metrics.ascent()
            painter.drawText(QPointF(x + 3, y), context_label(t, unit))
    for x0, x1 in scale.break_spans():
        break_mark(painter, x0 + to_view, x1 + to_view, plot, axis_y, colours)


def break_mark(
    painter: QPainter, x0: float, x1: float, plot: QRectF, axis_y: float, colours: StoryColours
) -> None:
    """Two slanted strokes and a quiet band: time left out here."""
    if x1 < plot.left() or x0 > plot.right():
        return
    painter.fillRect(QRectF(x0, plot.top(), x1 - x0, axis_y - plot.top()), colours.band)
    pen = QPen(colours.muted, 1.5)
    painter.setPen(pen)
    for x in (x0 + 6, x1 - 6):
        painter.drawLine(QPointF(x - 4, axis_y + 7), QPointF(x + 4, axis_y - 7))


def event_marker(
    painter: QPainter,
    x0: float,
    x1: float,
    top: float,
    axis_y: float,
    label: str,
    room: float,
    colours: StoryColours,
) -> QRectF:
    """A dashed day band up from the axis and its label at the top; returns the label box."""
    pen = QPen(colours.event, 1, Qt.PenStyle.DashLine)
    painter.setPen(pen)
    mid = (x0 + x1) / 2
    painter.drawLine(QPointF(mid, top + 18), QPointF(mid, axis_y))
    diamond = QPolygonF(
        [
            QPointF(mid, axis_y - 6),
            QPointF(mid + 6, axis_y),
            QPointF(mid, axis_y + 6),
            QPointF(mid - 6, axis_y),
        ]
    )
    painter.setBrush(colours.event)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawPolygon(diamond)
    font = scaled_font(painter.font(), 0.9, weight=QFont.Weight.DemiBold)
    metrics = QFontMetricsF(font)
    text = metrics.elidedText(label, Qt.TextElideMode.ElideRight, max(40.0, room - 8))
    box = QRectF(mid - 4, top, metrics.horizontalAdvance(text) + 8, metrics.height() + 4)
    painter.setFont(font)
    painter.setPen(colours.event)
    painter.drawText(box.adjusted(4, 2, 0, 0), int(Qt.AlignmentFlag.AlignLeft), text)
    return box


def span_band(
    painter: QPainter,
    x0: float,
    x1: float,
    rect: QRectF,
    conflicting: bool,
    colours: StoryColours,
    label: str = "",
) -> None:
    """The stretch a date may lie in: hatched for a conflict, plain for month/year precision."""
    band = QRectF(x0, rect.top(), max(3.0, x1 - x0), rect.height())
    painter.setPen(QPen(colours.warning if conflicting else colours.span, 1))
    if conflicting:
        painter.setBrush(QBrush(colours.warning, Qt.BrushStyle.BDiagPattern))
    else:
        painter.setBrush(colours.span)
    painter.drawRoundedRect(band, 3, 3)
    if label:
        font = scaled_font(painter.font(), 0.85, weight=QFont.Weight.DemiBold)
        metrics = QFontMetricsF(font)
        box = QRectF(band.left() + 6, band.bottom() - metrics.height() - 4, 0, metrics.height())
        box.setWidth(min(metrics.horizontalAdvance(label) + 8, band.width() - 12))
        if box.width() > 30:
            painter.fillRect(box, colours.base)
            painter.setFont(font)
            painter.setPen(colours.warning if conflicting else colours.text)
            shown = metrics.elidedText(label, Qt.TextElideMode.ElideRight, box.width() - 8)
            painter.drawText(box.adjusted(4, 0, 0, 0), int(Qt.AlignmentFlag.AlignVCenter), shown)


@dataclass(frozen=True)
class CardText:
    when: str
    headline: str
    credit: str
    warning: bool
    file_photo: bool


def card(
    painter: QPainter,
    rect: QRectF,
    text: CardText,
    pixmap: QPixmap | None,
    selected: bool,
    colours: StoryColours,
    palette: QPalette,
    wrapped: dict[str, list[str]] | None = None,
) -> None:
    """A photo on the axis: thumbnail (or a quiet square), time, headline, credit, badge.

    ``wrapped`` keeps each headline's lines from frame to frame (cards keep their size).
    """
    painter.setPen(QPen(colours.accent if selected else colours.edge, 2.5 if selected else 1))
    painter.setBrush(colours.card)
    painter.drawPath(rounded_rect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 5))
    side = rect.height() - 8
    thumb = QRectF(rect.left() + 4, rect.top() + 4, side, side)
    if pixmap is not None and not pixmap.isNull():
        scaled = pixmap.scaled(
            int(side),
            int(side),
            Qt.AspectRatioMode.KeepAspectRatioByExpanding,
            Qt.TransformationMode.SmoothTransformation,
        )
        sx, sy = (scaled.width() - side) / 2, (scaled.height() - side) / 2
        painter.drawPixmap(thumb, scaled, QRectF(sx, sy, side, side))
    else:
        painter.fillRect(thumb, colours.band)
    x = thumb.right() + 6
    width = rect.right() - x - 4
    base = painter.font()
    small = QFont(base)
    bold = scaled_font(base, 1.0, weight=QFont.Weight.DemiBold)
    y = rect.top() + 4
    colour = colours.warning if text.warning else colours.text
    y = _line(painter, bold, colour, x, y, width, text.when)
    lines = wrapped.get(text.headline) if wrapped is not None else None
    if lines is None:
        lines = wrapped_lines(text.headline, small, width, 2)
        if wrapped is not None:
            wrapped[text.headline] = lines
    for line in lines:
        y = _line(painter, small, colours.text, x, y, width, line)
    if len(lines) < 2 or rect.height() > 70:
        _line(painter, small, colours.muted, x, y, width, text.credit)
    if text.warning:
        paint_badge(painter, QPointF(thumb.right() - 9, thumb.top() + 9), palette)
    if text.file_photo:
        file_tag(painter, thumb, colours)
    painter.setFont(base)


def file_tag(painter: QPainter, thumb: QRectF, colours: StoryColours) -> None:
    """ "FILE" across the foot of the thumbnail: taken before the story it illustrates."""
    font = scaled_font(painter.font(), 0.75, weight=QFont.Weight.Bold)
    height = QFontMetricsF(font).height() + 2
    strip = QRectF(thumb.left(), thumb.bottom() - height, thumb.width(), height)
    painter.fillRect(strip, colours.text)
    painter.setFont(font)
    painter.setPen(colours.base)
    painter.drawText(strip, int(Qt.AlignmentFlag.AlignCenter), "FILE PHOTO")


def _line(
    painter: QPainter, font: QFont, colour: QColor, x: float, y: float, width: float, text: str
) -> float:
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    painter.setPen(colour)
    shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    painter.drawText(QPointF(x, y + metrics.ascent()), shown)
    return y + metrics.lineSpacing()


def column(
    painter: QPainter, rect: QRectF, count: int, most: int, selected: bool, colours: StoryColours
) -> None:
    """A counted column: bar height by the square root of the count, the count on top."""
    if count <= 0 or most <= 0:
        return
    metrics = QFontMetricsF(painter.font())
    room = rect.height() - metrics.height() - 4
    height = max(3.0, room * (count / most) ** 0.5)
    inset = min(3.0, rect.width() / 6)
    bar = QRectF(rect.left() + inset, rect.bottom() - height, rect.width() - 2 * inset, height)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colours.accent if selected else colours.span)
    painter.drawRoundedRect(bar, 2, 2)
    painter.setPen(colours.text)
    label = QRectF(
        rect.left() - 8, bar.top() - metrics.height() - 2, rect.width() + 16, metrics.height()
    )
    painter.drawText(label, int(Qt.AlignmentFlag.AlignCenter), str(count))


TRAY_ROW = 22.0


def tray(
    painter: QPainter,
    rect: QRectF,
    labels: list[str],
    total: int,
    current: int | None,
    colours: StoryColours,
) -> None:
    """The undated photos, beside the axis and never on it: a header and one row each."""
    painter.fillRect(rect, colours.band)
    base = painter.font()
    bold = scaled_font(base, 0.9, weight=QFont.Weight.DemiBold)
    small = scaled_font(base, 0.86)
    y = _line(
        painter,
        bold,
        colours.text,
        rect.left() + 8,
        rect.top() + 6,
        rect.width() - 16,
        f"Undated · {total}",
    )
    _line(painter, small, colours.muted, rect.left() + 8, y, rect.width() - 16, "not on the axis")
    for row, label in enumerate(labels):
        box = tray_row(rect, row)
        if row == current:
            painter.setPen(QPen(colours.accent, 2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(2, 1, -2, -1), 3, 3)
        _line(painter, small, colours.text, box.left() + 8, box.top() + 3, box.width() - 16, label)
    if total > len(labels):
        box = tray_row(rect, len(labels))
        more = f"+ {total - len(labels)} more (→ walks them)"
        _line(painter, small, colours.muted, box.left() + 8, box.top() + 3, box.width() - 16, more)
    painter.setFont(base)


def tray_row(rect: QRectF, row: int) -> QRectF:
    return QRectF(rect.left(), rect.top() + 46 + row * TRAY_ROW, rect.width(), TRAY_ROW)


def tray_capacity(rect: QRectF) -> int:
    return max(0, int((rect.height() - 46) // TRAY_ROW) - 1)
