# SPDX-License-Identifier: GPL-3.0-or-later
"""Optional OpenStreetMap raster tiles under the map's marks, fetched politely.

Off by default: turning it on sends the areas you look at to the tile server
(OpenStreetMap's privacy policy applies), which an archive or a newsroom may
not want.  When on, it follows the OSM tile usage policy: a User-Agent that
names Dateline, the attribution always on screen (the map view shows it),
tiles kept in a disk cache (``cache_dir()/osm-tiles``, 7 days before a
refresh is asked for) and no bulk prefetch — only tiles on screen are asked
for, at most two at a time.  Offline, or off, :meth:`TileSource.tile` returns
what is cached or ``None`` at once: nothing ever waits on the network.
Flow: ``tile(z, x, y)`` -> memory -> disk (read on a worker) -> network (when
enabled) -> ``tile_ready`` -> the view repaints.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from pathlib import Path

import shiboken6
from PySide6.QtCore import QByteArray, QObject, QThreadPool, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkReply, QNetworkRequest

from gallery_app import __version__
from gallery_app.core import paths
from gallery_app.core.store.atomic import write_bytes_atomic
from gallery_app.qt.workers import run_task

log = logging.getLogger(__name__)

URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
USER_AGENT = (
    f"Dateline/{__version__} (desktop photo-caption viewer; offline map with optional tiles)"
)
ATTRIBUTION = "© OpenStreetMap contributors"
PRIVACY_NOTE = (
    "Online map tiles come from the OpenStreetMap tile server. Each tile asked for tells that "
    "server which part of the world you are looking at, and your IP address; OpenStreetMap's "
    "privacy policy applies. Tiles are kept in Dateline's cache folder. Without this, the map "
    "uses only the outlines that ship with Dateline and never goes online."
)
MAX_AGE_S = 7 * 24 * 3600
MAX_ZOOM = 19
MEMORY_TILES = 256
PARALLEL = 2  # the policy's limit for one client

Key = tuple[int, int, int]


class TileSource(QObject):
    tile_ready = Signal()

    def __init__(
        self,
        pool: QThreadPool,
        enabled: bool = False,
        cache: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._pool = pool
        self.enabled = enabled
        self._cache = cache
        self._memory: OrderedDict[Key, QImage] = OrderedDict()
        self._asked: set[Key] = set()  # on disk or on the wire right now
        self._failed: set[Key] = set()
        self._queue: list[Key] = []
        self._in_flight = 0
        self._relays: dict[Key, QObject] = {}
        self._network: QNetworkAccessManager | None = None

    def cache_dir(self) -> Path:
        if self._cache is None:
            self._cache = paths.cache_dir() / "osm-tiles"
        return self._cache

    def tile(self, z: int, x: int, y: int) -> QImage | None:
        """The tile if it is at hand; otherwise ask for it (when enabled) and return None."""
        key = (z, x, y)
        found = self._memory.get(key)
        if found is not None:
            self._memory.move_to_end(key)
            return found
        if self.enabled and key not in self._asked and key not in self._failed:
            self._asked.add(key)
            self._relays[key] = run_task(
                self._pool,
                lambda: _read(self._file(key)),
                lambda result: self._on_disk(key, result),
            )
        return None

    def forget_queue(self) -> None:
        """Drop tiles asked for but not yet sent (the view moved on): no prefetch."""
        for key in self._queue:
            self._asked.discard(key)
        self._queue.clear()

    def request_for(self, key: Key) -> QNetworkRequest:
        z, x, y = key
        request = QNetworkRequest(QUrl(URL.format(z=z, x=x, y=y)))
        request.setHeader(QNetworkRequest.KnownHeaders.UserAgentHeader, USER_AGENT)
        request.setTransferTimeout(15_000)
        return request

    # -- internals ------------------------------------------------------------------
    def _file(self, key: Key) -> Path:
        z, x, y = key
        return self.cache_dir() / str(z) / str(x) / f"{y}.png"

    def _on_disk(self, key: Key, result: tuple[QImage, bool]) -> None:
        self._relays.pop(key, None)
        if not shiboken6.isValid(self):
            return  # the map closed meanwhile
        image, fresh = result
        if not image.isNull():
            self._remember(key, image)
        if fresh or not self.enabled:
            self._asked.discard(key)
            return
        self._queue.append(key)
        self._pump()

    def _pump(self) -> None:
        while self._queue and self._in_flight < PARALLEL and self.enabled:
            key = self._queue.pop()  # the newest first: what is on screen now
            if self._network is None:
                self._network = QNetworkAccessManager(self)
            reply = self._network.get(self.request_for(key))
            self._in_flight += 1
            reply.finished.connect(lambda k=key, r=reply: self._on_reply(k, r))

    def _on_reply(self, key: Key, reply: QNetworkReply) -> None:
        self._in_flight -= 1
        self._asked.discard(key)
        if reply.error() == QNetworkReply.NetworkError.NoError:
            data = reply.readAll()
            image = QImage.fromData(QByteArray(data))
            if not image.isNull():
                self._remember(key, image)
                path, raw = self._file(key), bytes(data.data())
                self._relays[key] = run_task(
                    self._pool, lambda: _write(path, raw), lambda _r: self._forget_relay(key)
                )
        else:
            self._failed.add(key)  # not asked again this session
            log.info("Map tile %s failed: %s", key, reply.errorString())
        reply.deleteLater()
        self._pump()

    def _forget_relay(self, key: Key) -> None:
        self._relays.pop(key, None)

    def _remember(self, key: Key, image: QImage) -> None:
        self._memory[key] = image
        while len(self._memory) > MEMORY_TILES:
            self._memory.popitem(last=False)
        self.tile_ready.emit()


def _read(path: Path) -> tuple[QImage, bool]:
    """The cached tile (null if none) and whether it is fresh enough to keep."""
    try:
        age = time.time() - path.stat().st_mtime
    except OSError:
        return QImage(), False
    image = QImage(str(path))
    return image, (not image.isNull() and age < MAX_AGE_S)


def _write(path: Path, data: bytes) -> None:
    try:
        write_bytes_atomic(path, data)
    except OSError as exc:
        log.info("A map tile could not be cached: %s", exc)
