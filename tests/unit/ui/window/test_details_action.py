# SPDX-License-Identifier: GPL-3.0-or-later
"""Ctrl+I (or Alt+Enter) from the grid opens the photo with its file details tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QThreadPool

from gallery_app.core.store.links import LinkStore
from gallery_app.qt.loading.gallery import GalleryLoader
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.settings import Settings
from gallery_app.qt.slideshow import SlideshowController
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.window.details_action import FileDetailsAction
from gallery_app.ui.window.main_window import MainWindow
from gallery_app.ui.window.navigation import PHOTO_PAGE
from tests.unit.ui.shell_fixtures import make_gallery


@pytest.fixture
def window(qtbot):
    pool = QThreadPool()
    images = ImageLoader(pool)
    gallery = make_gallery()
    loader = GalleryLoader(pool, lambda _path: gallery, LinkStore())
    win = MainWindow(
        Settings(), FilterState(), loader, images, LinkStore(), SlideshowController(images)
    )
    win.parts.details_panel.use_pool(pool)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    with qtbot.wait_signal(win.gallery_shown):
        win.open_path(None)
    yield win
    pool.clear()
    pool.waitForDone(5000)


KEYS = [
    (Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier),
]


@pytest.mark.parametrize("key, modifier", KEYS)
def test_key_opens_the_details_tab(qtbot, window, key, modifier) -> None:
    details = FileDetailsAction(window, window)
    window.parts.grid.setFocus()
    window.commands.info.setChecked(False)
    window.on_toggle_info()
    qtbot.keyClick(window.parts.grid, key, modifier)
    assert window.stack.currentIndex() == PHOTO_PAGE
    assert window.parts.side_tabs.isVisible()
    assert window.parts.side_tabs.currentWidget() is window.parts.details_panel
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert details.action in view_menu.actions()
