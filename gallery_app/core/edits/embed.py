# SPDX-License-Identifier: GPL-3.0-or-later
"""Write corrections into the photo file itself (an explicit option, off by default).

MWG asks that EXIF, IPTC-IIM and XMP agree, so each field is written to all
the places that hold it (caption: EXIF ImageDescription, IPTC Caption-Abstract,
XMP dc:description; and so on), the IPTC block is marked UTF-8 and its digest
updated (``iptc_digest``).  The record goes into the XMP.

Safety: the photo is copied beside itself, exiv2 writes the copy (metadata
segments only), the copy is read back — the values must be the new ones and
the image data must be byte for byte (JPEG) or pixel for pixel (other
formats) the same — and only then does it replace the original, atomically.
Any failure leaves the original untouched and says why in a sentence.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from pathlib import Path
from typing import Any

from gallery_app.core.edits import iptc_digest
from gallery_app.core.edits.fields import FIELDS, EditError
from gallery_app.core.edits.verify import check_written
from gallery_app.core.edits.xmpkeys import append_record, exiv2_module, set_fields
from gallery_app.core.isodate import parse_iso
from gallery_app.core.models import Correction, Entry, Precision

log = logging.getLogger(__name__)

EMBEDDABLE = {".jpg", ".jpeg", ".jpe", ".tif", ".tiff", ".png", ".webp"}
_UTF8 = "\x1b%G"
_IPTC: dict[str, str] = {
    "caption": "Iptc.Application2.Caption",
    "headline": "Iptc.Application2.Headline",
    "sublocation": "Iptc.Application2.SubLocation",
    "city": "Iptc.Application2.City",
    "region": "Iptc.Application2.ProvinceState",
    "country": "Iptc.Application2.CountryName",
    "country_code": "Iptc.Application2.CountryCode",
    "creator": "Iptc.Application2.Byline",
    "credit": "Iptc.Application2.Credit",
    "copyright": "Iptc.Application2.Copyright",
    "keywords": "Iptc.Application2.Keywords",
}
_EXIF: dict[str, str] = {
    "caption": "Exif.Image.ImageDescription",
    "creator": "Exif.Image.Artist",
    "copyright": "Exif.Image.Copyright",
}


def _erase_iptc(iptc: Any, key: str) -> None:
    ex = exiv2_module()
    while (found := iptc.findKey(ex.IptcKey(key))) != iptc.end():
        iptc.erase(found)


def _erase_exif(exif: Any, key: str) -> None:
    ex = exiv2_module()
    found = exif.findKey(ex.ExifKey(key))
    if found != exif.end():
        exif.erase(found)


def _set_iptc(iptc: Any, name: str, value: str | None) -> None:
    key = _IPTC[name]
    _erase_iptc(iptc, key)
    if value is None:
        return
    ex = exiv2_module()
    for item in value.split("; ") if name == "keywords" else [value]:
        datum = ex.Iptcdatum(ex.IptcKey(key))
        datum.setValue(item)
        iptc.add(datum)


def _set_date(exif: Any, iptc: Any, value: str | None) -> None:
    """EXIF DateTimeOriginal (+ offset) when the time is known; IPTC Date/Time Created."""
    for key in ("Exif.Photo.DateTimeOriginal", "Exif.Photo.OffsetTimeOriginal"):
        _erase_exif(exif, key)  # EXIF cannot say "only the day": a stale time would contradict
    for key in ("Iptc.Application2.DateCreated", "Iptc.Application2.TimeCreated"):
        _erase_iptc(iptc, key)
    if value is None:
        return
    taken = parse_iso(value, "correction")
    if taken.precision in (Precision.YEAR, Precision.MONTH):
        return  # neither EXIF nor IPTC can say "March 2015"; the XMP carries it
    iptc["Iptc.Application2.DateCreated"] = taken.value.date().isoformat()
    if taken.precision is Precision.DAY:
        return
    clock = taken.value.strftime("%H:%M:%S")
    exif["Exif.Photo.DateTimeOriginal"] = taken.value.strftime("%Y:%m:%d ") + clock
    if taken.utc_offset is None:
        iptc["Iptc.Application2.TimeCreated"] = clock
        return
    sign = "+" if taken.utc_offset >= 0 else "-"
    offset = "{}{:02d}:{:02d}".format(sign, *divmod(abs(taken.utc_offset), 60))
    exif["Exif.Photo.OffsetTimeOriginal"] = offset
    iptc["Iptc.Application2.TimeCreated"] = clock + offset


def _write_copy(
    copy: Path, entry: Entry, fields: set[str], records: tuple[Correction, ...]
) -> None:
    ex = exiv2_module()
    image = ex.ImageFactory.open(str(copy))
    image.readMetadata()
    xmp, iptc, exif = image.xmpData(), image.iptcData(), image.exifData()
    set_fields(xmp, entry, fields)
    append_record(xmp, records)
    _erase_iptc(iptc, "Iptc.Envelope.CharacterSet")
    iptc["Iptc.Envelope.CharacterSet"] = _UTF8
    for name in sorted(fields):
        value = FIELDS[name].get(entry)
        if name in _IPTC:
            _set_iptc(iptc, name, value)
        if name in _EXIF:
            _erase_exif(exif, _EXIF[name])
            if value is not None:
                exif[_EXIF[name]] = value
        if name == "date":
            _set_date(exif, iptc, value)
    image.writeMetadata()


def embed(image: Path, entry: Entry, fields: set[str], records: tuple[Correction, ...]) -> None:
    """Write ``entry``'s ``fields`` into ``image``; the original stays until verified."""
    if image.suffix.lower() not in EMBEDDABLE:
        raise EditError(
            f"{image.name}: Dateline writes into JPEG, TIFF, PNG and WebP files only; "
            "the correction is in the sidecar."
        )
    copy = image.with_name(f".{image.name}.dateline-embed.tmp")
    try:
        shutil.copy2(image, copy)
        _write_copy(copy, entry, fields, records)
        if image.suffix.lower() in {".jpg", ".jpeg", ".jpe"}:
            copy.write_bytes(iptc_digest.update_jpeg(copy.read_bytes()))
        check_written(image, copy, entry, fields)
        with open(copy, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(copy, image)
    except OSError as exc:
        log.warning("embedding into %s failed", image, exc_info=True)
        raise EditError(f"{image.name} could not be written: {exc.strerror or exc}.") from None
    except exiv2_module().Exiv2Error as exc:
        log.warning("exiv2 could not write %s: %s", image, exc)
        raise EditError(f"{image.name}: the metadata could not be written ({exc}).") from None
    finally:
        with contextlib.suppress(OSError):
            copy.unlink()
