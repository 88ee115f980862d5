# SPDX-License-Identifier: GPL-3.0-or-later
"""The story timeline page: zoom buttons and the range shown, the axis, the selected card.

Composes :class:`StoryView` and :class:`StoryCard`; the window gives it the
gallery's entries and wires ``open_requested`` and ``current_changed``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from gallery_app.core.models import Article, Entry
from gallery_app.core.story.ticks import ZOOM_UNITS, Unit
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.models.photos import PhotoModel
from gallery_app.ui.timeline.story_card import StoryCard
from gallery_app.ui.timeline.story_text import range_text
from gallery_app.ui.timeline.story_view import StoryView

_UNIT_KEYS = {Unit.YEAR: "Y", Unit.MONTH: "M", Unit.WEEK: "W", Unit.DAY: "D", Unit.HOUR: "H"}


class StoryPage(QWidget):
    """The story view with its buttons and the selected photo's card."""

    open_requested = Signal(object)  # Entry
    current_changed = Signal(object)  # Entry | None
    leave_requested = Signal()  # Esc with no date filter to clear: back to the grid

    def __init__(
        self,
        filter_state: FilterState,
        pool: QThreadPool | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName("Story timeline page")
        self.view = StoryView(filter_state, pool, self)
        self.card = StoryCard(self)
        self.heading = QLabel()
        self.heading.setAccessibleName("Time shown")
        self.heading.setMinimumWidth(0)
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # A tool bar: when the window is narrow its buttons fold into a » menu.
        self.toolbar = QToolBar("Timeline zoom", self)
        self.toolbar.setAccessibleName("Timeline zoom")
        self.buttons: dict[str, QAction] = {}
        for unit in ZOOM_UNITS:
            key = _UNIT_KEYS[unit]
            self._button(unit.value.capitalize(), f"Show one {unit.value} ({key})", key,
                         lambda _=False, u=unit: self.view.zoom_to_unit(u))  # fmt: skip
        self._button("−", "Zoom out (−)", "-", lambda: self.view.zoom_by(1 / 1.5))
        self._button("+", "Zoom in (+)", "+", lambda: self.view.zoom_by(1.5))
        self._button("Fit all", "Show the whole time span (0)", "0", self.view.fit_all)
        self._button(
            "Fit selection", "Show the date filter's days (F)", "F", self.view.fit_selection
        )
        bar = QHBoxLayout()
        bar.setContentsMargins(8, 0, 0, 0)
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.toolbar, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.card)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self.view.view_changed.connect(self._update_heading)
        self.view.current_changed.connect(self._on_current_changed)
        self.view.open_requested.connect(self.open_requested)
        self.card.open_requested.connect(self.open_requested)
        self.setFocusProxy(self.view)
        self._total = 0

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.leave_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def _button(self, text: str, tip: str, key: str, slot: object) -> None:
        action = self.toolbar.addAction(text)
        action.setToolTip(tip)
        action.triggered.connect(slot)
        button = self.toolbar.widgetForAction(action)
        if button is not None:
            button.setAccessibleName(tip)
        self.buttons[key] = action

    def set_thumbnail_source(self, model: PhotoModel) -> None:
        self.view.set_thumbnail_source(model)

    def set_entries(self, entries: Sequence[Entry], article: Article | None = None) -> None:
        self._total = len(entries)
        self.view.set_entries(entries, article)
        self.card.show_entry(self.view.current_entry(), self._total)

    def set_current(self, entry: Entry | None) -> None:
        self.view.set_current(entry)
        self.card.show_entry(self.view.current_entry(), self._total)

    def _on_current_changed(self, entry: Entry | None) -> None:
        self.card.show_entry(entry, self._total)
        self.current_changed.emit(entry)

    def _update_heading(self) -> None:
        t0, t1 = self.view.visible_span()
        story = self.view.story()
        breaks = len(story.axis.breaks)
        extra = f" · {breaks} break{'s' if breaks != 1 else ''} in the axis" if breaks else ""
        self.heading.setText(f"{range_text(t0, t1)}{extra}")
