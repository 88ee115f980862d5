# SPDX-License-Identifier: GPL-3.0-or-later
"""The status bar's note of the file-type switch, with a button that shows all files.

Hidden while every file is shown; it reads the shared filter, so the note is
there whichever view is in front (grid, photo, timeline, map), beside the
"5 of 11 photos shown" count and the map's area note.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStatusBar, QToolButton, QWidget

from gallery_app.core.gallery.file_types import describe_hidden
from gallery_app.core.gallery.query import EntryFilter
from gallery_app.qt.models.filter_state import FilterState


class FileTypesStatus(QWidget):
    def __init__(self, filter_state: FilterState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName("File type filter")
        self.show_all_button = QToolButton(self)
        self.show_all_button.setText("×")
        self.show_all_button.setAutoRaise(True)
        self.show_all_button.setToolTip("Show all files again")
        self.show_all_button.setAccessibleName("Show all file types")
        self.show_all_button.clicked.connect(lambda: filter_state.set_hidden_types(frozenset()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)  # apart from the "5 of 11 photos shown" count
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.show_all_button)
        filter_state.changed.connect(self._on_filter_changed)
        self._on_filter_changed(filter_state.value)

    def _on_filter_changed(self, flt: EntryFilter) -> None:
        text = describe_hidden(flt.hidden_types)
        self.label.setText(text)
        self.setVisible(bool(text))


def install_file_types_status(bar: QStatusBar, filter_state: FilterState) -> FileTypesStatus:
    """Put the note in ``bar``, after the "5 of 11 photos shown" count."""
    status = FileTypesStatus(filter_state, bar)
    bar.addPermanentWidget(status)
    return status
