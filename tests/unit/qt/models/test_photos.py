# SPDX-License-Identifier: GPL-3.0-or-later
"""PhotoModel: rows, roles, and thumbnails fetched only for the rows asked for."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QSize, Qt, QThreadPool, Signal
from PySide6.QtGui import QImage, QPixmap

from gallery_app.core.models import Gallery
from gallery_app.qt.models.photos import (
    EntryRole,
    PhotoModel,
    ThumbnailRole,
    ThumbnailState,
    ThumbnailStateRole,
    parse_thumb_key,
)
from gallery_app.qt.workers import ImageLoader
from tests.unit.photo_samples import MARKUP_CAPTION, photo_gallery, wire_gallery


class FakeLoader(QObject):
    """Records requests; the test decides when (and whether) images arrive."""

    image_ready = Signal(str, QImage)

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[tuple[str, Path, QSize]] = []

    def request(self, key: str, path: Path, target: QSize | None = None) -> None:
        assert target is not None
        self.requests.append((key, path, target))

    def clear(self) -> None:
        pass

    def deliver(self, index: int, image: QImage | None = None) -> None:
        key, _path, target = self.requests[index]
        if image is None:
            image = QImage(target, QImage.Format.Format_RGB32)
            image.fill(Qt.GlobalColor.darkCyan)
        self.image_ready.emit(key, image)


def requested_id(key: str) -> str:
    parsed = parse_thumb_key(key)
    assert parsed is not None
    return parsed[2]


@pytest.fixture
def fake_model(qtbot) -> tuple[PhotoModel, FakeLoader]:
    loader = FakeLoader()
    model = PhotoModel(loader)  # type: ignore[arg-type]
    return model, loader


def test_rows_roles_and_lookups(fake_model) -> None:
    model, _ = fake_model
    gallery = wire_gallery()
    model.set_gallery(gallery)
    assert model.rowCount() == 11
    # Rows are in time order: photo 4 (April 2) comes after the five of March 30 and photo 6.
    assert [e.position for e in model.entries()] == [1, 2, 3, 5, 8, 6, 4, 7, 9, 10, 11]
    assert model.entry(6) is gallery.entries[3]
    assert model.entry(11) is None
    assert model.row_of("e04") == 6
    assert model.row_of("nope") == -1
    index = model.index(0)
    assert index.data(EntryRole) is gallery.entries[0]
    text = index.data(Qt.ItemDataRole.DisplayRole)
    assert text.startswith("Mon 30 Mar 2015 — Iraqi security forces")
    assert index.data(ThumbnailRole) is None
    assert index.data(ThumbnailStateRole) == ThumbnailState.NO_FILE


def test_tooltip_shows_markup_literally(fake_model) -> None:
    model, _ = fake_model
    gallery = wire_gallery()
    model.set_gallery(
        replace(gallery, entries=(replace(gallery.entries[0], caption=MARKUP_CAPTION),))
    )
    tip = model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("<qt>")
    assert "&lt;b&gt;bold&lt;/b&gt;" in tip
    assert "<a href" not in tip
    assert "&amp; more" in tip


def test_thumbnails_only_for_requested_rows(fake_model, tmp_path) -> None:
    model, loader = fake_model
    model.set_gallery(photo_gallery(tmp_path))
    assert loader.requests == []  # showing the model decodes nothing
    model.index(0).data(ThumbnailRole)
    assert loader.requests == []  # nor does asking for data
    model.request_thumbnails([1, 3], 128)  # row 3 has no file: nothing to fetch
    assert [Path(r[1]).name for r in loader.requests] == ["second.jpg"]
    assert loader.requests[0][2] == QSize(128, 128)
    model.request_thumbnails([1], 120)  # already on its way at a big enough size
    assert len(loader.requests) == 1
    assert model.index(1).data(ThumbnailStateRole) == ThumbnailState.LOADING


def test_delivered_thumbnail_becomes_pixmap_and_repaints(fake_model, qtbot, tmp_path) -> None:
    model, loader = fake_model
    model.set_gallery(photo_gallery(tmp_path))
    model.request_thumbnails([0], 96)
    with (
        qtbot.wait_signal(model.dataChanged) as changed,
        qtbot.wait_signal(model.thumbnails_idle),
    ):
        loader.deliver(0)
    assert changed.args[0].row() == 0
    pixmap = model.index(0).data(ThumbnailRole)
    assert isinstance(pixmap, QPixmap) and pixmap.width() == 96
    assert model.index(0).data(ThumbnailStateRole) == ThumbnailState.READY
    model.request_thumbnails([0], 90)  # cached: no new decode
    assert len(loader.requests) == 1
    model.request_thumbnails([0], 256)  # bigger cells: decode again
    assert len(loader.requests) == 2


def test_result_for_a_previous_gallery_is_dropped(fake_model, tmp_path) -> None:
    model, loader = fake_model
    gallery = photo_gallery(tmp_path)
    model.set_gallery(gallery)
    model.request_thumbnails([0], 64)
    model.set_gallery(Gallery(title="again", entries=gallery.entries))
    loader.deliver(0)
    assert model.index(0).data(ThumbnailRole) is None
    assert model.index(0).data(ThumbnailStateRole) == ThumbnailState.LOADING


def test_few_decodes_in_flight_and_newest_wishes_first(fake_model, tmp_path) -> None:
    model, loader = fake_model
    base = photo_gallery(tmp_path).entries[0]
    entries = tuple(replace(base, id=f"p{i}", position=i) for i in range(50))
    model.set_gallery(Gallery(title="many", entries=entries))
    model.request_thumbnails(range(0, 20), 64)
    assert len(loader.requests) == PhotoModel.MAX_IN_FLIGHT
    assert [requested_id(r[0]) for r in loader.requests] == ["p0", "p1", "p2", "p3"]
    model.request_thumbnails(range(40, 45), 64)  # the user scrolled on
    loader.deliver(0)
    assert requested_id(loader.requests[-1][0]) == "p40"


@pytest.mark.qt_log_ignore("JPEG datastream contains no image")
def test_real_loader_and_broken_file(qtbot, tmp_path) -> None:
    pool = QThreadPool()
    model = PhotoModel(ImageLoader(pool))
    model.set_gallery(photo_gallery(tmp_path))
    with qtbot.wait_signal(model.thumbnails_idle, timeout=10_000):
        model.request_thumbnails([0, 1, 2], 100)
    first = model.index(0).data(ThumbnailRole)
    assert (first.width(), first.height()) == (100, 66)
    second = model.index(1).data(ThumbnailRole)
    assert (second.width(), second.height()) == (66, 100)
    assert model.index(2).data(ThumbnailRole) is None
    assert model.index(2).data(ThumbnailStateRole) == ThumbnailState.FAILED
    model.request_thumbnails([2], 100)  # a broken file is not retried
    assert model.pending_count() == 0
    pool.waitForDone()
