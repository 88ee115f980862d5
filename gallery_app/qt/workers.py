# SPDX-License-Identifier: GPL-3.0-or-later
"""Background work on a QThreadPool; results come back as plain data or QImage.

Workers never build a QPixmap: that only happens on the GUI thread, in the slot
that receives the image.  ``run_task`` is the one-off helper; ``ImageLoader``
decodes images at the size they will be shown, keyed so that a stale result
(for a row that has gone, or a view that has changed) can be dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QObject,
    QRunnable,
    QSize,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QImage, QImageIOHandler, QImageReader

from gallery_app.core.imaging import kinds
from gallery_app.core.textdecode import printable

if TYPE_CHECKING:
    from PIL import Image

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives on the GUI thread; queued signals carry results back to it."""

    done = Signal(object)
    failed = Signal(str)


class _Task(QRunnable):
    def __init__(self, func: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._func = func
        self._relay = relay

    def run(self) -> None:
        relay = self._relay
        try:
            result = self._func()
        except Exception as exc:  # a worker must never take the app down
            log.exception("background task failed")
            relay.failed.emit(str(exc) or exc.__class__.__name__)
        else:
            relay.done.emit(result)
        # The last touch of the relay from this thread: it is deleted on the GUI thread,
        # after the result queued above (deleteLater is thread-safe; events keep their order).
        relay.deleteLater()


def run_task(
    pool: QThreadPool,
    func: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None] | None = None,
    parent: QObject | None = None,
) -> _Relay:
    """Run ``func`` on ``pool``; call ``on_done(result)`` on the GUI thread.

    With ``parent``, the result is dropped when ``parent`` was deleted meanwhile.

    The relay that carries the result back belongs to Qt (a child of the
    application), never to Python: were Python to own it, the worker's
    runnable, deleted on the worker thread, could drop its last reference
    and delete the relay there while the GUI thread delivered its signal or
    ran its ``deleteLater`` (a use after free: the segmentation faults and
    bus errors the map's off-thread basemap hit about one test run in four).
    The worker itself schedules the deletion, after its last signal.
    """
    relay = _Relay(QCoreApplication.instance())
    relay.done.connect(_guarded(on_done, parent))
    if on_error is not None:
        relay.failed.connect(_guarded(on_error, parent))
    pool.start(_Task(func, relay))
    return relay


def _guarded(slot: Callable[[Any], None], owner: QObject | None) -> Callable[[Any], None]:
    if owner is None:
        return slot

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            slot(value)

    return call


# Kinds Qt's own readers decode well (with DCT scaling for JPEG); the rest go through
# the shared Pillow/LibRaw decoder of ``core/imaging``.
_QT_KINDS = frozenset({"jpeg", "png", "gif", "bmp", "webp"})


def qt_can_name(path: Path) -> bool:
    """Whether Qt can open ``path`` by name.

    A name that is not UTF-8 holds lone surrogates, which QString cannot
    carry: Qt would look for another file.
    """
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _reader(path: Path) -> tuple[QImageReader, QBuffer | None]:
    """A reader for ``path``, and the buffer it reads from when Qt cannot name the file.

    Python opens such a file by its exact bytes (surrogate escapes) and Qt
    decodes them from memory.
    """
    if qt_can_name(path):
        return QImageReader(str(path)), None
    try:
        data = path.read_bytes()
    except OSError as exc:
        log.info("could not read %s: %s", printable(str(path)), exc)
        data = b""
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    return QImageReader(buffer), buffer


def read_image(path: Path) -> QImage:
    """``QImage(path)`` that also opens a name that is not UTF-8."""
    reader, _buffer = _reader(path)
    return reader.read()


def decode_image(path: Path, target: QSize | None = None) -> QImage:
    """Decode ``path`` with EXIF orientation applied, scaled to fit ``target``.

    Qt's readers handle JPEG, PNG, GIF, BMP and WebP, scaling inside the
    decoder (JPEG DCT scaling) so a 24 MP photo shown at 1,000 px never
    decodes in full.  Everything else — HEIC/HEIF, AVIF, JPEG XL, TIFF, camera
    RAW — and whatever Qt fails on (a truncated file) goes through the shared
    decoder of ``core/imaging``, the one the thumbnailer uses.  Returns a null
    QImage on failure; the caller decides what to show instead.
    """
    try:
        kind = kinds.classify(path)
    except OSError as error:
        log.info("could not read %s: %s", printable(str(path)), error)
        return QImage()
    if kind.family == "photo" and kind.key in _QT_KINDS and _ends_cleanly(path, kind.key):
        image = _decode_with_qt(path, target)
        if not image.isNull():
            return image
    # Deferred to the first file Qt cannot read: Pillow and its plugins cost ~50 ms
    # to import, and a folder of JPEGs never needs them on the way to the first frame.
    from gallery_app.core.imaging import decode

    box = (target.width(), target.height()) if target is not None and target.isValid() else None
    try:
        decoded = decode.decode_fitted(path, box)
    except decode.DecodeError as error:
        log.info("could not decode %s: %s", printable(str(path)), error)
        return QImage()
    return _to_qimage(decoded.image)


def _ends_cleanly(path: Path, key: str) -> bool:
    """False for a JPEG whose last bytes are not its end marker (cut short, or a trailer).

    Qt's JPEG reader shows a truncated file too, but complains on the console
    for each one; Pillow shows the same part quietly.
    """
    if key != "jpeg":
        return True
    try:
        with path.open("rb") as fh:
            fh.seek(max(0, fh.seek(0, 2) - 16))
            return b"\xff\xd9" in fh.read()
    except OSError:
        return False


def _to_qimage(image: Image.Image) -> QImage:
    """A deep copy, so the QImage does not point into Pillow's buffer."""
    fmt = QImage.Format.Format_RGBA8888 if image.mode == "RGBA" else QImage.Format.Format_RGB888
    data = image.tobytes()
    stride = image.width * (4 if image.mode == "RGBA" else 3)
    return QImage(data, image.width, image.height, stride, fmt).copy()


def _decode_with_qt(path: Path, target: QSize | None) -> QImage:
    reader, _buffer = _reader(path)  # the buffer lives as long as the reader needs it
    reader.setAutoTransform(True)
    reader.setAllocationLimit(1024)  # MiB; a hostile header cannot ask for more
    if target is not None and target.isValid():
        size = reader.size()
        if size.isValid():
            rotated = bool(
                reader.transformation() & QImageIOHandler.Transformation.TransformationRotate90
            )
            if rotated:
                size = size.transposed()
            if size.width() > target.width() or size.height() > target.height():
                scaled = size.scaled(target, Qt.AspectRatioMode.KeepAspectRatio)
                if rotated:
                    scaled = scaled.transposed()
                reader.setScaledSize(scaled)
    image = reader.read()
    if image.isNull():
        log.info(
            "Qt could not decode %s (%s); trying Pillow", printable(str(path)), reader.errorString()
        )
    return image


class _DecodeJob(QRunnable):
    def __init__(
        self, key: str, path: Path, target: QSize | None, relay: ImageLoader, generation: int
    ) -> None:
        super().__init__()
        self._key, self._path, self._target, self._relay = key, path, target, relay
        self._generation = generation

    def run(self) -> None:
        if self._generation != self._relay.generation:
            return  # cleared before it started: the view that wanted it has changed
        try:
            image = decode_image(self._path, self._target)
        except Exception:
            log.exception("decoding %s failed", printable(str(self._path)))
            image = QImage()
        self._relay.image_ready.emit(self._key, image)


class ImageLoader(QObject):
    """Decodes images on a pool; emits ``image_ready(key, QImage)`` on the GUI thread.

    A null QImage means the file could not be decoded.  ``clear()`` drops this
    loader's jobs that have not started (call it when the view changes) — and
    only those: the pool is shared with gallery loads and relinks, which a
    ``QThreadPool.clear()`` would cancel with them.
    """

    image_ready = Signal(object, QImage)  # key (str, kept as is: ids may hold surrogates)

    def __init__(self, pool: QThreadPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self.generation = 0  # read by the jobs on worker threads; an int is atomic to read

    def request(self, key: str, path: Path, target: QSize | None = None) -> None:
        self._pool.start(_DecodeJob(key, path, target, self, self.generation))

    def clear(self) -> None:
        self.generation += 1
