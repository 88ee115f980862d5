# SPDX-License-Identifier: GPL-3.0-or-later
"""The status bar's note of the map area filter, with a button that clears it.

Hidden while no area is set; it reads the shared filter, so an area set on
the map shows here whichever view is in front.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QWidget

from gallery_app.core.gallery.query import EntryFilter
from gallery_app.qt.models.filter_state import FilterState


class AreaStatus(QWidget):
    def __init__(self, filter_state: FilterState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._filter_state = filter_state
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName("Map area filter")
        self.clear_button = QToolButton(self)
        self.clear_button.setText("×")
        self.clear_button.setAutoRaise(True)
        self.clear_button.setToolTip("Clear the map area (Esc on the map)")
        self.clear_button.setAccessibleName("Clear the map area")
        self.clear_button.clicked.connect(lambda: filter_state.set_area(None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.clear_button)
        filter_state.changed.connect(self._on_filter_changed)
        self._on_filter_changed(filter_state.value)

    def _on_filter_changed(self, flt: EntryFilter) -> None:
        area = flt.area
        self.setVisible(area is not None)
        self.label.setText(f"Area: {area.describe()}" if area is not None else "")
