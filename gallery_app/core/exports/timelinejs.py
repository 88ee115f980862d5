# SPDX-License-Identifier: GPL-3.0-or-later
"""Knight Lab TimelineJS 3 JSON: write a gallery as a story, and read one back.

Written: a title slide from the article (headline, standfirst, link); one event
per photo with ``start_date`` at the photo's precision (a day-only date has no
hour), ``display_date`` when the date is in doubt, ``text`` (headline and the
caption, HTML-escaped: TimelineJS renders ``text`` as HTML), ``media`` (url,
thumbnail, caption, credit — always filled —, alt, link back to the article),
``unique_id`` and ``group`` per day.  Undated photos cannot sit on a TimelineJS
axis: they are left out and counted in the result.  A ``dateline`` object per
event keeps what TimelineJS has no field for (place, creator, precision,
findings), so the file reads back losslessly; TimelineJS ignores it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from gallery_app.core.exports.claims import claims_of, parse_date
from gallery_app.core.exports.media import MediaRef
from gallery_app.core.models import Article, Entry, Gallery, Location

FORMAT_KEY = "dateline"
_DATE_KEYS = ("year", "month", "day", "hour", "minute", "second")
_PRECISION_KEYS = {"year": 1, "month": 2, "day": 3, "minute": 5, "second": 6}


def _start_date(entry: Entry) -> dict[str, Any] | None:
    taken = entry.taken
    if taken is None:
        return None
    v = taken.value
    values = (v.year, v.month, v.day, v.hour, v.minute, v.second)
    count = _PRECISION_KEYS[taken.precision.value]
    return {key: str(value) for key, value in zip(_DATE_KEYS[:count], values, strict=False)}


def _text(headline: str, caption: str, findings: Sequence[str]) -> dict[str, str]:
    body = f"<p>{html.escape(caption)}</p>"
    if findings:
        items = "".join(f"<li>{html.escape(f)}</li>" for f in findings)
        body += f"<p>Checks:</p><ul>{items}</ul>"
    return {"headline": html.escape(headline), "text": body}


def _title_slide(gallery: Gallery) -> dict[str, Any]:
    art = gallery.article
    text = html.escape(art.standfirst) if art and art.standfirst else ""
    if art and art.url and art.url.startswith(("http://", "https://")):
        text += f' <a href="{html.escape(art.url)}">Read the article</a>'
    headline = art.headline if art else gallery.title
    return {"text": {"headline": html.escape(headline), "text": text.strip()}}


def _event(entry: Entry, media: MediaRef | None, link: str | None) -> dict[str, Any] | None:
    start = _start_date(entry)
    if start is None:
        return None
    c = claims_of(entry)
    event: dict[str, Any] = {
        "start_date": start,
        "text": _text(c.headline, c.caption, c.findings),
        "unique_id": f"photo-{c.id}",
        "group": f"{entry.taken.value.day} {entry.taken.value:%B %Y}" if entry.taken else "Undated",
        FORMAT_KEY: _extension(entry),
    }
    if c.uncertain:
        event["display_date"] = c.display_date
    if media is not None:
        event["media"] = {
            "url": media.url,
            "thumbnail": media.thumbnail,
            "caption": html.escape(c.place),
            "credit": html.escape(c.credit),
            "alt": c.headline,
        }
        if link:
            event["media"]["link"] = link
    return event


def _extension(entry: Entry) -> dict[str, Any]:
    c = claims_of(entry)
    loc = c.location
    return {
        "id": c.id,
        "position": c.position,
        "caption": c.caption,
        "title": entry.title,
        "date": c.date,
        "precision": c.precision,
        "uncertain": c.uncertain,
        "location": None if loc is None else {k: v for k, v in vars(loc).items() if v is not None},
        "creator": c.creator,
        "credit": entry.credit,
        "copyright": c.copyright,
        "file_photo": c.file_photo,
        "findings": list(c.findings),
    }


def to_timelinejs(
    gallery: Gallery, entries: Sequence[Entry], media: Mapping[str, MediaRef]
) -> tuple[dict[str, Any], int]:
    """The TimelineJS document, and how many undated photos were left out."""
    link = gallery.article.url if gallery.article else None
    if link and not link.startswith(("http://", "https://")):
        link = None
    events = [_event(e, media.get(e.id), link) for e in entries]
    kept = [e for e in events if e is not None]
    doc = {"title": _title_slide(gallery), "events": kept}
    return doc, len(events) - len(kept)


def is_timelinejs(data: object) -> bool:
    return isinstance(data, dict) and isinstance(data.get("events"), list) and "items" not in data


def _unescape(text: object) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", str(text or ""))).strip()


def _entry_back(index: int, event: Mapping[str, Any], base: Path) -> Entry:
    ext = event.get(FORMAT_KEY)
    if not isinstance(ext, dict):
        ext = _plain_event(event)
    taken = parse_date(ext.get("date"), ext.get("precision"), "TimelineJS")
    if taken is not None and ext.get("uncertain"):
        taken = type(taken)(taken.value, taken.precision, taken.source, taken.utc_offset, True)
    loc = ext.get("location")
    url = (event.get("media") or {}).get("url")
    image = base / url if isinstance(url, str) and "://" not in url else None
    return Entry(
        id=str(ext.get("id") or index),
        position=int(ext.get("position") or index),
        image=image,
        caption=str(ext.get("caption") or ""),
        title=ext.get("title"),
        taken=taken,
        location=Location(**loc) if isinstance(loc, dict) else None,
        creator=ext.get("creator"),
        credit=ext.get("credit"),
        copyright=ext.get("copyright"),
        file_photo=bool(ext.get("file_photo")),
        warnings=tuple(str(f) for f in ext.get("findings") or ()),
    )


def _plain_event(event: Mapping[str, Any]) -> dict[str, Any]:
    """A TimelineJS event written by another tool: its date, text and credit."""
    start = event.get("start_date") or {}
    parts = [str(start[k]).zfill(2 if k != "year" else 4) for k in _DATE_KEYS[:3] if k in start]
    media = event.get("media") or {}
    text = event.get("text") or {}
    return {
        "date": "-".join(parts) or None,
        "caption": _unescape(text.get("text")),
        "title": _unescape(text.get("headline")) or None,
        "credit": _unescape(media.get("credit")) or None,
    }


def read_timelinejs(data: Mapping[str, Any], source: Path) -> Gallery:
    """A gallery from a TimelineJS document (ours round-trips; others give what they hold)."""
    events = [e for e in data.get("events", []) if isinstance(e, dict)]
    entries = tuple(_entry_back(i, e, source.parent) for i, e in enumerate(events, start=1))
    title = _unescape(((data.get("title") or {}).get("text") or {}).get("headline"))
    article = Article(headline=title) if title else None
    return Gallery(
        title=title or source.stem,
        entries=tuple(sorted(entries, key=lambda e: e.position)),
        article=article,
        id=source.stem,
        source=source,
    )
