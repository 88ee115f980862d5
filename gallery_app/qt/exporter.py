# SPDX-License-Identifier: GPL-3.0-or-later
"""Run File → Export… on the pool, with progress and Cancel, so the window never waits.

``Exporter.start`` hands the gallery, the entries the filter shows, the format
and the target to a worker; ``progress(done, total)`` comes back per photo,
then ``finished(sentence)`` or ``failed(sentence)``.  ``cancel()`` sets a flag
the worker reads between photos; a cancelled export writes nothing.  The PDF is
painted on the worker too (``QPdfWriter`` is no widget), images as QImage.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Signal

from gallery_app.core.models import Entry, Gallery
from gallery_app.qt.workers import run_task


class Exporter(QObject):
    progress = Signal(int, int)
    finished = Signal(str)
    failed = Signal(str)

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._cancel = threading.Event()
        self.running = False

    def cancel(self) -> None:
        self._cancel.set()

    def start(self, gallery: Gallery, entries: Sequence[Entry], fmt: str, out: Path) -> None:
        self._cancel.clear()
        self.running = True
        shown = tuple(entries)
        run_task(
            self._pool,
            lambda: self._run(gallery, shown, fmt, out),
            self._on_done,
            self._on_failed,
            parent=self,
        )

    def _run(self, gallery: Gallery, entries: Sequence[Entry], fmt: str, out: Path) -> str:
        """On the worker: one export; what it wrote, in a sentence (errors raise one)."""
        # Deferred to the first export: the writers bring Pillow and IIIF, which the
        # window's first frame does not need.
        from gallery_app.core.exports.writer import export_gallery
        from gallery_app.qt.contact_sheet import write_contact_sheet

        if fmt == "pdf":
            pages = write_contact_sheet(
                gallery, entries, out,
                on_progress=self.progress.emit, cancelled=self._cancel.is_set,
            )  # fmt: skip
            return f"Exported {len(entries)} photos to {out.name} ({pages} pages)."
        result = export_gallery(
            gallery, entries, fmt, out,
            on_progress=self.progress.emit, cancelled=self._cancel.is_set,
        )  # fmt: skip
        notes = " ".join(result.notes)
        return f"Exported {result.entries} photos to {result.path.name}. {notes}".strip()

    def _on_done(self, message: str) -> None:
        self.running = False
        self.finished.emit(message)

    def _on_failed(self, sentence: str) -> None:
        """``sentence`` is the DatelineError's own ("… cannot be written (…)")."""
        self.running = False
        self.failed.emit(sentence)
