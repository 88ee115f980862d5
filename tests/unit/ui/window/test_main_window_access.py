# SPDX-License-Identifier: GPL-3.0-or-later
"""Every control of the main window has a name a screen reader can say, Tab goes
through the grid page in reading order, and a click on the Mar 30 bar shows 5 of 11."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QToolBar,
    QWidget,
)

from gallery_app.core.store.links import LinkStore
from gallery_app.qt.loading.gallery import GalleryLoader
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.settings import Settings
from gallery_app.qt.slideshow import SlideshowController
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.timeline.view import TimelineView
from gallery_app.ui.window.main_window import MainWindow
from tests.unit.ui.shell_fixtures import make_gallery

CONTROLS = (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QAbstractItemView,
    TimelineView,
)


@pytest.fixture
def window(qtbot):
    pool = QThreadPool()
    images = ImageLoader(pool)
    gallery = make_gallery()
    loader = GalleryLoader(pool, lambda _path: gallery, LinkStore())
    win = MainWindow(
        Settings(), FilterState(), loader, images, LinkStore(), SlideshowController(images)
    )
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    with qtbot.wait_signal(win.gallery_shown):
        win.open_path(None)
    yield win
    pool.clear()
    pool.waitForDone(5000)


def _unnamed(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(root):
            continue
        if type(widget).__name__ in ("QScrollBar", "QToolBarExtension"):
            continue  # Qt's own parts, named by Qt's accessibility bridge
        if not widget.accessibleName() and not getattr(widget, "text", lambda: "")():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_every_control_has_a_name(window, qtbot) -> None:
    assert _unnamed(window) == []
    window.open_entry(window.visible_entries()[3])
    window.read_in_article(window.visible_entries()[3])
    assert _unnamed(window) == []


def test_toolbar_buttons_and_slider_are_named_with_tooltips(window) -> None:
    toolbar = window.findChild(QToolBar, "main_toolbar")
    for action in toolbar.actions():
        button = toolbar.widgetForAction(action)
        if isinstance(button, QAbstractButton):
            assert button.accessibleName() and action.toolTip()
            assert button.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonIconOnly
    assert window.size_slider.accessibleName() == "Thumbnail size"
    assert "Ctrl+wheel" in window.size_slider.toolTip()


def test_tab_goes_through_the_grid_page_in_reading_order(window) -> None:
    bar = window.parts.filter_bar
    expected = [
        bar.from_edit,
        bar.to_edit,
        bar.preset_combo,
        bar.search_edit,
        window.parts.grid,
        window.parts.timeline,
    ]
    seen: list[QWidget] = []
    widget = bar.from_edit
    for _ in range(40):
        if widget in expected and widget not in seen:
            seen.append(widget)
        widget = widget.nextInFocusChain()
    assert seen == expected


def test_clicking_the_march_30_bar_shows_five_of_eleven(window, qtbot) -> None:
    timeline = window.parts.timeline
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=timeline.bar_rect(0).center())
    assert window.count_label.text() == "5 of 11 photos shown"
    assert window.windowTitle() == "Fighting In Iraq — Dateline"
