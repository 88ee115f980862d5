# SPDX-License-Identifier: GPL-3.0-or-later
"""The filter bar: From / To dates, a preset per day, "include undated", file types, search.

Every control writes the shared :class:`FilterState` and is refreshed from it,
so the timeline, the command line (--from / --to) and this bar always agree.
A date picker at its minimum shows "Any" and means "no limit on this side".
The date pickers' calendars mark the days that have photos (bold, in the
link colour; ``CalendarMarks``), from the per-day counts the day presets use.
The file-type switch hides videos, files that cannot be shown and, if asked,
RAWs.  Typing in the search field is throttled: the filter is set 150 ms after
the last keystroke, so a gallery of thousands is not re-filtered per letter.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QDate, QEvent, QLocale, QSignalBlocker, Qt
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from gallery_app.core.gallery.file_types import CHOICES
from gallery_app.core.gallery.query import EntryFilter
from gallery_app.core.models import Entry
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.throttle import Throttle
from gallery_app.ui.common.flow_layout import FlowLayout
from gallery_app.ui.window.calendar_marks import CalendarMarks

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150
_ANY = "Any"
_ALL_DATES = "All dates"


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class _SearchEdit(QLineEdit):
    """A line edit where Esc first clears the text, then lets Esc travel on."""

    def event(self, event: QEvent) -> bool:
        # Claim Esc before the window's shortcut (leave full screen) while there is text.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
            and self.text()
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


def _group(parent: QWidget, *widgets: QWidget) -> QWidget:
    """Widgets that belong together (a label and its field) kept on one row."""
    box = QWidget(parent)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    for widget in widgets:
        row.addWidget(widget)
    return box


def _types_combo() -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName("File types")
    combo.setToolTip("Which files to show: hide videos and files that cannot be shown, or RAWs too")
    for label, hidden, _note in CHOICES:
        combo.addItem(label, hidden)
    return combo


def _search_field() -> _SearchEdit:
    edit = _SearchEdit()
    edit.setAccessibleName("Search")
    edit.setPlaceholderText("Search (Ctrl+F)")
    edit.setToolTip("Search captions, titles, creators, credits and places")
    edit.setClearButtonEnabled(True)
    edit.setMinimumWidth(220)
    return edit


class FilterBar(QWidget):
    """Date range, day presets, undated toggle and throttled search, in rows that wrap."""

    def __init__(self, filter_state: FilterState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = filter_state
        self._days: list[dt.date] = []
        self.setAccessibleName("Filter")

        self.from_edit = self._date_edit("From date", "Show photos taken on or after this day")
        self.to_edit = self._date_edit("To date", "Show photos taken on or before this day")
        self._marks = CalendarMarks(
            [self.from_edit.calendarWidget(), self.to_edit.calendarWidget()],
            self.palette().color(QPalette.ColorRole.Link),
        )
        self.preset_combo = QComboBox()
        self.preset_combo.setAccessibleName("Day")
        self.preset_combo.setToolTip("Show one day that has photos")
        # A fixed width: the bar must not change size (and reflow) with each gallery.
        self.preset_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.preset_combo.setMinimumContentsLength(17)
        self.all_dates_button = QPushButton(_ALL_DATES)
        self.all_dates_button.setAccessibleName("Show all dates")
        self.all_dates_button.setToolTip("Clear the date range")
        self.undated_check = QCheckBox("Include undated")
        self.undated_check.setAccessibleName("Include undated photos")
        self.undated_check.setToolTip("Also show photos with no date while a date range is set")
        self.types_combo = _types_combo()
        self.search_edit = _search_field()

        # Restarted by every keystroke: the filter follows the last one.
        self._search = Throttle(self._apply_search, SEARCH_DELAY_MS, self, restart=True)

        # Label and field pairs stay together; the groups wrap onto a second row
        # when the window is narrow (a laptop at 1024 px, a half-screen window),
        # and the search field takes what is left of its row.
        layout = FlowLayout(self, spacing=8)
        layout.setContentsMargins(6, 4, 6, 4)
        for group in (
            (self._label("&From", self.from_edit), self.from_edit),
            (self._label("&To", self.to_edit), self.to_edit),
            (self._label("&Day", self.preset_combo), self.preset_combo),
            (self.all_dates_button, self.undated_check),
            (self._label("F&iles", self.types_combo), self.types_combo),
        ):
            layout.addWidget(_group(self, *group))
        layout.addWidget(self.search_edit)

        self.from_edit.dateChanged.connect(self._on_dates_edited)
        self.to_edit.dateChanged.connect(self._on_dates_edited)
        self.preset_combo.activated.connect(self._on_preset_activated)
        self.all_dates_button.clicked.connect(self._state.clear_dates)
        self.undated_check.toggled.connect(self._state.set_include_undated)
        self.types_combo.activated.connect(self._on_types_activated)
        self.search_edit.textChanged.connect(self._on_text_edited)
        self.search_edit.returnPressed.connect(self.flush_search)
        filter_state.changed.connect(self._on_filter_changed)
        self.set_entries([])

    # -- public API -----------------------------------------------------------

    def set_entries(
        self, entries: Sequence[Entry], days: Mapping[dt.date, int] | None = None
    ) -> None:
        """Offer a preset per day that has photos, and bound the pickers near them.

        ``days``: photos per day, when the caller counted them already (a scan's tally).
        """
        counts = days
        if counts is None:
            counts = Counter(e.taken.day for e in entries if e.taken is not None)
        self._days = sorted(counts)
        self._marks.set_days(self._days)
        locale = QLocale()
        with QSignalBlocker(self.preset_combo):
            self.preset_combo.clear()
            self.preset_combo.addItem(_ALL_DATES, None)
            for day in self._days:
                label = locale.toString(_qdate(day), "ddd d MMM yyyy")
                self.preset_combo.addItem(f"{label} ({counts[day]})", day)
        # The minimum is the day before the first photo and reads "Any": a
        # picker's calendar then opens next to the photos, not in 1752.
        first = self._days[0] if self._days else dt.date.today()
        floor = _qdate(first - dt.timedelta(days=1))
        for edit in (self.from_edit, self.to_edit):
            with QSignalBlocker(edit):
                edit.setMinimumDate(floor)
                edit.setDate(floor)
        self._on_filter_changed(self._state.value)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light <-> dark: mark in the new colour
            self._marks.set_colour(self.palette().color(QPalette.ColorRole.Link))

    def marked_days(self, edit: QDateEdit) -> list[dt.date]:
        """The days ``edit``'s calendar shows as having photos."""
        formats = edit.calendarWidget().dateTextFormat()
        return sorted(_pydate(day) for day, fmt in formats.items() if fmt.fontWeight() > 500)

    def focus_search(self) -> None:
        """Ctrl+F: put the cursor in the search field with its text selected."""
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def flush_search(self) -> None:
        """Apply typed text now instead of after the throttle (Enter does this too)."""
        self._search.flush()

    # -- controls → filter ----------------------------------------------------

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        """A field's label, never narrower than its text (kerned "To" was clipped)."""
        label = QLabel(text)
        label.setBuddy(buddy)
        shown = text.replace("&", "")
        label.setMinimumWidth(label.fontMetrics().boundingRect(shown).width() + 4)
        return label

    def _date_edit(self, name: str, tip: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setSpecialValueText(_ANY)
        edit.setAccessibleName(name)
        edit.setToolTip(f"{tip}; “{_ANY}” means no limit; days in bold have photos")
        return edit

    def _edit_value(self, edit: QDateEdit) -> dt.date | None:
        if edit.date() == edit.minimumDate():
            return None
        return _pydate(edit.date())

    def _on_dates_edited(self) -> None:
        self._state.set_date_range(self._edit_value(self.from_edit), self._edit_value(self.to_edit))

    def _on_preset_activated(self, index: int) -> None:
        day = self.preset_combo.itemData(index)
        if isinstance(day, dt.date):
            self._state.set_date_range(day, day)
        else:
            self._state.clear_dates()

    def _on_types_activated(self, index: int) -> None:
        self._state.set_hidden_types(CHOICES[index][1])

    def _on_text_edited(self, _text: str) -> None:
        self._search.schedule()  # restarts: the filter follows the last keystroke

    def _apply_search(self) -> None:
        self._state.set_text(self.search_edit.text())

    # -- filter → controls ----------------------------------------------------

    def _on_filter_changed(self, flt: EntryFilter) -> None:
        self._show_date(self.from_edit, flt.date_from)
        self._show_date(self.to_edit, flt.date_to)
        with QSignalBlocker(self.preset_combo):
            index = 0
            if flt.date_from is not None and flt.date_from == flt.date_to:
                index = self._preset_index(flt.date_from)
            elif flt.has_date_range:
                index = -1  # a range: no preset describes it
            self.preset_combo.setCurrentIndex(index)
        with QSignalBlocker(self.undated_check):
            self.undated_check.setChecked(flt.include_undated)
        self.undated_check.setEnabled(flt.has_date_range)
        with QSignalBlocker(self.types_combo):
            choice = [hidden for _label, hidden, _note in CHOICES]
            index = choice.index(flt.hidden_types) if flt.hidden_types in choice else -1
            self.types_combo.setCurrentIndex(index)
        self.all_dates_button.setEnabled(flt.has_date_range)
        if flt.text != self.search_edit.text() and not self._search.pending():
            with QSignalBlocker(self.search_edit):
                self.search_edit.setText(flt.text)

    def _preset_index(self, day: dt.date) -> int:
        # findData() cannot compare Python dates stored as item data, so look by hand.
        for index in range(1, self.preset_combo.count()):
            if self.preset_combo.itemData(index) == day:
                return index
        return -1

    def _show_date(self, edit: QDateEdit, day: dt.date | None) -> None:
        with QSignalBlocker(edit):
            if day is None:
                edit.setDate(edit.minimumDate())
                return
            if _qdate(day) <= edit.minimumDate():
                # A limit before the gallery's first day (from the command line, say).
                edit.setMinimumDate(_qdate(day - dt.timedelta(days=1)))
            edit.setDate(_qdate(day))
