# SPDX-License-Identifier: GPL-3.0-or-later
"""Moving between photos in the main window: the grid page, the photo page, next and previous.

The main window holds one :class:`PhotoNavigation`, kept apart so the window's
file holds the building and the galleries, and this one the flow a user
follows through the photos: every move goes through the photos the shared
filter shows (``visible_entries``), so navigation, the "4 of 11" in the
caption panel and the status bar always agree with the grid.  It knows the
window's parts and its page stack, never the window itself; a move to another
photo is announced through ``current_changed``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget

from gallery_app.core.models import Entry
from gallery_app.ui.window.parts import Parts

GRID_PAGE, PHOTO_PAGE = 0, 1


class PhotoNavigation(QObject):
    """Grid page, photo page, and the moves between photos."""

    current_changed = Signal(object)  # Entry now on the photo page

    def __init__(
        self, parts: Parts, stack: QStackedWidget, count_label: QLabel, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._parts = parts
        self._stack = stack
        self._count_label = count_label
        self.current: Entry | None = None  # the photo on (or last on) the photo page

    def on_photo_page(self) -> bool:
        return self._stack.currentIndex() == PHOTO_PAGE

    def visible_entries(self) -> list[Entry]:
        visible: list[Entry] = self._parts.proxy.visible_entries()
        return visible

    def show_grid(self) -> None:
        self._stack.setCurrentIndex(GRID_PAGE)
        if self.current is not None:
            self.select_in_grid(self.current)
        self._parts.grid.setFocus()

    def open_entry(self, entry: Entry) -> None:
        """Show ``entry`` on the photo page, with its caption and filmstrip place."""
        visible = self.visible_entries()
        ids = [e.id for e in visible]
        index = ids.index(entry.id) if entry.id in ids else 0
        self.current = entry
        p = self._parts
        p.photo_view.show_entry(entry)
        p.caption_panel.show_entry(entry, index, len(visible), p.model.rowCount())
        p.filmstrip.set_current(entry)
        p.timeline.set_current(entry)
        self.select_in_grid(entry)
        self._stack.setCurrentIndex(PHOTO_PAGE)
        p.photo_view.setFocus()
        self.current_changed.emit(entry)

    def step(self, delta: int) -> None:
        visible = self.visible_entries()
        if not visible or self.current is None:
            return
        ids = [e.id for e in visible]
        index = ids.index(self.current.id) if self.current.id in ids else -1
        index = max(0, min(len(visible) - 1, index + delta))
        self.open_entry(visible[index])

    def go_to_end(self, *, first: bool) -> None:
        visible = self.visible_entries()
        if visible:
            self.open_entry(visible[0] if first else visible[-1])

    def selected_entry(self) -> Entry | None:
        """The photo on the photo page, or the grid's current one."""
        if self.on_photo_page():
            return self.current
        return self.grid_current_entry()

    def select_in_grid(self, entry: Entry) -> None:
        self._parts.grid.select_entry(entry.id)

    def grid_current_entry(self) -> Entry | None:
        entry: Entry | None = self._parts.grid.current_entry()
        return entry

    def on_filter_changed(self, _flt: object) -> None:
        if self.on_photo_page() and self.current is not None:
            visible = self.visible_entries()
            if visible and self.current.id not in {e.id for e in visible}:
                self.open_entry(visible[0])
            elif visible:
                self.open_entry(self.current)  # "4 of 11" follows the filter

    def on_count_changed(self, shown: int, total: int) -> None:
        noun = "photo" if total == 1 else "photos"
        self._count_label.setText(f"{shown} of {total} {noun} shown")
        current = self.current
        if current is not None and self.on_photo_page():
            proxy = self._parts.proxy  # "2 of 3" follows a scan's batches: O(1) per count
            index = proxy.row_of(current.id)
            if index >= 0:
                total = self._parts.model.rowCount()  # "4 of 11": the gallery's numbering
                self._parts.caption_panel.show_entry(current, index, proxy.rowCount(), total)
