# SPDX-License-Identifier: GPL-3.0-or-later
"""The selected photo's full card beside the story axis.

Caption, date with its precision and source, the readings of an uncertain
date and why, place, credit, warnings and whether it is a file photo — all
plain text.  "Photo 4 of 11" is the gallery's own numbering, whatever order
the timeline walks in.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from gallery_app.core.gallery.badges import badge_reasons
from gallery_app.core.gallery.labels import (
    credit_text,
    describe_precision,
    format_date,
    place_text,
)
from gallery_app.core.gallery.uncertainty import date_span
from gallery_app.core.models import Entry
from gallery_app.ui.timeline.story_paint import StoryColours
from gallery_app.ui.timeline.story_text import when_text

WIDTH = 300


def _label(name: str, *, bold: bool = False, muted: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(name)
    if bold:
        font = QFont(label.font())
        font.setWeight(QFont.Weight.DemiBold)
        label.setFont(font)
    if muted:
        label.setProperty("muted", True)
    return label


class StoryCard(QScrollArea):
    """The full card of one photo; ``open_requested`` when its button is pressed."""

    open_requested = Signal(object)  # Entry

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entry: Entry | None = None
        self._total = 0
        self.setWidgetResizable(True)
        self.setMinimumWidth(100)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName("Selected photo")
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        self.title = _label("Photo number", bold=True)
        self.when = _label("Date", bold=True)
        self.precision = _label("How the date is known", muted=True)
        self.uncertainty = _label("Why the date is uncertain")
        self.caption = _label("Caption")
        self.place = _label("Place")
        self.credit = _label("Credit", muted=True)
        self.warnings = _label("Warnings")
        self.open_button = QPushButton("Open photo")
        self.open_button.setAccessibleName("Open the selected photo")
        self.open_button.clicked.connect(self._on_open)
        for widget in (
            self.title,
            self.when,
            self.precision,
            self.uncertainty,
            self.caption,
            self.place,
            self.credit,
            self.warnings,
        ):
            layout.addWidget(widget)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_entry(None, 0)

    def sizeHint(self) -> QSize:
        return QSize(WIDTH, 420)

    def show_entry(self, entry: Entry | None, total: int) -> None:
        self._entry, self._total = entry, total
        self.open_button.setEnabled(entry is not None)
        if entry is None:
            self.title.setText("No photo selected")
            for label in (self.when, self.precision, self.uncertainty, self.place, self.credit):
                label.clear()
            self.caption.setText("Click a card, or press → to walk the photos in time order.")
            self.warnings.hide()
            self.uncertainty.hide()
            return
        self.title.setText(f"Photo {entry.position} of {total}")
        span = date_span(entry)
        conflict = span is not None and span.conflicting
        self.when.setText(when_text(span, entry) if conflict else format_date(entry.taken))
        precision = describe_precision(entry.taken)
        self.precision.setText(precision + (" · a file photo" if entry.file_photo else ""))
        reason = span.reason if span is not None else ""
        self.uncertainty.setText(f"⚠ {reason}" if reason else "")
        self.uncertainty.setVisible(bool(reason))
        self.caption.setText(entry.caption or "No caption.")
        self.place.setText(place_text(entry.location) or "Place unknown")
        self.credit.setText(credit_text(entry))
        others = [w for w in badge_reasons(entry) if w != reason]
        self.warnings.setText("\n".join(f"⚠ {w}" for w in others))
        self.warnings.setVisible(bool(others))
        self._colour_warnings()

    def entry(self) -> Entry | None:
        return self._entry

    def _colour_warnings(self) -> None:
        colours = StoryColours.of(self.palette())
        for label, colour in (
            (self.uncertainty, colours.warning),
            (self.warnings, colours.warning),
            (self.precision, colours.muted),
            (self.credit, colours.muted),
        ):
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            label.setPalette(palette)

    def _on_open(self) -> None:
        if self._entry is not None:
            self.open_requested.emit(self._entry)
