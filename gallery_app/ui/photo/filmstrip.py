# SPDX-License-Identifier: GPL-3.0-or-later
"""A one-row strip of small thumbnails under the photo, over the same filter proxy.

It shares the grid's PhotoModel (and so its thumbnails) and asks only for the
rows it shows.  Clicking or pressing Enter on a cell emits ``entry_chosen``;
``set_current`` follows the photo view without emitting anything back.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QPainter, QPalette, QPen, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from gallery_app.core.gallery.badges import has_badge
from gallery_app.core.models import Entry
from gallery_app.qt.models.filter_proxy import GalleryFilterProxy
from gallery_app.qt.models.photos import (
    EntryRole,
    ThumbnailRole,
    ThumbnailState,
    ThumbnailStateRole,
)
from gallery_app.ui.common.badge import paint_badge
from gallery_app.ui.common.painting import mix
from gallery_app.ui.common.placeholder_card import paint_missing_thumbnail
from gallery_app.ui.grid.prefetch import ThumbnailPrefetcher

_AnyIndex = QModelIndex | QPersistentModelIndex

EDGE = 64
PAD = 5


class FilmstripDelegate(QStyledItemDelegate):
    """A square thumbnail (or the tiny card) with a ring on the current photo."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _AnyIndex) -> QSize:
        return QSize(EDGE + 2 * PAD, EDGE + 2 * PAD)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _AnyIndex) -> None:
        entry = index.data(EntryRole)
        if not isinstance(entry, Entry):
            return
        palette: QPalette = option.palette
        rect = QRectF(option.rect)
        square = QRectF(rect.center().x() - EDGE / 2, rect.center().y() - EDGE / 2, EDGE, EDGE)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pixmap = index.data(ThumbnailRole)
        state = index.data(ThumbnailStateRole)
        if isinstance(pixmap, QPixmap) and not pixmap.isNull():
            # Fill the square (crop the long side): a strip reads better evenly tiled.
            source = QRectF(pixmap.rect())
            side = min(source.width(), source.height())
            crop = QRectF(
                source.center().x() - side / 2, source.center().y() - side / 2, side, side
            )
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
            painter.drawPixmap(square, pixmap, crop)
        else:
            paint_missing_thumbnail(
                painter,
                square,
                entry,
                palette,
                loading=state == ThumbnailState.LOADING,
                failed=state == ThumbnailState.FAILED,
            )
        if has_badge(entry):
            paint_badge(painter, QPointF(square.right() - 7, square.top() + 7), palette, 6)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            pen = QPen(palette.color(QPalette.ColorRole.Highlight), 3)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(square.adjusted(-2.5, -2.5, 2.5, 2.5), 4, 4)
        painter.restore()


class Filmstrip(QListView):
    """Small thumbnails of every photo the filter shows, in one scrolling row."""

    entry_chosen = Signal(object)  # Entry

    def __init__(self, proxy: GalleryFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("filmstrip")
        self.setAccessibleName("Filmstrip")
        self.setAccessibleDescription("Thumbnails of the photos shown; Enter opens one.")
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setItemDelegate(FilmstripDelegate(self))
        self.setModel(proxy)
        self._proxy = proxy
        scrollbar = self.horizontalScrollBar().sizeHint().height()
        self.setFixedHeight(EDGE + 2 * PAD + scrollbar + 4)
        self._prefetcher = ThumbnailPrefetcher(self, EDGE)
        self._match_backdrop()
        self._following = False
        self.clicked.connect(self._on_chosen)
        self.activated.connect(self._on_chosen)

    def set_current(self, entry: Entry | None) -> None:
        """Mark ``entry`` and scroll it to the middle, without emitting ``entry_chosen``."""
        row = self._proxy.row_of(entry.id) if entry is not None else -1
        if row < 0:
            self.clearSelection()
            return
        index = self._proxy.index(row, 0)
        self._following = True
        try:
            self.setCurrentIndex(index)
            self.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        finally:
            self._following = False

    def _on_chosen(self, index: QModelIndex) -> None:
        entry = index.data(EntryRole)
        if isinstance(entry, Entry) and not self._following:
            self.entry_chosen.emit(entry)

    def _match_backdrop(self) -> None:
        """The strip's ground is the photo view's, so strip and photo read as one
        surface (and the room kept for a scroll bar is not a stripe of white)."""
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        ground = mix(window, palette.color(QPalette.ColorRole.Text), 0.05)
        # Only the viewport's ground changes: the cells keep the view's palette.
        viewport = self.viewport()
        ground_palette = viewport.palette()
        ground_palette.setColor(QPalette.ColorRole.Base, ground)
        viewport.setPalette(ground_palette)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._match_backdrop()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._prefetcher.schedule()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._prefetcher.schedule()
