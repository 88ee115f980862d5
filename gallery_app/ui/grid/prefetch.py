# SPDX-License-Identifier: GPL-3.0-or-later
"""Ask the PhotoModel for thumbnails of the rows a list view shows, plus a margin.

The grid and the filmstrip both attach one of these.  Scrolling, resizing, a
new filter or a new thumbnail size schedules one look at the viewport (a
zero-delay timer coalesces a burst of events); the rows found there are mapped
through the filter proxy to the model, which decodes what it lacks.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractProxyModel, QObject, QRect
from PySide6.QtWidgets import QListView

from gallery_app.qt.models.photos import PhotoModel
from gallery_app.qt.throttle import Throttle


def visible_rows(view: QListView, margin: float = 1.0) -> range:
    """Rows of ``view``'s model within the viewport grown by ``margin`` screens.

    Rows of a list view lie in reading order, so the first row whose cell
    reaches the window is found by bisection on ``visualRect`` and the rest
    follow until a cell starts beyond it.
    """
    model = view.model()
    count = model.rowCount() if model is not None else 0
    if count == 0 or model is None:
        return range(0)
    area = view.viewport().rect()
    horizontal = view.flow() == QListView.Flow.LeftToRight and not view.isWrapping()
    if horizontal:
        grow = int(area.width() * margin)
        window = QRect(area.left() - grow, area.top(), area.width() + 2 * grow, area.height())
    else:
        grow = int(area.height() * margin)
        window = QRect(area.left(), area.top() - grow, area.width(), area.height() + 2 * grow)

    def ends_before(row: int) -> bool:
        rect = view.visualRect(model.index(row, 0))
        return rect.right() < window.left() if horizontal else rect.bottom() < window.top()

    def starts_after(row: int) -> bool:
        rect = view.visualRect(model.index(row, 0))
        return rect.left() > window.right() if horizontal else rect.top() > window.bottom()

    low, high = 0, count
    while low < high:
        mid = (low + high) // 2
        if ends_before(mid):
            low = mid + 1
        else:
            high = mid
    last = low
    while last < count and not starts_after(last):
        last += 1
    return range(low, last)


class ThumbnailPrefetcher(QObject):
    """Keeps the visible rows of ``view`` supplied with thumbnails of ``edge()`` px."""

    def __init__(self, view: QListView, edge_px: int) -> None:
        super().__init__(view)
        self._view = view
        self._edge = edge_px
        # One prefetch per turn of the event loop, after the last scroll step.
        self._throttle = Throttle(self.prefetch_now, 0, self, restart=True)
        view.verticalScrollBar().valueChanged.connect(self.schedule)
        view.horizontalScrollBar().valueChanged.connect(self.schedule)
        model = view.model()
        if model is not None:
            for signal in (
                model.modelReset,
                model.layoutChanged,
                model.rowsInserted,
                model.rowsRemoved,
            ):
                signal.connect(self.schedule)

    def set_edge(self, edge_px: int) -> None:
        """The thumbnail edge in logical pixels (device pixels are asked for)."""
        self._edge = edge_px
        self.schedule()

    def schedule(self) -> None:
        self._throttle.schedule()

    def prefetch_now(self) -> None:
        view = self._view
        if not view.isVisible():
            # A hidden view (the filmstrip while the grid is shown) must not ask: the
            # model drops requests for rows off the asking view, which were the grid's
            # visible tiles, so they stayed grey until the user scrolled.
            return
        proxy = view.model()
        rows = visible_rows(view)
        if not rows or proxy is None:
            return
        source_rows = [row for row in rows]
        target = proxy
        while isinstance(target, QAbstractProxyModel):
            source_rows = [target.mapToSource(target.index(row, 0)).row() for row in source_rows]
            target = target.sourceModel()
        if isinstance(target, PhotoModel):
            edge = round(self._edge * view.devicePixelRatioF())
            target.request_thumbnails(source_rows, edge)
