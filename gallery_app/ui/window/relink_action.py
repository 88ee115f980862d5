# SPDX-License-Identifier: GPL-3.0-or-later
"""File → "Relink missing photos…": pick a folder, the Relinker finds the photos.

The action is enabled while the gallery on screen has photos that are
missing or were never included; the result updates the window in place and
the status bar says how many photos were linked.  A relink can take a while:
when the user has opened another gallery meanwhile (the session's generation
moved on), the links are still kept for the gallery they belong to, but the
result no longer touches the window, which shows something else now.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import SignalInstance
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenuBar, QStatusBar, QWidget

from gallery_app.core.inert import file_name
from gallery_app.core.models import Gallery
from gallery_app.qt.loading.relinker import Relinker, needs_relinking
from gallery_app.qt.loading.session import GallerySession
from gallery_app.ui.window import dialogs
from gallery_app.ui.window.actions import WindowActions
from gallery_app.ui.window.file_menu import add_to_file_menu


class RelinkHost(Protocol):
    """What the relink action needs of the main window."""

    session: GallerySession
    commands: WindowActions

    @property
    def gallery(self) -> Gallery | None: ...
    @property
    def gallery_shown(self) -> SignalInstance: ...
    def update_gallery(self, gallery: Gallery) -> None: ...
    def statusBar(self) -> QStatusBar: ...
    def menuBar(self) -> QMenuBar: ...


def choose_folder(window: QWidget) -> Path | None:
    """Ask for the folder to look for the photos in."""
    name = QFileDialog.getExistingDirectory(
        window, "Relink missing photos: choose the folder that holds them", str(Path.home())
    )
    return Path(name) if name else None


class RelinkAction(QAction):
    """The menu action and its round trip through the Relinker."""

    def __init__(self, window: RelinkHost, relinker: Relinker, parent: QWidget) -> None:
        super().__init__("Re&link missing photos…", parent)
        self.setToolTip("Find this gallery's missing photos in a folder and link them")
        self.setEnabled(False)
        self._window = window
        self._parent = parent  # the dialogs' parent (the window itself)
        self._relinker = relinker
        self.choose_folder = choose_folder  # tests replace the dialog
        self._generation = -1  # the window's gallery generation the relink was started in
        self.triggered.connect(self._on_triggered)
        window.gallery_shown.connect(self._on_gallery)
        relinker.relinked.connect(self._on_relinked)
        relinker.failed.connect(self._on_failed)
        add_to_file_menu(window.menuBar(), window.commands.open_file, self, parent)

    def _on_gallery(self, gallery: Gallery) -> None:
        self.setEnabled(needs_relinking(gallery))

    def _on_triggered(self) -> None:
        gallery = self._window.gallery
        if not needs_relinking(gallery):
            return
        assert gallery is not None
        folder = self.choose_folder(self._parent)
        if folder is None:
            return
        self._window.statusBar().showMessage(f"Looking for the photos in {file_name(folder.name)}…")
        self._generation = self._window.session.generation
        self._relinker.relink(gallery, folder)

    def _on_relinked(self, gallery: Gallery, count: int) -> None:
        if self._generation != self._window.session.generation:
            return  # another gallery is on screen now; the links are saved for the old one
        bar = self._window.statusBar()
        if count:
            self._window.update_gallery(gallery)
            noun = "photo" if count == 1 else "photos"
            bar.showMessage(f"Linked {count} {noun}.", 8000)
        else:
            bar.showMessage("No matching photos were found in that folder.", 8000)
        self.setEnabled(needs_relinking(self._window.gallery))

    def _on_failed(self, sentence: str) -> None:
        if self._generation != self._window.session.generation:
            return
        self._window.statusBar().showMessage(sentence, 10000)
        dialogs.show_error(self._parent, "Could not relink", sentence)
