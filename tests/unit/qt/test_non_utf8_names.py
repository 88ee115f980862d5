# SPDX-License-Identifier: GPL-3.0-or-later
"""A file name that is not UTF-8 opens everywhere: thumbnail, photo decode, slideshow, links, log.

Python keeps such a name's odd bytes as lone surrogates ("caf\\udce9.jpg");
Qt's QString cannot carry them, so a key or a path that went through it would
name another file.  These tests make a real file named ``caf\\xe9.jpg`` (Latin-1
bytes) and follow it through each place.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSize, QThreadPool
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from gallery_app.core.models import Entry, Gallery, ImageInfo, ImageStatus
from gallery_app.core.store.links import LinkStore
from gallery_app.qt.loading.thumbnails import ThumbnailProvider
from gallery_app.qt.slideshow import SlideshowController
from gallery_app.qt.workers import ImageLoader, decode_image

pytestmark = pytest.mark.skipif(
    os.name != "posix", reason="only POSIX file names can hold bytes that are not UTF-8"
)


@pytest.fixture
def odd_photo(tmp_path: Path) -> Path:
    path = Path(os.fsdecode(os.fsencode(str(tmp_path)) + b"/caf\xe9.jpg"))
    assert "\udce9" in str(path)
    Image.new("RGB", (400, 300), (30, 120, 200)).save(path, "JPEG")
    return path


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    pool = QThreadPool()
    yield pool
    pool.clear()
    pool.waitForDone(5000)


def test_the_photo_view_decodes_it(odd_photo: Path) -> None:
    image = decode_image(odd_photo, QSize(200, 200))
    assert not image.isNull() and image.width() == 200


def test_its_thumbnail_arrives_under_its_own_key(
    odd_photo: Path, pool: QThreadPool, qtbot: QtBot
) -> None:
    provider = ThumbnailProvider(pool)
    got: list[tuple[str, QImage]] = []
    provider.thumbnail_ready.connect(lambda key, image, _preview: got.append((key, image)))
    key = "thumb\n1\n200\ncaf\udce9.jpg"
    provider.request(key, odd_photo, 200)
    qtbot.wait_until(lambda: provider.pending() == 0)
    assert got and got[-1][0] == key  # the same str, surrogate and all
    assert not got[-1][1].isNull()


def test_the_loader_hands_back_its_key_intact(
    odd_photo: Path, pool: QThreadPool, qtbot: QtBot
) -> None:
    loader = ImageLoader(pool)
    with qtbot.wait_signal(loader.image_ready) as blocker:
        loader.request("photo\ncaf\udce9.jpg", odd_photo, QSize(100, 100))
    key, image = blocker.args
    assert key == "photo\ncaf\udce9.jpg" and not image.isNull()


def test_the_slideshow_shows_it(odd_photo: Path, pool: QThreadPool, qtbot: QtBot) -> None:
    entry = Entry(
        id="caf\udce9.jpg", position=1, image=odd_photo, info=ImageInfo(ImageStatus.OK, 400, 300)
    )
    controller = SlideshowController(ImageLoader(pool))
    with qtbot.wait_signal(controller.image_ready, timeout=10000) as blocker:
        controller.start([entry])
    shown, image = blocker.args
    controller.stop()
    assert shown.id == entry.id and not image.isNull()


def test_a_link_to_it_survives_a_restart(odd_photo: Path, tmp_path: Path) -> None:
    store = LinkStore(tmp_path / "links.json")
    store.set("g", "01", odd_photo)
    text = (tmp_path / "links.json").read_text(encoding="utf-8")  # valid UTF-8 JSON on disk
    assert json.loads(text)["links"]["g"]["01"] == str(odd_photo.resolve())
    again = LinkStore(tmp_path / "links.json")
    gallery = Gallery(title="g", id="g", entries=(Entry(id="01", position=1),))
    linked = again.apply(gallery).entries[0]
    assert linked.image == odd_photo.resolve()
    assert linked.image_status is ImageStatus.OK  # the very file, found again
