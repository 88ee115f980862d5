# SPDX-License-Identifier: GPL-3.0-or-later
"""What the photo view knows about an entry without reading its file, and the
credit it paints on the photo's corner.

Kept apart from :mod:`gallery_app.ui.photo.view`, which holds the zoom, pan
and decode flow.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPalette

from gallery_app.core.models import Entry, ImageStatus
from gallery_app.ui.common.painting import scaled_font


def has_file(entry: Entry) -> bool:
    """Whether there is a photo file to decode (else the placeholder card shows)."""
    return entry.image is not None and entry.image_status not in (
        ImageStatus.NONE,
        ImageStatus.MISSING,
    )


def known_size(entry: Entry) -> QSize:
    """The photo's size after EXIF rotation, if the metadata scan recorded it.

    Never reads the file: the GUI thread must not wait on a disk.  An unknown
    size comes from the decoded image instead.
    """
    info = entry.info
    if info is not None and info.width and info.height:
        size = QSize(info.width, info.height)
        return size.transposed() if info.orientation in (5, 6, 7, 8) else size
    return QSize()


def paint_credit(
    painter: QPainter, photo: QRectF, credit: str, base: QFont, palette: QPalette
) -> None:
    """The credit on the photo's lower right corner, on a dark backing: always readable."""
    if not credit or photo.width() < 80:
        return
    font = scaled_font(base, 0.85)
    metrics = QFontMetricsF(font)
    text = metrics.elidedText(credit, Qt.TextElideMode.ElideLeft, photo.width() - 24)
    width = metrics.horizontalAdvance(text) + 12
    height = metrics.height() + 6
    box = QRectF(photo.right() - width - 6, photo.bottom() - height - 6, width, height)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    backing = palette.color(QPalette.ColorRole.Shadow)
    backing.setAlphaF(0.55)
    painter.setBrush(backing)
    painter.drawRoundedRect(box, 4, 4)
    painter.setPen(Qt.GlobalColor.white)
    painter.setFont(font)
    painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), text)
