# SPDX-License-Identifier: GPL-3.0-or-later
"""Corrected values as XMP properties through the exiv2 library, and the record.

One table maps each field to its XMP property (the IPTC Photo Metadata / MWG
choice: dc:description, photoshop:Headline, photoshop:DateCreated,
Iptc4xmpCore:Location, photoshop:City/State/Country, Iptc4xmpCore:CountryCode,
exif:GPSLatitude/Longitude, dc:creator, photoshop:Credit, dc:rights,
dc:subject).  exiv2 builds the RDF (language alternatives, ordered and
unordered lists, escaping) — XMP is never assembled from string templates,
where one caption with "<" or "&" or a stray quote would make the sidecar
unreadable to every tool.  The record of corrections goes into a Dateline
namespace as an ordered list of structures, which exiftool and exiv2 show
and other programs keep untouched.
"""

from __future__ import annotations

import functools
from typing import Any

from gallery_app.core.edits.fields import FIELDS
from gallery_app.core.models import Correction, Entry

NAMESPACE = "https://dateline.invalid/ns/1.0/"
PREFIX = "dateline"
RECORD_KEY = f"Xmp.{PREFIX}.Corrections"
_RECORD_PARTS = ("Field", "Old", "New", "At", "Note", "Reading")

# field -> (exiv2 key, kind): kind "text", "lang" (x-default alternative), "seq", "bag", "gps"
XMP_KEYS: dict[str, tuple[str, str]] = {
    "caption": ("Xmp.dc.description", "lang"),
    "headline": ("Xmp.photoshop.Headline", "text"),
    "date": ("Xmp.photoshop.DateCreated", "text"),
    "sublocation": ("Xmp.iptc.Location", "text"),
    "city": ("Xmp.photoshop.City", "text"),
    "region": ("Xmp.photoshop.State", "text"),
    "country": ("Xmp.photoshop.Country", "text"),
    "country_code": ("Xmp.iptc.CountryCode", "text"),
    "lat": ("Xmp.exif.GPSLatitude", "gps"),
    "lon": ("Xmp.exif.GPSLongitude", "gps"),
    "creator": ("Xmp.dc.creator", "seq"),
    "credit": ("Xmp.photoshop.Credit", "text"),
    "copyright": ("Xmp.dc.rights", "lang"),
    "keywords": ("Xmp.dc.subject", "bag"),
}


@functools.cache
def exiv2_module() -> Any:
    """The exiv2 binding, its Dateline namespace registered once (not at import)."""
    import exiv2  # deferred: libexiv2 loads only when a sidecar is read or written

    exiv2.XmpProperties.registerNs(NAMESPACE, PREFIX)
    return exiv2


def gps_text(value: float, positive: str, negative: str) -> str:
    """Decimal degrees as an XMP GPS coordinate: "34,36.9486N"."""
    ref = positive if value >= 0 else negative
    degrees = int(abs(value))
    minutes = (abs(value) - degrees) * 60
    return f"{degrees},{minutes:.6f}{ref}"


def _erase(xmp: Any, key: str) -> None:
    ex = exiv2_module()
    while True:
        found = xmp.findKey(ex.XmpKey(key))
        if found == xmp.end():
            return
        xmp.erase(found)


def _erase_tree(xmp: Any, key: str) -> None:
    """Remove ``key`` and every item and part under it."""
    doomed = [d.key() for d in xmp if d.key() == key or d.key().startswith((key + "[", key + "/"))]
    for name in doomed:
        _erase(xmp, name)


def set_field(xmp: Any, name: str, value: str | None) -> None:
    """Set (or with ``None`` remove) field ``name`` in the exiv2 XmpData ``xmp``."""
    ex = exiv2_module()
    key, kind = XMP_KEYS[name]
    _erase_tree(xmp, key)
    if value is None:
        return
    if kind == "lang":
        xmp[key] = ex.LangAltValue(f'lang="x-default" {value}')
    elif kind in ("seq", "bag"):
        items = ex.XmpArrayValue(ex.TypeId.xmpSeq if kind == "seq" else ex.TypeId.xmpBag)
        for item in value.split("; "):
            items.read(item)
        xmp[key] = items
    elif kind == "gps":
        number = float(value)
        xmp[key] = gps_text(number, "N", "S") if name == "lat" else gps_text(number, "E", "W")
    else:
        xmp[key] = ex.XmpTextValue(value)


def set_fields(xmp: Any, entry: Entry, names: set[str]) -> None:
    """Write the current values of ``entry``'s fields ``names``."""
    for name in sorted(names):
        set_field(xmp, name, FIELDS[name].get(entry))


def append_record(xmp: Any, records: tuple[Correction, ...]) -> None:
    """Append ``records`` to the Dateline list of corrections in ``xmp``."""
    ex = exiv2_module()
    count = len(read_record(xmp))
    if count == 0:
        _erase_tree(xmp, RECORD_KEY)
        holder = ex.XmpTextValue()
        holder.setXmpArrayType(ex.XmpValue.XmpArrayType.xaSeq)
        xmp[RECORD_KEY] = holder
    for index, record in enumerate(records, start=count + 1):
        values = (record.field, record.old, record.new, record.at, record.note, record.reading)
        for part, value in zip(_RECORD_PARTS, values, strict=True):
            if value:
                xmp[f"{RECORD_KEY}[{index}]/{PREFIX}:{part}"] = ex.XmpTextValue(value)


def read_record(xmp: Any) -> tuple[Correction, ...]:
    """The Dateline record of corrections in the exiv2 XmpData ``xmp``, oldest first."""
    items: dict[int, dict[str, str]] = {}
    prefix = RECORD_KEY + "["
    for datum in xmp:
        key = datum.key()
        if not key.startswith(prefix) or "/" not in key:
            continue
        index_text, _, part = key[len(prefix) :].partition("]/")
        if index_text.isdigit():
            items.setdefault(int(index_text), {})[part.removeprefix(f"{PREFIX}:")] = str(
                datum.toString()
            )
    out: list[Correction] = []
    for index in sorted(items):
        item = items[index]
        if "Field" not in item or "At" not in item:
            continue
        out.append(
            Correction(
                field=item["Field"],
                old=item.get("Old"),
                new=item.get("New"),
                at=item["At"],
                note=item.get("Note", ""),
                reading=item.get("Reading"),
            )
        )
    return tuple(out)
