# SPDX-License-Identifier: GPL-3.0-or-later
"""Moving between photos in the main window: the grid page, the photo page, next and previous.

A mixin of :class:`~gallery_app.ui.window.main_window.MainWindow`, kept apart so the
window's file holds the building and the galleries, and this one the flow a
user follows through the photos: every move goes through the photos the
shared filter shows (``visible_entries``), so navigation, the "4 of 11" in
the caption panel and the status bar always agree with the grid.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gallery_app.core.models import Entry

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QLabel, QStackedWidget

    from gallery_app.ui.slideshow.launcher import SlideshowLauncher
    from gallery_app.ui.window.parts import Parts

GRID_PAGE, PHOTO_PAGE = 0, 1


class PhotoNavigation:
    """Grid page, photo page, and the moves between photos (a MainWindow mixin)."""

    if TYPE_CHECKING:  # provided by MainWindow
        parts: Parts
        stack: QStackedWidget
        count_label: QLabel
        grid_action: QAction
        slideshows: SlideshowLauncher
        current_changed: Any
        _current: Entry | None
        _photo_actions: list[QAction]

        def isFullScreen(self) -> bool: ...

        def toggle_fullscreen(self) -> None: ...

    @property
    def current_entry(self) -> Entry | None:
        return self._current

    def visible_entries(self) -> list[Entry]:
        visible: list[Entry] = self.parts.proxy.visible_entries()
        return visible

    def show_grid(self) -> None:
        self.stack.setCurrentIndex(GRID_PAGE)
        if self._current is not None:
            self.select_in_grid(self._current)
        self.parts.grid.setFocus()

    def open_entry(self, entry: Entry) -> None:
        """Show ``entry`` on the photo page, with its caption and filmstrip place."""
        visible = self.visible_entries()
        ids = [e.id for e in visible]
        index = ids.index(entry.id) if entry.id in ids else 0
        self._current = entry
        p = self.parts
        p.photo_view.show_entry(entry)
        p.caption_panel.show_entry(entry, index, len(visible))
        p.filmstrip.set_current(entry)
        p.timeline.set_current(entry)
        self.select_in_grid(entry)
        self.stack.setCurrentIndex(PHOTO_PAGE)
        p.photo_view.setFocus()
        self.current_changed.emit(entry)

    def step(self, delta: int) -> None:
        visible = self.visible_entries()
        if not visible or self._current is None:
            return
        ids = [e.id for e in visible]
        index = ids.index(self._current.id) if self._current.id in ids else -1
        index = max(0, min(len(visible) - 1, index + delta))
        self.open_entry(visible[index])

    def go_to_end(self, *, first: bool) -> None:
        visible = self.visible_entries()
        if visible:
            self.open_entry(visible[0] if first else visible[-1])

    def _selected_entry(self) -> Entry | None:
        if self.stack.currentIndex() == PHOTO_PAGE:
            return self._current
        return self._grid_current_entry()

    def select_in_grid(self, entry: Entry) -> None:
        self.parts.grid.select_entry(entry.id)

    def _grid_current_entry(self) -> Entry | None:
        entry: Entry | None = self.parts.grid.current_entry()
        return entry

    def _on_page_changed(self, index: int) -> None:
        self._set_photo_actions_enabled(index == PHOTO_PAGE)

    def _set_photo_actions_enabled(self, enabled: bool) -> None:
        # On the grid page the list view moves with the arrows itself.
        for action in self._photo_actions:
            action.setEnabled(enabled)
        # Esc also leaves full screen, on either page (not while a show has the keys).
        showing = self.slideshows.is_showing()
        self.grid_action.setEnabled(enabled or (self.isFullScreen() and not showing))

    def on_escape(self) -> None:
        """Esc: leave full screen first, then go back to the grid."""
        if self.isFullScreen():
            self.toggle_fullscreen()
        else:
            self.show_grid()

    def _on_filter_changed(self, _flt: object) -> None:
        if self.stack.currentIndex() == PHOTO_PAGE and self._current is not None:
            visible = self.visible_entries()
            if visible and self._current.id not in {e.id for e in visible}:
                self.open_entry(visible[0])
            elif visible:
                self.open_entry(self._current)  # "4 of 11" follows the filter

    def _on_count_changed(self, shown: int, total: int) -> None:
        noun = "photo" if total == 1 else "photos"
        self.count_label.setText(f"{shown} of {total} {noun} shown")
        current = self._current
        if current is not None and self.stack.currentIndex() == PHOTO_PAGE:
            ids = [e.id for e in self.visible_entries()]  # "2 of 3" follows a scan's batches
            if current.id in ids:
                self.parts.caption_panel.show_entry(current, ids.index(current.id), len(ids))
