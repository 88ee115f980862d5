# SPDX-License-Identifier: GPL-3.0-or-later
"""The tooltip of a photo in the grid: date, place, caption and credit, shown literally."""

from __future__ import annotations

import html

from gallery_app.core.gallery.badges import badge_reasons
from gallery_app.core.gallery.labels import credit_text, excerpt, format_date, place_text
from gallery_app.core.models import Entry


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
    body = excerpt(entry.caption, 400) if entry.caption else "No caption"
    credit = credit_text(entry)
    parts = [f"<b>{html.escape(line)}</b>" for line in lines]
    parts.append(html.escape(body))
    if credit:
        parts.append(f"<i>{html.escape(credit)}</i>")
    parts += [f"⚠ {html.escape(reason)}" for reason in badge_reasons(entry)]
    return "<qt>" + "<br>".join(parts) + "</qt>"
