# SPDX-License-Identifier: GPL-3.0-or-later
"""The map as one more page of the main window, wired in one place.

:func:`attach_map` (called by ``app.compose``) hands the page the window's
stack, the shared filter, the photo model, the settings and two callbacks
(select a photo, open a photo); the page adds the map view to the stack,
View → Map (key M) and View → Online map tiles, a toolbar button, the status
bar's area note, and keeps the map fed: the model's changes (a new gallery,
a scan's batches) restart a short timer whose slot hands the entries to
:class:`MapMarks` — only while the map is on screen (else when it is next
shown), so no model signal does O(n) work and an unseen map costs nothing: the bundled world
is read on the map's first paint, and a hidden map does not follow the date filter until it is
shown again.  Background work runs on the app's one-thread ``map`` pool.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox, QStackedWidget, QToolBar

from gallery_app.core.models import Entry
from gallery_app.qt.map_tiles import PRIVACY_NOTE, TileSource
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.models.map_marks import MapMarks
from gallery_app.qt.models.photos import PhotoModel, ThumbnailRole, ThumbnailStateRole
from gallery_app.qt.settings import Settings
from gallery_app.ui.map.area_status import AreaStatus
from gallery_app.ui.map.view import MapView

if TYPE_CHECKING:
    from gallery_app.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)

REFRESH_MS = 250  # a scan's batches are gathered into one refresh


class MapPage(QObject):
    def __init__(
        self,
        window: QMainWindow,
        stack: QStackedWidget,
        filter_state: FilterState,
        model: PhotoModel,
        settings: Settings,
        pool: QThreadPool,
        select: Callable[[Entry], None],
        open_entry: Callable[[Entry], None],
        leave: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__(window)
        self.setObjectName("map_page")
        self._window, self._stack, self._model, self._settings = window, stack, model, settings
        self.pool = pool  # one thread: the map never takes both cores from the window
        self.marks = MapMarks(filter_state, self.pool, self)
        self.tiles = TileSource(self.pool, settings.map_online_tiles, parent=self)
        self.view = MapView(filter_state, self.marks, tiles=self.tiles)
        self.index = stack.addWidget(self.view)
        self.marks.set_active(stack.currentIndex() == self.index)
        stack.currentChanged.connect(self._on_page_changed)
        self.area_status = AreaStatus(filter_state, window)
        window.statusBar().addPermanentWidget(self.area_status)
        self.show_action = QAction("&Map", window)
        self.show_action.setShortcut(QKeySequence("M"))
        self.show_action.setToolTip("Map: where each photo was taken (M)")
        self.show_action.triggered.connect(self.show)
        self.tiles_action = QAction("Online map &tiles (OpenStreetMap)…", window)
        self.tiles_action.setCheckable(True)
        self.tiles_action.setChecked(self.tiles.enabled)
        self.tiles_action.toggled.connect(self._on_tiles_toggled)
        window.addAction(self.show_action)
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self._on_refresh_due)
        self._stale = True  # the model changed since the map last read it
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._on_model_changed)
        model.dataChanged.connect(self._on_data_changed)
        self.view.entry_selected.connect(lambda ident: self._with_entry(ident, select))
        self.view.entry_activated.connect(lambda ident: self._with_entry(ident, open_entry))
        self.view.leave_requested.connect(leave)

    def add_to_menu(self, menu: QMenu, before: QAction | None = None) -> None:
        menu.insertAction(before, self.show_action)  # type: ignore[arg-type]
        menu.insertAction(before, self.tiles_action)  # type: ignore[arg-type]

    def is_ready(self) -> bool:
        """The marks of the model's gallery are placed (the screenshot waits for this)."""
        return not self._stale and not self._refresh.isActive() and self.view.is_settled()

    def is_shown(self) -> bool:
        return self._stack.currentIndex() == self.index

    def show(self) -> None:
        self._refresh.stop()
        if self._stale:
            self.refresh()
        self._stack.setCurrentIndex(self.index)
        self.view.setFocus()

    def _on_page_changed(self, index: int) -> None:
        self.marks.set_active(index == self.index)

    def refresh(self) -> None:
        """Hand the model's entries to the map (on the timer, never on a model signal)."""
        self._stale = False
        self.marks.set_entries(self._model.entries())

    def _on_model_changed(self) -> None:
        self._stale = True
        self._refresh.start()

    def _on_data_changed(
        self, _top: object, _bottom: object, roles: list[int] | None = None
    ) -> None:
        if roles and set(roles) <= {ThumbnailRole, ThumbnailStateRole}:
            return  # a thumbnail arrived: no place changed
        self._on_model_changed()

    def _on_refresh_due(self) -> None:
        # Only a map on screen reads the gallery: an unseen map costs nothing (no
        # gazetteer load, no marks) while a folder is scanned.
        if self.is_shown():
            self.refresh()
        else:
            self._stale = True

    def set_current(self, entry: Entry | None) -> None:
        self.view.set_current(entry.id if entry is not None else None)

    def _with_entry(self, entry_id: str, then: Callable[[Entry], None]) -> None:
        entry = self.marks.entry(entry_id)
        if entry is not None:
            then(entry)

    def _on_tiles_toggled(self, on: bool) -> None:
        if on and not self._settings.map_online_tiles:
            answer = QMessageBox.question(
                self._window, "Online map tiles", PRIVACY_NOTE + "\n\nTurn online tiles on?"
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.tiles_action.setChecked(False)
                return
        self._settings.map_online_tiles = on
        self.tiles.enabled = on
        self.view.update()


def attach_map(
    window: MainWindow, settings: Settings, filter_state: FilterState, pool: QThreadPool
) -> MapPage:
    """Add the map to ``window``: a page, View → Map (M), a toolbar button, the status note."""
    page = MapPage(
        window,
        window.stack,
        filter_state,
        window.parts.model,
        settings,
        pool,
        select=window.nav.select_in_grid,
        open_entry=window.open_entry,
        leave=window.on_escape,
    )
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text() == "&View":
            items = menu.actions()
            page.add_to_menu(menu, items[1] if len(items) > 1 else None)  # after "Back to grid"
    toolbar = window.findChild(QToolBar, "main_toolbar")
    if toolbar is not None:
        toolbar.insertAction(window.commands.prev, page.show_action)
        button = toolbar.widgetForAction(page.show_action)
        if button is not None:
            button.setAccessibleName("Map")
    window.parts.grid.current_entry_changed.connect(page.set_current)
    window.current_changed.connect(page.set_current)
    return page
