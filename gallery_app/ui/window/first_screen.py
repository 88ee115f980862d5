# SPDX-License-Identifier: GPL-3.0-or-later
"""When a gallery's first screen is up: painted, its visible thumbnails in.

Background work the first screen does not need — checking a folder's
snapshot against the disk, the checks' run over every entry — shares the
interpreter (and, on a two-core machine, the cores) with the GUI thread; done
at once, it made the first screen of a 10,000-photo folder several times
slower.  :class:`FirstScreen` says when that screen is up, and the app starts
such work then.

Flow: ``MainWindow.gallery_shown`` or ``updated`` (a snapshot shown in place)
arms it; the photo model's ``thumbnails_idle`` (the grid painted and every
thumbnail it asked for arrived) or, at the latest, ``MAX_WAIT_MS`` later
(nothing to fetch, a window not shown) emits ``settled`` once per gallery.
``settle_now()`` lets a caller that needs the work at once skip the wait.
:func:`hold_for_first_screen` (``app.compose``) holds the findings' runs and a
snapshot's check against the disk until then.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, SignalInstance

from gallery_app.qt.checks import FindingsBook
from gallery_app.qt.loading.folder_session import FolderGalleryLoader
from gallery_app.qt.loading.scanner import FolderScanner
from gallery_app.ui.window.main_window import MainWindow

MAX_WAIT_MS = 1000


class FirstScreen(QObject):
    """Emits ``settled`` once a shown gallery's first screen is up (or ``MAX_WAIT_MS`` passed)."""

    settled = Signal()

    def __init__(
        self,
        shown: list[SignalInstance],
        thumbnails_idle: SignalInstance,
        parent: QObject | None = None,
        *,
        max_wait_ms: int = MAX_WAIT_MS,
    ) -> None:
        super().__init__(parent)
        self._armed = False
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(max_wait_ms)
        self._deadline.timeout.connect(self.settle_now)
        for signal in shown:
            signal.connect(self._arm)
        thumbnails_idle.connect(self._on_thumbnails_idle)

    def is_waiting(self) -> bool:
        return self._armed

    def _arm(self, *_gallery: object) -> None:
        if not self._armed:
            self._armed = True
            self._deadline.start()

    def _on_thumbnails_idle(self) -> None:
        if self._armed:
            self.settle_now()

    def settle_now(self) -> None:
        """The first screen is up (or its wait is over): emit ``settled`` if it was waited for."""
        self._deadline.stop()
        if self._armed:
            self._armed = False
            self.settled.emit()


def hold_for_first_screen(
    window: MainWindow,
    loader: FolderGalleryLoader,
    findings: FindingsBook,
    scanner: FolderScanner,
    *,
    release: bool = True,
) -> FirstScreen:
    """Hold the checks' runs and a snapshot's check until each gallery's first screen is up.

    The screen is the window's gallery (``gallery_shown``) or a newer version of
    it (the loader's ``updated``: a snapshot shown in place).  ``release=False``
    (``--screenshot``, which shows the snapshot and exits): held until the
    process ends, or until a caller asks (``FindingsBook.release`` for
    ``--view checks``).
    """
    findings.hold()
    shown = [window.gallery_shown, loader.updated]
    first = FirstScreen(shown, window.parts.model.thumbnails_idle, window)
    if release:
        first.settled.connect(findings.release)
        first.settled.connect(scanner.screen_ready)
    else:
        scanner.hold_until_asked()
    return first
