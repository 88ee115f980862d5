# SPDX-License-Identifier: GPL-3.0-or-later
"""How one grid cell looks: picture (or placeholder card), date, first words.

The picture sits in a square of the thumbnail size at the top of the cell; a
photo is fitted into it, an entry without a usable file gets the compact
placeholder card, and a photo still decoding gets a quiet tinted square (no
spinner: decodes take tens of milliseconds), with the warning badge in its top
right corner (the entry's own warnings or the checks' findings).  Under it,
the date in a strong line and two lines of caption, all plain text.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from gallery_app.core.gallery.badges import has_badge
from gallery_app.core.gallery.labels import format_date, heading_text
from gallery_app.core.inert import isolate
from gallery_app.core.models import Entry
from gallery_app.qt.models.photos import (
    EntryRole,
    FindingsRole,
    ThumbnailRole,
    ThumbnailState,
    ThumbnailStateRole,
)
from gallery_app.ui.common.badge import paint_badge
from gallery_app.ui.common.painting import draw_lines, mix, muted_text, scaled_font, wrapped_lines
from gallery_app.ui.common.placeholder_card import paint_missing_thumbnail
from gallery_app.ui.grid.cell_cache import CellCache

_AnyIndex = QModelIndex | QPersistentModelIndex

PADDING = 8
CAPTION_LINES = 2


@dataclass(frozen=True)
class _Look:
    """What a cell shows besides its entry (each part is in the cell cache's key)."""

    palette: QPalette
    font: QFont
    selected: bool
    hovered: bool
    focused: bool
    pixmap: object  # the thumbnail (QPixmap), or None while there is none
    thumbnail: object  # ThumbnailState
    badge: bool


class GridDelegate(QStyledItemDelegate):
    """Paints cells for a thumbnail edge of ``thumbnail_size()`` logical pixels."""

    def __init__(self, parent: QWidget | None = None, thumbnail_size: int = 192) -> None:
        super().__init__(parent)
        self._size = thumbnail_size
        self._cells = CellCache()  # painted cells, drawn again as copies

    def thumbnail_size(self) -> int:
        return self._size

    def set_thumbnail_size(self, px: int) -> None:
        self._size = px

    def paint_afresh(self) -> None:
        """Forget the painted cells: every cell is painted again when next shown."""
        self._cells.clear()

    def text_height(self, font: QFont) -> float:
        date = QFontMetricsF(scaled_font(font, 0.92, weight=QFont.Weight.DemiBold))
        body = QFontMetricsF(scaled_font(font, 0.92))
        return date.lineSpacing() + body.lineSpacing() * CAPTION_LINES

    def cell_size(self, font: QFont) -> QSize:
        height = self._size + PADDING * 2.5 + self.text_height(font)
        return QSize(self._size + PADDING * 2, int(height + 0.999))

    def sizeHint(self, option: QStyleOptionViewItem, index: _AnyIndex) -> QSize:
        return self.cell_size(option.font)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _AnyIndex) -> None:
        entry = index.data(EntryRole)
        if not isinstance(entry, Entry):
            return
        state = option.state
        look = _Look(
            palette=option.palette,
            font=option.font,
            selected=bool(state & QStyle.StateFlag.State_Selected),
            hovered=bool(state & QStyle.StateFlag.State_MouseOver),
            focused=bool(state & QStyle.StateFlag.State_HasFocus),
            pixmap=index.data(ThumbnailRole),
            thumbnail=index.data(ThumbnailStateRole),
            badge=bool(has_badge(entry) or index.data(FindingsRole)),
        )
        pixmap = look.pixmap
        key = (
            look.selected,
            look.hovered,
            look.focused,
            pixmap.cacheKey() if isinstance(pixmap, QPixmap) else 0,
            look.thumbnail,
            look.badge,
            look.palette.cacheKey(),
            look.font.key(),
            self._size,
        )
        self._cells.paint(
            painter,
            option.rect,
            entry,
            key,
            lambda p, r: self._paint_cell(p, QRectF(r), entry, look),
        )

    def _paint_cell(self, painter: QPainter, rect: QRectF, entry: Entry, look: _Look) -> None:
        palette, font = look.palette, look.font
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(font)
        cell = rect.adjusted(2, 2, -2, -2)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        base = palette.color(QPalette.ColorRole.Base)
        if look.selected or look.hovered:
            fill = mix(base, highlight, 0.28 if look.selected else 0.10)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(cell, 6, 6)
        if look.focused:
            painter.setPen(QPen(highlight, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(cell.adjusted(0.75, 0.75, -0.75, -0.75), 6, 6)

        size = self._size
        square = QRectF(rect.left() + (rect.width() - size) / 2, rect.top() + PADDING, size, size)
        self._paint_picture(painter, square, entry, look)
        if look.badge:  # one badge for both: the entry's own warnings and the checks' findings
            paint_badge(painter, QPointF(square.right() - 10, square.top() + 10), palette, 9)

        text_left = rect.left() + PADDING
        text_width = rect.width() - 2 * PADDING
        y = square.bottom() + PADDING * 0.75
        date_font = scaled_font(font, 0.92, weight=QFont.Weight.DemiBold)
        body_font = scaled_font(font, 0.92)
        text_colour = palette.color(QPalette.ColorRole.Text)
        painter.setPen(text_colour)
        date = QFontMetricsF(date_font).elidedText(
            format_date(entry.taken, short=True), Qt.TextElideMode.ElideRight, text_width
        )
        y = draw_lines(painter, [date], date_font, QPointF(text_left, y), text_width)
        painter.setPen(muted_text(palette) if not look.selected else text_colour)
        caption = isolate(" ".join(heading_text(entry).split()))
        lines = wrapped_lines(caption, body_font, text_width, CAPTION_LINES)
        draw_lines(painter, lines, body_font, QPointF(text_left, y), text_width)
        painter.restore()

    def _paint_picture(self, painter: QPainter, square: QRectF, entry: Entry, look: _Look) -> None:
        palette, pixmap = look.palette, look.pixmap
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            ratio = pixmap.devicePixelRatio() or 1.0
            natural = QSize(int(pixmap.width() / ratio), int(pixmap.height() / ratio))
            fitted = natural.scaled(square.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(
                square.center().x() - fitted.width() / 2,
                square.center().y() - fitted.height() / 2,
                fitted.width(),
                fitted.height(),
            )
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawPixmap(target, pixmap, QRectF(pixmap.rect()))
            painter.setPen(
                QPen(
                    mix(
                        palette.color(QPalette.ColorRole.Base),
                        palette.color(QPalette.ColorRole.Text),
                        0.18,
                    ),
                    1.0,
                )
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(target.adjusted(0.5, 0.5, -0.5, -0.5))
        else:
            paint_missing_thumbnail(
                painter,
                square,
                entry,
                palette,
                loading=look.thumbnail == ThumbnailState.LOADING,
                failed=look.thumbnail == ThumbnailState.FAILED,
                inset=4,
            )
