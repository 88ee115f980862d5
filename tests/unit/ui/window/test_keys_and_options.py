# SPDX-License-Identifier: GPL-3.0-or-later
"""Esc and full screen, the slideshow's options (saved, in a menu, in F1), and
the banner that says why the grid is empty."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from pytestqt.qtbot import QtBot

from gallery_app.core.gallery.manifest import save_manifest
from gallery_app.core.loader import load_gallery
from gallery_app.core.store.links import LinkStore
from gallery_app.qt.loading.gallery import GalleryLoader
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.settings import Settings
from gallery_app.qt.slideshow import SlideshowController
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.window import dialogs
from gallery_app.ui.window.main_window import GRID_PAGE, PHOTO_PAGE, MainWindow
from tests.unit.ui.shell_fixtures import make_gallery

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    pool = QThreadPool()
    yield pool
    pool.clear()
    pool.waitForDone(5000)


def _window(qtbot: QtBot, pool: QThreadPool) -> tuple[MainWindow, FilterState]:
    state = FilterState()
    loader = GalleryLoader(pool, lambda path: load_gallery(path, catalog=None))
    images = ImageLoader(pool)
    window = MainWindow(Settings(), state, loader, images, LinkStore(), SlideshowController(images))
    qtbot.addWidget(window)
    window.show()
    return window, state


def _open(window: MainWindow, qtbot: QtBot, path: Path | None) -> None:
    with qtbot.wait_signal(window.gallery_shown, timeout=10_000):
        window.open_path(path)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    (tmp_path / "story").mkdir()
    save_manifest(make_gallery(), tmp_path / "story" / "gallery.json")
    return tmp_path / "story" / "gallery.json"


def test_esc_leaves_full_screen_first_then_goes_back_to_the_grid(
    qtbot: QtBot, pool: QThreadPool, story: Path
) -> None:
    window, _ = _window(qtbot, pool)
    _open(window, qtbot, story)
    window.showFullScreen()
    qtbot.wait_until(window.isFullScreen)
    qtbot.keyClick(window.parts.grid, Qt.Key.Key_Escape)  # on the grid page
    qtbot.wait_until(lambda: not window.isFullScreen())
    assert not window.commands.fullscreen.isChecked()

    window.open_entry(window.gallery.entries[3])
    window.commands.fullscreen.trigger()
    qtbot.wait_until(window.isFullScreen)
    qtbot.keyClick(window.parts.photo_view, Qt.Key.Key_Escape)
    qtbot.wait_until(lambda: not window.isFullScreen())
    assert window.stack.currentIndex() == PHOTO_PAGE  # one step at a time
    qtbot.keyClick(window.parts.photo_view, Qt.Key.Key_Escape)
    assert window.stack.currentIndex() == GRID_PAGE


def test_slideshow_options_are_saved_and_offered_in_the_view_menu(
    qtbot: QtBot, pool: QThreadPool, story: Path
) -> None:
    window, _ = _window(qtbot, pool)
    _open(window, qtbot, story)
    launcher = window.slideshows
    before = Settings()
    assert (before.slideshow_loop, before.slideshow_shuffle) == (True, False)
    assert (before.slideshow_reading_time, before.slideshow_crossfade) == (True, True)
    titles = [a.text() for a in launcher.menu.actions()]
    assert titles == ["&Loop", "S&huffle", "&Reading time", "&Cross-fade"]
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert launcher.menu.menuAction() in view_menu.actions()

    window.commands.slideshow.trigger()
    show = window.parts.slideshow_window
    qtbot.wait_until(show.isVisible)
    for key in "lsrxi":  # every option flipped from the keyboard during the show
        qtbot.keyClicks(show, key)
    assert not launcher.loop_action.isChecked()  # the menu follows at once
    qtbot.keyClick(show, Qt.Key.Key_Escape)
    qtbot.wait_until(lambda: not show.isVisible())

    saved = Settings()  # as read after a restart
    assert not saved.slideshow_loop
    assert saved.slideshow_shuffle
    assert not saved.slideshow_reading_time
    assert not saved.slideshow_crossfade
    assert not saved.slideshow_captions

    launcher.crossfade_action.trigger()  # the menu changes the setting too
    assert Settings().slideshow_crossfade
    window.commands.slideshow.trigger()
    qtbot.wait_until(show.isVisible)
    assert show.crossfade() and window._slideshow.shuffle and not window._slideshow.loop
    qtbot.keyClick(show, Qt.Key.Key_Escape)


def test_f1_lists_the_slideshow_keys(qtbot: QtBot, pool: QThreadPool) -> None:
    window, _ = _window(qtbot, pool)
    rows = dict(dialogs.shortcut_rows(window.actions()))
    for key in ("l", "s", "r", "x", "i or c"):
        assert f"Slideshow: {key}" in rows
    assert "Esc (full screen)" in rows


def test_an_article_without_a_gallery_says_so_over_the_empty_grid(
    qtbot: QtBot, pool: QThreadPool, tmp_path: Path
) -> None:
    article = tmp_path / "story.txt"
    article.write_text("A headline\n\nJust words, no photos at all.\n", encoding="utf-8")
    window, _ = _window(qtbot, pool)
    _open(window, qtbot, article)
    assert window.count_label.text() == "0 of 0 photos shown"
    assert window.notice.isVisible()
    assert "no photo gallery" in window.notice.text()
    assert window.notice.textFormat() == Qt.TextFormat.PlainText
    assert "no photo gallery" in window.statusBar().currentMessage()


def test_the_banner_says_when_the_filter_hides_every_photo(
    qtbot: QtBot, pool: QThreadPool, story: Path
) -> None:
    window, state = _window(qtbot, pool)
    _open(window, qtbot, story)
    assert not window.notice.isVisible()
    state.set_date_range(dt.date(2016, 1, 1), dt.date(2016, 1, 2))
    assert window.notice.isVisible()
    assert "All dates" in window.notice.text()
    state.clear()
    assert not window.notice.isVisible()


def test_an_empty_folder_says_it_has_no_photos(
    qtbot: QtBot, pool: QThreadPool, tmp_path: Path
) -> None:
    (tmp_path / "empty").mkdir()
    window, _ = _window(qtbot, pool)
    _open(window, qtbot, tmp_path / "empty")
    assert window.notice.isVisible()
    assert window.notice.text().startswith("No photos in this folder")


def test_esc_in_the_timeline_or_search_clears_them_before_leaving_full_screen(
    qtbot: QtBot, pool: QThreadPool, story: Path
) -> None:
    window, state = _window(qtbot, pool)
    _open(window, qtbot, story)
    window.showFullScreen()
    qtbot.wait_until(window.isFullScreen)
    timeline = window.parts.timeline
    state.set_date_range(dt.date(2015, 3, 30), dt.date(2015, 3, 30))
    timeline.setFocus()
    qtbot.keyClick(timeline, Qt.Key.Key_Escape)
    assert not state.value.has_date_range
    assert window.isFullScreen()

    search = window.parts.filter_bar.search_edit
    qtbot.keyClicks(search, "Tikrit")
    qtbot.keyClick(search, Qt.Key.Key_Escape)
    assert search.text() == ""
    assert window.isFullScreen()
    qtbot.keyClick(search, Qt.Key.Key_Escape)  # nothing left to clear: leave full screen
    qtbot.wait_until(lambda: not window.isFullScreen())
