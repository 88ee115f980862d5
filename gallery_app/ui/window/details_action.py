# SPDX-License-Identifier: GPL-3.0-or-later
"""View → File details (Alt+Enter or Ctrl+I): the file details tab beside the caption.

From the grid it opens the current photo first; the side panel is shown if it
was hidden.  The panel follows the window's current photo and reads its file
only while its tab is shown.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, SignalInstance
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QStackedWidget

from gallery_app.core.models import Entry
from gallery_app.ui.window.actions import WindowActions
from gallery_app.ui.window.navigation import PHOTO_PAGE, PhotoNavigation
from gallery_app.ui.window.parts import Parts

KEYS = ("Alt+Return", "Alt+Enter", "Ctrl+I")


class DetailsWindow(Protocol):
    parts: Parts
    stack: QStackedWidget
    nav: PhotoNavigation
    commands: WindowActions
    current_changed: SignalInstance

    def open_entry(self, entry: Entry) -> None: ...


class FileDetailsAction(QObject):
    """The action and its one slot; made by the composition root beside the window."""

    def __init__(self, window: DetailsWindow, main: QMainWindow) -> None:
        super().__init__(main)
        self._window = window
        self.action = QAction("File &details", main)
        self.action.setShortcuts([QKeySequence(k) for k in KEYS])
        self.action.setToolTip("File details: size, camera, exposure and every tag (Ctrl+I)")
        self.action.triggered.connect(self.show_details)
        main.addAction(self.action)
        for top in main.menuBar().actions():
            menu = top.menu()
            if top.text() == "&View" and isinstance(menu, QMenu):
                menu.insertAction(window.commands.article, self.action)
        window.current_changed.connect(window.parts.details_panel.show_entry)

    def show_details(self) -> None:
        w = self._window
        if w.stack.currentIndex() != PHOTO_PAGE:
            entry = w.nav.grid_current_entry()
            if entry is None:
                return
            w.open_entry(entry)
        if not w.commands.info.isChecked():
            w.commands.info.trigger()
        w.parts.side_tabs.setCurrentWidget(w.parts.details_panel)
        w.parts.details_panel.setFocus()
