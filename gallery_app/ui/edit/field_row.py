# SPDX-License-Identifier: GPL-3.0-or-later
"""One editable field of the edit panel: label, editor, source, IPTC-IIM length.

The label is marked while the field differs from the entry ("edited": typed,
not yet applied) and while a correction of it waits to be saved ("unsaved").
The IPTC-IIM limit is counted in bytes as the user types and the excess is
said in words (IIM keeps only so many bytes; XMP keeps all).  Every text is
plain: editors never take rich text, labels are ``Qt.PlainText``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gallery_app.core.edits.fields import FIELDS, iim_excess
from gallery_app.ui.common.painting import is_dark

CLEAN, EDITED, UNSAVED = "clean", "edited", "unsaved"
_MARKS = {CLEAN: "", EDITED: "  ✎ edited", UNSAVED: "  ● unsaved"}
VARIOUS = "(various)"


def small_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
    font = label.font()
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
    label.setFont(font)
    return label


class FieldRow(QWidget):
    """Label + editor + "from …" + length; ``changed`` fires as the user types."""

    changed = Signal()

    def __init__(
        self, name: str, parent: QWidget | None = None, *, multiline: bool = False
    ) -> None:
        super().__init__(parent)
        self.name = name
        spec = FIELDS[name]
        self._baseline: str | None = None
        self._various = False
        self._state = CLEAN
        self._unsaved = False
        self.title = QLabel(spec.label)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.editor: QLineEdit | QPlainTextEdit
        if multiline:
            box = QPlainTextEdit()
            box.setTabChangesFocus(True)
            box.setFixedHeight(box.fontMetrics().lineSpacing() * 5 + 12)
            box.textChanged.connect(self._on_text_changed)
            self.editor = box
        else:
            line = QLineEdit()
            line.textEdited.connect(self._on_text_changed)
            self.editor = line
        self.editor.setObjectName(f"edit_{name}")
        self.editor.setAccessibleName(spec.label)
        self.title.setBuddy(self.editor)
        self.source = small_label(f"source_{name}")
        self.length = small_label(f"length_{name}")
        self.length.setVisible(spec.iptc_limit is not None)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(1)
        for widget in (self.title, self.editor, self.source, self.length):
            layout.addWidget(widget)

    # -- value ---------------------------------------------------------------
    def text(self) -> str:
        if isinstance(self.editor, QPlainTextEdit):
            return self.editor.toPlainText()
        return self.editor.text()

    def set_text(self, text: str) -> None:
        if isinstance(self.editor, QPlainTextEdit):
            self.editor.blockSignals(True)
            self.editor.setPlainText(text)
            self.editor.blockSignals(False)
        else:
            self.editor.setText(text)
        self._update_length()

    def type_text(self, text: str) -> None:
        """Put ``text`` in as if typed (a template, the gazetteer): marked as edited."""
        self.set_text(text)
        self._on_text_changed()

    def load(
        self, value: str | None, source: str, *, various: bool = False, unsaved: bool = False
    ) -> None:
        """Show ``value`` (or "(various)" for a selection that differs) and where it came from."""
        self._baseline = value
        self._various = various
        self.set_text("" if various else (value or ""))
        if isinstance(self.editor, QLineEdit):
            self.editor.setCursorPosition(0)  # a long place reads from its start
        self.editor.setPlaceholderText(VARIOUS if various else "")
        self.source.setText(f"from: {source}" if source else "")
        self._unsaved = unsaved
        self._set_state(UNSAVED if unsaved else CLEAN)

    def is_edited(self) -> bool:
        """Whether the user typed a value other than the one shown."""
        text = self.text().strip()
        if self._various:
            return bool(text)
        return text != (self._baseline or "").strip()

    def value(self) -> str | None:
        text = self.text().strip()
        return text or None

    def state(self) -> str:
        return self._state

    # -- marks ---------------------------------------------------------------
    def _set_state(self, state: str) -> None:
        self._state = state
        self.title.setText(FIELDS[self.name].label + _MARKS[state])
        font = self.title.font()
        font.setBold(state != CLEAN)
        self.title.setFont(font)
        self.editor.setAccessibleDescription(_MARKS[state].strip(" ✎●"))

    def _on_text_changed(self, *_args: object) -> None:
        self._update_length()
        if self.is_edited():
            self._set_state(EDITED)
        elif self._state == EDITED:
            self._set_state(UNSAVED if self._unsaved else CLEAN)
        self.changed.emit()

    def _update_length(self) -> None:
        limit = FIELDS[self.name].iptc_limit
        if limit is None:
            return
        text = self.text().strip()
        used = max((len(p.encode("utf-8")) for p in text.split(";")), default=0)
        over = iim_excess(self.name, "; ".join(p.strip() for p in text.split(";")))
        unit = "bytes a keyword" if self.name == "keywords" else "bytes"
        message = f"{used} / {limit} {unit} (IPTC-IIM)"
        if over:
            message += f" — {over} over: IIM keeps only {limit}, XMP keeps all"
        self.length.setText(message)
        palette = self.palette()
        red = "#ef5350" if is_dark(palette) else "#c62828"
        self.length.setStyleSheet(f"color: {red};" if over else "")
        self.length.setProperty("over", bool(over))
