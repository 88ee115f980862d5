# SPDX-License-Identifier: GPL-3.0-or-later
"""The main window's layout as the user left it: geometry, docks, splitters, sizes.

Kept in the ``[state]`` part of the settings (apart from preferences), read
once when the window is built and written when it closes.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QSlider, QSplitter

from gallery_app.qt.settings import Settings
from gallery_app.ui.window.actions import WindowActions
from gallery_app.ui.window.parts import Parts

DEFAULT_SIZE = (1180, 760)


class StatefulWindow(Protocol):
    """The parts of the main window whose layout is kept between runs."""

    parts: Parts
    grid_splitter: QSplitter
    photo_splitter: QSplitter
    size_slider: QSlider
    commands: WindowActions

    def resize(self, w: int, h: int, /) -> None: ...
    def restoreGeometry(self, geometry: QByteArray, /) -> bool: ...
    def restoreState(self, state: QByteArray, /) -> bool: ...
    def saveGeometry(self) -> QByteArray: ...
    def saveState(self) -> QByteArray: ...


def restore_window_state(window: StatefulWindow, settings: Settings) -> None:
    window.resize(*DEFAULT_SIZE)
    if not settings.geometry.isEmpty():
        window.restoreGeometry(settings.geometry)
    if not settings.window_state.isEmpty():
        window.restoreState(settings.window_state)
    for splitter, name in ((window.grid_splitter, "grid"), (window.photo_splitter, "photo")):
        sizes = settings.splitter_sizes(name)
        if len(sizes) == splitter.count() and any(sizes):
            splitter.setSizes(sizes)
    window.size_slider.setValue(settings.thumbnail_size)
    window.parts.grid.set_thumbnail_size(settings.thumbnail_size)
    window.commands.info.setChecked(settings.info_panel_visible)
    window.parts.side_tabs.setVisible(settings.info_panel_visible)


def save_window_state(window: StatefulWindow, settings: Settings) -> None:
    settings.geometry = window.saveGeometry()
    settings.window_state = window.saveState()
    settings.set_splitter_sizes("grid", window.grid_splitter.sizes())
    settings.set_splitter_sizes("photo", window.photo_splitter.sizes())
    settings.thumbnail_size = window.size_slider.value()
    settings.info_panel_visible = window.commands.info.isChecked()
    settings.sync()
