# SPDX-License-Identifier: GPL-3.0-or-later
"""Grid cells painted once and then copied, until something they show changes.

A grid cell is a picture, a badge and three lines of laid-out text: about
0.3 ms of the GUI thread each, 10-12 ms for a screenful.  The grid repaints
every visible cell whenever rows are inserted (a scan's slice), so during a
scan that cost came back on almost every turn.  ``CellCache`` keeps the
painted cells (``QPixmap``, at the screen's pixel ratio) keyed by everything
the painting reads — the entry (the same object, or an equal one but for
its number, which no cell shows), the cell's size, its selected/hover/focus state, the
thumbnail (``QPixmap.cacheKey``) and its loading state, the badge, the
palette, the font and the thumbnail edge — so a cached copy is always what
painting afresh would give.  At most ``LIMIT`` cells are kept (a few
screenfuls; the least recently used go first).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import replace

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPainter, QPixmap

from gallery_app.core.models import Entry

LIMIT = 160  # cells kept: ~200 x 270 px each, ~35 MB at a pixel ratio of 1


class CellCache:
    """Painted cells by key; ``paint`` draws a cell from the cache or paints it first."""

    def __init__(self, limit: int = LIMIT) -> None:
        self._limit = limit
        self._cells: OrderedDict[Hashable, tuple[Entry, QPixmap]] = OrderedDict()

    def clear(self) -> None:
        self._cells.clear()

    def __len__(self) -> int:
        return len(self._cells)

    def paint(
        self,
        painter: QPainter,
        rect: QRect,
        entry: Entry,
        key: Hashable,
        paint: Callable[[QPainter, QRect], None],
    ) -> None:
        """Draw the cell ``key`` of ``entry`` at ``rect``; ``paint(painter, rect)`` makes it."""
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        full_key = (entry.id, key, rect.width(), rect.height(), ratio)
        found = self._cells.get(full_key)
        if found is not None and _same_card(found[0], entry):
            self._cells.move_to_end(full_key)
            painter.drawPixmap(rect.topLeft(), found[1])
            return
        pixmap = QPixmap(int(rect.width() * ratio + 0.5), int(rect.height() * ratio + 0.5))
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        cell = QPainter(pixmap)
        try:
            paint(cell, QRect(QPoint(0, 0), rect.size()))
        finally:
            cell.end()
        self._cells[full_key] = (entry, pixmap)
        while len(self._cells) > self._limit:
            self._cells.popitem(last=False)
        painter.drawPixmap(rect.topLeft(), pixmap)


def _same_card(before: Entry, entry: Entry) -> bool:
    """Whether ``entry`` paints as ``before``: the same object, or equal but for its number.

    A finished scan numbers its entries anew (new objects, same photos): the
    cells on screen need not be painted again for that.
    """
    if before is entry:
        return True
    if before.position != entry.position:
        entry = replace(entry, position=before.position)
    return entry == before
