# SPDX-License-Identifier: GPL-3.0-or-later
"""Days with photos, marked in the date pickers' calendars (bold, in the link colour).

The sorted list of days comes from the filter bar's per-day counts, made once
per gallery.  Only the page a calendar shows is marked — six weeks, found by
bisection — when the page turns, when the days change and when the palette
does, so a folder spanning 8,000 days costs a few dozen formats per page, not
8,000 per scan batch, and painting costs nothing extra.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate
from PySide6.QtGui import QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import QCalendarWidget

_PAGE_MARGIN = dt.timedelta(days=14)  # a page shows the ends of the months before and after


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class CalendarMarks:
    def __init__(self, calendars: Sequence[QCalendarWidget], colour: QColor) -> None:
        self._calendars = list(calendars)
        self._days: list[dt.date] = []
        self._colour = colour
        for calendar in self._calendars:
            calendar.currentPageChanged.connect(
                lambda _year, _month, c=calendar: self._mark_page(c)
            )

    def set_days(self, days: list[dt.date]) -> None:
        """``days`` (sorted) have photos; re-mark the shown pages when they changed."""
        if days != self._days:
            self._days = days
            self._mark_all()

    def set_colour(self, colour: QColor) -> None:
        if colour != self._colour:
            self._colour = colour
            self._mark_all()

    def _mark_all(self) -> None:
        for calendar in self._calendars:
            self._mark_page(calendar)

    def _mark_page(self, calendar: QCalendarWidget) -> None:
        calendar.setDateTextFormat(QDate(), QTextCharFormat())  # a null date clears them all
        first = dt.date(calendar.yearShown(), calendar.monthShown(), 1)
        lo = bisect.bisect_left(self._days, first - _PAGE_MARGIN)
        hi = bisect.bisect_right(self._days, first + dt.timedelta(days=31) + _PAGE_MARGIN)
        if lo == hi:
            return
        mark = QTextCharFormat()
        mark.setFontWeight(QFont.Weight.Bold)
        mark.setForeground(self._colour)
        for day in self._days[lo:hi]:
            calendar.setDateTextFormat(_qdate(day), mark)
