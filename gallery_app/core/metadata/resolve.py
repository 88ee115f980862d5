# SPDX-License-Identifier: GPL-3.0-or-later
"""Resolve one file's flat "source label -> text" map into its fields, with warnings.

``metadata.read_metadata`` builds the map (embedded EXIF, IPTC, XMP, PNG text
and the ``.xmp`` sidecar) and asks a ``SourceResolver`` for each field in turn:
text fields and the place walk their tables in ``metadata_sources``, the date
walks ``DATE_SOURCES`` and parses each format, the GPS position is checked for
range and for the 0°, 0° of a receiver without a fix.  The label that won is
recorded in ``sources``; every value passed over for being broken becomes a
sentence in ``warnings`` — nothing here raises for a bad file.
"""

from __future__ import annotations

import logging
from pathlib import Path

from gallery_app.core.metadata import junk, xmp
from gallery_app.core.metadata.dates import (
    BadDate,
    parse_exif_date,
    parse_iptc_date,
    parse_iso_date,
    shown,
)
from gallery_app.core.metadata.imagefile import Embedded
from gallery_app.core.metadata.sources import (
    DATE_SOURCES,
    GPS_EXIF,
    GPS_XMP,
    MAX_TEXT_CHARS,
    PLACE_FIELDS,
    SIDECAR_SUFFIX,
    WEAKER_SUFFIX,
)
from gallery_app.core.models import Location, TakenAt

log = logging.getLogger(__name__)


class SourceResolver:
    """Holds the flat source map of one file and the warnings raised while resolving it."""

    def __init__(self, path: Path, values: dict[str, str], sidecar_labels: set[str]) -> None:
        self.path = path
        self.values = values
        self.sidecar_labels = sidecar_labels
        self.sources: dict[str, str] = {}
        self.warnings: list[str] = []

    def _label(self, label: str) -> str:
        return label + SIDECAR_SUFFIX if label in self.sidecar_labels else label

    def text(self, name: str, labels: tuple[str, ...]) -> str | None:
        for label in labels:
            value = self.values.get(label)
            if not value:
                continue
            if name == "caption" and junk.is_junk(value):
                log.debug("%s: %s %r is camera boilerplate", self.path.name, label, value)
                continue
            self.sources[name] = self._label(label)
            if len(value) > MAX_TEXT_CHARS:
                self.warnings.append(
                    f"The {name} in {self._label(label)} of {self.path.name} is "
                    f"{len(value):,} characters long; only the first {MAX_TEXT_CHARS:,} are shown."
                )
                value = value[:MAX_TEXT_CHARS].rstrip() + "…"
            return value
        return None

    def taken(self) -> TakenAt | None:
        # A date in the sidecar is what an editor last wrote: it comes before the embedded ones.
        ordered = sorted(DATE_SOURCES, key=lambda src: src.label not in self.sidecar_labels)
        for src in ordered:
            raw = self.values.get(src.label)
            if not raw or not raw.strip(" :-T0"):
                if raw and raw.strip(" :-T"):  # all zeros: a camera without a clock
                    self.warnings.append(self._bad_date(src.label, raw, "it is all zeros"))
                continue
            label = self._label(src.label) + (WEAKER_SUFFIX if src.weaker else "")
            try:
                if src.form == "exif":
                    sub = self.values.get(src.subsec or "")
                    off = self.values.get(src.offset or "")
                    taken = parse_exif_date(raw, label, subsec=sub, offset=off)
                elif src.form == "iptc":
                    taken = parse_iptc_date(raw, self.values.get(src.time or ""), label)
                else:
                    taken = parse_iso_date(raw, label)
            except BadDate as error:
                self.warnings.append(self._bad_date(src.label, raw, str(error)))
                continue
            self.sources["taken"] = label
            return taken
        return None

    def _bad_date(self, label: str, raw: str, why: str) -> str:
        return f"The date in {label} of {self.path.name} (“{shown(raw)}”) was ignored: {why}"

    def gps(self, embedded: Embedded) -> tuple[float, float, str] | None:
        candidates: list[tuple[str, float | None, float | None]] = []
        e = embedded.exif
        if e.latitude is not None or e.longitude is not None:
            lat = _dms(e.latitude, e.text.get("GPSLatitudeRef"), "S")
            lon = _dms(e.longitude, e.text.get("GPSLongitudeRef"), "W")
            candidates.append((GPS_EXIF, lat, lon))
        xlat, xlon = (
            self.values.get("XMP exif:GPSLatitude"),
            self.values.get("XMP exif:GPSLongitude"),
        )
        if xlat or xlon:
            label = self._label("XMP exif:GPSLatitude")
            label = GPS_XMP + (SIDECAR_SUFFIX if label.endswith(SIDECAR_SUFFIX) else "")
            candidates.append(
                (
                    label,
                    xmp.parse_gps(xlat) if xlat else None,
                    xmp.parse_gps(xlon) if xlon else None,
                )
            )
        candidates.sort(key=lambda c: not c[0].endswith(SIDECAR_SUFFIX))  # the editor's first
        for label, lat, lon in candidates:
            if lat is None or lon is None:
                self.warnings.append(
                    f"The GPS position in {label} of {self.path.name} is incomplete."
                )
            elif not (-90 <= lat <= 90 and -180 <= lon <= 180):
                self.warnings.append(
                    f"The GPS position in {label} of {self.path.name} ({lat:.4f}, {lon:.4f}) "
                    "is out of range and was ignored."
                )
            elif lat == 0 and lon == 0:
                self.warnings.append(
                    f"The GPS position in {label} of {self.path.name} is exactly 0°, 0° "
                    "(a receiver without a fix) and was ignored."
                )
            else:
                self.sources["gps"] = label
                return lat, lon, label
        return None

    def location(self, embedded: Embedded) -> Location | None:
        parts = {name: self.text(name, labels) for name, labels in PLACE_FIELDS.items()}
        gps = self.gps(embedded)
        place_source = next(
            (self.sources[n] for n in PLACE_FIELDS if n in self.sources),
            None,
        )
        if not any(parts.values()) and gps is None:
            return None
        self.sources["location"] = place_source or (gps[2] if gps else "")
        kind = (place_source or "").split(" ", 1)[0] or None
        source = kind if kind else ("EXIF GPS" if gps and gps[2] == GPS_EXIF else "XMP")
        return Location(
            sublocation=parts["sublocation"],
            city=parts["city"],
            region=parts["region"],
            country=parts["country"],
            country_code=parts["country_code"],
            lat=gps[0] if gps else None,
            lon=gps[1] if gps else None,
            source=source,
        )

    def orientation(self, value: int | None) -> int | None:
        if value is None or 1 <= value <= 8:
            return value
        self.warnings.append(
            f"The EXIF orientation of {self.path.name} is {value}, which is not a valid "
            "value (1–8); the photo is shown as stored."
        )
        return None


def _dms(values: tuple[float, ...] | None, ref: str | None, negative: str) -> float | None:
    if not values:
        return None
    degrees = (
        values[0]
        + (values[1] / 60 if len(values) > 1 else 0)
        + (values[2] / 3600 if len(values) > 2 else 0)
    )
    if ref and ref.strip().upper().startswith(negative):
        degrees = -degrees
    return degrees
