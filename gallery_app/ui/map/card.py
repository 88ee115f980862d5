# SPDX-License-Identifier: GPL-3.0-or-later
"""The card shown while the pointer rests on a mark: which photo, when, where, and why there.

Painted with QPainter as plain text (captions are never read as markup),
kept inside the widget, and cut to a few lines so it never covers the map.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen

from gallery_app.core.geo.marks import Mark, MarkKind
from gallery_app.core.models import Entry
from gallery_app.ui.common.painting import mix, muted_text

CARD_WIDTH = 320.0
MAX_ENTRIES = 3

_WHY = {
    MarkKind.GPS: "GPS position from the photo file",
    MarkKind.GAZETTEER: "place named in the caption or the file, located by the gazetteer",
    MarkKind.STRETCH: "a stretch named in the caption, between two gazetteer places",
    MarkKind.REGION: "only a country (or an unknown province) is named; the whole country is drawn",
}
_WHY_PROVINCE = "only a province is named; the whole province is drawn"


def card_lines(
    entries: Sequence[Entry], marks: Sequence[Mark], total: int | None = None
) -> list[tuple[str, bool]]:
    """(text, is_heading) lines for the first photos under the pointer, of ``total``."""
    if not entries:
        return []
    total = len(entries) if total is None else total
    mark = marks[0] if marks else None
    place = mark.label if mark else (entries[0].location.label() if entries[0].location else "")
    head = place if total == 1 else f"{total:,} photos · {place}"
    lines: list[tuple[str, bool]] = [(head, True)]
    if mark is not None:
        lines.append((_WHY_PROVINCE if mark.province is not None else _WHY[mark.kind], False))
        if mark.disagreement is not None:
            d = mark.disagreement
            lines.append((f"The caption says {d.caption_place.name}, {d.km:,.0f} km away.", False))
    for entry in entries[:MAX_ENTRIES]:
        date = entry.taken.iso() if entry.taken else "undated"
        lines.append((f"{entry.position}. {date} — {entry.caption or entry.title or ''}", False))
    if total > MAX_ENTRIES:
        lines.append((f"and {total - MAX_ENTRIES:,} more", False))
    return lines


def paint_card(
    p: QPainter, anchor: QPointF, lines: list[tuple[str, bool]], palette: QPalette, bounds: QRectF
) -> QRectF:
    """Paint the card near ``anchor`` inside ``bounds``; returns where it went."""
    if not lines:
        return QRectF()
    base = palette.color(QPalette.ColorRole.ToolTipBase)
    text = palette.color(QPalette.ColorRole.ToolTipText)
    bold = QFont(p.font())
    bold.setBold(True)
    normal = QFont(p.font())
    laid: list[tuple[QRectF, str, QFont, QColor]] = []
    y = 8.0
    for line, heading in lines:
        font = bold if heading else normal
        fm = QFontMetricsF(font)
        elided = fm.elidedText(line, Qt.TextElideMode.ElideRight, (CARD_WIDTH - 16) * 2)
        box = fm.boundingRect(QRectF(8, y, CARD_WIDTH - 16, 1000), _FLAGS, elided)
        box.setHeight(min(box.height(), fm.lineSpacing() * 2 + 1))
        colour = text if heading else muted_text(_tooltip_palette(palette, base, text))
        laid.append((QRectF(8, y, CARD_WIDTH - 16, box.height()), elided, font, colour))
        y += box.height() + 4
    size = QRectF(0, 0, CARD_WIDTH, y + 4)
    x = anchor.x() + 16
    top = anchor.y() + 16
    if x + size.width() > bounds.right():
        x = anchor.x() - 16 - size.width()
    if top + size.height() > bounds.bottom():
        top = anchor.y() - 16 - size.height()
    x = max(bounds.left(), x)
    top = max(bounds.top(), top)
    card = size.translated(x, top)
    p.save()
    p.setPen(QPen(mix(base, text, 0.3), 1))
    p.setBrush(base)
    p.drawRoundedRect(card, 6, 6)
    for box, line, font, colour in laid:
        p.setFont(font)
        p.setPen(colour)
        p.drawText(box.translated(x, top), _FLAGS, line)
    p.restore()
    return card


_FLAGS = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop) | int(Qt.TextFlag.TextWordWrap)


def _tooltip_palette(palette: QPalette, base: QColor, text: QColor) -> QPalette:
    pal = QPalette(palette)
    pal.setColor(QPalette.ColorRole.Base, base)
    pal.setColor(QPalette.ColorRole.Text, text)
    return pal
