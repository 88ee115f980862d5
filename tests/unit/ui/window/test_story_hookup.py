# SPDX-License-Identifier: GPL-3.0-or-later
"""View → Timeline opens the story page; View → Sort by reorders the grid and is remembered."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QThreadPool

from gallery_app.core.gallery.ordering import SortOrder
from gallery_app.core.models import Gallery
from gallery_app.core.store.links import LinkStore
from gallery_app.qt.loading.gallery import GalleryLoader
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.settings import Settings
from gallery_app.qt.slideshow import SlideshowController
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.window.main_window import GRID_PAGE, PHOTO_PAGE, MainWindow
from tests.unit.ui.shell_fixtures import make_gallery

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    pool = QThreadPool()
    yield pool
    pool.clear()
    pool.waitForDone(5000)


def _window(qtbot, pool: QThreadPool, gallery: Gallery) -> MainWindow:
    loader = GalleryLoader(pool, lambda _path: gallery, LinkStore())
    images = ImageLoader(pool)
    window = MainWindow(
        Settings(), FilterState(), loader, images, LinkStore(), SlideshowController(images)
    )
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    with qtbot.wait_signal(window.gallery_shown):
        window.open_path(None)
    return window


def _grid_positions(window: MainWindow) -> list[int]:
    return [e.position for e in window.visible_entries()]


def test_ctrl_t_shows_the_story_and_enter_opens_the_photo(qtbot, pool) -> None:
    window = _window(qtbot, pool, make_gallery())
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    story = window.story
    assert window.stack.currentIndex() == story.index
    qtbot.wait_until(story.is_ready)
    view = story.page.view
    assert len(view.story().items) == 11
    assert view.current_entry().position == 1  # the grid's current photo
    qtbot.keyClick(view, Qt.Key.Key_Right)  # photo 2, which the grid selects too
    assert window.parts.grid.current_entry().position == 2
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.stack.currentIndex() == PHOTO_PAGE
    assert window.current_entry.position == 2


def test_esc_on_the_story_goes_back_to_the_grid(qtbot, pool) -> None:
    window = _window(qtbot, pool, make_gallery())
    window.story.show_page()
    qtbot.keyClick(window.story.page.view, Qt.Key.Key_Escape)
    assert window.stack.currentIndex() == GRID_PAGE


def test_sort_by_reorders_the_grid_and_is_remembered_per_gallery(qtbot, pool) -> None:
    window = _window(qtbot, pool, make_gallery())
    assert _grid_positions(window) == [1, 2, 3, 5, 8, 6, 4, 7, 9, 10, 11]
    window.story.order_actions[SortOrder.POSITION].trigger()
    assert _grid_positions(window) == list(range(1, 12))
    window.story.descending_action.trigger()
    assert _grid_positions(window) == list(range(11, 0, -1))
    again = _window(qtbot, pool, make_gallery())
    assert _grid_positions(again) == list(range(11, 0, -1))
    assert again.story.order_actions[SortOrder.POSITION].isChecked()


def test_rows_that_arrive_while_the_story_is_hidden_are_laid_out_when_it_is_shown(
    qtbot, pool, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, pool, make_gallery())
    story = window.story
    laid_out: list[int] = []
    real = story.page.set_entries
    monkeypatch.setattr(
        story.page, "set_entries", lambda entries, article=None: laid_out.append(len(entries))
    )
    window.parts.model.merge_entries([])  # nothing new: nothing to do
    story._on_rebuild()  # the timer after a scan's rows: the page is hidden
    assert laid_out == []
    monkeypatch.setattr(story.page, "set_entries", real)
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait_until(story.is_ready)
    assert len(story.page.view.story().items) == 11
