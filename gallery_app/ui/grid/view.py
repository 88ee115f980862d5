# SPDX-License-Identifier: GPL-3.0-or-later
"""The grid of photos: a QListView in icon mode over the filter proxy.

Enter or a double-click opens the photo (``activated_entry``); the thumbnail
size follows ``set_thumbnail_size`` (the window's slider) and Ctrl+wheel, and
``thumbnail_size_changed`` keeps the slider in step.  Thumbnails are asked for
only for the rows on screen plus a margin (see ``thumbnail_prefetch``).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QGuiApplication,
    QResizeEvent,
    QShowEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QWidget

from gallery_app.core.gallery.labels import caption_with_credit
from gallery_app.core.models import Entry
from gallery_app.qt.models.filter_proxy import GalleryFilterProxy
from gallery_app.qt.models.photos import EntryRole
from gallery_app.ui.grid.delegate import GridDelegate
from gallery_app.ui.grid.prefetch import ThumbnailPrefetcher

MIN_THUMBNAIL = 96
MAX_THUMBNAIL = 384
DEFAULT_THUMBNAIL = 192
WHEEL_STEP = 16


class GridView(QListView):
    """Every photo the filter shows, as cells of thumbnail, date and caption."""

    activated_entry = Signal(object)  # Entry
    current_entry_changed = Signal(object)  # Entry | None
    thumbnail_size_changed = Signal(int)
    link_file_requested = Signal(object)  # Entry

    def __init__(
        self,
        proxy: GalleryFilterProxy,
        parent: QWidget | None = None,
        *,
        thumbnail_size: int = DEFAULT_THUMBNAIL,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("photoGrid")
        self.setAccessibleName("Photos")
        self.setAccessibleDescription(
            "Grid of photos. Arrow keys move, Enter opens the photo, Ctrl+wheel resizes."
        )
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setMouseTracking(True)  # hover highlight
        self.setSpacing(0)
        self._delegate = GridDelegate(self, self._clamp(thumbnail_size))
        self.setItemDelegate(self._delegate)
        self.setModel(proxy)
        self._proxy = proxy
        self._prefetcher = ThumbnailPrefetcher(self, self._delegate.thumbnail_size())
        self._apply_size()
        self.activated.connect(self._on_activated)
        self.selectionModel().currentChanged.connect(self._on_current_changed)
        for signal in (
            proxy.modelReset,
            proxy.layoutChanged,
            proxy.rowsInserted,
            proxy.rowsRemoved,
        ):
            signal.connect(self._select_first_if_none)

    # -- public API -----------------------------------------------------------
    def thumbnail_size(self) -> int:
        return self._delegate.thumbnail_size()

    def set_thumbnail_size(self, px: int) -> None:
        """Resize the thumbnails (clamped to 96–384 px), keeping the current cell in view."""
        px = self._clamp(px)
        if px == self._delegate.thumbnail_size():
            return
        self._delegate.set_thumbnail_size(px)
        self._apply_size()
        current = self.currentIndex()
        if current.isValid():
            self.scrollTo(current, QAbstractItemView.ScrollHint.EnsureVisible)
        self.thumbnail_size_changed.emit(px)

    def current_entry(self) -> Entry | None:
        value = self.currentIndex().data(EntryRole)
        return value if isinstance(value, Entry) else None

    def select_entry(self, entry_id: str) -> bool:
        """Make ``entry_id`` current and scroll to it; False when it is filtered out."""
        row = self._proxy.row_of(entry_id)
        if row < 0:
            return False
        index = self._proxy.index(row, 0)
        self.setCurrentIndex(index)
        self.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
        return True

    # -- events ---------------------------------------------------------------
    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            if steps:
                self.set_thumbnail_size(round(self.thumbnail_size() + steps * WHEEL_STEP))
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_size()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._prefetcher.schedule()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        entry = index.data(EntryRole) if index.isValid() else None
        if not isinstance(entry, Entry):
            return
        menu = QMenu(self)
        open_action = QAction("Open photo", menu)
        open_action.triggered.connect(lambda: self.activated_entry.emit(entry))
        link_action = QAction(
            "Link a photo file…" if entry.image is None else "Link a different photo file…", menu
        )
        link_action.triggered.connect(lambda: self.link_file_requested.emit(entry))
        copy_action = QAction("Copy caption with credit", menu)
        copy_action.triggered.connect(
            lambda: QGuiApplication.clipboard().setText(caption_with_credit(entry))
        )
        copy_action.setEnabled(bool(caption_with_credit(entry)))
        menu.addAction(open_action)
        menu.addAction(copy_action)
        menu.addAction(link_action)
        menu.exec(event.globalPos())

    # -- internals ------------------------------------------------------------
    @staticmethod
    def _clamp(px: int) -> int:
        return max(MIN_THUMBNAIL, min(MAX_THUMBNAIL, int(px)))

    def _apply_size(self) -> None:
        """Cells share the row's width evenly, so no ragged gap on the right."""
        cell = self._delegate.cell_size(self.font())
        # Qt wraps a little before the edge (it keeps room for a scroll bar).
        available = self.viewport().width() - self.verticalScrollBar().sizeHint().width() - 2
        columns = max(1, available // max(1, cell.width()))
        width = max(cell.width(), available // columns) if available > 0 else cell.width()
        cell.setWidth(width)
        if cell != self.gridSize():
            self.setGridSize(cell)
        self._prefetcher.set_edge(self._delegate.thumbnail_size())

    def _on_activated(self, index: QModelIndex) -> None:
        entry = index.data(EntryRole)
        if isinstance(entry, Entry):
            self.activated_entry.emit(entry)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = current.data(EntryRole) if current.isValid() else None
        self.current_entry_changed.emit(entry if isinstance(entry, Entry) else None)

    def _select_first_if_none(self) -> None:
        if not self.currentIndex().isValid() and self._proxy.rowCount() > 0:
            self.setCurrentIndex(self._proxy.index(0, 0))

    def cell_center(self, row: int) -> QPoint:
        """Where a click lands on ``row`` (for tests and the e2e driver)."""
        return self.visualRect(self._proxy.index(row, 0)).center()
