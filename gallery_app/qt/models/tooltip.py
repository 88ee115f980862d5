# SPDX-License-Identifier: GPL-3.0-or-later
"""The tooltip of a photo in the grid: date, place, caption, credit and corrections, shown
literally."""

from __future__ import annotations

import html

from gallery_app.core.edits.conflicts import RESOLVED_PREFIX
from gallery_app.core.gallery.badges import badge_reasons
from gallery_app.core.gallery.labels import (
    credit_text,
    excerpt,
    format_date,
    heading_text,
    place_text,
)
from gallery_app.core.inert import isolate
from gallery_app.core.models import Entry


def correction_lines(entry: Entry) -> list[str]:
    """One line per corrected field: the current value's origin, the original and the note."""
    lines = []
    resolved = next((w for w in entry.warnings if w.startswith(RESOLVED_PREFIX)), None)
    if resolved:
        lines.append(isolate(resolved))
    for record in entry.corrections:
        if record.reading is not None:
            continue  # said by the resolved warning above
        was = excerpt(record.old or "(empty)", 60)
        note = f" — {isolate(record.note)}" if record.note else ""
        lines.append(f"Corrected {record.field} {record.at[:10]} (originally {isolate(was)}){note}")
    return lines


def tooltip_html(entry: Entry) -> str:
    """A tooltip that shows the caption literally.

    Qt guesses whether a tooltip is rich text, so a caption holding ``<b>``
    would be rendered; the ``<qt>`` wrapper forces rich text and every piece of
    entry text inside it is escaped, which shows it character for character.
    """
    lines = [format_date(entry.taken)]
    place = place_text(entry.location)
    if place:
        lines.append(place)
    body = excerpt(entry.caption, 400) if entry.caption else heading_text(entry)
    credit = credit_text(entry)
    parts = [f"<b>{html.escape(line)}</b>" for line in lines]
    parts.append(html.escape(body))
    if credit:
        parts.append(f"<i>{html.escape(credit)}</i>")
    parts += [f"⚠ {html.escape(reason)}" for reason in badge_reasons(entry)]
    parts.extend(html.escape(line) for line in correction_lines(entry))
    return "<qt>" + "<br>".join(parts) + "</qt>"
