# SPDX-License-Identifier: GPL-3.0-or-later
"""The map page, attached to the window the first time the user asks for it.

Building the map (its view, the basemap's coastlines and labels, the tile
source, their imports) took ~0.2 s of the GUI thread before the first frame,
for a page most sessions never open.  :class:`LazyMap` stands in for it:
View → Map (key M), the toolbar's Map button and View → Online map tiles are
there from the start, as stand-ins at the places the map's own actions take;
the first time one of them is used (or :meth:`page` is called: ``--view
map``, the tests) ``ui.map.page.attach_map`` builds the page, its actions
replace the stand-ins where they stood, and the request is passed on (show
the map; switch the tiles, which asks the privacy question as before).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolBar

from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.settings import Settings

if TYPE_CHECKING:  # imported on first use (page()): the map is not part of the first frame
    from gallery_app.ui.map.page import MapPage
    from gallery_app.ui.window.main_window import MainWindow

# The texts and key of MapPage's own actions, so menus, keys and F1 read the same.
MAP_TEXT, MAP_KEY, MAP_TIP = "&Map", "M", "Map: where each photo was taken (M)"
TILES_TEXT = "Online map &tiles (OpenStreetMap)…"


class LazyMap(QObject):
    """Stand-in actions for the map; :meth:`page` attaches the real map once."""

    def __init__(
        self, window: MainWindow, settings: Settings, filter_state: FilterState, pool: QThreadPool
    ) -> None:
        super().__init__(window)
        self._window, self._settings, self._pool = window, settings, pool
        self._filter = filter_state
        self._page: MapPage | None = None
        self.show_action = QAction(MAP_TEXT, window)
        self.show_action.setShortcut(QKeySequence(MAP_KEY))
        self.show_action.setToolTip(MAP_TIP)
        self.show_action.triggered.connect(lambda: self.page().show())
        self.tiles_action = QAction(TILES_TEXT, window)
        self.tiles_action.setCheckable(True)
        self.tiles_action.setChecked(settings.map_online_tiles)
        self.tiles_action.toggled.connect(self._on_tiles_toggled)
        window.addAction(self.show_action)
        view = _view_menu(window)
        if view is not None:
            items = view.actions()
            before = items[1] if len(items) > 1 else None  # after "Back to grid", as the map's
            view.insertAction(before, self.show_action)  # type: ignore[arg-type]
            view.insertAction(before, self.tiles_action)  # type: ignore[arg-type]
        toolbar = window.findChild(QToolBar, "main_toolbar")
        if toolbar is not None:
            toolbar.insertAction(window.commands.prev, self.show_action)
            button = toolbar.widgetForAction(self.show_action)
            if button is not None:
                button.setAccessibleName("Map")

    def is_built(self) -> bool:
        return self._page is not None

    def page(self) -> MapPage:
        """The map page, attached now (in the stand-ins' places) if it was not yet."""
        if self._page is None:
            # Deferred for start-up: the map's widgets, basemap and tiles load on first use.
            from gallery_app.ui.map.page import attach_map

            window = self._window
            self._page = attach_map(window, self._settings, self._filter, self._pool)
            for stand_in in (self.show_action, self.tiles_action):
                for widget in stand_in.associatedObjects():
                    if isinstance(widget, (QMenu, QToolBar)):
                        widget.removeAction(stand_in)
                window.removeAction(stand_in)
            current = window.parts.grid.current_entry()
            if current is not None:
                self._page.set_current(current)
        return self._page

    def _on_tiles_toggled(self, on: bool) -> None:
        page = self.page()
        page.tiles_action.setChecked(on)  # the map asks before it goes online


def _view_menu(window: MainWindow) -> QMenu | None:
    for action in window.menuBar().actions():
        menu = action.menu()
        if isinstance(menu, QMenu) and action.text() == "&View":
            return menu
    return None
