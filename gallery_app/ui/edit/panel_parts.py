# SPDX-License-Identifier: GPL-3.0-or-later
"""Small pieces of the edit panel: the date hint, the record, the status line."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from gallery_app.core.gallery.labels import describe_precision
from gallery_app.core.isodate import parse_iso
from gallery_app.core.models import Correction
from gallery_app.ui.common.painting import is_dark


def date_hint(text: str) -> tuple[str, bool]:
    """What a typed date means ("known to the day · no time zone"), and whether it is bad."""
    text = text.strip()
    if not text:
        return "No date: the photo will be undated.", False
    try:
        taken = parse_iso(text, "")
    except ValueError as exc:
        return str(exc), True
    words = describe_precision(taken)
    if taken.precision.value in ("minute", "second"):
        if taken.utc_offset is None:
            words += " · no time zone (local time)"
        else:
            sign = "+" if taken.utc_offset >= 0 else "−"
            hours, minutes = divmod(abs(taken.utc_offset), 60)
            words += f" · UTC{sign}{hours:02d}:{minutes:02d}"
    return f"Reads as {taken.iso()}, {words}. Write YYYY-MM-DD, add THH:MM and +03:00.", False


def record_text(records: tuple[Correction, ...]) -> str:
    """The record of one entry, newest first, in plain words."""
    lines = []
    for record in reversed(records):
        line = f"{record.at[:16].replace('T', ' ')}  {record.field}: "
        line += f"“{_short(record.old)}” → “{_short(record.new)}”"
        if record.reading:
            line += f" (resolved: {record.reading})"
        if record.note:
            line += f" — {record.note}"
        lines.append(line)
    return "\n".join(lines) if lines else "No corrections yet."


def _short(value: str | None, limit: int = 60) -> str:
    if not value:
        return "(empty)"
    flat = " ".join(value.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def set_status(label: QLabel, text: str, *, error: bool = False) -> None:
    red = "#ef5350" if is_dark(label.palette()) else "#c62828"
    label.setStyleSheet(f"color: {red};" if error else "")
    label.setText(text)
    label.setProperty("error", error)
