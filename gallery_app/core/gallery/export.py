# SPDX-License-Identifier: GPL-3.0-or-later
"""Galleries as plain data for ``gallery-cli list --json`` and scripts.

Each entry has exactly the keys the README documents, in that order; absent
values are ``null``, never invented (an undated photo has ``"date": null``).
Paragraphs are counted from 1 in ``context.paragraphs``, as in the ``reason``
text and everywhere a person reads them (the manifest file itself stores
0-based indices, as it always has).  JSON is UTF-8, so the bytes of a file
name that is not UTF-8 appear as U+FFFD (the entry's warnings say so), as
everywhere else a name is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gallery_app.core.gallery.records import correction_to_json
from gallery_app.core.models import Entry, Gallery, Location
from gallery_app.core.textdecode import printable


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


def _same(name: str) -> Callable[[Entry], dict[str, Any]]:
    return lambda entry: {name: getattr(entry, name)}


def _image(entry: Entry) -> dict[str, Any]:
    image = printable(str(entry.image)) if entry.image is not None else None
    return {"image": image, "image_status": entry.image_status.value}


def _info(entry: Entry) -> dict[str, Any]:
    info = entry.info
    return {
        "width": info.width if info else None,
        "height": info.height if info else None,
        "orientation": info.orientation if info else None,
    }


def _taken(entry: Entry) -> dict[str, Any]:
    taken = entry.taken
    return {
        "date": taken.iso() if taken else None,
        "date_precision": taken.precision.value if taken else None,
        "date_source": taken.source if taken else None,
    }


def _context(entry: Entry) -> dict[str, Any]:
    ctx = entry.context
    if ctx is None:
        return {"context": None}
    return {
        "context": {
            "gallery_index": ctx.gallery_index,
            # Counted from 1, as the reason and a reader count them: paragraph n is
            # gallery.article.paragraphs[n - 1].
            "paragraphs": [index + 1 for index in ctx.paragraphs],
            "reason": ctx.reason,
        }
    }


#: The JSON keys of each ``Entry`` field, declared once and in output order; a
#: field of ``Entry`` missing here fails a test, so a new field cannot be forgotten.
ENTRY_EXPORT: dict[str, Callable[[Entry], dict[str, Any]]] = {
    "id": lambda entry: {"id": printable(entry.id)},
    "position": _same("position"),
    "image": _image,
    "info": _info,
    "caption": _same("caption"),
    "title": _same("title"),
    "taken": _taken,
    "location": lambda entry: {"location": location_to_dict(entry.location)},
    "creator": _same("creator"),
    "credit": _same("credit"),
    "copyright": _same("copyright"),
    "file_photo": _same("file_photo"),
    "context": _context,
    "warnings": lambda entry: {"warnings": [printable(w) for w in entry.warnings]},
    "keywords": lambda entry: {"keywords": list(entry.keywords)},
    "corrections": lambda entry: {
        "corrections": [correction_to_json(c) for c in entry.corrections]
    },
    "field_sources": lambda entry: {"sources": dict(entry.field_sources)},
    # The file's own metadata, kept apart for the checks: its disagreements with the
    # caption reach scripts as sentences in "warnings" (and in `gallery-cli check --json`).
    "file": lambda _entry: {},
}
_SAMPLE = Entry(id="", position=0)
ENTRY_KEYS: tuple[str, ...] = tuple(k for f in ENTRY_EXPORT.values() for k in f(_SAMPLE))


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for export in ENTRY_EXPORT.values():
        out.update(export(entry))
    return out


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
