# SPDX-License-Identifier: GPL-3.0-or-later
""" "Resolve…": choose a reading of a caption that contradicts itself, and say why.

Photo 6's caption says "Sunday, March 31, 2015", but March 31, 2015 was a
Tuesday.  The dialog offers the readings ``core.edits.conflicts`` derives
(Sunday, March 29 / Tuesday, March 31 / keep as uncertain) as radio buttons
and a note; the session records the choice and the note as a correction.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gallery_app.core.edits.conflicts import DateConflict, Reading


class ResolveDialog(QDialog):
    """Pick one reading of a date conflict, with a note."""

    def __init__(self, conflict: DateConflict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Resolve the date")
        self.setAccessibleName("Resolve the date conflict")
        self._conflict = conflict
        layout = QVBoxLayout(self)
        question = QLabel(conflict.warning + " Which reading is right?")
        question.setTextFormat(Qt.TextFormat.PlainText)
        question.setWordWrap(True)
        layout.addWidget(question)
        self._group = QButtonGroup(self)
        for index, reading in enumerate(conflict.readings):
            button = QRadioButton(reading.label)
            button.setAccessibleName(reading.label)
            button.setObjectName(f"reading_{reading.key}")
            self._group.addButton(button, index)
            layout.addWidget(button)
        self._group.button(0).setChecked(True)
        note_label = QLabel("&Note (why; kept with the correction):")
        self.note = QPlainTextEdit()
        self.note.setObjectName("resolve_note")
        self.note.setAccessibleName("Note")
        self.note.setTabChangesFocus(True)
        self.note.setPlaceholderText("Weekday says Sunday; the AP's own archive dates it March 29")
        self.note.setFixedHeight(self.note.fontMetrics().lineSpacing() * 4 + 12)
        note_label.setBuddy(self.note)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Resolve")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choose(self, key: str) -> None:
        for index, reading in enumerate(self._conflict.readings):
            if reading.key == key:
                self._group.button(index).setChecked(True)

    def reading(self) -> Reading:
        return self._conflict.readings[max(0, self._group.checkedId())]

    def note_text(self) -> str:
        return self.note.toPlainText().strip()
