# SPDX-License-Identifier: GPL-3.0-or-later
"""Galleries as plain data for ``gallery-cli list --json`` and scripts.

Each entry has exactly the keys the README documents, in that order; absent
values are ``null``, never invented (an undated photo has ``"date": null``).
JSON is UTF-8, so the bytes of a file name that is not UTF-8 appear as U+FFFD
(the entry's warnings say so), as everywhere else a name is shown.
"""

from __future__ import annotations

from typing import Any

from gallery_app.core.gallery.records import correction_to_json
from gallery_app.core.models import Entry, Gallery, Location
from gallery_app.core.textdecode import printable

ENTRY_KEYS = (
    "id",
    "position",
    "image",
    "image_status",
    "width",
    "height",
    "orientation",
    "caption",
    "title",
    "date",
    "date_precision",
    "date_source",
    "location",
    "creator",
    "credit",
    "copyright",
    "file_photo",
    "context",
    "warnings",
    "keywords",
    "corrections",
)


def location_to_dict(loc: Location | None) -> dict[str, Any] | None:
    if loc is None:
        return None
    return {
        "name": loc.name,
        "sublocation": loc.sublocation,
        "city": loc.city,
        "region": loc.region,
        "country": loc.country,
        "country_code": loc.country_code,
        "lat": loc.lat,
        "lon": loc.lon,
        "source": loc.source,
    }


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    info = entry.info
    taken = entry.taken
    ctx = entry.context
    return {
        "id": printable(entry.id),
        "position": entry.position,
        "image": printable(str(entry.image)) if entry.image is not None else None,
        "image_status": entry.image_status.value,
        "width": info.width if info else None,
        "height": info.height if info else None,
        "orientation": info.orientation if info else None,
        "caption": entry.caption,
        "title": entry.title,
        "date": taken.iso() if taken else None,
        "date_precision": taken.precision.value if taken else None,
        "date_source": taken.source if taken else None,
        "location": location_to_dict(entry.location),
        "creator": entry.creator,
        "credit": entry.credit,
        "copyright": entry.copyright,
        "file_photo": entry.file_photo,
        "context": {
            "gallery_index": ctx.gallery_index,
            "paragraphs": list(ctx.paragraphs),
            "reason": ctx.reason,
        }
        if ctx
        else None,
        "warnings": [printable(w) for w in entry.warnings],
        "keywords": list(entry.keywords),
        "corrections": [correction_to_json(c) for c in entry.corrections],
    }


def gallery_to_dict(gallery: Gallery, entries: list[Entry] | None = None) -> dict[str, Any]:
    """``entries`` overrides the gallery's own (after a filter, say)."""
    art = gallery.article
    return {
        "gallery": {
            "id": printable(gallery.id),
            "title": printable(gallery.title),
            "source": printable(str(gallery.source)) if gallery.source else None,
            "article": {
                "headline": art.headline,
                "standfirst": art.standfirst,
                "lead_credit": art.lead_credit,
                "paragraphs": list(art.paragraphs),
                "url": art.url,
                "gallery_title": art.gallery_title,
                "gallery_index": art.gallery_index,
            }
            if art
            else None,
            "total": len(gallery.entries),
            "warnings": [printable(w) for w in gallery.warnings],
        },
        "entries": [entry_to_dict(e) for e in (gallery.entries if entries is None else entries)],
    }
