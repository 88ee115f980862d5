# SPDX-License-Identifier: GPL-3.0-or-later
"""The grid fills with thumbnails made in worker processes; a bad file still gets its card."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from gallery_app.core.folders.pool import ReaderPool
from gallery_app.core.models import Entry, Gallery, ImageInfo, ImageStatus
from gallery_app.core.store import thumbcache
from gallery_app.qt.loading.thumb_processes import ThumbnailProcesses
from gallery_app.qt.loading.thumbnails import ThumbnailProvider
from gallery_app.qt.models.filter_proxy import GalleryFilterProxy
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.models.photos import PhotoModel, ThumbnailRole, ThumbnailState
from gallery_app.qt.models.roles import ThumbnailStateRole
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.common.placeholder_card import UNREADABLE, status_text
from gallery_app.ui.grid.view import GridView
from tests.unit.photo_files import make_jpeg

SIZES = [(1600, 1200), (1200, 1600), (900, 900), (2000, 800)]


def generated_folder(folder: Path, photos: int) -> Gallery:
    """``photos`` JPEGs of a few shapes, and one file named .jpg that holds no picture."""
    entries = []
    for n in range(photos):
        size = SIZES[n % len(SIZES)]
        path = make_jpeg(folder / f"photo-{n:02d}.jpg", size)
        entries.append(
            Entry(id=path.name, position=n, image=path, info=ImageInfo(ImageStatus.OK, *size))
        )
    bad = folder / "broken.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not a picture at all")
    entries.append(
        Entry(id=bad.name, position=photos, image=bad, info=ImageInfo(ImageStatus.OK, 640, 480))
    )
    return Gallery(title="generated", entries=tuple(entries), id="generated")


@pytest.fixture
def processes(qtbot: QtBot) -> Iterator[ThumbnailProcesses]:
    made = ThumbnailProcesses(ReaderPool(2, niceness=5), start_backlog=0)
    made.start()
    qtbot.wait_until(made.ready, timeout=120_000)  # two interpreters start: slow on a busy machine
    yield made
    made.close()


def test_generated_folder_fills_the_grid_from_worker_processes(
    qtbot: QtBot, tmp_path: Path, processes: ThumbnailProcesses
) -> None:
    photos = tmp_path / "photos"
    photos.mkdir()
    gallery = generated_folder(photos, 7)
    threads = QThreadPool()
    provider = ThumbnailProvider(threads, processes=processes)
    model = PhotoModel(ImageLoader(QThreadPool()))
    model.use_thumbnail_provider(provider)
    proxy = GalleryFilterProxy(FilterState(), model)
    view = GridView(proxy, thumbnail_size=128)
    qtbot.addWidget(view)
    view.resize(900, 700)
    model.set_gallery(gallery)
    with qtbot.wait_signal(model.thumbnails_idle, timeout=120_000):
        view.show()  # the view asks for the rows it shows
    for row, entry in enumerate(gallery.entries):
        state = model.index(row).data(ThumbnailStateRole)
        if entry.id == "broken.jpg":
            assert state == ThumbnailState.FAILED  # the card, saying why
            assert status_text(entry, failed=True) == UNREADABLE  # "Photo could not be read"
            assert thumbcache.has_failed(entry.image)  # not tried again until it changes
            continue
        assert state == ThumbnailState.READY, entry.id
        pixmap = model.index(row).data(ThumbnailRole)
        width, height = SIZES[row % len(SIZES)]
        assert max(pixmap.width(), pixmap.height()) == 128
        assert (pixmap.width() > pixmap.height()) == (width > height), entry.id
        assert thumbcache.lookup(entry.image, "normal") is not None  # the cache the CLI shares
    assert processes.made == len(gallery.entries)  # every one came from a worker process
    provider.clear()
    threads.waitForDone()


def test_a_killed_worker_is_replaced_and_the_photo_still_gets_its_thumbnail(
    qtbot: QtBot, tmp_path: Path, processes: ThumbnailProcesses
) -> None:
    photo = make_jpeg(tmp_path / "after.jpg", (1200, 900))
    for pid in processes.pool.pids():
        os.kill(pid, signal.SIGKILL)  # as a decoder crashing on a hostile file would
    threads = QThreadPool()
    provider = ThumbnailProvider(threads, processes=processes)
    with qtbot.wait_signal(provider.thumbnail_ready, timeout=120_000) as ready:
        provider.request("after", photo, 128)
    _key, image, is_preview = ready.args
    assert not is_preview and (image.width(), image.height()) == (128, 96)
    provider.clear()
    threads.waitForDone()
