# SPDX-License-Identifier: GPL-3.0-or-later
"""The card shown in place of a photo that is not included.

Every reader of the bundled gallery meets these cards first (its 11 entries
come without image files), so the card is a small designed page of its own: a
tinted paper with a dateline rule, a dashed "picture" mark and the words
"Photo not included", then what is known about the photo — caption, date,
place and credit — so the card still tells the story.

There is ONE painter, used by the grid (``compact=True``: the cell already
shows date and caption under the card, so the card keeps to place and credit),
the photo view and the slideshow (``compact=False``: caption first).  All text
is drawn as plain text; colours come from the palette.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
)

from gallery_app.core.gallery.file_types import FileType, file_type
from gallery_app.core.gallery.labels import (
    credit_text,
    excerpt,
    format_date,
    heading_text,
    place_text,
    video_text,
)
from gallery_app.core.imaging import kinds
from gallery_app.core.models import Entry, ImageStatus
from gallery_app.ui.common.painting import (
    draw_lines,
    is_dark,
    mix,
    muted_text,
    rounded_rect,
    scaled_font,
    wrapped_lines,
)

NOT_INCLUDED = "Photo not included"
FILE_MISSING = "Photo file not found"
UNREADABLE = "Photo could not be read"


def status_text(entry: Entry, *, failed: bool = False) -> str:
    """Why there is a card instead of a photo, in the card's own words.

    A video is not a failure: its card says what it is ("Video · 0:42").
    """
    if entry.image is not None and file_type(entry) is FileType.VIDEO:
        return video_text(entry)
    if failed or entry.image_status is ImageStatus.UNREADABLE:
        kind = kinds.name_by_extension(entry.image) if entry.image is not None else None
        return f"{kind}, not shown" if kind else UNREADABLE
    if entry.image_status is ImageStatus.MISSING:
        return FILE_MISSING
    return NOT_INCLUDED


class _Colours:
    """The card's colours, all derived from one palette."""

    def __init__(self, palette: QPalette) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        accent = palette.color(QPalette.ColorRole.Highlight)
        dark = is_dark(palette)
        self.paper_top = mix(base, accent, 0.10 if dark else 0.05)
        self.paper_bottom = mix(base, accent, 0.18 if dark else 0.11)
        self.border = mix(base, text, 0.16)
        self.rule = accent if not dark else mix(accent, text, 0.2)
        self.mark = mix(accent, base, 0.15 if dark else 0.3)
        self.text = text
        self.muted = muted_text(palette)
        self.label = mix(accent, text, 0.45)


def paint_placeholder_card(
    painter: QPainter,
    rect: QRect | QRectF,
    entry: Entry,
    palette: QPalette,
    *,
    compact: bool,
    status: str | None = None,
) -> QRectF:
    """Paint the card for ``entry`` inside ``rect``; return the card's rectangle.

    ``status`` overrides the headline ("Photo could not be read" when a decode
    failed).  The painter's font is the base for every text size; its state is
    restored afterwards.
    """
    area = QRectF(rect)
    colours = _Colours(palette)
    headline = status or status_text(entry)
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        if compact:
            return _paint_compact(painter, area, entry, colours, headline)
        return _paint_full(painter, area, entry, colours, headline)
    finally:
        painter.restore()


def paint_missing_thumbnail(
    painter: QPainter,
    square: QRectF,
    entry: Entry,
    palette: QPalette,
    *,
    loading: bool,
    failed: bool,
    inset: float = 0.0,
) -> None:
    """A tile with no thumbnail to show: a soft block while it loads, else the compact card.

    The grid and the filmstrip share it, so a photo reads the same in both.
    """
    if loading:
        block = square.adjusted(inset, inset, -inset, -inset)
        base = palette.color(QPalette.ColorRole.Base)
        painter.save()
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(mix(base, palette.color(QPalette.ColorRole.Text), 0.06))
        painter.drawRoundedRect(block, inset, inset)
        painter.restore()
        return
    status = status_text(entry, failed=failed)
    paint_placeholder_card(painter, square, entry, palette, compact=True, status=status)


def _paint_paper(painter: QPainter, card: QRectF, colours: _Colours, radius: float) -> None:
    gradient = QLinearGradient(card.topLeft(), card.bottomLeft())
    gradient.setColorAt(0.0, colours.paper_top)
    gradient.setColorAt(1.0, colours.paper_bottom)
    path = rounded_rect(card, radius)
    painter.fillPath(path, QBrush(gradient))
    painter.setPen(QPen(colours.border, 1.0))
    painter.drawPath(path)
    # The dateline rule: a short accent bar along the top edge, clipped to the card.
    rule_height = max(2.0, min(4.0, card.height() * 0.018))
    painter.save()
    painter.setClipPath(path)
    painter.fillRect(
        QRectF(card.left(), card.top(), card.width(), rule_height), QBrush(colours.rule)
    )
    painter.restore()


def _paint_mark(painter: QPainter, centre: QPointF, size: float, colour: QColor) -> None:
    """A dashed picture frame with hills and a sun: a photo that is not there."""
    w, h = size, size * 0.78
    frame = QRectF(centre.x() - w / 2, centre.y() - h / 2, w, h)
    pen = QPen(colour, max(1.2, size / 22))
    pen.setStyle(Qt.PenStyle.CustomDashLine)
    pen.setDashPattern([3.0, 2.2])
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(frame, size * 0.08, size * 0.08)
    inner = frame.adjusted(w * 0.16, h * 0.2, -w * 0.16, -h * 0.2)
    hills = QPainterPath(QPointF(inner.left(), inner.bottom()))
    hills.lineTo(inner.left() + inner.width() * 0.36, inner.top() + inner.height() * 0.38)
    hills.lineTo(inner.left() + inner.width() * 0.58, inner.top() + inner.height() * 0.7)
    hills.lineTo(inner.left() + inner.width() * 0.74, inner.top() + inner.height() * 0.52)
    hills.lineTo(inner.right(), inner.bottom())
    hills.closeSubpath()
    fill = QColor(colour)
    fill.setAlphaF(colour.alphaF() * 0.55)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(fill)
    painter.drawPath(hills)
    sun = inner.width() * 0.13
    painter.drawEllipse(
        QPointF(inner.right() - sun * 1.3, inner.top() + sun * 0.9), sun * 0.75, sun * 0.75
    )


def _tracked(font: QFont, percent: float) -> QFont:
    spaced = QFont(font)
    spaced.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 100 + percent)
    return spaced


def _paint_compact(
    painter: QPainter, area: QRectF, entry: Entry, colours: _Colours, headline: str
) -> QRectF:
    card = area.adjusted(0.5, 0.5, -0.5, -0.5)
    side = min(card.width(), card.height())
    _paint_paper(painter, card, colours, max(3.0, side * 0.045))
    base = painter.font()
    if side < 96:  # filmstrip-sized: the mark alone says it
        _paint_mark(painter, card.center(), side * 0.46, colours.mark)
        return card
    pad = max(6.0, side * 0.075)
    inner = card.adjusted(pad, pad, -pad, -pad)
    width = inner.width()
    small = scaled_font(base, 0.82)
    label_font = _tracked(scaled_font(base, 0.72, weight=QFont.Weight.DemiBold), 8)
    place_font = scaled_font(base, 0.9, weight=QFont.Weight.DemiBold)

    # Bottom block, laid out upwards: credit, then place (up to two lines).
    small_h = QFontMetricsF(small).lineSpacing()
    place_h = QFontMetricsF(place_font).lineSpacing()
    credit = credit_text(entry)
    place = place_text(entry.location)
    room_lines = int((inner.height() * 0.5) // place_h)
    place_lines = wrapped_lines(place, place_font, width, min(2, max(1, room_lines - 1)))
    credit_lines = wrapped_lines(credit, small, width, 1) if side >= 120 else []
    block_h = len(place_lines) * place_h + len(credit_lines) * small_h
    y = inner.bottom() - block_h
    painter.setPen(colours.text)
    y = draw_lines(painter, place_lines, place_font, QPointF(inner.left(), y), width)
    painter.setPen(colours.muted)
    draw_lines(painter, credit_lines, small, QPointF(inner.left(), y), width)

    # Top block, centred in what is left: the mark and the headline.
    free = QRectF(inner.left(), inner.top(), width, inner.height() - block_h - pad * 0.5)
    mark = max(18.0, min(56.0, side * 0.2))
    label_lines = wrapped_lines(headline.upper(), label_font, width, 2)
    label_h = QFontMetricsF(label_font).lineSpacing() * len(label_lines)
    top_h = mark * 0.78 + pad * 0.6 + label_h
    cy = free.top() + max(0.0, (free.height() - top_h) / 2)
    _paint_mark(painter, QPointF(free.center().x(), cy + mark * 0.39), mark, colours.mark)
    painter.setPen(colours.label)
    draw_lines(
        painter,
        label_lines,
        label_font,
        QPointF(free.left(), cy + mark * 0.78 + pad * 0.6),
        width,
        align=Qt.AlignmentFlag.AlignHCenter,
    )
    return card


def _paint_full(
    painter: QPainter, area: QRectF, entry: Entry, colours: _Colours, headline: str
) -> QRectF:
    base = painter.font()
    zoom = max(1.0, min(1.8, area.height() / 620))
    margin = max(12.0, min(area.width(), area.height()) * 0.06)
    width = min(area.width() - 2 * margin, 620 * zoom)
    pad = max(14.0, 30 * zoom * min(1.0, width / 480))
    text_w = width - 2 * pad
    label_font = _tracked(scaled_font(base, 0.85 * zoom, weight=QFont.Weight.DemiBold), 8)
    caption_font = scaled_font(base, 1.3 * zoom)
    date_font, body_font, small_font = _detail_fonts(base, zoom)
    m_label = QFontMetricsF(label_font)
    m_caption = QFontMetricsF(caption_font)
    mark = 44 * zoom
    place, credit = place_text(entry.location), credit_text(entry)
    # Header, date, place and credit wrap (two lines at most) rather than lose
    # their ends on a narrow card; only the caption is an excerpt by design.
    label_w = text_w - mark * 1.4
    label_lines = wrapped_lines(headline.upper(), label_font, label_w, 2)
    header_h = max(mark * 0.78, m_label.lineSpacing() * len(label_lines))
    date_lines = wrapped_lines(_date_text(entry), date_font, text_w, 2)
    place_lines = wrapped_lines(place, body_font, text_w, 2) if place else []
    credit_lines = wrapped_lines(credit, small_font, text_w, 2) if credit else []
    details = ((date_lines, date_font), (place_lines, body_font), (credit_lines, small_font))
    fixed_h = _fixed_height(pad, header_h, m_caption, details)
    room = area.height() - 2 * margin - fixed_h
    if room < m_caption.lineSpacing():  # a tiny window: the grid's card fits, this one not
        return _paint_compact(painter, area, entry, colours, headline)
    max_caption = max(0, min(9, int(room // m_caption.lineSpacing())))
    text = excerpt(entry.caption, 600) if entry.caption else heading_text(entry)
    caption_lines = wrapped_lines(text, caption_font, text_w, max_caption)
    height = fixed_h + m_caption.lineSpacing() * len(caption_lines)
    shown_h = min(height, area.height() - 2 * margin)
    card = QRectF(area.center().x() - width / 2, area.center().y() - shown_h / 2, width, shown_h)
    _paint_paper(painter, card, colours, 10 * zoom)
    x = card.left() + pad
    y = card.top() + pad
    # Header: mark at the left, the headline beside it, centred on the mark.
    _paint_mark(painter, QPointF(x + mark / 2, y + header_h / 2), mark, colours.mark)
    painter.setPen(colours.label)
    label_h = m_label.lineSpacing() * len(label_lines)
    label_at = QPointF(x + mark * 1.4, y + (header_h - label_h) / 2)
    draw_lines(painter, label_lines, label_font, label_at, label_w)
    y += header_h + pad * 0.7 + m_caption.lineSpacing() * 0.4
    painter.setPen(colours.text)
    y = draw_lines(painter, caption_lines, caption_font, QPointF(x, y), text_w)
    y += pad * 0.9
    painter.fillRect(QRectF(x, y, min(text_w, 72 * zoom), 1.5), colours.rule)
    y += 1 + pad * 0.7
    _draw_details(painter, QPointF(x, y), text_w, pad, colours, details)
    return card


_Block = tuple[list[str], QFont]  # wrapped lines and their font


def _detail_fonts(base: QFont, zoom: float) -> tuple[QFont, QFont, QFont]:
    """The fonts of the date, the place and the credit."""
    return (
        scaled_font(base, 1.0 * zoom, weight=QFont.Weight.DemiBold),
        scaled_font(base, 1.0 * zoom),
        scaled_font(base, 0.9 * zoom),
    )


def _date_text(entry: Entry) -> str:
    date = format_date(entry.taken)
    if entry.taken is not None and entry.taken.uncertain:
        date += "  (date uncertain)"
    return date


def _fixed_height(
    pad: float,
    header_h: float,
    m_caption: QFontMetricsF,
    details: tuple[_Block, _Block, _Block],
) -> float:
    """The full card's height without its caption lines."""
    date, place, credit = details

    def block(lines_font: _Block) -> float:
        return QFontMetricsF(lines_font[1]).lineSpacing() * len(lines_font[0])

    return (
        pad
        + header_h
        + pad * 0.7
        + m_caption.lineSpacing() * 0.4  # space before the caption
        + pad * 0.9  # space before the rule
        + 1
        + pad * 0.7
        + block(date)
        + block(place)
        + (block(credit) + pad * 0.3 if credit[0] else 0)
        + pad
    )


def _draw_details(
    painter: QPainter,
    at: QPointF,
    text_w: float,
    pad: float,
    colours: _Colours,
    details: tuple[_Block, _Block, _Block],
) -> None:
    """Date, place and credit under the rule; the credit muted."""
    date, place, credit = details
    x, y = at.x(), at.y()
    painter.setPen(colours.text)
    y = draw_lines(painter, date[0], date[1], QPointF(x, y), text_w)
    if place[0]:
        y = draw_lines(painter, place[0], place[1], QPointF(x, y), text_w)
    if credit[0]:
        y += pad * 0.3
        painter.setPen(colours.muted)
        draw_lines(painter, credit[0], credit[1], QPointF(x, y), text_w)
