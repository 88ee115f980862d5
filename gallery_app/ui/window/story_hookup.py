# SPDX-License-Identifier: GPL-3.0-or-later
"""The story timeline page and View → Sort by, wired into the main window.

Kept in one place so the window itself changes by a few lines: this object
adds the story page to the window's page stack, the View → Timeline action
(Ctrl+T), and View → Sort by (date taken, gallery order, file name, file
date, file size; descending), remembered per gallery in the settings.

Data flow: the photo model's rows (a throttled rebuild after a gallery is
shown, a scan's batches, a rescan) → :meth:`StoryPage.set_entries`; the grid's
current photo → the story's selection; a card chosen on the story → the
grid's selection; a card opened → the photo page.  The page itself is built
the first time it is shown (``LazyPage``): until then nothing is laid out for
it and its module is not even imported, so it costs the first frame nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, QThreadPool, QTimer, SignalInstance
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QStackedWidget, QWidget

from gallery_app.core.gallery.ordering import ORDER_LABELS, SortOrder
from gallery_app.core.models import Entry, Gallery
from gallery_app.core.store.links import gallery_key
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.settings import Settings
from gallery_app.ui.window.lazy_page import LazyPage
from gallery_app.ui.window.parts import Parts

if TYPE_CHECKING:  # imported when the page is first shown (_build_page)
    from gallery_app.ui.timeline.story_page import StoryPage


class StoryHost(Protocol):
    """What the story page needs of the window (not the window itself: no import cycle)."""

    parts: Parts
    stack: QStackedWidget

    @property
    def gallery(self) -> Gallery | None: ...
    @property
    def gallery_shown(self) -> SignalInstance: ...
    def open_entry(self, entry: Entry) -> None: ...
    def show_grid(self) -> None: ...
    def addAction(self, action: QAction) -> None: ...
    def menuBar(self) -> QMenuBar: ...


REBUILD_MS = 400  # a scan's batches: at most one story layout this often


class StoryHookup(QObject):
    """Owns the story page, its View menu actions and the sort order menu."""

    def __init__(
        self, window: StoryHost, settings: Settings, filter_state: FilterState, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._parent = parent
        self._settings = settings
        self._filter_state = filter_state
        self._pool: QThreadPool | None = None
        self._lazy = LazyPage(window.stack, self._build_page, "Story timeline page")
        self.index = self._lazy.index
        self._rebuild = QTimer(self)
        self._rebuild.setSingleShot(True)
        self._rebuild.setInterval(REBUILD_MS)
        self._rebuild.timeout.connect(self._on_rebuild)
        self._stale = False  # the rows changed while the page was hidden
        window.stack.currentChanged.connect(self._on_page_changed)
        model = window.parts.model
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._rebuild.start)  # restarts the timer: no work per signal
        window.gallery_shown.connect(self._on_gallery_shown)
        window.parts.grid.current_entry_changed.connect(self._on_grid_current)
        self.action = QAction("&Timeline", parent)
        self.action.setShortcut(QKeySequence("Ctrl+T"))
        self.action.setToolTip("The gallery as a story on a time axis (Ctrl+T)")
        self.action.triggered.connect(self.show_page)
        window.addAction(self.action)
        self.sort_menu = self._build_sort_menu()
        view_menu = next(
            (a.menu() for a in window.menuBar().actions() if a.text() == "&View"), None
        )
        if isinstance(view_menu, QMenu):
            self.add_to_menu(view_menu)

    def add_to_menu(self, view_menu: QMenu) -> None:
        """View → Timeline and View → Sort by, after the window's own view actions."""
        actions = view_menu.actions()
        if not actions:
            view_menu.addAction(self.action)
            view_menu.addMenu(self.sort_menu)
            return
        view_menu.insertAction(actions[0], self.action)
        view_menu.insertMenu(actions[0], self.sort_menu)
        view_menu.insertSeparator(actions[0])

    def use_pool(self, pool: QThreadPool) -> None:
        """The pool big galleries are laid out on (``app.compose`` hands the work pool)."""
        self._pool = pool
        if self._lazy.is_built():
            self.page.view.use_pool(pool)

    # -- the page ---------------------------------------------------------------
    @property
    def page(self) -> StoryPage:
        """The story page, built (and filled with the model's rows) on first use."""
        return self._lazy.widget()

    def _build_page(self) -> StoryPage:
        # Deferred for start-up: the story's widgets and text rules (~0.1 s of
        # imports) load when the timeline is first shown, not before the first frame.
        from gallery_app.ui.timeline.story_page import StoryPage

        window = self._window
        page = StoryPage(self._filter_state, parent=self._parent)
        page.set_thumbnail_source(window.parts.model)
        if self._pool is not None:
            page.view.use_pool(self._pool)
        page.current_changed.connect(self._on_story_current)
        page.open_requested.connect(window.open_entry)
        page.leave_requested.connect(window.show_grid)
        self._fill(page)
        current = window.parts.grid.current_entry()
        if current is not None:
            page.set_current(current)
        return page

    def show_page(self) -> None:
        current = self._window.parts.grid.current_entry()
        if self._lazy.is_built():
            self._rebuild_now()  # what the model holds now, not what it held 400 ms ago
        page = self.page  # built now, with the model's rows, the first time
        if current is not None:
            page.set_current(current)
        self._window.stack.setCurrentIndex(self.index)
        page.view.setFocus()

    def is_ready(self) -> bool:
        return not self._lazy.is_built() or not self.page.view.is_pending()

    def _on_rebuild(self) -> None:
        """Lay the story out again; while the page is hidden, only when it is next shown.

        Laying out 10,000 entries costs the GUI thread tens of milliseconds:
        a scan's pauses must not pay for it on a page nobody is looking at (and
        a story never shown is laid out when it is built).
        """
        self._rebuild.stop()
        if not self._lazy.is_built():
            return
        if self._window.stack.currentIndex() != self.index:
            self._stale = True
            return
        self._rebuild_now()

    def _on_page_changed(self, index: int) -> None:
        if index == self.index and self._stale and self._lazy.is_built():
            self._rebuild_now()

    def _rebuild_now(self) -> None:
        self._rebuild.stop()
        self._stale = False
        self._fill(self.page)

    def _fill(self, page: StoryPage) -> None:
        gallery = self._window.gallery
        article = gallery.article if gallery is not None else None
        page.set_entries(self._window.parts.model.entries(), article)

    def _on_grid_current(self, entry: Entry | None) -> None:
        if self._lazy.is_built():
            self.page.set_current(entry)

    def _on_story_current(self, entry: Entry | None) -> None:
        if entry is not None:
            self._window.parts.grid.select_entry(entry.id)

    # -- sort order ---------------------------------------------------------------
    def _build_sort_menu(self) -> QMenu:
        menu = QMenu("Sort &by", self._parent)
        group = QActionGroup(menu)
        self.order_actions: dict[SortOrder, QAction] = {}
        for order, label in ORDER_LABELS.items():
            action = menu.addAction(label)
            action.setCheckable(True)
            action.setData(order.value)
            group.addAction(action)
            action.triggered.connect(self._on_sort_chosen)
            self.order_actions[order] = action
        menu.addSeparator()
        self.descending_action = menu.addAction("&Descending")
        self.descending_action.setCheckable(True)
        self.descending_action.triggered.connect(self._on_sort_chosen)
        self._show_order("date", False)
        return menu

    def _show_order(self, order: str, descending: bool) -> None:
        self.order_actions[SortOrder(order)].setChecked(True)
        self.descending_action.setChecked(descending)

    def _on_gallery_shown(self, gallery: Gallery) -> None:
        order, descending = self._settings.sort_order(gallery_key(gallery))
        self._show_order(order, descending)
        self._window.parts.model.set_sort_order(order, descending)
        self._on_rebuild()

    def _on_sort_chosen(self) -> None:
        chosen = next(o for o, a in self.order_actions.items() if a.isChecked())
        descending = self.descending_action.isChecked()
        self._window.parts.model.set_sort_order(chosen.value, descending)
        gallery = self._window.gallery
        if gallery is not None:
            self._settings.set_sort_order(gallery_key(gallery), chosen.value, descending)
