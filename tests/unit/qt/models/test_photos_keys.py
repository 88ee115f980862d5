# SPDX-License-Identifier: GPL-3.0-or-later
"""PhotoModel: a file name with a newline (legal on Linux) still gets its thumbnail.

The entry id of a folder's photo is its relative path, so the model's request
keys must not be parsed by splitting on a character a file name may hold.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from gallery_app.core.models import Entry, Gallery, ImageInfo, ImageStatus
from gallery_app.qt.loading.thumbnails import ThumbnailProvider
from gallery_app.qt.models.photos import (
    PhotoModel,
    ThumbnailRole,
    ThumbnailState,
    ThumbnailStateRole,
)
from gallery_app.qt.workers import ImageLoader
from tests.unit.photo_files import make_jpeg

ODD_NAMES = ["bad\nname.jpg", "thumb\n1\n2\n3.jpg", "line\n.jpg"]


def odd_gallery(folder: Path, *, preview: int = 0) -> Gallery:
    entries = tuple(
        Entry(
            id=name,
            position=i,
            image=make_jpeg(folder / name, (640, 480), preview=preview),
            info=ImageInfo(ImageStatus.OK, 640, 480),
        )
        for i, name in enumerate(ODD_NAMES)
    )
    return Gallery(title="odd names", entries=entries, id="odd")


def assert_all_ready(model: PhotoModel) -> None:
    for row in range(model.rowCount()):
        assert model.index(row).data(ThumbnailStateRole) == ThumbnailState.READY, ODD_NAMES[row]
        assert model.index(row).data(ThumbnailRole) is not None


def test_newline_in_file_name_gets_a_thumbnail_from_the_loader(
    qtbot: QtBot, tmp_path: Path
) -> None:
    pool = QThreadPool()
    model = PhotoModel(ImageLoader(pool))
    model.set_gallery(odd_gallery(tmp_path))
    with qtbot.wait_signal(model.thumbnails_idle, timeout=5_000):
        model.request_thumbnails(range(len(ODD_NAMES)), 96)
    assert_all_ready(model)
    assert model.pending_count() == 0
    pool.waitForDone()


def test_newline_in_file_name_gets_preview_and_thumbnail_from_the_cache(
    qtbot: QtBot, tmp_path: Path
) -> None:
    pool = QThreadPool()
    provider = ThumbnailProvider(pool)
    model = PhotoModel(ImageLoader(QThreadPool()))
    model.use_thumbnail_provider(provider)
    model.set_gallery(odd_gallery(tmp_path, preview=160))
    previews: list[int] = []
    model.dataChanged.connect(lambda first, _last, _roles=(): previews.append(first.row()))
    with qtbot.wait_signal(model.thumbnails_idle, timeout=5_000):
        model.request_thumbnails(range(len(ODD_NAMES)), 128)
    assert_all_ready(model)
    assert sorted(set(previews)) == [0, 1, 2]
    provider.clear()
    pool.waitForDone()
