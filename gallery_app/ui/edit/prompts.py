# SPDX-License-Identifier: GPL-3.0-or-later
"""The questions editing asks: unsaved changes on closing, restoring a journal, a file
changed on disk.  Each is a plain-text QMessageBox with keyboard-ready default buttons."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


class Choice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def _box(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.setIcon(QMessageBox.Icon.Question)
    box.setAccessibleName(title)
    return box


def ask_unsaved(parent: QWidget | None, count: int) -> Choice:
    """ "Save 3 unsaved corrections before closing?" -> Save / Discard / Cancel."""
    box = _box(
        parent,
        "Unsaved corrections",
        f"Save {count} unsaved correction{'s' if count != 1 else ''} before closing?",
    )
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Discard | buttons.Cancel)
    box.setDefaultButton(buttons.Save)
    answer = box.exec()
    if answer == buttons.Save:
        return Choice.SAVE
    if answer == buttons.Discard:
        return Choice.DISCARD
    return Choice.CANCEL


def ask_restore(parent: QWidget | None, count: int, title: str) -> bool:
    """ "Restore 3 unsaved corrections?" after a crash or a kill."""
    box = _box(
        parent,
        "Restore unsaved corrections",
        f"Restore {count} unsaved correction{'s' if count != 1 else ''}"
        + (f" to “{title}”" if title else "")
        + "? Dateline was closed before they were saved.",
    )
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Yes | buttons.No)
    box.setDefaultButton(buttons.Yes)
    return bool(box.exec() == buttons.Yes)


def ask_changed_on_disk(parent: QWidget | None, message: str) -> bool:
    """Whether to add the corrections to the version another program wrote."""
    box = _box(
        parent,
        "Changed on disk",
        message
        + " Add your corrections to the new version (what the other program wrote is kept)?",
    )
    box.setIcon(QMessageBox.Icon.Warning)
    buttons = QMessageBox.StandardButton
    box.setStandardButtons(buttons.Save | buttons.Cancel)
    box.button(buttons.Save).setText("Add to the new version")
    box.setDefaultButton(buttons.Cancel)
    return bool(box.exec() == buttons.Save)
