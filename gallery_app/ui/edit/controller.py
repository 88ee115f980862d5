# SPDX-License-Identifier: GPL-3.0-or-later
"""Editing in the main window: the edit dock, the Edit menu, and the questions.

``install_editing`` (called by ``app.compose``) adds, without the window
knowing its insides: the edit panel as a dock beside the photo (Ctrl+E); an
Edit menu with Undo / Redo (the session's QUndoStack), Save corrections
(Ctrl+S) and Resolve…; the grid in extended selection so several photos can
be corrected at once.  It routes: gallery shown or rescanned -> session (the
pending corrections are laid over a rescan); session -> ``update_gallery``
(grid, timeline, filter and photo page show the corrected values);
selection or photo shown -> panel.  It asks before closing with unsaved
corrections and, once the first gallery is shown, offers to restore a journal
left by a session that ended before saving.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QThreadPool, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QMainWindow, QMenu

from gallery_app.core.edits.fields import EditError
from gallery_app.core.edits.journal import Journal, clear_journal, read_journal
from gallery_app.core.models import Entry, Gallery
from gallery_app.qt.edits.session import EditSession, same_source
from gallery_app.qt.models.photos import EntryRole
from gallery_app.qt.settings import Settings
from gallery_app.ui.edit import prompts
from gallery_app.ui.edit.panel import EditPanel

log = logging.getLogger(__name__)


class EditHost(Protocol):
    """What editing needs of the main window."""

    @property
    def gallery_shown(self) -> SignalInstance: ...
    @property
    def current_changed(self) -> SignalInstance: ...
    def update_gallery(self, gallery: Gallery) -> None: ...
    def open_path(self, path: Path | None) -> None: ...


class EditingController(QObject):
    """Owns the session and the panel; connects them to a main window."""

    def __init__(
        self,
        host: EditHost,
        window: QMainWindow,
        settings: Settings,
        pool: QThreadPool | None = None,
        *,
        ask: bool = True,
    ) -> None:
        super().__init__(window)
        self.host = host
        self.window = window
        self.session = EditSession(self, pool)
        self.panel = EditPanel(self.session, settings, window)
        self.dock = QDockWidget("Edit", window)
        self.dock.setObjectName("edit_dock")
        self.dock.setAccessibleName("Edit panel")
        self.dock.setWidget(self.panel)
        self.dock.setMinimumWidth(340)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.hide()
        self._ask = ask  # False for --screenshot: nothing may wait for an answer
        self._journal_checked = False
        self._restore_when_shown: Journal | None = None
        self._build_menu()
        window.installEventFilter(self)

    def _build_menu(self) -> None:
        bar = self.window.menuBar()
        menu = QMenu("&Edit", self.window)
        menu.setObjectName("edit_menu")
        after_file = bar.actions()[1] if len(bar.actions()) > 1 else None
        bar.insertMenu(after_file, menu) if after_file else bar.addMenu(menu)
        undo = self.session.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.session.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self._undo_redo = (undo, redo)
        self.session.saving_changed.connect(self._on_saving_changed)
        self.save_action = QAction("&Save corrections", self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.panel.save)
        self.save_action.setEnabled(False)
        self.session.dirty_changed.connect(self._on_dirty_changed)
        self.toggle_action = self.dock.toggleViewAction()
        self.toggle_action.setText("&Edit panel")
        self.toggle_action.setShortcut(QKeySequence("F2"))
        self.resolve_action = QAction("&Resolve date conflict…", self)
        self.resolve_action.triggered.connect(self._on_resolve)
        for action in (undo, redo, self.save_action, self.resolve_action, self.toggle_action):
            menu.addAction(action)
            self.window.addAction(action)  # shortcuts work while the menu bar is hidden

    # -- wiring ---------------------------------------------------------------------
    def connect_window(self, updated_signal: SignalInstance) -> None:
        """Listen to the window's gallery and photo, and to rescans (``updated_signal``)."""
        self.host.gallery_shown.connect(self._on_gallery_shown)
        self.host.current_changed.connect(self._on_current_changed)
        updated_signal.connect(self._on_gallery_updated)
        self.session.gallery_changed.connect(self.host.update_gallery)

    def connect_grid(self, grid: QAbstractItemView) -> None:
        # several photos at once for batch edits (Shift/Ctrl-click, Shift+arrows)
        grid.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._grid = grid
        grid.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def _on_gallery_shown(self, gallery: Gallery) -> None:
        if gallery is self.session.gallery():
            return
        previous = self.session.gallery()
        switching = previous is not None and not same_source(gallery.source, previous.source)
        if self.session.is_dirty() and switching and previous is not None:
            self._settle_before_switch(previous)
        self.session.set_gallery(gallery)
        self.panel.show_entries([])
        self._offer_journal(gallery)

    def _on_gallery_updated(self, gallery: Gallery) -> None:
        """A rescan or relink: the pending corrections are laid over the newer version."""
        if gallery is self.session.gallery():
            return
        self.session.set_gallery(gallery)
        shown = self.session.gallery()
        if self.session.is_dirty() and shown is not None and shown is not gallery:
            self.host.update_gallery(shown)

    def _on_current_changed(self, entry: Entry | None) -> None:
        if entry is not None:
            self.panel.show_entries([entry.id])

    def _on_selection_changed(self, *_args: QItemSelection) -> None:
        rows = self._grid.selectionModel().selectedIndexes()
        entries = [i.data(EntryRole) for i in sorted(rows, key=lambda i: i.row())]
        self.panel.show_entries([e.id for e in entries if isinstance(e, Entry)])

    def _on_dirty_changed(self, dirty: bool) -> None:
        self.save_action.setEnabled(dirty)
        title = self.window.windowTitle().removeprefix("● ")
        self.window.setWindowTitle(("● " if dirty else "") + title)

    def _on_saving_changed(self, saving: bool) -> None:
        """No undo, redo or save while a save runs in the background."""
        stack = self.session.undo_stack
        undo, redo = self._undo_redo
        undo.setEnabled(not saving and stack.canUndo())
        redo.setEnabled(not saving and stack.canRedo())
        self.save_action.setEnabled(not saving and self.session.is_dirty())

    def _on_resolve(self) -> None:
        self.dock.show()
        if self.panel.resolve_button.isVisibleTo(self.panel):
            self.panel.resolve_button.click()

    # -- questions ------------------------------------------------------------------
    def _settle_before_switch(self, previous: Gallery) -> None:
        count = self.session.pending_count()
        choice = prompts.ask_unsaved(self.window, count) if self._ask else prompts.Choice.CANCEL
        if choice is prompts.Choice.SAVE:
            self._save_or_keep()
        elif choice is prompts.Choice.DISCARD:
            self.session.discard()
        else:
            log.info("%d corrections of %s stay in the journal", count, previous.title)

    def _save_or_keep(self) -> bool:
        try:
            return self.panel.save(blocking=True)
        except EditError as exc:  # the panel says it; keep the journal
            log.warning("saving corrections failed: %s", exc)
            return False

    def _offer_journal(self, gallery: Gallery) -> None:
        pending = self._restore_when_shown
        if pending is not None and same_source(Path(pending.gallery), gallery.source):
            self._restore_when_shown = None
            self.session.restore(pending)
            self.dock.show()
            return
        if self._journal_checked or not self._ask:
            return
        self._journal_checked = True
        journal = read_journal()
        if journal is None:
            return
        if not prompts.ask_restore(self.window, journal.count, journal.title):
            clear_journal()
            return
        if same_source(Path(journal.gallery), gallery.source):
            self.session.restore(journal)
            self.dock.show()
        else:
            self._restore_when_shown = journal
            self.host.open_path(Path(journal.gallery))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and isinstance(event, QCloseEvent):
            return self._on_close(event)
        return False

    def _on_close(self, event: QCloseEvent) -> bool:
        """True (the close is stopped) when the user cancels or the save fails."""
        if self.session.is_saving():  # a background save is writing: let it finish first
            event.ignore()
            return True
        if not self.session.is_dirty() or not self._ask:
            return False
        choice = prompts.ask_unsaved(self.window, self.session.pending_count())
        if choice is prompts.Choice.DISCARD:
            self.session.discard()
            return False
        if choice is prompts.Choice.SAVE and self._save_or_keep():
            return False
        event.ignore()
        return True


def install_editing(
    host: EditHost,
    window: QMainWindow,
    grid: QAbstractItemView,
    settings: Settings,
    updated_signal: SignalInstance,
    pool: QThreadPool,
    *,
    ask: bool = True,
) -> EditingController:
    """Add editing to ``window`` (the ``MainWindow``, also ``host``); saves run on ``pool``."""
    controller = EditingController(host, window, settings, pool, ask=ask)
    controller.connect_window(updated_signal)
    controller.connect_grid(grid)
    return controller
