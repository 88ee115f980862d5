# SPDX-License-Identifier: GPL-3.0-or-later
"""The story timeline and the map are built when first shown, and then work as before.

The map's tests come first: a story laid out in one test leaves Qt objects for
the collector, and a map's marks built on a worker in a later test of the same
process may collect them there (Qt aborts); that is older than lazy pages.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from gallery_app.app import Composition, Options, start
from gallery_app.core.paths import bundled_gallery_path
from gallery_app.ui.map.page import MapPage
from gallery_app.ui.timeline.story_page import StoryPage
from gallery_app.ui.window.lazy_map import LazyMap
from gallery_app.ui.window.navigation import GRID_PAGE

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def _opened(make_app: Callable[..., Composition], qtbot: QtBot) -> Composition:
    app = make_app((1100, 760), show=True)
    with qtbot.wait_signal(app.window.gallery_shown, timeout=20_000):
        start(app, Options(path=bundled_gallery_path()))
    return app


def _actions(app: Composition, text: str) -> list[object]:
    return [a for a in app.window.actions() if a.text() == text]


def test_view_map_builds_the_map_in_place_of_its_stand_ins(
    make_app: Callable[..., Composition], qtbot: QtBot
) -> None:
    app = _opened(make_app, qtbot)
    window = app.window
    assert window.findChild(MapPage) is None
    toolbar = window.findChild(QToolBar, "main_toolbar")
    assert toolbar is not None
    names = [b.accessibleName() for b in toolbar.findChildren(QToolButton) if b.isVisible()]
    assert "Map" in names
    (stand_in,) = _actions(app, "&Map")
    assert stand_in.shortcut().toString() == "M"
    stand_in.trigger()
    page = window.findChild(MapPage, "map_page")
    assert page is not None and page.is_shown()
    (real,) = _actions(app, "&Map")  # one action, one M key: the map's own
    assert real is page.show_action
    assert (
        toolbar.actions().index(page.show_action)
        == toolbar.actions().index(window.commands.prev) - 1
    )  # where the stand-in stood
    qtbot.wait_until(page.is_ready, timeout=60_000)
    assert page.marks.layer.count == 11


def test_online_tiles_before_the_map_is_shown_still_asks_first(
    make_app: Callable[..., Composition], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def say_no(_parent: object, title: str, _text: str) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", say_no)
    app = _opened(make_app, qtbot)
    lazy = app.window.findChild(LazyMap)
    assert lazy is not None and not lazy.is_built()
    lazy.tiles_action.setChecked(True)  # View → Online map tiles
    assert asked == ["Online map tiles"]
    page = lazy.page()
    assert not page.tiles_action.isChecked() and not page.tiles.enabled
    assert not app.settings.map_online_tiles


def test_the_story_is_built_by_ctrl_t_and_shows_the_gallery(
    make_app: Callable[..., Composition], qtbot: QtBot
) -> None:
    app = _opened(make_app, qtbot)
    window = app.window
    assert window.findChild(StoryPage) is None  # nothing built before it is asked for
    placeholder = window.stack.widget(window.story.index)
    assert placeholder.accessibleName() == "Story timeline page"
    qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    page = window.findChild(StoryPage)
    assert page is not None and window.stack.currentWidget() is page
    assert window.stack.indexOf(page) == window.story.index
    assert page.accessibleName() == "Story timeline page"
    qtbot.wait_until(window.story.is_ready)
    assert len(page.view.story().items) == 11  # the gallery's photos, laid out at once
    assert page.view.current_entry() == window.parts.grid.current_entry()
    qtbot.keyClick(page.view, Qt.Key.Key_Escape)
    assert window.stack.currentIndex() == GRID_PAGE


def test_an_unseen_story_does_no_work_when_the_gallery_changes(
    make_app: Callable[..., Composition], qtbot: QtBot
) -> None:
    app = _opened(make_app, qtbot)
    with qtbot.wait_signal(app.window.gallery_shown, timeout=20_000):
        app.window.open_path(bundled_gallery_path())  # the same again: a reset
    app.window.story._on_rebuild()  # the throttled rebuild, now
    assert app.window.findChild(StoryPage) is None
    assert app.window.story.is_ready()
