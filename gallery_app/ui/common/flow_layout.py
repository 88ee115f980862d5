# SPDX-License-Identifier: GPL-3.0-or-later
"""A layout that places its items in rows and wraps, like words in a line of text.

Used for the related-photo buttons under an article paragraph: a paragraph
related to nine photos must not make the article pane wider than the dock
(which used to add a horizontal scroll bar).  Height follows width, so a
scroll area with ``widgetResizable`` grows the page instead.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget, QWidgetItem


class FlowLayout(QLayout):
    """Items left to right, wrapping to a new row when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def insertWidget(self, index: int, widget: QWidget) -> None:
        """Put ``widget`` at ``index`` (a label before buttons added earlier)."""
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        """As narrow as the widest single item: everything else wraps."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _rows(self, width: int) -> list[list[tuple[QLayoutItem, QSize]]]:
        """The items, row by row, each at its hint (never wider than ``width``)."""
        rows: list[list[tuple[QLayoutItem, QSize]]] = []
        row: list[tuple[QLayoutItem, QSize]] = []
        x = 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            w = max(min(hint.width(), width), item.minimumSize().width())
            if row and x + w > width:
                rows.append(row)
                row, x = [], 0
            row.append((item, QSize(w, hint.height())))
            x += w + self._gap
        if row:
            rows.append(row)
        return rows

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the rows out (or only measure them); returns the height they take.

        Items that expand horizontally (a search field) share what is left of
        their row; items in a row are centred on its height.
        """
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = area.y()
        rows = self._rows(area.width())
        for row in rows:
            row_h = max(size.height() for _item, size in row)
            if place:
                used = sum(size.width() for _item, size in row) + self._gap * (len(row) - 1)
                growing = [
                    item
                    for item, _size in row
                    if item.expandingDirections() & Qt.Orientation.Horizontal
                ]
                extra = max(0, area.width() - used) // len(growing) if growing else 0
                x = area.x()
                for item, size in row:
                    w = size.width() + (extra if item in growing else 0)
                    top = y + (row_h - size.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(w, size.height())))
                    x += w + self._gap
            y += row_h + self._gap
        if rows:
            y -= self._gap
        return y - rect.y() + margins.bottom()
