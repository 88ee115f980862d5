# SPDX-License-Identifier: GPL-3.0-or-later
"""PhotoModel while a folder is scanned: batches slot in sorted, the selection stays,
and thumbnails come from the freedesktop cache with the embedded preview first."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QThreadPool

from gallery_app.core.models import Entry, Gallery, ImageInfo, ImageStatus, Precision, TakenAt
from gallery_app.core.store import thumbcache
from gallery_app.qt.loading.thumbnails import ThumbnailProvider
from gallery_app.qt.models.filter_proxy import GalleryFilterProxy
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.models.photos import PhotoModel, ThumbnailRole
from gallery_app.qt.workers import ImageLoader
from tests.unit.photo_files import make_jpeg


def _entry(name: str, day: int | None) -> Entry:
    taken = None if day is None else TakenAt(dt.datetime(2021, 6, day), Precision.DAY, "exif")
    return Entry(id=name, position=0, image=Path(f"/photos/{name}.jpg"), taken=taken)


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    pool = QThreadPool()
    yield pool
    pool.clear()
    pool.waitForDone(5000)


def _ids(model: PhotoModel) -> list[str]:
    return [e.id for e in model.entries()]


def test_batches_stay_sorted_and_the_selection_follows_its_photo(qtbot, pool) -> None:
    model = PhotoModel(ImageLoader(pool))
    model.set_gallery(Gallery(title="photos", entries=()))
    selection = QItemSelectionModel(model)
    model.merge_entries([_entry("c", 20), _entry("u1", None)])
    selection.setCurrentIndex(model.index(0), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    model.merge_entries([_entry("a", 1), _entry("u0", None), _entry("b", 10)])
    assert _ids(model) == ["a", "b", "c", "u0", "u1"]
    assert selection.currentIndex().row() == 2  # still "c"
    # A scattered batch takes the insert-then-move path; the order holds.
    scattered = [_entry(f"x{d:02}", d) for d in range(2, 30, 1) if d not in (10, 20)]
    model.merge_entries(scattered)
    dated = [
        e.id
        for e in sorted(
            model.entries(), key=lambda e: e.taken.value if e.taken else dt.datetime.max
        )
    ]
    assert _ids(model) == dated
    assert model.entry(selection.currentIndex().row()).id == "c"
    assert model.row_of("u1") == model.rowCount() - 1


def test_update_gallery_keeps_selection_and_reorders(qtbot, pool) -> None:
    model = PhotoModel(ImageLoader(pool))
    first = (_entry("a", 1), _entry("b", 2), _entry("c", 3))
    model.set_gallery(Gallery(title="photos", entries=first))
    selection = QItemSelectionModel(model)
    selection.setCurrentIndex(model.index(1), QItemSelectionModel.SelectionFlag.ClearAndSelect)
    # "a" was deleted, "d" is new and "c" was re-dated to come first.
    newer = (replace(_entry("c", 3), taken=None, position=3), _entry("d", 4), _entry("b", 2))
    newer = (newer[0], newer[2], newer[1])
    model.update_gallery(Gallery(title="photos", entries=newer))
    assert _ids(model) == ["b", "d", "c"]  # time order: "c" lost its date, so it goes last
    assert model.entry(selection.currentIndex().row()).id == "b"
    assert model.gallery().entries == newer


def test_thumbnails_come_from_the_shared_cache_preview_first(qtbot, tmp_path, pool) -> None:
    thumbs_pool = QThreadPool()
    provider = ThumbnailProvider(thumbs_pool)
    model = PhotoModel(ImageLoader(pool))
    model.use_thumbnail_provider(provider)
    photo = make_jpeg(tmp_path / "p.jpg", (1600, 1200), preview=320)
    entry = Entry(id="p", position=1, image=photo, info=ImageInfo(ImageStatus.OK))
    model.set_gallery(Gallery(title="t", entries=(entry,)))
    previews: list[bool] = []
    provider.thumbnail_ready.connect(lambda _k, _img, is_preview: previews.append(is_preview))
    with qtbot.wait_signal(model.thumbnails_idle, timeout=10000):
        model.request_thumbnails([0], 192)
    assert previews == [True, False]
    assert model.data(model.index(0), ThumbnailRole).width() == 192
    png = thumbcache.lookup(photo, "large")
    assert png is not None
    texts = thumbcache.read_png_text(png)
    assert texts["Thumb::URI"] == photo.resolve().as_uri()
    assert texts["Thumb::MTime"] == str(int(photo.stat().st_mtime))
    provider.clear()
    thumbs_pool.waitForDone(5000)


def test_a_rescans_slices_go_in_as_inserts_behind_the_filter(qtbot, pool) -> None:
    """A slice scattered over thousands of rows never re-sorts or re-filters every row
    (that froze the window for seconds after a rescan); the selection and the count follow."""
    model = PhotoModel(ImageLoader(pool))
    state = FilterState()
    proxy = GalleryFilterProxy(state, model)
    days = [1 + (n * 7919) % 28 for n in range(2400)]
    shown = [_entry(f"p{n:04}", day) for n, day in enumerate(days[:2000])]
    model.set_gallery(Gallery(title="photos", entries=tuple(shown)))
    state.set_date_range(dt.date(2021, 6, 1), dt.date(2021, 6, 30))  # a filter on screen
    selection = QItemSelectionModel(proxy)
    selection.setCurrentIndex(proxy.index(500, 0), QItemSelectionModel.SelectionFlag.Select)
    chosen = proxy.entry(500)
    layouts: list[object] = []
    model.layoutChanged.connect(lambda *_a: layouts.append(1))
    proxy.layoutChanged.connect(lambda *_a: layouts.append(1))
    counts: list[list[int]] = []
    proxy.count_changed.connect(lambda *args: counts.append(list(args)))
    fresh = [_entry(f"p{n:04}", day) for n, day in enumerate(days) if n >= 2000]
    for start in range(0, len(fresh), 40):
        model.merge_entries(fresh[start : start + 40])
    qtbot.wait_until(lambda: counts[-1:] == [[2400, 2400]])
    assert len(counts) == 2  # the turn's first insert, then once after all of them
    assert layouts == []
    assert model.rowCount() == 2400
    assert [e.id for e in model.entries()] == [
        e.id for e in sorted(model.entries(), key=lambda e: (e.taken.value, e.id))
    ]
    assert proxy.entry(selection.currentIndex().row()) == chosen


def test_a_scans_gallery_in_time_order_is_taken_as_it_comes(qtbot, pool) -> None:
    model = PhotoModel(ImageLoader(pool))
    model.set_gallery(Gallery(title="photos", entries=(_entry("b", 2), _entry("a", 1))))
    assert _ids(model) == ["a", "b"]
    scanned = (_entry("a", 1), _entry("b", 2), _entry("c", 3))  # sorted by the scan
    model.update_gallery(Gallery(title="photos", entries=scanned), in_time_order=True)
    assert _ids(model) == ["a", "b", "c"]
    model.set_sort_order("name", descending=True)  # another order: sorted here as before
    model.update_gallery(Gallery(title="photos", entries=scanned), in_time_order=True)
    assert _ids(model) == ["c", "b", "a"]
