# SPDX-License-Identifier: GPL-3.0-or-later
"""Thumbnails for the grid, from the shared freedesktop cache, made on a pool when missing.

The photo model asks ``ThumbnailProvider.request(key, path, size)`` for the
rows that are visible (plus a margin) and calls ``clear()`` when the view
changes (another folder, a new filter, a big scroll), which drops every job
not yet started and every result still in flight.

A job, on a worker thread: a valid cached PNG is read and handed back; else,
when the camera embedded an EXIF preview at least as large as the cell, that
preview goes out first (``is_preview=True``) and the real thumbnail follows
once it is made and stored.  A file that cannot be read gives a null QImage
(and a marker in the cache's ``fail/`` folder, so it is not tried again); a
cache that cannot be written still hands back the thumbnail it made.
Workers hand back QImage only; the GUI thread turns it into a QPixmap.

The full phase (decode, store) runs in worker processes when the provider
has them (``thumb_processes``: the app's, once thumbnails pile up); the
pixels come back as bytes and become a QImage on the pool's result thread.
Without them (tests, a platform where processes cannot start, the first few
thumbnails of a session) it runs on the thread, as the quick phase does.
"""

from __future__ import annotations

import logging
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage

from gallery_app.core import paths
from gallery_app.core.store.notices import THUMBNAILS, StorageNotices
from gallery_app.qt.loading.thumb_processes import ThumbnailProcesses
from gallery_app.qt.workers import read_image

if TYPE_CHECKING:
    from PIL import Image

    from gallery_app.core.store.thumbjob import MadeThumb, Pixels

log = logging.getLogger(__name__)


def _cache() -> ModuleType:
    """``core.thumbcache``, imported by the first job (Pillow need not load before the window)."""
    from gallery_app.core.store import thumbcache

    return thumbcache


def pil_to_qimage(image: Image.Image) -> QImage:
    """A QImage that owns a copy of ``image``'s pixels (RGB or RGBA)."""
    if image.mode == "RGBA":
        fmt, channels = QImage.Format.Format_RGBA8888, 4
    else:
        image = image if image.mode == "RGB" else image.convert("RGB")
        fmt, channels = QImage.Format.Format_RGB888, 3
    width, height = image.size
    data = image.tobytes()
    return QImage(data, width, height, width * channels, fmt).copy()


def pixels_to_qimage(pixels: Pixels) -> QImage:
    """A QImage that owns a copy of ``pixels`` (as a worker process handed them back)."""
    if pixels.mode == "RGBA":
        fmt, channels = QImage.Format.Format_RGBA8888, 4
    else:
        fmt, channels = QImage.Format.Format_RGB888, 3
    stride = pixels.width * channels
    return QImage(pixels.data, pixels.width, pixels.height, stride, fmt).copy()


def _fit(image: QImage, edge: int) -> QImage:
    if image.isNull() or (image.width() <= edge and image.height() <= edge):
        return image
    return image.scaled(
        QSize(edge, edge),
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )


class _Relay(QObject):
    # The key is an entry id, a file's relative path: ``object`` keeps a name that is not
    # UTF-8 (lone surrogates) intact, where a ``str`` argument would go through QString.
    ready = Signal(int, object, int, QImage, bool)


QUICK, FULL = 1, 0  # pool priorities: every quick look runs before any decode


class _ThumbJob(QRunnable):
    """One thumbnail, in two phases so a screenful of cells fills fast.

    The quick phase (high priority) hands back a cached thumbnail, a failure,
    or the camera's embedded preview; only when no final image came out does
    it queue the full phase (low priority), which decodes and stores — or,
    when the worker processes are running, hands the decode to them at once.
    """

    def __init__(
        self,
        provider: ThumbnailProvider,
        generation: int,
        key: str,
        path: Path,
        edge: int,
        *,
        full: bool = False,
    ) -> None:
        super().__init__()
        self._provider, self._generation = provider, generation
        self._key, self._path, self._edge, self._full = key, path, edge, full

    def run(self) -> None:
        try:
            self._make() if self._full else self._look()
        except Exception:  # a worker must never take the app down
            log.exception("thumbnail of %s failed", self._path)
            self._emit(QImage(), False)

    def _stale(self) -> bool:
        return self._generation != self._provider.generation

    def _emit(self, image: QImage, is_preview: bool) -> None:
        self._provider.relay.ready.emit(self._generation, self._key, self._edge, image, is_preview)

    def _look(self) -> None:
        if self._stale():
            return
        thumbcache = _cache()
        cached = thumbcache.lookup(self._path, thumbcache.size_name_for(self._edge))
        if cached is not None:
            self._emit(_fit(read_image(cached), self._edge), False)
            return
        if thumbcache.has_failed(self._path):
            self._emit(QImage(), False)
            return
        # A camera's 160 px preview is worth showing in cells up to ~240 px until
        # the real thumbnail replaces it; smaller ones would only be a blur.
        preview = thumbcache.embedded_preview_image(self._path, min_edge=self._edge * 2 // 3)
        if preview is not None:
            self._emit(_fit(pil_to_qimage(preview), self._edge), True)
        if not self._stale() and not self._to_processes(thumbcache.size_name_for(self._edge)):
            full = _ThumbJob(
                self._provider, self._generation, self._key, self._path, self._edge, full=True
            )
            self._provider.pool.start(full, FULL)

    def _to_processes(self, size: str) -> bool:
        """Hand the decode to the worker processes when they take it (no wait in the queue)."""
        processes = self._provider.processes
        if processes is None or not processes.accept(self._provider.pending()):
            return False
        provider, generation, key, edge = self._provider, self._generation, self._key, self._edge
        processes.submit(
            self._path, size, lambda made: provider.deliver(generation, key, edge, made)
        )
        return True

    def _make(self) -> None:
        if self._stale():
            return
        thumbcache = _cache()
        size = thumbcache.size_name_for(self._edge)
        if self._to_processes(size):
            return
        result = thumbcache.ensure_thumbnail(
            self._path, size, keep_image=True, notices=self._provider.notices
        )
        if result.image is not None:
            image = pil_to_qimage(result.image)
        elif result.path is not None:
            image = read_image(result.path)
        else:
            image = QImage()
        self._emit(_fit(image, self._edge), False)


class ThumbnailProvider(QObject):
    """Emits ``thumbnail_ready(key, image, is_preview)`` on the GUI thread.

    A null image means "no thumbnail can be made" (show the placeholder).  A
    preview may come first; the final image for a key always has
    ``is_preview=False``.
    """

    thumbnail_ready = Signal(object, QImage, bool)  # key (str, kept as is), image, preview

    def __init__(
        self,
        pool: QThreadPool,
        parent: QObject | None = None,
        notices: StorageNotices | None = None,
        processes: ThumbnailProcesses | None = None,
    ) -> None:
        super().__init__(parent)
        self.processes = processes  # the full phase's worker processes, if any
        # A cache that cannot be written is said once there; the thumbnail still shows.
        self.notices = notices if notices is not None else StorageNotices()
        self.pool = pool  # dedicated: clear() must never drop anybody else's work
        self.generation = 0  # read by workers: results of an older generation are dropped
        self.relay = _Relay(self)
        self.relay.ready.connect(self._on_ready)
        self._pending: set[tuple[str, int]] = set()

    def request(self, key: str, path: Path, size: int) -> None:
        """Queue a thumbnail of ``path`` fitting ``size`` px for the row ``key``."""
        token = (key, size)
        if token in self._pending:
            return
        self._pending.add(token)
        self.pool.start(_ThumbJob(self, self.generation, key, path, size), QUICK)

    def clear(self) -> None:
        """Drop every queued job and every result still in flight."""
        self.generation += 1
        self.pool.clear()
        if self.processes is not None:
            self.processes.cancel()
        self._pending.clear()

    def close(self) -> None:
        """Drop everything and stop the worker processes (the app is closing)."""
        self.clear()
        if self.processes is not None:
            self.processes.close()

    def deliver(self, generation: int, key: str, edge: int, made: MadeThumb) -> None:
        """A worker process's result, on the pool's result thread: a QImage to the GUI thread."""
        if generation != self.generation:
            return  # the view moved on while it was made
        if made.storage_error is not None:
            self.notices.report(THUMBNAILS, made.storage_error, paths.thumbnail_root())
        image = pixels_to_qimage(made.pixels) if made.pixels is not None else QImage()
        self.relay.ready.emit(generation, key, edge, _fit(image, edge), False)

    def pending(self) -> int:
        """How many requests have not yet had their final image."""
        return len(self._pending)

    def wait_for_done(self, msecs: int = -1) -> bool:
        """Block until the pool is idle (shutdown and tests only)."""
        return bool(self.pool.waitForDone(msecs))

    def _on_ready(self, generation: int, key: str, size: int, image: QImage, preview: bool) -> None:
        if generation != self.generation:
            return
        if not preview:
            self._pending.discard((key, size))
        self.thumbnail_ready.emit(key, image, preview)
