# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window as a user sees it: title, counts, navigation, filter, links, state."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QLabel

from gallery_app.core.models import Gallery, ImageStatus
from gallery_app.core.store.links import LinkStore
from gallery_app.qt.loading.gallery import GalleryLoader
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.settings import Settings
from gallery_app.qt.slideshow import SlideshowController
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.window import dialogs
from gallery_app.ui.window.main_window import GRID_PAGE, PHOTO_PAGE, MainWindow
from tests.unit.ui.shell_fixtures import MARKUP, make_gallery

# The offscreen platform warns once per shown top-level window; it means nothing here.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def pool() -> QThreadPool:
    pool = QThreadPool()
    yield pool
    pool.clear()
    pool.waitForDone(5000)


def _window(qtbot, pool: QThreadPool, gallery: Gallery) -> tuple[MainWindow, FilterState]:
    state = FilterState()
    loader = GalleryLoader(pool, lambda _path: gallery, LinkStore())
    images = ImageLoader(pool)
    window = MainWindow(Settings(), state, loader, images, LinkStore(), SlideshowController(images))
    qtbot.addWidget(window)
    window.show()
    with qtbot.wait_signal(window.gallery_shown):
        window.open_path(None)
    return window, state


def test_title_and_count_name_the_gallery(qtbot, pool) -> None:
    window, _ = _window(qtbot, pool, make_gallery())
    assert window.windowTitle() == "Fighting In Iraq — Dateline"
    assert window.count_label.text() == "11 of 11 photos shown"
    assert window.stack.currentIndex() == GRID_PAGE


def test_date_filter_applies_to_status_bar_and_navigation(qtbot, pool) -> None:
    window, state = _window(qtbot, pool, make_gallery())
    state.set_date_range(dt.date(2015, 3, 30), dt.date(2015, 3, 30))
    assert window.count_label.text() == "5 of 11 photos shown"
    window.nav.go_to_end(first=False)
    assert window.current_entry is not None
    assert window.current_entry.taken.day == dt.date(2015, 3, 30)
    assert window.current_entry.id == "e8"  # the last of the five March 30 photos


def test_keys_open_and_step_through_photos(qtbot, pool) -> None:
    window, _ = _window(qtbot, pool, make_gallery())
    qtbot.keyClick(window.parts.grid, Qt.Key.Key_Return)
    qtbot.wait_until(lambda: window.stack.currentIndex() == PHOTO_PAGE)
    assert window.current_entry.id == "e1"
    window.commands.next.trigger()
    assert window.current_entry.id == "e2"
    window.commands.last.trigger()
    assert window.current_entry.id == "e11"
    window.commands.next.trigger()  # stays at the end
    assert window.current_entry.id == "e11"
    window.commands.grid.trigger()
    assert window.stack.currentIndex() == GRID_PAGE


def test_markup_in_captions_is_shown_literally(qtbot, pool) -> None:
    window, _ = _window(qtbot, pool, make_gallery())
    window.open_entry(window.gallery.entries[1])
    labels = [
        w for w in window.findChildren(QLabel) if MARKUP in w.text() and w.isVisibleTo(window)
    ]
    assert labels, "the caption with markup is shown"
    assert all(w.textFormat() == Qt.TextFormat.PlainText for w in labels)


def test_linking_a_photo_survives_a_restart(qtbot, pool, tmp_path, monkeypatch) -> None:
    photo = tmp_path / "linked.jpg"
    from PIL import Image

    Image.new("RGB", (64, 48), "blue").save(photo)
    monkeypatch.setattr(dialogs, "choose_photo_file", lambda parent: photo)
    window, _ = _window(qtbot, pool, make_gallery())
    entry = window.gallery.entries[3]
    window.parts.caption_panel.link_file_requested.emit(entry)
    assert window.gallery.entries[3].image_status is ImageStatus.OK

    again, _ = _window(qtbot, pool, make_gallery())  # a new window, as after a restart
    assert again.gallery.entries[3].image == photo.resolve()


def test_window_state_and_thumbnail_size_persist(qtbot, pool) -> None:
    window, _ = _window(qtbot, pool, make_gallery())
    window.size_slider.setValue(256)
    window.grid_splitter.setSizes([400, 200])
    sizes = window.grid_splitter.sizes()
    window.close()
    assert not Settings().geometry.isEmpty()  # the offscreen screen is too small to check it
    again, _ = _window(qtbot, pool, make_gallery())
    assert again.size_slider.value() == 256
    assert again.grid_splitter.sizes() == sizes


def test_slideshow_starts_at_the_current_photo_and_esc_returns(qtbot, pool) -> None:
    window, _ = _window(qtbot, pool, make_gallery())
    window.open_entry(window.gallery.entries[2])
    window.commands.slideshow.trigger()
    show = window.parts.slideshow_window
    qtbot.wait_until(show.isVisible)
    assert window._slideshow.current().id == "e3"
    qtbot.keyClick(show, Qt.Key.Key_Right)
    qtbot.keyClick(show, Qt.Key.Key_Escape)
    qtbot.wait_until(lambda: not show.isVisible())
    assert window.current_entry.id == "e5"  # the next in time order (e4 is April 2)
    assert window.stack.currentIndex() == PHOTO_PAGE


def test_failed_load_says_why_without_a_traceback(qtbot, pool, monkeypatch) -> None:
    from gallery_app.core.errors import DatelineError

    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append(text))

    def fail(_path: Path | None) -> Gallery:
        raise DatelineError("broken.json is not a gallery manifest.")

    state = FilterState()
    images = ImageLoader(pool)
    window = MainWindow(
        Settings(),
        state,
        GalleryLoader(pool, fail),
        images,
        LinkStore(),
        SlideshowController(images),
    )
    qtbot.addWidget(window)
    window.show()
    with qtbot.wait_signal(window._loader.failed):
        window.open_path(Path("broken.json"))
    assert shown == ["broken.json is not a gallery manifest."]


def test_shortcuts_dialog_lists_the_keys(qtbot, pool) -> None:
    window, _ = _window(qtbot, pool, make_gallery())
    rows = dict(dialogs.shortcut_rows(window.actions()))
    assert "F5" in rows and "Ctrl+O" in rows and "F1" in rows
    assert any("Right" in keys for keys in rows)
