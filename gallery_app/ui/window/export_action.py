# SPDX-License-Identifier: GPL-3.0-or-later
"""File → Export…: the photos the filter shows, as TimelineJS, IIIF, PDF, CSV or a web page.

The user picks a format and a target; a progress dialog with Cancel follows
the Exporter (on the pool); the status bar says what was written, an error
dialog says why not.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QInputDialog, QProgressDialog, QStatusBar, QWidget

from gallery_app.core.exports.formats import FORMATS
from gallery_app.core.models import Entry, Gallery
from gallery_app.qt.exporter import Exporter
from gallery_app.ui.window import dialogs

_SUFFIX = {"timelinejs": ".json", "iiif": ".json", "pdf": ".pdf", "csv": ".csv", "html": ""}
_FILTER = {
    "timelinejs": "TimelineJS (*.json)",
    "iiif": "IIIF manifest (*.json)",
    "pdf": "PDF (*.pdf)",
    "csv": "CSV (*.csv)",
}


class ExportHost(Protocol):
    """What the export needs of the window."""

    @property
    def gallery(self) -> Gallery | None: ...

    def visible_entries(self) -> list[Entry]: ...

    def statusBar(self) -> QStatusBar: ...


def choose_target(parent: QWidget, gallery: Gallery) -> tuple[str, Path] | None:
    """Ask for the format, then where to write it; None when the user cancels."""
    labels = [f"{FORMATS[k]} ({k})" for k in FORMATS]
    label, ok = QInputDialog.getItem(parent, "Export", "Format:", labels, 0, False)
    if not ok:
        return None
    fmt = list(FORMATS)[labels.index(label)]
    start = str(Path.home() / f"{gallery.id or 'gallery'}{_SUFFIX[fmt]}")
    if fmt == "html":
        name = QFileDialog.getExistingDirectory(parent, "Export a web gallery into", start)
    else:
        name, _ = QFileDialog.getSaveFileName(parent, "Export", start, _FILTER[fmt])
    return (fmt, Path(name)) if name else None


class ExportAction(QAction):
    def __init__(self, window: QWidget, host: ExportHost, exporter: Exporter) -> None:
        super().__init__("&Export…", window)
        self.setShortcut(QKeySequence("Ctrl+E"))
        self.setToolTip("Export the photos shown as TimelineJS, IIIF, PDF, CSV or a web page")
        self._window, self._host, self._exporter = window, host, exporter
        self.choose_target = choose_target  # tests replace the dialogs
        self._progress: QProgressDialog | None = None
        self.triggered.connect(self._on_triggered)
        exporter.progress.connect(self._on_progress)
        exporter.finished.connect(self._on_finished)
        exporter.failed.connect(self._on_failed)

    def _on_triggered(self) -> None:
        gallery = self._host.gallery
        if gallery is None or self._exporter.running:
            return
        target = self.choose_target(self._window, gallery)
        if target is None:
            return
        fmt, out = target
        entries = self._host.visible_entries()
        dialog = QProgressDialog("Exporting…", "Cancel", 0, max(1, len(entries)), self._window)
        dialog.setAccessibleName("Export progress")
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(self._exporter.cancel)
        self._progress = dialog
        self._exporter.start(gallery, entries, fmt, out)

    def _on_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(max(1, total))
            self._progress.setLabelText(f"Exporting {done} of {total}…")
            # Last: a modal dialog's setValue runs the event loop, where the export's
            # end may arrive and close the dialog (self._progress is None after it).
            self._progress.setValue(done)

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.canceled.disconnect(self._exporter.cancel)
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _on_finished(self, message: str) -> None:
        self._close_progress()
        self._host.statusBar().showMessage(message, 10000)

    def _on_failed(self, sentence: str) -> None:
        self._close_progress()
        self._host.statusBar().showMessage(sentence, 10000)
        if "cancelled" not in sentence:
            dialogs.show_error(self._window, "Could not export", sentence)
