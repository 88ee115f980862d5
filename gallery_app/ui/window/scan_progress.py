# SPDX-License-Identifier: GPL-3.0-or-later
"""The status bar's progress for a long folder scan: count, rate and Cancel.

Hidden for short scans: it appears only when a scan is still running
``SHOW_AFTER_MS`` after it started, so opening a folder seen before (served
from the catalog in a fraction of a second) never flashes it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QStatusBar, QWidget

from gallery_app.qt.loading.folder_session import FolderGalleryLoader

SHOW_AFTER_MS = 400


class ScanProgress(QWidget):
    """ "Reading photos… 1,234 of 10,000 · 2,150/s" with a bar and a Cancel button."""

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Folder scan progress")
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName("Photos read")
        self.bar.setFixedWidth(160)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setAccessibleName("Cancel reading the folder")
        self.cancel_button.setToolTip("Stop reading; the photos read so far stay open")
        self.cancel_button.clicked.connect(self.cancel_requested)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        row.addWidget(self.cancel_button)
        self._running = False
        self._reveal = QTimer(self)
        self._reveal.setSingleShot(True)
        self._reveal.setInterval(SHOW_AFTER_MS)
        self._reveal.timeout.connect(self._on_reveal)
        self.hide()

    def scan_started(self) -> None:
        self._running = True
        self.bar.setRange(0, 0)  # busy until the files are counted
        self.label.setText("Reading photos…")
        self.cancel_button.setEnabled(True)
        self._reveal.start()

    def set_progress(self, done: int, total: int, rate: float) -> None:
        if not self._running:
            return
        # QProgressBar.setValue repaints at once, and with it every dirty widget of the
        # window (the grid mid-scan): with updates off it only schedules a paint.
        self.bar.setUpdatesEnabled(False)
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)
        self.bar.setUpdatesEnabled(True)
        speed = f" · {rate:,.0f}/s" if rate > 0 else ""
        self.label.setText(f"Reading photos… {done:,} of {total:,}{speed}")

    def scan_finished(self) -> None:
        self._running = False
        self._reveal.stop()
        self.hide()

    def _on_reveal(self) -> None:
        if self._running:
            self.show()


def install_scan_progress(status_bar: QStatusBar, loader: FolderGalleryLoader) -> ScanProgress:
    """Put a ScanProgress in ``status_bar`` and wire it to ``loader``'s folder scans."""
    progress = ScanProgress(status_bar)
    status_bar.addPermanentWidget(progress)
    loader.scan_started.connect(lambda _folder: progress.scan_started())
    loader.scan_progress.connect(progress.set_progress)
    progress.cancel_requested.connect(loader.cancel_scan)
    progress.cancel_requested.connect(lambda: progress.cancel_button.setEnabled(False))

    def finished(sentence: str) -> None:
        progress.scan_finished()
        if sentence:
            status_bar.showMessage(sentence, 6000)

    loader.scan_finished.connect(finished)
    return progress
