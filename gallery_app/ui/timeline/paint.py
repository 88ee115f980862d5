# SPDX-License-Identifier: GPL-3.0-or-later
"""How the timeline strip looks: colours from the palette, one slot per bar,
and which labels fit.

Kept apart from :mod:`timeline_view` (geometry, input, the filter) so the look
can change without touching behaviour.  Bars are a muted tint of the palette's
accent; the bars of the shown range are the full accent on a light band; the
current photo's day carries a mark above its bar and a bold label.  Every
colour is mixed from the widget's palette, so light and dark both work.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QPolygonF

from gallery_app.ui.common.painting import is_dark, mix, muted_text

MARK_HEIGHT = 9.0  # room above the count for the current-day mark
LABEL_GAP = 8.0  # least room between two labels
MARGIN = 8
GAP_BEFORE_UNDATED = 12
MAX_BAR_WIDTH = 56
MAX_SLOT_HEIGHT = 220  # a tall strip keeps its bars at a readable height, at the bottom


def slot_rect(bounds: QRect, buckets: int, undated: bool, index: int) -> QRectF | None:
    """The column of bar ``index`` (-2: the undated bar) in a strip of ``bounds``."""
    extra = 1 if undated else 0
    if buckets + extra == 0:
        return None
    gap = GAP_BEFORE_UNDATED if undated and buckets else 0
    slot_w = (bounds.width() - 2 * MARGIN - gap) / (buckets + extra)
    if index == -2:
        if not undated:
            return None
        x = MARGIN + buckets * slot_w + gap
    elif 0 <= index < buckets:
        x = MARGIN + index * slot_w
    else:
        return None
    height = min(MAX_SLOT_HEIGHT, bounds.height() - 2 * MARGIN)
    return QRectF(x, bounds.height() - MARGIN - height, slot_w, height)


def bar_area(slot: QRectF, font: QFont) -> QRectF:
    """The part of a slot bars grow in: below the mark and count, above the labels."""
    metrics = QFontMetricsF(font)
    top = slot.top() + MARK_HEIGHT + metrics.height() + 2
    bottom = slot.bottom() - (2 * metrics.height() + 4)
    bar_w = min(MAX_BAR_WIDTH, max(2.0, slot.width() * 0.72))
    x = slot.center().x() - bar_w / 2
    return QRectF(x, top, bar_w, max(1.0, bottom - top))


@dataclass(frozen=True)
class TimelineColours:
    bar: QColor
    bar_selected: QColor
    band: QColor
    baseline: QColor
    text: QColor
    muted: QColor
    mark: QColor
    focus: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> TimelineColours:
        accent = palette.color(QPalette.ColorRole.Highlight)
        window = palette.color(QPalette.ColorRole.Window)
        text = palette.color(QPalette.ColorRole.WindowText)
        dark = is_dark(palette)
        band = QColor(accent)
        band.setAlphaF(0.22 if dark else 0.13)
        return cls(
            bar=mix(accent, window, 0.5 if dark else 0.55),
            bar_selected=mix(accent, text, 0.15) if dark else accent,
            band=band,
            baseline=mix(window, text, 0.3),
            text=text,
            muted=muted_text(palette),
            mark=mix(accent, text, 0.25 if dark else 0.35),
            focus=accent,
        )


@dataclass(frozen=True)
class Slot:
    """What one bar shows; ``matched`` is the search's share of ``count`` (or None)."""

    count: int
    matched: int | None
    selected: bool
    current: bool
    focused: bool
    lines: tuple[str, str]
    dimmed: bool = False


def label_width(lines: tuple[str, str], font: QFont) -> float:
    """The width a bar's label needs (bold, as the current day's is)."""
    bold = QFont(font)
    bold.setBold(True)
    metrics = QFontMetricsF(bold)
    return max((metrics.horizontalAdvance(line) for line in lines if line), default=0.0)


def label_left(centre: float, width: float, strip_width: float) -> float:
    """Where a label starts: centred under its bar, pulled inside the strip at the ends."""
    return max(2.0, min(strip_width - width - 2.0, centre - width / 2))


def labels_that_fit(
    centres: list[float],
    widths: list[float],
    reserved: tuple[float, float] | None,
    strip_width: float = 1e9,
) -> list[bool]:
    """Which labels to draw so that none collide: a regular stride, then a final check.

    ``reserved`` is an x range already taken (the "Undated" label) that no
    other label may enter.
    """
    n = len(centres)
    if n == 0:
        return []
    pitch = (centres[-1] - centres[0]) / (n - 1) if n > 1 else 1e9
    widest = max(widths)
    stride = 1
    while stride < n and stride * pitch < widest + LABEL_GAP:
        stride += 1
    shown = [False] * n
    right_edge = -1e9
    for i in range(0, n, stride):
        left = label_left(centres[i], widths[i], strip_width)
        right = left + widths[i]
        if left < right_edge + LABEL_GAP:
            continue
        if reserved is not None and right > reserved[0] - LABEL_GAP:
            continue
        shown[i] = True
        right_edge = right
    return shown


def paint_slot(
    painter: QPainter,
    slot: QRectF,
    area: QRectF,
    peak: int,
    info: Slot,
    colours: TimelineColours,
    font: QFont,
    strip_width: float,
) -> None:
    """One column: band if selected, bar, count above it, label below, marks."""
    metrics = QFontMetricsF(font)
    bar_colour = QColor(colours.bar_selected if info.selected else colours.bar)
    if info.dimmed:
        bar_colour.setAlphaF(0.45)
    height = area.height() * info.count / max(1, peak)
    bar = QRectF(area.left(), area.bottom() - height, area.width(), height)
    if info.selected:
        painter.fillRect(slot, colours.band)
    _paint_bar(painter, bar, area, peak, info, bar_colour)
    # The baseline shows where an empty bucket sits.
    painter.setPen(QPen(colours.baseline, 1.0))
    painter.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()))

    count_text = str(info.count) if info.matched is None else f"{info.matched}/{info.count}"
    if metrics.horizontalAdvance(count_text) <= slot.width() - 2:
        painter.setFont(font)
        painter.setPen(colours.text if info.count else colours.muted)
        count_rect = QRectF(
            slot.left(), bar.top() - metrics.height() - 2, slot.width(), metrics.height()
        )
        painter.drawText(count_rect, Qt.AlignmentFlag.AlignCenter, count_text)

    text = "\n".join(line for line in info.lines if line)
    if text:
        label_font = QFont(font)
        label_font.setBold(info.current)
        painter.setFont(label_font)
        painter.setPen(colours.muted if info.dimmed else colours.text)
        width = label_width(info.lines, font) + 2
        left = label_left(slot.center().x(), width, strip_width)
        label_rect = QRectF(left, area.bottom() + 3, width, 2 * metrics.lineSpacing() + 4)
        top_centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        painter.drawText(label_rect, top_centre, text)
        painter.setFont(font)
    if info.current:
        paint_current_mark(painter, slot, colours.mark)
    if info.focused:
        pen = QPen(colours.focus, 1.0, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(slot.adjusted(1.5, 1.5, -1.5, -1.5))


def _paint_bar(
    painter: QPainter, bar: QRectF, area: QRectF, peak: int, info: Slot, colour: QColor
) -> None:
    """The bar; with a search, the matching part solid over the faded whole."""
    painter.setPen(Qt.PenStyle.NoPen)
    if not info.count:
        return
    radius = min(3.0, area.width() / 4)
    if info.matched is not None and info.matched < info.count:
        faded = QColor(colour)
        faded.setAlphaF(0.35)
        painter.setBrush(faded)
        painter.drawRoundedRect(bar, radius, radius)
        hit_h = area.height() * info.matched / max(1, peak)
        painter.setBrush(colour)
        painter.drawRect(QRectF(area.left(), area.bottom() - hit_h, area.width(), hit_h))
    else:
        painter.setBrush(colour)
        painter.drawRoundedRect(bar, radius, radius)


def paint_current_mark(painter: QPainter, slot: QRectF, colour: QColor) -> None:
    """A small downward triangle at the top of the current photo's column."""
    cx = slot.center().x()
    top = slot.top() + 1
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPolygon(
        QPolygonF([QPointF(cx - 6, top), QPointF(cx + 6, top), QPointF(cx, top + MARK_HEIGHT - 2)])
    )
    painter.setBrush(Qt.BrushStyle.NoBrush)
