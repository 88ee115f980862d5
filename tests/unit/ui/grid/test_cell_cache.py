# SPDX-License-Identifier: GPL-3.0-or-later
"""A grid cell drawn from the cache looks as one painted afresh, and changes with its photo."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QRect, Qt, QThreadPool
from PySide6.QtGui import QImage, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from gallery_app.core.loader import load_gallery
from gallery_app.qt.models.photos import PhotoModel
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.grid.cell_cache import CellCache
from gallery_app.ui.grid.delegate import GridDelegate


def _render(
    delegate: GridDelegate, model: PhotoModel, row: int, *, selected: bool = False
) -> QImage:
    option = QStyleOptionViewItem()
    option.palette = QPalette()
    option.rect = QRect(20, 10, 160, 220)  # not at the origin: the copy lands where the cell is
    if selected:
        option.state = QStyle.StateFlag.State_Selected
    image = QImage(200, 240, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    delegate.paint(painter, option, model.index(row))
    painter.end()
    return image


def test_a_cached_cell_is_the_cell_painted_afresh(qtbot: QtBot) -> None:
    pool = QThreadPool()
    model = PhotoModel(ImageLoader(pool))
    gallery = load_gallery(None, read_files=False)
    model.set_gallery(gallery)
    delegate = GridDelegate(thumbnail_size=128)
    first = _render(delegate, model, 0)
    again = _render(delegate, model, 0)  # from the cache
    fresh = _render(GridDelegate(thumbnail_size=128), model, 0)
    assert again == first == fresh
    assert _render(delegate, model, 0, selected=True) != first  # another state, another cell
    changed = replace(gallery.entries[0], caption="Another caption altogether")
    model.replace_entry(changed)
    assert _render(delegate, model, 0) == _render(GridDelegate(thumbnail_size=128), model, 0)
    assert _render(delegate, model, 0) != first
    pool.waitForDone(5000)


def test_the_cache_keeps_at_most_its_limit() -> None:
    cache = CellCache(limit=2)
    gallery = load_gallery(None, read_files=False)
    image = QImage(100, 100, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    for entry in gallery.entries[:4]:
        cache.paint(
            painter, QRect(0, 0, 10, 10), entry, (), lambda p, r: p.fillRect(r, Qt.GlobalColor.red)
        )
    painter.end()
    assert len(cache) == 2


def test_a_photo_numbered_anew_is_not_painted_again(qtbot: QtBot) -> None:
    pool = QThreadPool()
    model = PhotoModel(ImageLoader(pool))
    gallery = load_gallery(None, read_files=False)
    model.set_gallery(gallery)
    delegate = GridDelegate(thumbnail_size=128)
    first = _render(delegate, model, 0)
    painted: list[int] = []
    real = delegate._paint_cell
    delegate._paint_cell = lambda *args: (painted.append(1), real(*args))  # type: ignore[method-assign]
    model.replace_entry(replace(gallery.entries[0], position=99))  # a scan's final numbering
    assert _render(delegate, model, 0) == first
    assert painted == []
    model.replace_entry(replace(gallery.entries[0], position=98, caption="New words"))
    _render(delegate, model, 0)
    assert painted == [1]
    pool.waitForDone(5000)
