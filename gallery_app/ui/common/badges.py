# SPDX-License-Identifier: GPL-3.0-or-later
"""The findings badge: a small pill saying "! 2" in a corner of a photo's card.

Shared by every view that shows a photo as a card (the grid; the timeline can
paint the same badge from ``FindingsRole``).  A warning is amber, a notice a
quiet tint of the highlight colour; both are mixed with the palette so they
read on light and dark themes, and the count is plain text.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette

from gallery_app.core.checks.findings import Finding, Severity
from gallery_app.ui.common.painting import is_dark, mix, scaled_font

_AMBER = QColor(222, 140, 20)


def badge_colours(palette: QPalette, severity: Severity) -> tuple[QColor, QColor]:
    """(fill, text) of a badge of ``severity`` for ``palette``."""
    dark = is_dark(palette)
    if severity is Severity.WARNING:
        fill = mix(_AMBER, palette.color(QPalette.ColorRole.Window), 0.15 if dark else 0.0)
        return fill, QColor(28, 20, 4)
    fill = mix(
        palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Highlight), 0.55
    )
    return fill, palette.color(QPalette.ColorRole.HighlightedText)


def badge_text(findings: Sequence[Finding]) -> str:
    return f"! {len(findings)}"


def findings_summary(findings: Sequence[Finding]) -> str:
    """Words for a tooltip or a screen reader: "2 findings: date, place"."""
    kinds = ", ".join(dict.fromkeys(f.kind.value for f in findings))
    noun = "finding" if len(findings) == 1 else "findings"
    return f"{len(findings)} {noun}: {kinds}"


def paint_findings_badge(
    painter: QPainter, square: QRectF, findings: Sequence[Finding], palette: QPalette, font: QFont
) -> None:
    """A pill at the top right corner of ``square`` (a card or a thumbnail)."""
    if not findings:
        return
    worst = (
        Severity.WARNING
        if any(f.severity is Severity.WARNING for f in findings)
        else Severity.NOTICE
    )
    fill, ink = badge_colours(palette, worst)
    small = scaled_font(font, 0.8, weight=QFont.Weight.Bold)
    text = badge_text(findings)
    metrics = QFontMetricsF(small)
    height = metrics.height() + 4
    width = max(height, metrics.horizontalAdvance(text) + 10)
    pill = QRectF(square.right() - width - 4, square.top() + 4, width, height)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(mix(fill, QColor(0, 0, 0), 0.35))
    painter.setBrush(fill)
    painter.drawRoundedRect(pill, height / 2, height / 2)
    painter.setPen(ink)
    painter.setFont(small)
    painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), text)
    painter.restore()
