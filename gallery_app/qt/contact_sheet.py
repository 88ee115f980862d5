# SPDX-License-Identifier: GPL-3.0-or-later
"""The contact sheet: a PDF of the gallery for print, drawn by Qt's ``QPdfWriter``.

A title page (the article's headline, the gallery's title and span, how many
photos), then N photos a page (2 × 3 by default), each with "n of N", its date,
place, caption, credit and findings; a placeholder box for a photo not included;
page numbers; A4 or Letter from the locale.  Text is drawn as plain text, never
rich text.  Photos are decoded at the size they are printed (``QImageReader``
with a scaled size).  The file is written to a temporary name and moved into
place, so a cancelled or failed run leaves no half PDF.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QImageReader,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from gallery_app.core.errors import DatelineError
from gallery_app.core.exports.claims import claims_of
from gallery_app.core.exports.media import has_photo
from gallery_app.core.gallery.labels import format_date
from gallery_app.core.models import Entry, Gallery

DPI = 300
WARN = QColor(154, 91, 0)
MUTED = QColor(90, 90, 90)


def default_paper() -> QPageSize.PageSizeId:
    """Letter where the locale measures in inches (US and a few others), else A4."""
    imperial = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return QPageSize.PageSizeId.Letter if imperial else QPageSize.PageSizeId.A4


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(points)
    font.setBold(bold)
    return font


def _span(entries: Sequence[Entry]) -> str:
    dated = sorted(e.taken.value for e in entries if e.taken is not None)
    if not dated:
        return "Undated"
    first = next(e.taken for e in entries if e.taken and e.taken.value == dated[0])
    last = next(e.taken for e in entries if e.taken and e.taken.value == dated[-1])
    a, b = format_date(first), format_date(last)
    return a if a == b else f"{a} – {b}"


def _title_page(p: QPainter, page: QRectF, gallery: Gallery, entries: Sequence[Entry]) -> None:
    art = gallery.article
    y = page.top() + page.height() * 0.25
    blocks = [
        (_font(22, True), art.headline if art else gallery.title),
        (_font(14), gallery.title if art else ""),
        (_font(12), f"{_span(entries)} · {len(entries)} photos"),
        (_font(11), art.standfirst if art else ""),
    ]
    for font, text in blocks:
        if not text:
            continue
        p.setFont(font)
        box = p.boundingRect(QRectF(page.left(), y, page.width(), page.height()), _WRAP, text)
        p.drawText(QRectF(page.left(), y, page.width(), box.height()), _WRAP, text)
        y += box.height() + 40


_WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)


def _photo(p: QPainter, box: QRectF, entry: Entry) -> None:
    image = QImage()
    if has_photo(entry) and entry.image is not None:
        reader = QImageReader(os.fspath(entry.image))
        reader.setAutoTransform(True)
        size = reader.size()
        if size.isValid():
            size.scale(
                QSize(int(box.width()), int(box.height())), Qt.AspectRatioMode.KeepAspectRatio
            )
            reader.setScaledSize(size)
        image = reader.read()
    if image.isNull():
        p.setPen(QPen(MUTED, 3, Qt.PenStyle.DashLine))
        p.drawRect(box)
        p.setFont(_font(9))
        p.drawText(box, int(Qt.AlignmentFlag.AlignCenter), "Photo not included")
        return
    shown = image.size().scaled(box.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
    x = box.left() + (box.width() - shown.width()) / 2
    p.drawImage(QRectF(x, box.top(), shown.width(), shown.height()), image)


def _cell(p: QPainter, box: QRectF, entry: Entry, total: int) -> None:
    c = claims_of(entry)
    picture = QRectF(box.left(), box.top(), box.width(), box.height() * 0.55)
    _photo(p, picture, entry)
    y = picture.bottom() + 25
    lines = [
        (_font(8, True), QColor(0, 0, 0), f"{c.position} of {total} · {c.display_date}"),
        (_font(8), MUTED, c.place or "Place unknown"),
        (_font(8), QColor(0, 0, 0), c.caption or "No caption"),
        (_font(7), MUTED, c.credit),
        *((_font(7), WARN, f"⚠ {f}") for f in c.findings),
    ]
    for font, colour, text in lines:
        room = box.bottom() - y
        if room <= 0:
            break
        p.setFont(font)
        p.setPen(colour)
        need = p.boundingRect(QRectF(box.left(), y, box.width(), 10_000), _WRAP, text).height()
        p.drawText(QRectF(box.left(), y, box.width(), min(need, room)), _WRAP, text)
        y += min(need, room) + 8


def write_contact_sheet(
    gallery: Gallery,
    entries: Sequence[Entry],
    out: Path,
    *,
    columns: int = 2,
    rows: int = 3,
    paper: QPageSize.PageSizeId | None = None,
    on_progress: Callable[[int, int], None] = lambda done, total: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> int:
    """Draw the PDF; the number of pages.  Needs a QGuiApplication."""
    per_page = max(1, columns * rows)
    pages = 1 + max(1, -(-len(entries) // per_page))
    temporary = out.with_name(f".{out.name}.part")
    writer = QPdfWriter(os.fspath(temporary))
    writer.setResolution(DPI)
    writer.setTitle(gallery.title)
    writer.setCreator("Dateline")
    writer.setPageSize(QPageSize(paper or default_paper()))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    painter = QPainter()
    if not painter.begin(writer):
        raise DatelineError(f"{out}: the PDF cannot be written here.")
    try:
        _draw(painter, writer, gallery, entries, columns, rows, pages, on_progress, cancelled)
    finally:
        painter.end()
    if cancelled():
        temporary.unlink(missing_ok=True)
        raise DatelineError("The export was cancelled; nothing was written.")
    os.replace(temporary, out)
    return pages


def _draw(
    p: QPainter,
    writer: QPdfWriter,
    gallery: Gallery,
    entries: Sequence[Entry],
    columns: int,
    rows: int,
    pages: int,
    on_progress: Callable[[int, int], None],
    cancelled: Callable[[], bool],
) -> None:
    page = QRectF(writer.pageLayout().paintRectPixels(DPI))
    page.moveTo(0, 0)
    body = QRectF(page.left(), page.top(), page.width(), page.height() - 80)
    _title_page(p, body, gallery, entries)
    _footer(p, page, 1, pages)
    gap = 60.0
    width = (body.width() - gap * (columns - 1)) / columns
    height = (body.height() - gap * (rows - 1)) / rows
    for index, entry in enumerate(entries):
        if cancelled():
            return
        slot = index % (columns * rows)
        if slot == 0:
            writer.newPage()
            _footer(p, page, 2 + index // (columns * rows), pages)
        col, row = slot % columns, slot // columns
        box = QRectF(
            body.left() + col * (width + gap), body.top() + row * (height + gap), width, height
        )
        _cell(p, box, entry, len(gallery.entries))
        on_progress(index + 1, len(entries))


def _footer(p: QPainter, page: QRectF, number: int, pages: int) -> None:
    p.setFont(_font(7))
    p.setPen(MUTED)
    foot = QRectF(page.left(), page.bottom() - 50, page.width(), 50)
    p.drawText(
        foot,
        int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
        f"Page {number} of {pages}",
    )
