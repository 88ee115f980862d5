# SPDX-License-Identifier: GPL-3.0-or-later
"""The window's small dialogs: open a gallery, pick a photo file, keyboard
shortcuts (F1), About, and an error sentence.

Each is a function taking its parent, so the window stays free of dialog
plumbing and tests can replace one function with a stub.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gallery_app import APP_NAME, __version__

GALLERY_FILTER = (
    "Galleries, articles and photos (*.json *.txt *.text *.md *.jpg *.jpeg *.png *.tif *.tiff "
    "*.webp *.heic *.heif);;Galleries (*.json);;Articles (*.txt *.text *.md);;All files (*)"
)
PHOTO_FILTER = "Images (*.jpg *.jpeg *.png *.tif *.tiff *.webp *.heic);;All files (*)"

# Keys a widget handles itself, listed in F1 next to the window's own shortcuts.
WIDGET_KEYS: tuple[tuple[str, str], ...] = (
    ("Enter / double-click", "Open the photo"),
    ("+ / −, wheel", "Zoom the photo"),
    ("0 / 1 (or Ctrl+0 / Ctrl+1)", "Fit the photo to the window / 100 %"),
    ("Ctrl+wheel", "Thumbnail size in the grid"),
    ("Slideshow: Space", "Pause or resume"),
    ("Slideshow: + / −", "Longer or shorter interval"),
    ("Slideshow: i or c", "Show or hide the caption"),
    ("Slideshow: l", "Loop on or off"),
    ("Slideshow: s", "Shuffle on or off"),
    ("Slideshow: r", "Reading time (longer captions stay longer) on or off"),
    ("Slideshow: x", "Cross-fade on or off"),
    ("Slideshow: → / ←, Home / End", "Next / previous, first / last photo"),
    ("Slideshow: f or F11", "Full screen on or off"),
    ("Slideshow: Esc", "Leave at the photo shown"),
    ("Esc (full screen)", "Leave full screen first, then back to the grid"),
    ("Timeline: Esc", "Clear the date filter"),
    ("Story timeline: → / ←, Home / End", "Next / previous photo in time order, first / last"),
    ("Story timeline: + / −, wheel, Y M W D H", "Zoom; one year, month, week, day or hour"),
    ("Story timeline: 0 / F", "Fit all / fit the date filter's days"),
    ("Story timeline: Shift+→ / ←, PageUp / PageDown", "Scroll"),
    ("Story timeline: drag across the axis", "Set the date filter (Esc clears it)"),
    ("Map: wheel, + / −, drag, arrows", "Zoom and pan; Ctrl+0 fits every photo"),
    ("Map: Shift+drag or a", "Filter by the area dragged or shown; Esc clears it"),
    ("Map: Space / BackSpace, Enter", "Select the next / previous photo, open it"),
)


def choose_gallery(parent: QWidget, start: Path | None = None) -> Path | None:
    """Ask for a gallery manifest, an article text or a photo (Open Folder takes folders)."""
    directory = str(start.parent if start is not None and start.is_file() else start or Path.home())
    dialog = QFileDialog(parent, "Open a gallery, an article or a photo", directory)
    dialog.setNameFilter(GALLERY_FILTER)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    dialog.setAccessibleName("Open")
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def choose_folder(parent: QWidget, start: Path | None = None) -> Path | None:
    """Ask for a folder of photos (every photo under it opens, in the order taken)."""
    directory = str(start.parent if start is not None and start.is_file() else start or Path.home())
    name = QFileDialog.getExistingDirectory(parent, "Open a folder of photos", directory)
    return Path(name) if name else None


def choose_photo_file(parent: QWidget) -> Path | None:
    """Ask for the photo file to link to an entry."""
    name, _ = QFileDialog.getOpenFileName(
        parent, "Link a photo file", str(Path.home()), PHOTO_FILTER
    )
    return Path(name) if name else None


def show_error(parent: QWidget, title: str, sentence: str) -> None:
    """Show one sentence (plain text, never markup from a file) in a warning box."""
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, sentence, QMessageBox.StandardButton.Ok, parent
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setAccessibleName(title)
    box.exec()


def show_about(parent: QWidget) -> None:
    box = QMessageBox(parent)
    box.setWindowTitle(f"About {APP_NAME}")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(f"{APP_NAME} {__version__}")
    box.setInformativeText(
        "A photo-gallery and caption viewer for reading galleries closely: captions with "
        "their dates, places and credits, a timeline, a slideshow and the article around them.\n\n"
        "Free software under the GNU General Public License, version 3 or later."
    )
    box.setAccessibleName(f"About {APP_NAME}")
    box.exec()


def shortcut_rows(actions: Sequence[QAction]) -> list[tuple[str, str]]:
    """(keys, what they do) for every action with a shortcut, then the widgets' keys."""
    rows = []
    for action in actions:
        keys = " or ".join(
            s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts()
        )
        if keys:
            rows.append((keys, action.text().replace("&", "").rstrip("…")))
    return rows + list(WIDGET_KEYS)


class ShortcutsDialog(QDialog):
    """F1: a two-column table of keys and what they do."""

    def __init__(self, rows: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        layout = QVBoxLayout(self)
        intro = QLabel("Everything in Dateline can be done from the keyboard:", self)
        layout.addWidget(intro)
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setAccessibleName("Shortcuts")
        self.table.setHorizontalHeaderLabels(["Keys", "Action"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, (keys, what) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(keys))
            self.table.setItem(r, 1, QTableWidgetItem(what))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(520, 560)


def show_shortcuts(parent: QWidget, actions: Sequence[QAction]) -> None:
    ShortcutsDialog(shortcut_rows(actions), parent).exec()
