# SPDX-License-Identifier: GPL-3.0-or-later
"""Resolve one file's flat "source label -> text" map into its fields, with warnings.

``metadata.read_metadata`` builds the map (embedded EXIF, IPTC, XMP, PNG text
and the ``.xmp`` sidecar) and asks a ``SourceResolver`` for each field in turn:
text fields and the place walk their tables in ``metadata_sources``, the date
walks ``DATE_SOURCES`` and parses each format, the GPS position is checked for
range and for the 0°, 0° of a receiver without a fix.  The label that won is
recorded in ``sources``; every value passed over for being broken becomes a
sentence in ``warnings`` — nothing here raises for a bad file.  The MWG rules
(``mwg``) order IPTC against XMP by the stored digest, and the labels of one
field that disagree with the value kept are recorded in ``conflicts``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from gallery_app.core.metadata import junk, mwg, xmp
from gallery_app.core.metadata.dates import (
    BadDate,
    parse_exif_date,
    parse_iptc_date,
    parse_iso_date,
    shown,
)
from gallery_app.core.metadata.embedded import Embedded
from gallery_app.core.metadata.sources import (
    DATE_SOURCES,
    GPS_EXIF,
    GPS_VIDEO,
    GPS_XMP,
    MAX_TEXT_CHARS,
    PLACE_FIELDS,
    SAME_DATE,
    SAME_FIELD,
    SIDECAR_SUFFIX,
    WEAKER_SUFFIX,
    DateSource,
)
from gallery_app.core.metadata.video import parse_iso6709
from gallery_app.core.models import Location, Precision, SourceConflict, TakenAt

log = logging.getLogger(__name__)


class SourceResolver:
    """Holds the flat source map of one file and the warnings raised while resolving it."""

    def __init__(self, path: Path, values: dict[str, str], sidecar_labels: set[str]) -> None:
        self.path = path
        self.values = values
        self.sidecar_labels = sidecar_labels
        self.sources: dict[str, str] = {}
        self.warnings: list[str] = []
        self.conflicts: list[SourceConflict] = []
        self.prefer_iptc = mwg.iptc_first(values)
        # Each label's usable text, asked once per field kind (caption or not): the
        # precedence walk and the conflict check ask for the same labels again.
        self._usable: dict[tuple[bool, str], str | None] = {}

    def _label(self, label: str) -> str:
        return label + SIDECAR_SUFFIX if label in self.sidecar_labels else label

    def _text_of(self, name: str, label: str) -> str | None:
        """The label's value, unless blank (or, for a caption, camera boilerplate)."""
        value = self.values.get(label)
        if not value:
            return None
        key = (name == "caption", label)
        if key in self._usable:
            return self._usable[key]
        usable = self._judge(name, label, value)
        self._usable[key] = usable
        return usable

    def _judge(self, name: str, label: str, value: str) -> str | None:
        if not value.strip():
            return None
        if name == "caption" and junk.is_junk(value):
            log.debug("%s: %s %r is camera boilerplate", self.path.name, label, value)
            return None
        if junk.is_placeholder(value):  # "x-default" as the copyright of ten wallpapers
            log.debug("%s: %s %r is a placeholder", self.path.name, label, value)
            return None
        return value

    def _record_conflicts(self, found: tuple[SourceConflict, ...]) -> None:
        for c in found:
            kept, other = self._label(c.kept), self._label(c.other)
            self.conflicts.append(SourceConflict(c.name, kept, c.kept_value, other, c.other_value))

    def text(self, name: str, labels: tuple[str, ...]) -> str | None:
        values = self.values
        if not any(label in values for label in labels):  # most fields of most files
            return None
        # What an editor wrote in the sidecar comes first; then the MWG order of the file.
        ordered = mwg.ordered(labels, self.prefer_iptc)
        if self.sidecar_labels:
            ordered = tuple(sorted(ordered, key=lambda lbl: lbl not in self.sidecar_labels))
        for label in ordered:
            value = self._text_of(name, label)
            if value is None:
                continue
            if name in SAME_FIELD:
                self._record_conflicts(
                    mwg.conflicts(name, label, SAME_FIELD[name], lambda k: self._text_of(name, k))
                )
            self.sources[name] = self._label(label)
            if len(value) > MAX_TEXT_CHARS:
                self.warnings.append(
                    f"The {name} in {self._label(label)} of {self.path.name} is "
                    f"{len(value):,} characters long; only the first {MAX_TEXT_CHARS:,} are shown."
                )
                value = value[:MAX_TEXT_CHARS].rstrip() + "…"
            return value
        return None

    def _date_sources(self) -> tuple[DateSource, ...]:
        return _DATE_ORDER[self.prefer_iptc]

    def _parse_date(self, src: DateSource, label: str) -> TakenAt:
        """One date source parsed with its companions; raises ``BadDate``."""
        raw = self.values[src.label]
        if src.form == "exif":
            sub = self.values.get(src.subsec or "")
            off = self.values.get(src.offset or "")
            return parse_exif_date(raw, label, subsec=sub, offset=off)
        if src.form == "iptc":
            return parse_iptc_date(raw, self.values.get(src.time or ""), label)
        return parse_iso_date(raw, label)

    def taken(self) -> TakenAt | None:
        # A date in the sidecar is what an editor last wrote: it comes before the embedded ones.
        ordered = self._date_sources()
        if self.sidecar_labels:
            ordered = tuple(sorted(ordered, key=lambda src: src.label not in self.sidecar_labels))
        for src in ordered:
            raw = self.values.get(src.label)
            if not raw or not raw.strip(" :-T0"):
                if raw and raw.strip(" :-T"):  # all zeros: a camera without a clock
                    self.warnings.append(self._bad_date(src.label, raw, "it is all zeros"))
                continue
            label = self._label(src.label) + (WEAKER_SUFFIX if src.weaker else "")
            try:
                taken = self._parse_date(src, label)
            except BadDate as error:
                self.warnings.append(self._bad_date(src.label, raw, str(error)))
                continue
            self.sources["taken"] = label
            if src.label in SAME_DATE:
                self._date_conflicts(src.label, taken)
            return taken
        return None

    def _date_conflicts(self, kept: str, taken: TakenAt) -> None:
        """The other capture dates of the file that name another moment than ``taken``."""
        by_label = _BY_LABEL
        others: dict[str, TakenAt] = {}
        for label in SAME_DATE:
            if label != kept and (self.values.get(label) or "").strip(" :-T0"):
                try:
                    others[label] = self._parse_date(by_label[label], label)
                except BadDate:
                    continue  # already said when it was its turn, or never shown
        for label, other in others.items():
            if label != kept and not _same_moment(taken, other):
                self._record_conflicts(
                    (SourceConflict("taken", kept, taken.iso(), label, other.iso()),)
                )

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
        if video_place := self.values.get(GPS_VIDEO):
            found = parse_iso6709(video_place)
            candidates.append((GPS_VIDEO, *(found or (None, None))))
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
        gps_label = gps[2] if gps else ""
        source = kind or (gps_label if gps_label in (GPS_EXIF, GPS_VIDEO) else "XMP")
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


_BY_LABEL = {src.label: src for src in DATE_SOURCES}
# The date sources in MWG order, by whether the IIM outranks XMP (``mwg.ordered``).
_DATE_ORDER = {
    prefer: tuple(_BY_LABEL[label] for label in mwg.ordered(tuple(_BY_LABEL), prefer))
    for prefer in (False, True)
}


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


def _same_moment(a: TakenAt, b: TakenAt) -> bool:
    """Two capture dates that agree as far as the coarser of them goes (wall clock)."""
    coarse = min(a.precision, b.precision, key=_PRECISION_ORDER.index)
    cut = _CUT[coarse]
    return a.value.isoformat()[:cut] == b.value.isoformat()[:cut]


_PRECISION_ORDER = [p for p in Precision]
_CUT = {
    Precision.YEAR: 4,
    Precision.MONTH: 7,
    Precision.DAY: 10,
    Precision.MINUTE: 16,
    Precision.SECOND: 16,  # seconds and sub-seconds differ between writers: minutes agree
}
