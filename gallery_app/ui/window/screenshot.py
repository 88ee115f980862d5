# SPDX-License-Identifier: GPL-3.0-or-later
"""``--screenshot``: render one view of a gallery offscreen, write a PNG, exit 0.

Flow: the job waits for ``MainWindow.gallery_shown``, puts the window in the
asked-for view (grid, photo, slideshow, timeline, article, details, map, or checks:
the grid with the Checks dock), then waits until
what is visible is ready — thumbnails delivered, the photo (or its card) shown,
the slideshow's picture decoded — by checking readiness on a short QTimer tick
(never sleeping), grabs the widget and writes the PNG atomically.  A gallery
that fails to load exits 1 with the sentence on stderr.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QObject, QSize, QTimer
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from gallery_app.core.models import Entry, Gallery, ImageStatus
from gallery_app.core.store.atomic import write_bytes_atomic
from gallery_app.qt.checks import FindingsBook
from gallery_app.qt.loading.gallery import GalleryLoader
from gallery_app.qt.slideshow import SlideshowController
from gallery_app.ui.window.lazy_map import LazyMap

log = logging.getLogger(__name__)

VIEWS = ("grid", "photo", "slideshow", "timeline", "article", "details", "map", "checks")
TICK_MS = 5  # cheap checks; a long tick only delays the grab
SETTLE_TICKS = 3  # ticks in a row that must find everything ready
TIMEOUT_MS = 20_000


def png_bytes(widget: QWidget) -> bytes:
    """The widget as it looks now, encoded as PNG."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widget.grab().save(buffer, "PNG")
    return bytes(buffer.data().data())


class ScreenshotJob(QObject):
    """One screenshot of ``window`` (a MainWindow) in ``view``; quits the app when done."""

    def __init__(
        self,
        window: QWidget,
        loader: GalleryLoader,
        slideshow: SlideshowController,
        out: Path,
        view: str = "grid",
        select: int = 1,
        size: QSize | None = None,
        exit_app: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(window)
        if view not in VIEWS:
            raise ValueError(f"view must be one of {', '.join(VIEWS)}")
        self._window = window
        self._out = out
        self._view = view
        self._select = select
        self._size = size or QSize(1280, 800)
        self._exit = exit_app or QApplication.exit
        self._checks: list[Callable[[], bool]] = []
        self._target: QWidget = window
        self._settled = 0
        self._photo_ready = False
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(TIMEOUT_MS)
        self._deadline.timeout.connect(self._on_deadline)
        window.gallery_shown.connect(self._on_gallery_shown)  # type: ignore[attr-defined]
        loader.failed.connect(self._on_failed)
        self._slideshow = slideshow
        self.written: Path | None = None

    def _on_failed(self, sentence: str) -> None:
        print(sentence, file=sys.stderr)
        self._exit(1)

    def _on_gallery_shown(self, gallery: Gallery) -> None:
        w = self._window
        w.resize(self._size)
        w.show()
        parts = w.parts  # type: ignore[attr-defined]
        shown = parts.proxy.rowCount()  # not visible_entries(): O(n) at 10,000 photos
        entry: Entry | None = parts.proxy.entry(max(0, min(shown - 1, self._select - 1)))
        view = self._view
        if shown and self._select > shown:
            noun = "photo is" if shown == 1 else "photos are"
            print(
                f"There is no photo {self._select}: {shown} {noun} shown; "
                f"the screenshot shows photo {shown}.",
                file=sys.stderr,
            )
        if entry is None and view in ("photo", "article", "slideshow", "details"):
            why = "the filter hides every photo" if gallery.entries else "the gallery has no photos"
            print(
                f"No photo to show in the {view} view ({why}); the grid is shown instead.",
                file=sys.stderr,
            )
        if entry is not None and view in ("photo", "article", "details"):
            parts.photo_view.ready.connect(self._on_photo_ready)
            w.open_entry(entry)  # type: ignore[attr-defined]
            self._checks.append(lambda: self._photo_ready and parts.photo_view.is_settled())
            self._checks.append(self._thumbnails_ready)  # the filmstrip's
            if view == "article":
                w.read_in_article(entry)  # type: ignore[attr-defined]
            if view == "details":
                parts.side_tabs.setCurrentWidget(parts.details_panel)
                self._checks.append(parts.details_panel.is_settled)
        elif entry is not None and view == "slideshow":
            self._start_slideshow(entry)
        else:
            w.show_grid()  # type: ignore[attr-defined]  # (a photo opened by name shows its page)
            if entry is not None:
                w.nav.select_in_grid(entry)  # type: ignore[attr-defined]
                parts.timeline.set_current(entry)
            if view == "timeline":  # the story timeline, its photo selected
                story = w.story  # type: ignore[attr-defined]
                story.show_page()
                self._checks.append(story.is_ready)
            if view == "checks":
                self._show_checks()
            self._checks.append(self._thumbnails_ready)
            if view == "map":
                self._show_map()
        self._timer.start()
        self._deadline.start()

    def _show_map(self) -> None:
        lazy = self._window.findChild(LazyMap)
        if lazy is not None:
            page = lazy.page()  # built here: the map is made when first shown
            page.show()
            self._checks.append(page.is_ready)

    def _show_checks(self) -> None:
        dock = self._window.findChild(QDockWidget, "checksDock")
        book = self._window.findChild(FindingsBook)
        if dock is not None:
            dock.show()
        if book is not None:
            book.release()  # held for the first screen: this view shows the checks
            self._checks.append(book.is_settled)

    def _start_slideshow(self, entry: Entry) -> None:
        w = self._window
        w.nav.select_in_grid(entry)  # type: ignore[attr-defined]
        show = w.parts.slideshow_window  # type: ignore[attr-defined]
        show.resize(self._size)
        w.start_slideshow(fullscreen=False)  # type: ignore[attr-defined]
        self._target = show
        controller = self._slideshow

        def image_ready() -> bool:
            current = controller.current()
            if current is None:
                return False
            no_file = current.image is None or current.image_status is not ImageStatus.OK
            return no_file or controller.image_for(current) is not None

        self._checks.append(image_ready)

    def _on_photo_ready(self, *_args: object) -> None:
        self._photo_ready = True

    def _thumbnails_ready(self) -> bool:
        model = self._window.parts.model  # type: ignore[attr-defined]
        pending = getattr(model, "pending_count", None)
        return pending is None or pending() == 0

    def _tick(self) -> None:
        if self._target.isVisible() and all(check() for check in self._checks):
            self._settled += 1
        else:
            self._settled = 0
        if self._settled >= SETTLE_TICKS:
            self._write()

    def _on_deadline(self) -> None:
        log.warning("screenshot: not everything was ready after %d ms", TIMEOUT_MS)
        print("Not everything was ready in time; the screenshot shows what was.", file=sys.stderr)
        self._write()

    def _write(self) -> None:
        self._timer.stop()
        self._deadline.stop()
        try:
            write_bytes_atomic(self._out, png_bytes(self._target))
        except OSError as exc:
            print(f"Could not write {self._out}: {exc.strerror or exc}.", file=sys.stderr)
            self._exit(1)
            return
        self.written = self._out
        log.info("screenshot written to %s", self._out)
        self._exit(0)
