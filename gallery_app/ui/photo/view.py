# SPDX-License-Identifier: GPL-3.0-or-later
"""One photo, fitted to the window, with zoom and pan; or its placeholder card.

Data flow: ``show_entry`` asks the ImageLoader for the photo decoded at the
size of the window (fast, even for 24 MP JPEGs); zooming past what that decode
can show asks once more for the full resolution.  Results are keyed by a
generation number, so a photo that arrives after the user has moved on is
dropped.  ``ready`` fires once the photo (or the card) is on screen.

Zoom is in "percent of the photo's own pixels" where 100 % means one photo
pixel per device pixel (crisp on high-DPI screens).  Fit fills the window, so
a small photo is enlarged past 100 % (smoothly); ``1`` shows it pixel for
pixel, ``0`` fits it again, ``+``/``-`` step, and the level shows in the
top-left corner.  The credit is painted on the photo's opposite corner so it
stays visible even with the caption panel hidden.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QPushButton, QSizePolicy, QWidget

from gallery_app.core.gallery.file_types import FileType, file_type
from gallery_app.core.gallery.labels import credit_text
from gallery_app.core.inert import isolate
from gallery_app.core.models import Entry
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.common.painting import mix
from gallery_app.ui.common.placeholder_card import paint_placeholder_card, status_text
from gallery_app.ui.photo.paint import has_file, known_size, paint_credit
from gallery_app.ui.photo.zoom_badge import ZoomBadge

log = logging.getLogger(__name__)

ZOOM_STEP = 1.25
MAX_PERCENT = 1600.0
MIN_PERCENT = 2.0
_BUTTON_BAND = 56


class PhotoView(QWidget):
    """Shows one entry: its photo with zoom/pan, or the placeholder card."""

    ready = Signal()
    zoom_changed = Signal(float)  # percent
    link_file_requested = Signal(object)  # Entry

    def __init__(self, loader: ImageLoader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("photoView")
        self.setAccessibleName("Photo")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(120, 90)
        self._loader = loader
        loader.image_ready.connect(self._on_image_ready)
        self._entry: Entry | None = None
        self._generation = 0
        self._pixmap: QPixmap | None = None
        self._natural = QSize()
        self._full_requested = False
        self._pending = 0  # decodes asked for this entry that have not come back
        self._size_known = False  # True once _natural is the photo's real size
        self._failed = False
        self._fit = True
        self._scale = 1.0  # logical pixels per photo pixel
        self._centre = QPointF()  # the photo point at the middle of the view
        self._drag_from: QPointF | None = None
        self._link_button = QPushButton("Link a photo file…", self)
        self._link_button.setAccessibleName("Link a photo file to this entry")
        self._link_button.hide()
        self._link_button.clicked.connect(self._on_link_clicked)
        self.zoom_badge = ZoomBadge(self)
        self.zoom_changed.connect(self._on_zoom_changed)

    # -- public API -----------------------------------------------------------
    def entry(self) -> Entry | None:
        return self._entry

    def has_photo(self) -> bool:
        return self._pixmap is not None

    def is_settled(self) -> bool:
        """True when no decode for the shown entry is still on its way (a sharper
        one replaces a first, window-sized one when the window grows or zooms)."""
        return self._pending == 0

    def show_entry(self, entry: Entry | None) -> None:
        """Show ``entry`` fitted to the window; ``ready`` follows when it is shown."""
        self._entry = entry
        self._generation += 1
        self._pixmap = None
        self._failed = False
        self._full_requested = False
        self._pending = 0
        self._fit = True
        self._drag_from = None
        self.zoom_badge.hide()
        self.setAccessibleDescription(self._describe(entry))
        if entry is not None and self._has_file(entry):
            assert entry.image is not None
            self._natural = self._known_size(entry)
            self._size_known = not self._natural.isEmpty()
            self._link_button.hide()
            self._request(self._fit_target())
            self.update()
            return
        self._natural = QSize()
        self._show_card()

    def zoom_percent(self) -> float:
        return self._scale * self.devicePixelRatioF() * 100

    def is_fit(self) -> bool:
        return self._fit

    def zoom_in(self) -> None:
        self.set_zoom_percent(self.zoom_percent() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom_percent(self.zoom_percent() / ZOOM_STEP)

    def zoom_fit(self) -> None:
        self._fit = True
        self._apply_fit()

    def zoom_actual(self) -> None:
        self.set_zoom_percent(100.0)

    def set_zoom_percent(self, percent: float, anchor: QPointF | None = None) -> None:
        """Zoom to ``percent``, keeping the photo point under ``anchor`` in place."""
        if self._natural.isEmpty():
            return
        ratio = self.devicePixelRatioF()
        fit = self._fit_scale() * ratio * 100  # a tiny photo may fit at more than the maximum
        percent = max(min(MIN_PERCENT, fit), min(max(MAX_PERCENT, fit), percent))
        new_scale = percent / 100 / ratio
        anchor = anchor if anchor is not None else QPointF(self.rect().center())
        before = self._to_photo(anchor)
        self._fit = False
        self._scale = new_scale
        after = self._to_photo(anchor)
        self._centre += before - after
        self._clamp_centre()
        self._maybe_request_full()
        self.zoom_changed.emit(self.zoom_percent())
        self.update()

    # -- geometry ---------------------------------------------------------------
    _has_file = staticmethod(has_file)
    _known_size = staticmethod(known_size)

    def _fit_scale(self) -> float:
        """Logical px per photo px that fits the photo to the window (a small one grows)."""
        if self._natural.isEmpty():
            return 1.0
        return min(self.width() / self._natural.width(), self.height() / self._natural.height())

    def _fit_target(self) -> QSize:
        ratio = self.devicePixelRatioF()
        return QSize(max(1, round(self.width() * ratio)), max(1, round(self.height() * ratio)))

    def _apply_fit(self) -> None:
        if self._natural.isEmpty():
            return
        self._scale = self._fit_scale()
        self._centre = QPointF(self._natural.width() / 2, self._natural.height() / 2)
        self.zoom_changed.emit(self.zoom_percent())
        self.update()

    def _photo_rect(self) -> QRectF:
        w = self._natural.width() * self._scale
        h = self._natural.height() * self._scale
        centre = QPointF(self.rect().center()) + QPointF(0.5, 0.5)
        left = centre.x() - self._centre.x() * self._scale
        top = centre.y() - self._centre.y() * self._scale
        return QRectF(left, top, w, h)

    def _to_photo(self, point: QPointF) -> QPointF:
        rect = self._photo_rect()
        return QPointF(
            (point.x() - rect.left()) / self._scale, (point.y() - rect.top()) / self._scale
        )

    def _clamp_centre(self) -> None:
        """Keep the photo covering the view where it is larger, centred where smaller."""
        half_w = self.width() / 2 / self._scale
        half_h = self.height() / 2 / self._scale
        nw, nh = self._natural.width(), self._natural.height()
        x = nw / 2 if 2 * half_w >= nw else max(half_w, min(nw - half_w, self._centre.x()))
        y = nh / 2 if 2 * half_h >= nh else max(half_h, min(nh - half_h, self._centre.y()))
        self._centre = QPointF(x, y)

    # -- loading ------------------------------------------------------------------
    def _request(self, target: QSize | None) -> None:
        entry = self._entry
        if entry is None or entry.image is None:
            return
        key = f"photo\n{self._generation}\n{entry.id}"
        self._pending += 1
        self._loader.request(key, entry.image, target)

    def _maybe_request_full(self) -> None:
        if self._full_requested or self._pixmap is None or self._natural.isEmpty():
            return
        needed = self._natural.width() * self._scale * self.devicePixelRatioF()
        if needed > self._pixmap.width() * 1.05 and self._pixmap.width() < self._natural.width():
            self._full_requested = True
            self._request(None)

    def _maybe_request_sharper(self) -> None:
        """A decode made for a smaller window (the view grew while it was on its
        way) is replaced by one at the window's size, so a fitted photo is sharp."""
        if self._pixmap is None or self._natural.isEmpty() or self._pending:
            return
        needed = self._natural.width() * self._scale * self.devicePixelRatioF()
        if needed > self._pixmap.width() * 1.05 and self._pixmap.width() < self._natural.width():
            self._request(self._fit_target())

    def _on_image_ready(self, key: str, image: QImage) -> None:
        parts = key.split("\n", 2)  # the entry id (a file name) comes last, newlines and all
        if len(parts) != 3 or parts[0] != "photo" or parts[1] != str(self._generation):
            return
        self._pending = max(0, self._pending - 1)
        first = self._pixmap is None
        if image.isNull():
            if first:
                self._failed = True
                self._show_card()
            return
        if self._pixmap is not None and image.width() <= self._pixmap.width():
            return
        self._pixmap = QPixmap.fromImage(image)  # GUI thread
        if not self._size_known:
            self._learn_size(image)
        if self._fit:
            self._apply_fit()
            self._maybe_request_sharper()
        self.update()
        if first:
            self.ready.emit()

    def _learn_size(self, image: QImage) -> None:
        """Take the photo's size from a decode when the metadata did not know it.

        A decode smaller than what was asked for is the whole photo; one that
        fills the asked-for size in a direction may have been scaled down, so
        the full decode is asked for (off the GUI thread) to learn the size.
        """
        previous = self._natural
        self._natural = image.size()
        target = self._fit_target()
        scaled = image.width() >= target.width() or image.height() >= target.height()
        if self._full_requested or not scaled:
            self._size_known = True
        elif not self._full_requested:
            self._full_requested = True
            self._request(None)
        if not self._fit and not previous.isEmpty():
            # Keep what is on screen the same size while the unit changes.
            factor = previous.width() / max(1, self._natural.width())
            self._scale *= factor
            self._centre = QPointF(self._centre.x() / factor, self._centre.y() / factor)
            self._clamp_centre()

    def _show_card(self) -> None:
        entry = self._entry  # a video's card says what it is: no photo file to link
        self._link_button.setVisible(entry is not None and file_type(entry) is not FileType.VIDEO)
        self._place_button()
        self.update()
        self.ready.emit()

    def _place_button(self) -> None:
        hint = self._link_button.sizeHint()
        self._link_button.setGeometry(
            (self.width() - hint.width()) // 2,
            self.height() - _BUTTON_BAND + (_BUTTON_BAND - hint.height()) // 2 - 4,
            hint.width(),
            hint.height(),
        )

    @staticmethod
    def _describe(entry: Entry | None) -> str:
        if entry is None:
            return "No photo"
        return isolate(" ".join((entry.caption or "No caption").split())[:300])

    # -- events -------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        painter.fillRect(self.rect(), mix(window, palette.color(QPalette.ColorRole.Text), 0.05))
        entry = self._entry
        if entry is None:
            return
        if self._pixmap is None:
            if self._failed or not self._has_file(entry):
                area = QRectF(self.rect()).adjusted(0, 0, 0, -_BUTTON_BAND)
                status = status_text(entry, failed=self._failed)
                paint_placeholder_card(painter, area, entry, palette, compact=False, status=status)
            return
        rect = self._photo_rect()
        smooth = self._fit or self.zoom_percent() < 200  # past 200 % the pixels are the point
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, smooth)
        painter.drawPixmap(rect, self._pixmap, QRectF(self._pixmap.rect()))
        self._paint_credit(painter, rect.intersected(QRectF(self.rect())), entry, palette)

    def _paint_credit(
        self, painter: QPainter, photo: QRectF, entry: Entry, palette: QPalette
    ) -> None:
        paint_credit(painter, photo, credit_text(entry), self.font(), palette)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_button()
        if self._natural.isEmpty():
            return
        if self._fit:
            self._apply_fit()
            self._maybe_request_sharper()
        else:
            self._clamp_centre()

    def _on_zoom_changed(self, percent: float) -> None:
        if self._pixmap is not None:
            self.zoom_badge.show_zoom(percent, fit=self._fit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        zoom = {
            Qt.Key.Key_Plus: self.zoom_in,
            Qt.Key.Key_Equal: self.zoom_in,
            Qt.Key.Key_Minus: self.zoom_out,
            Qt.Key.Key_Underscore: self.zoom_out,
            Qt.Key.Key_0: self.zoom_fit,  # also Ctrl+0, as in most viewers
            Qt.Key.Key_1: self.zoom_actual,  # also Ctrl+1
        }.get(Qt.Key(event.key()))
        if zoom is None:
            super().keyPressEvent(event)  # arrows, Space, Home/End go to the window
            return
        zoom()
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        steps = event.angleDelta().y() / 120
        if not steps or self._natural.isEmpty():
            event.ignore()
            return
        self.set_zoom_percent(self.zoom_percent() * ZOOM_STEP**steps, event.position())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and not self._natural.isEmpty():
            self._drag_from = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is None:
            super().mouseMoveEvent(event)
            return
        delta = event.position() - self._drag_from
        self._drag_from = event.position()
        self._centre -= QPointF(delta.x() / self._scale, delta.y() / self._scale)
        self._clamp_centre()
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._drag_from = None
        self.unsetCursor()
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        """Double-click toggles between fit and 100 % at the clicked point."""
        if self._natural.isEmpty():
            return
        if self._fit:
            self.set_zoom_percent(100.0, event.position())
        else:
            self.zoom_fit()

    def _on_link_clicked(self) -> None:
        if self._entry is not None:
            self.link_file_requested.emit(self._entry)
