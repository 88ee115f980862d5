# SPDX-License-Identifier: GPL-3.0-or-later
"""The full-screen slideshow: draws what the controller says, sends keys back.

Timing, order and preloading live in ``qt.slideshow.SlideshowController``; this
widget paints the photo (or its placeholder card), the caption overlay, the credit
(always, even with the overlay hidden), and a short note when a setting changes.
A cross-fade (which can be turned off) blends the previous frame into the new one.
Esc stops the show and emits ``closed(entry)`` with the photo on screen.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEasingCurve, QRectF, QSize, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QWidget

from gallery_app.core.gallery.badges import badge_reasons
from gallery_app.core.gallery.labels import credit_text, format_date, heading_text, place_text
from gallery_app.core.inert import isolate
from gallery_app.core.models import Entry
from gallery_app.qt.slideshow import SlideshowController, decodes
from gallery_app.ui.common.placeholder_card import paint_placeholder_card, status_text
from gallery_app.ui.common.screen_fit import show_full_screen, show_normal
from gallery_app.ui.common.theme import dark_palette
from gallery_app.ui.slideshow.overlay import (
    PAD as _PAD,
)
from gallery_app.ui.slideshow.overlay import (
    overlay_height,
    overlay_layout,
    paint_overlay,
    paint_shadowed,
)

log = logging.getLogger(__name__)

FADE_MS = 450
NOTE_MS = 1600


class SlideshowWindow(QWidget):
    """Full-screen view over a :class:`SlideshowController`."""

    closed = Signal(object)  # the Entry shown when the user left (or None)
    ready = Signal()  # the current photo (or its card) is on screen
    options_changed = Signal()  # loop, shuffle, reading time, cross-fade or captions toggled

    def __init__(self, controller: SlideshowController, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._controller = controller
        self._entry: Entry | None = None
        self._position = 0
        self._pixmap: QPixmap | None = None
        self._failed = False  # the image could not be decoded: show the card
        self._old_frame: QPixmap | None = None
        self._overlay = True
        self._crossfade = True
        self._note = ""
        self._closing = False
        self._card_palette = dark_palette()
        self.setWindowTitle("Slideshow — Dateline")
        self.setAccessibleName("Slideshow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(False)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

        self._fade = QVariantAnimation(self)
        self._fade.setStartValue(0.0)
        self._fade.setEndValue(1.0)
        self._fade.setDuration(FADE_MS)
        self._fade.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._fade.valueChanged.connect(self.update)
        self._fade.finished.connect(self._on_fade_finished)
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_MS)
        self._note_timer.timeout.connect(self._clear_note)

        controller.current_changed.connect(self._on_current_changed)
        controller.image_ready.connect(self._on_image_ready)
        controller.interval_changed.connect(self._on_interval_changed)
        controller.paused_changed.connect(self._on_paused_changed)
        controller.finished.connect(self._on_finished)
        current = controller.current()
        if current is not None:
            self._on_current_changed(controller.position(), current)

    # -- public API -----------------------------------------------------------

    def present(self, *, fullscreen: bool = True) -> None:
        """Show (full screen by default) and decode images at the screen's size."""
        if fullscreen:
            show_full_screen(self)  # sized to the screen even without a window manager
        else:
            self.show()
        self.activateWindow()
        self.setFocus()
        self._update_target_size()

    def overlay_visible(self) -> bool:
        return self._overlay

    def set_overlay_visible(self, visible: bool) -> None:
        self._overlay = bool(visible)
        self.update()

    def crossfade(self) -> bool:
        return self._crossfade

    def set_crossfade(self, on: bool) -> None:
        self._crossfade = bool(on)
        if not on and self.is_fading():
            self._fade.stop()
            self._on_fade_finished()

    def is_fading(self) -> bool:
        return self._fade.state() == QVariantAnimation.State.Running

    def current_entry(self) -> Entry | None:
        return self._entry

    def note(self) -> str:
        """The short message on screen ("Interval 6 s", "Paused"), or ""."""
        return self._note

    def flash_interval(self) -> None:
        self._show_note(f"Interval {self._controller.interval} s")

    def leave(self) -> None:
        """Stop the show and close, reporting the photo on screen."""
        if self._closing:
            return
        self._closing = True
        entry = self._controller.stop() or self._entry
        self.closed.emit(entry)
        self.close()

    # -- controller → screen --------------------------------------------------

    def _on_current_changed(self, position: int, entry: Entry) -> None:
        if self._crossfade and self.isVisible() and self._entry is not None:
            self._fade.stop()
            self._old_frame = self.grab()
            self._fade.start()
        self._entry = entry
        self._position = position
        self._failed = False
        image = self._controller.image_for(entry)
        self._pixmap = (
            QPixmap.fromImage(image) if image is not None and not image.isNull() else None
        )
        self._failed = image is not None and image.isNull()
        self.setAccessibleDescription(self._summary())
        self.update()
        if self._pixmap is not None or not self._waiting_for_image():
            self.ready.emit()

    def _waiting_for_image(self) -> bool:  # a video or broken file is not decoded: card at once
        return self._entry is not None and not self._failed and decodes(self._entry)

    def _on_image_ready(self, entry: Entry, image: QImage) -> None:
        if entry is not self._entry:
            return
        if image.isNull():
            self._failed = True
            self._pixmap = None
        else:
            self._pixmap = QPixmap.fromImage(image)  # on the GUI thread, as Qt requires
        self.update()
        self.ready.emit()

    def _on_interval_changed(self, _seconds: int) -> None:
        self.flash_interval()

    def _on_paused_changed(self, paused: bool) -> None:
        self._show_note("Paused" if paused else "Playing")

    def _on_finished(self) -> None:
        self._show_note("End of slideshow — Esc to leave", sticky=True)

    def _on_fade_finished(self) -> None:
        self._old_frame = None
        self.update()

    def _show_note(self, text: str, *, sticky: bool = False) -> None:
        self._note = text
        if sticky:
            self._note_timer.stop()
        else:
            self._note_timer.start()
        self.update()

    def _clear_note(self) -> None:
        self._note = ""
        self.update()

    def _summary(self) -> str:
        if self._entry is None:
            return "No photo"
        parts = [
            f"{self._position + 1} of {self._controller.count()}",
            format_date(self._entry.taken),
            place_text(self._entry.location),
            credit_text(self._entry),
        ]
        return ". ".join(p for p in parts if p)

    # -- painting -------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), QColor(0, 0, 0))
        self._paint_photo(painter)
        if self._old_frame is not None and self.is_fading():
            painter.setOpacity(1.0 - float(self._fade.currentValue()))
            painter.drawPixmap(self.rect(), self._old_frame)
            painter.setOpacity(1.0)
        self._paint_texts(painter)

    def _paint_photo(self, painter: QPainter) -> None:
        entry = self._entry
        if entry is None:
            return
        if self._pixmap is not None and not self._pixmap.isNull():
            size = self._pixmap.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
            if size.width() > self._pixmap.width() * 2:
                size = self._pixmap.size() * 2  # never blow a small image up past 200 %
            x = (self.width() - size.width()) / 2
            y = (self.height() - size.height()) / 2
            painter.drawPixmap(QRectF(x, y, size.width(), size.height()).toRect(), self._pixmap)
            return
        if self._waiting_for_image():
            return  # a black frame for the few milliseconds a decode takes
        # Captions first: the full card (caption, date, place, credit) always;
        # with the overlay on, the band under it keeps to position, date and
        # credit so the caption is not printed twice.
        bottom = self.height() - (self._overlay_height(entry) + 2 * _PAD if self._overlay else _PAD)
        area = QRectF(_PAD, _PAD, self.width() - 2 * _PAD, max(60.0, bottom - _PAD))
        status = status_text(entry, failed=self._failed)  # a video's says "Video · 0:42"
        # The show is black in every theme, so the card takes the dark palette:
        # a light card would glare like a lamp in a dark room.
        card = self._card_palette
        paint_placeholder_card(painter, area, entry, card, compact=False, status=status)

    def _shows_card(self) -> bool:
        """True while the entry is shown as its placeholder card (no picture)."""
        has_picture = self._pixmap is not None and not self._pixmap.isNull()
        return self._entry is not None and not has_picture and not self._waiting_for_image()

    def _paint_texts(self, painter: QPainter) -> None:
        entry = self._entry
        font = QFont(self.font())
        if entry is not None and self._overlay:
            self._paint_overlay(painter, entry, font)
        elif entry is not None:
            credit = credit_text(entry)
            if credit:  # the credit stays wherever the photo is
                painter.setFont(font)
                fm = QFontMetricsF(font)
                rect = QRectF(0, self.height() - fm.height() - 12, self.width() - 16, fm.height())
                paint_shadowed(painter, rect, Qt.AlignmentFlag.AlignRight, credit)
        if self._note:
            big = QFont(font)
            big.setPointSizeF(font.pointSizeF() * 1.6)
            painter.setFont(big)
            fm = QFontMetricsF(big)
            width = fm.horizontalAdvance(self._note) + 40
            box = QRectF((self.width() - width) / 2, _PAD, width, fm.height() + 20)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(0, 0, 0, 170))
            painter.drawRoundedRect(box, 10, 10)
            painter.setPen(QColor(255, 255, 255))
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self._note)

    def _overlay_texts(self, entry: Entry) -> tuple[str, str, str]:
        when = format_date(entry.taken)
        if entry.taken is not None and entry.taken.uncertain:
            when += " (uncertain)"
        head = " · ".join(
            p
            for p in (
                f"{self._position + 1} of {self._controller.count()}",
                when,
                place_text(entry.location),
            )
            if p
        )
        caption = "" if self._shows_card() else isolate(entry.caption or heading_text(entry))
        reasons = badge_reasons(entry)  # the caption's truth, on screen during the show
        credit = " · ".join(p for p in (*(f"⚠ {r}" for r in reasons[:1]), credit_text(entry)) if p)
        return head, caption, credit

    def _overlay_height(self, entry: Entry) -> float:
        texts = self._overlay_texts(entry)
        return overlay_height(overlay_layout(self.width(), texts, self.font()))

    def _paint_overlay(self, painter: QPainter, entry: Entry, font: QFont) -> None:
        paint_overlay(painter, self.size(), self._overlay_texts(entry), font)

    # -- input ----------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        ctl = self._controller
        text = event.text().lower()
        if key == Qt.Key.Key_Escape:
            self.leave()
        elif key == Qt.Key.Key_Space:
            ctl.toggle_pause()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_N):
            ctl.next()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace, Qt.Key.Key_P):
            ctl.previous()
        elif key == Qt.Key.Key_Home:
            ctl.home()
        elif key == Qt.Key.Key_End:
            ctl.end()
        elif text in ("+", "="):
            ctl.slower()  # more seconds per photo
            self.flash_interval()
        elif text in ("-", "_"):
            ctl.faster()
            self.flash_interval()
        elif text in ("i", "c", "l", "s", "r", "x"):
            self._toggle_option(text)
        elif key == Qt.Key.Key_F11 or text == "f":
            if self.isFullScreen():
                show_normal(self)
            else:
                show_full_screen(self)
        else:
            super().keyPressEvent(event)

    def _toggle_option(self, key: str) -> None:
        """i / c captions, l loop, s shuffle, r reading time, x cross-fade: flip, say, report."""
        ctl = self._controller
        if key in ("i", "c"):
            self.set_overlay_visible(not self._overlay)
        elif key == "l":
            ctl.set_loop(not ctl.loop)
            self._show_note("Loop on" if ctl.loop else "Loop off")
        elif key == "s":
            ctl.set_shuffle(not ctl.shuffle)
            self._show_note("Shuffle on" if ctl.shuffle else "Shuffle off")
        elif key == "r":
            ctl.set_reading_time(not ctl.reading_time)
            self._show_note("Reading time on" if ctl.reading_time else "Reading time off")
        elif key == "x":
            self.set_crossfade(not self._crossfade)
            self._show_note("Cross-fade on" if self._crossfade else "Cross-fade off")
        self.options_changed.emit()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._controller.next()
        elif event.button() == Qt.MouseButton.RightButton:
            self._controller.previous()
        else:
            super().mouseReleaseEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        # The window is reused for every show: start each one clean.
        self._closing = False
        self._note = ""
        self._note_timer.stop()
        self._update_target_size()
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._update_target_size()
        super().resizeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing:  # closed by the window manager, not by Esc
            self._closing = True
            self.closed.emit(self._controller.stop() or self._entry)
        super().closeEvent(event)

    def _update_target_size(self) -> None:
        ratio = self.devicePixelRatioF()
        size = QSize(round(self.width() * ratio), round(self.height() * ratio))
        if size.width() > 0 and size.height() > 0:
            self._controller.set_target_size(size)
