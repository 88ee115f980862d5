# SPDX-License-Identifier: GPL-3.0-or-later
"""ThumbnailProvider: previews first, real thumbnails after, stale results dropped."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QThreadPool
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from gallery_app.core.store import thumbcache
from gallery_app.qt.loading.thumbnails import ThumbnailProvider, pil_to_qimage
from tests.unit.photo_files import make_jpeg


@pytest.fixture
def provider(qtbot: QtBot) -> Iterator[ThumbnailProvider]:
    pool = QThreadPool()
    pool.setMaxThreadCount(2)
    prov = ThumbnailProvider(pool)
    yield prov
    prov.clear()
    pool.waitForDone()


def collect(provider: ThumbnailProvider) -> list[tuple[str, QImage, bool]]:
    got: list[tuple[str, QImage, bool]] = []
    provider.thumbnail_ready.connect(lambda k, img, prev: got.append((k, img, prev)))
    return got


def test_thumbnail_is_made_cached_and_fitted(
    provider: ThumbnailProvider, qtbot: QtBot, tmp_path: Path
) -> None:
    photo = make_jpeg(tmp_path / "p.jpg", (1200, 900))
    got = collect(provider)
    provider.request("row-1", photo, 200)
    qtbot.wait_until(lambda: provider.pending() == 0)
    key, image, is_preview = got[-1]
    assert (key, is_preview) == ("row-1", False)
    assert (image.width(), image.height()) == (200, 150)
    assert thumbcache.lookup(photo, "large") is not None  # 200 px cells use the 256 px cache
    got.clear()
    provider.request("row-1", photo, 128)  # from the cache this time
    qtbot.wait_until(lambda: provider.pending() == 0)
    assert [(k, g.width(), p) for k, g, p in got] == [("row-1", 128, False)]


def test_embedded_preview_comes_first(
    provider: ThumbnailProvider, qtbot: QtBot, tmp_path: Path
) -> None:
    photo = make_jpeg(tmp_path / "cam.jpg", (1600, 1200), preview=160)
    got = collect(provider)
    provider.request("cam", photo, 128)
    qtbot.wait_until(lambda: provider.pending() == 0)
    assert [p for _k, _i, p in got] == [True, False]
    assert all(not img.isNull() for _k, img, _p in got)


def test_small_preview_is_not_shown_for_a_big_cell(
    provider: ThumbnailProvider, qtbot: QtBot, tmp_path: Path
) -> None:
    photo = make_jpeg(tmp_path / "cam.jpg", (1600, 1200), preview=160)
    got = collect(provider)
    provider.request("cam", photo, 512)
    qtbot.wait_until(lambda: provider.pending() == 0)
    assert [p for _k, _i, p in got] == [False]


def test_unreadable_file_gives_a_null_image(
    provider: ThumbnailProvider, qtbot: QtBot, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"nope")
    got = collect(provider)
    with qtbot.wait_signal(provider.thumbnail_ready):
        provider.request("b", broken, 128)
    assert got[0][1].isNull() and got[0][2] is False


def test_clear_drops_results_in_flight(
    provider: ThumbnailProvider, qtbot: QtBot, tmp_path: Path
) -> None:
    photos = [make_jpeg(tmp_path / f"{i}.jpg", (640, 480)) for i in range(6)]
    got = collect(provider)
    for i, photo in enumerate(photos):
        provider.request(f"old-{i}", photo, 128)
    provider.clear()
    assert provider.pending() == 0
    provider.request("new", photos[0], 128)
    qtbot.wait_until(lambda: provider.pending() == 0)
    provider.wait_for_done()
    QCoreApplication.sendPostedEvents()  # deliver any queued stale result, so the check bites
    assert {k for k, _i, _p in got} == {"new"}


def test_duplicate_requests_are_merged(
    provider: ThumbnailProvider, qtbot: QtBot, tmp_path: Path
) -> None:
    photo = make_jpeg(tmp_path / "p.jpg")
    got = collect(provider)
    for _ in range(5):
        provider.request("same", photo, 128)
    qtbot.wait_until(lambda: provider.pending() == 0)
    assert len(got) == 1


def test_pil_to_qimage_keeps_alpha_and_colour() -> None:
    from PIL import Image

    rgba = pil_to_qimage(Image.new("RGBA", (3, 2), (255, 0, 0, 128)))
    assert rgba.hasAlphaChannel() and rgba.pixelColor(0, 0).alpha() == 128
    grey = pil_to_qimage(Image.new("L", (3, 2), 200))
    assert grey.pixelColor(1, 1).red() == 200
