# SPDX-License-Identifier: GPL-3.0-or-later
"""Online tiles are off by default, never touch the network in tests, and are cached."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QColor, QImage
from PySide6.QtNetwork import QNetworkRequest
from pytestqt.qtbot import QtBot

from gallery_app.qt.map_tiles import TileSource
from gallery_app.qt.settings import Settings


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    pool = QThreadPool()
    yield pool
    pool.waitForDone()


def test_off_by_default(tmp_path: Path) -> None:
    assert Settings(tmp_path / "s.ini").map_online_tiles is False


def test_off_asks_for_nothing(pool: QThreadPool, tmp_path: Path) -> None:
    source = TileSource(pool, enabled=False, cache=tmp_path)
    assert source.tile(5, 10, 12) is None
    assert source._network is None and not source._asked


def test_a_cached_tile_comes_from_disk_without_the_network(
    qtbot: QtBot, pool: QThreadPool, tmp_path: Path
) -> None:
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor("seagreen"))
    (tmp_path / "3" / "4").mkdir(parents=True)
    assert image.save(str(tmp_path / "3" / "4" / "2.png"))
    source = TileSource(pool, enabled=True, cache=tmp_path)
    with qtbot.wait_signal(source.tile_ready):
        assert source.tile(3, 4, 2) is None  # asked for; nothing waits
    tile = source.tile(3, 4, 2)
    assert tile is not None and tile.pixelColor(10, 10) == QColor("seagreen")
    assert source._network is None  # fresh on disk: no request was made


def test_requests_name_dateline_and_follow_the_tile_scheme(pool: QThreadPool) -> None:
    request = TileSource(pool).request_for((7, 80, 50))
    assert request.url().toString() == "https://tile.openstreetmap.org/7/80/50.png"
    agent = request.header(QNetworkRequest.KnownHeaders.UserAgentHeader)
    assert "Dateline/" in str(agent)
