# SPDX-License-Identifier: GPL-3.0-or-later
"""IIIF Presentation 3: the gallery as a Manifest, built with ``iiif-prezi3``, and read back.

The Manifest carries ``label``, ``summary`` (the standfirst), ``homepage`` (the
article, when it has a web address) and ``requiredStatement`` (the credit: a
IIIF viewer MUST show it).  Each photo is a Canvas with ``navDate``, a
thumbnail and the image as a static body (no image server needed); its
``metadata`` pairs hold the caption's claims (date at its precision, place,
creator, credit, findings) and ``navPlace`` (the IIIF extension) its point.  A
photo without a file is a placeholder Canvas that still carries its caption.
Reading back uses the same labels, so an export round-trips.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from gallery_app.core.exports.claims import PLACE_NAMES, Claims, claims_of, parse_date
from gallery_app.core.exports.media import MediaRef
from gallery_app.core.models import Article, Entry, Gallery, Location

NAVPLACE_CONTEXT = "http://iiif.io/api/extension/navplace/context.json"
PRESENTATION_CONTEXT = "http://iiif.io/api/presentation/3/context.json"
PLACEHOLDER_SIZE = (1600, 1200)
_LANG = "en"


def _text(value: str) -> dict[str, list[str]]:
    return {_LANG: [value]}


def _pairs(c: Claims) -> list[dict[str, Any]]:
    rows: list[tuple[str, str | None]] = [
        ("Identifier", c.id),
        ("Caption", c.caption),
        ("Title", c.title),
        ("Date", c.date),
        ("Date precision", c.precision),
        ("Date shown", c.display_date if c.uncertain else None),
        ("Creator", c.creator),
        ("Credit", c.credit),
        ("Copyright", c.copyright),
        ("File photo", "yes" if c.file_photo else None),
    ]
    if c.location is not None:
        rows += [(label, getattr(c.location, field)) for field, label in PLACE_NAMES]
        rows.append(("Place source", c.location.source))
    rows += [("Finding", finding) for finding in c.findings]
    return [{"label": _text(k), "value": _text(v)} for k, v in rows if v]


def _nav_date(c: Claims, entry: Entry) -> str | None:
    if entry.taken is None:
        return None
    return entry.taken.value.strftime("%Y-%m-%dT%H:%M:%S") + "Z"


def _canvas(manifest: Any, base: str, entry: Entry, media: MediaRef | None) -> None:
    c = claims_of(entry)
    cid = f"{base}canvas/{c.position}"
    width, height = PLACEHOLDER_SIZE
    if media is not None and media.width and media.height:
        width, height = media.width, media.height
    canvas = manifest.make_canvas(
        id=cid, label=_text(f"{c.position}. {c.headline}"), width=width, height=height
    )
    canvas.summary = _text(c.caption or "No caption")
    canvas.metadata = _pairs(c)
    canvas.requiredStatement = {"label": _text("Credit"), "value": _text(c.credit)}
    nav = _nav_date(c, entry)
    if nav:
        canvas.navDate = nav
    loc = c.location
    if loc is not None and loc.lat is not None and loc.lon is not None:
        canvas.add_navplace_feature(
            id=f"{cid}/place/1",
            feature_collection_id=f"{cid}/place",
            geometry={"type": "Point", "coordinates": [loc.lon, loc.lat]},
            properties={"label": _text(c.place or f"{loc.lat}, {loc.lon}")},
        )
    if media is None:
        return
    canvas.add_image(
        image_url=media.url,
        anno_page_id=f"{cid}/page",
        anno_id=f"{cid}/page/image",
        format="image/jpeg" if media.url.lower().endswith((".jpg", ".jpeg")) else None,
        width=width,
        height=height,
    )
    if media.thumbnail:
        canvas.thumbnail = [{"id": media.thumbnail, "type": "Image", "format": "image/jpeg"}]


def to_iiif(
    gallery: Gallery, entries: Sequence[Entry], media: Mapping[str, MediaRef], base: str
) -> dict[str, Any]:
    """The Manifest as JSON-ready data; ``base`` is the URI the export will live under."""
    # deferred: iiif-prezi3 (pydantic models) takes a while to import and only exports need it
    from iiif_prezi3 import Manifest

    base = base.rstrip("/") + "/"
    art = gallery.article
    manifest = Manifest(id=f"{base}manifest.json", label=_text(gallery.title))
    if art is not None and art.standfirst:
        manifest.summary = _text(art.standfirst)
    if art is not None and art.url and art.url.startswith(("http://", "https://")):
        manifest.homepage = [
            {"id": art.url, "type": "Text", "label": _text(art.headline), "format": "text/html"}
        ]
    credits = sorted({claims_of(e).credit for e in entries})
    manifest.requiredStatement = {
        "label": _text("Credit"),
        "value": _text("; ".join(credits) or "Unknown"),
    }
    if art is not None:
        manifest.metadata = [{"label": _text("Article"), "value": _text(art.headline)}]
    for entry in entries:
        _canvas(manifest, base, entry, media.get(entry.id))
    data: dict[str, Any] = json.loads(manifest.json())
    if any("navPlace" in item for item in data.get("items", [])):
        data["@context"] = [NAVPLACE_CONTEXT, PRESENTATION_CONTEXT]
    return data


def is_iiif(data: object) -> bool:
    return isinstance(data, dict) and data.get("type") == "Manifest" and "items" in data


def _first(value: object) -> str | None:
    """The first string of a IIIF language map."""
    if isinstance(value, dict):
        for strings in value.values():
            if isinstance(strings, list) and strings:
                return str(strings[0])
    return None


def _metadata(canvas: Mapping[str, Any]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for pair in canvas.get("metadata") or ():
        label, value = _first(pair.get("label")), _first(pair.get("value"))
        if label and value is not None:
            out.setdefault(label, []).append(value)
    return out


def _location(meta: Mapping[str, list[str]], canvas: Mapping[str, Any]) -> Location | None:
    fields: dict[str, Any] = {
        field: meta[label][0] for field, label in PLACE_NAMES if label in meta
    }
    features = ((canvas.get("navPlace") or {}).get("features")) or []
    if features:
        lon, lat = features[0].get("geometry", {}).get("coordinates", (None, None))[:2]
        fields.update(lat=lat, lon=lon)
    if not fields:
        return None
    source = meta.get("Place source")
    return Location(**fields, source=source[0] if source else None)


def _image(canvas: Mapping[str, Any], folder: Path) -> Path | None:
    for page in canvas.get("items") or ():
        for anno in page.get("items") or ():
            url = str((anno.get("body") or {}).get("id") or "")
            if url.startswith("file://"):
                return Path(url.removeprefix("file://"))
            if url and "://" not in url:
                return folder / url
    return None


def _entry_back(index: int, canvas: Mapping[str, Any], folder: Path) -> Entry:
    meta = _metadata(canvas)

    def one(label: str) -> str | None:
        values = meta.get(label)
        return values[0] if values else None

    taken = parse_date(one("Date"), one("Date precision"), "IIIF")
    if taken is not None and one("Date shown"):
        taken = type(taken)(taken.value, taken.precision, taken.source, taken.utc_offset, True)
    return Entry(
        id=one("Identifier") or str(index),
        position=index,
        image=_image(canvas, folder),
        caption=one("Caption") or _first(canvas.get("summary")) or "",
        title=one("Title"),
        taken=taken,
        location=_location(meta, canvas),
        creator=one("Creator"),
        credit=one("Credit") if one("Credit") != "Unknown" else None,
        copyright=one("Copyright"),
        file_photo=one("File photo") == "yes",
        warnings=tuple(meta.get("Finding", ())),
    )


def read_iiif(data: Mapping[str, Any], source: Path) -> Gallery:
    """A gallery from a IIIF Presentation 3 manifest (ours round-trips; others give labels)."""
    canvases = [c for c in data.get("items") or () if isinstance(c, dict)]
    entries = tuple(_entry_back(i, c, source.parent) for i, c in enumerate(canvases, start=1))
    title = _first(data.get("label")) or source.stem
    homepage = (data.get("homepage") or [{}])[0]
    article_title = _first(homepage.get("label")) or _first(
        ((data.get("metadata") or [{}])[0]).get("value")
    )
    article = None
    if article_title:
        article = Article(
            headline=article_title,
            standfirst=_first(data.get("summary")) or "",
            url=homepage.get("id"),
        )
    return Gallery(title=title, entries=entries, article=article, id=source.stem, source=source)
