# SPDX-License-Identifier: GPL-3.0-or-later
"""Read a photo's caption, credits, date and place from its own metadata.

Flow: ``imagefile.read_embedded`` opens the file once (headers only) and
returns decoded EXIF, IPTC and XMP text; a ``.xmp`` sidecar, when present, is
laid over the embedded XMP (the sidecar is what an editor last wrote).  All of
it becomes one flat map "source label -> text", and each field of
``FileMetadata`` is resolved by a declarative table below: the order of the
labels sets the precedence, the first non-empty value wins and its label is
recorded in ``sources``.  Nothing here raises for a bad file; every problem
becomes a sentence in ``warnings``.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from gallery_app.core import textdecode, xmp
from gallery_app.core.imagefile import Embedded, read_embedded
from gallery_app.core.metadate import (
    BadDate,
    parse_exif_date,
    parse_iptc_date,
    parse_iso_date,
    shown,
)
from gallery_app.core.models import Entry, ImageInfo, ImageStatus, Location, TakenAt
from gallery_app.core.scan import iter_image_files

__all__ = [
    "FileMetadata",
    "entry_from_file",
    "iter_image_files",
    "read_metadata",
    "sort_key",
]

_log = logging.getLogger(__name__)

# --- Precedence tables: field -> source labels, strongest first. -------------------------

CAPTION_SOURCES: tuple[str, ...] = (
    "XMP dc:description",
    "IPTC Caption-Abstract",
    "EXIF ImageDescription",
    "EXIF XPComment",
    "EXIF UserComment",
    "PNG Description",
    "PNG Comment",
)
TITLE_SOURCES: tuple[str, ...] = (
    "XMP photoshop:Headline",
    "XMP dc:title",
    "IPTC Headline",
    "IPTC Object Name",
    "EXIF XPTitle",
    "PNG Title",
)
CREATOR_SOURCES: tuple[str, ...] = (
    "XMP dc:creator",
    "IPTC By-line",
    "EXIF Artist",
    "EXIF XPAuthor",
    "PNG Author",
)
CREDIT_SOURCES: tuple[str, ...] = ("XMP photoshop:Credit", "IPTC Credit")
COPYRIGHT_SOURCES: tuple[str, ...] = (
    "XMP dc:rights",
    "IPTC Copyright Notice",
    "EXIF Copyright",
    "PNG Copyright",
)

TEXT_FIELDS: Mapping[str, tuple[str, ...]] = {
    "caption": CAPTION_SOURCES,
    "title": TITLE_SOURCES,
    "creator": CREATOR_SOURCES,
    "credit": CREDIT_SOURCES,
    "copyright": COPYRIGHT_SOURCES,
}

PLACE_FIELDS: Mapping[str, tuple[str, ...]] = {
    "sublocation": ("XMP Iptc4xmpCore:Location", "IPTC Sub-location"),
    "city": ("XMP photoshop:City", "IPTC City"),
    "region": ("XMP photoshop:State", "IPTC Province-State"),
    "country": ("XMP photoshop:Country", "IPTC Country"),
    "country_code": ("XMP Iptc4xmpCore:CountryCode", "IPTC Country Code"),
}


@dataclass(frozen=True)
class DateSource:
    """One place a date may come from: its label, its format and its companions."""

    label: str
    form: str  # "exif", "iso" or "iptc"
    subsec: str | None = None
    offset: str | None = None
    time: str | None = None
    weaker: bool = False


DATE_SOURCES: tuple[DateSource, ...] = (
    DateSource(
        "EXIF DateTimeOriginal", "exif", "EXIF SubSecTimeOriginal", "EXIF OffsetTimeOriginal"
    ),
    DateSource("XMP photoshop:DateCreated", "iso"),
    DateSource("IPTC Date Created", "iptc", time="IPTC Time Created"),
    DateSource("XMP exif:DateTimeOriginal", "iso"),
    DateSource(
        "EXIF DateTimeDigitized",
        "exif",
        "EXIF SubSecTimeDigitized",
        "EXIF OffsetTimeDigitized",
        weaker=True,
    ),
    DateSource("XMP xmp:CreateDate", "iso", weaker=True),
    DateSource("XMP exif:DateTimeDigitized", "iso", weaker=True),
    DateSource(
        "IPTC Digital Creation Date", "iptc", time="IPTC Digital Creation Time", weaker=True
    ),
    DateSource("EXIF DateTime", "exif", "EXIF SubSecTime", "EXIF OffsetTime", weaker=True),
)
# Longer text is cut for display (IPTC allows 2,000 bytes; a 1 MB "caption" is an attack
# on the layout engine, not something to read).
MAX_TEXT_CHARS = 20_000
WEAKER_SUFFIX = " (weaker: not the moment of capture)"
SIDECAR_SUFFIX = " (sidecar)"
GPS_EXIF, GPS_XMP = "EXIF GPS", "XMP exif:GPSLatitude/GPSLongitude"


@dataclass(frozen=True)
class FileMetadata:
    """What a photo file says about itself, each field with the source that won."""

    caption: str | None
    title: str | None
    creator: str | None
    credit: str | None
    copyright: str | None
    taken: TakenAt | None
    location: Location | None
    info: ImageInfo
    sources: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


# --- Resolution --------------------------------------------------------------------------


class _Resolver:
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
            if name == "caption" and textdecode.is_boilerplate(value):
                _log.debug("%s: %s %r is camera boilerplate", self.path.name, label, value)
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
        for src in DATE_SOURCES:
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


def _flatten(embedded: Embedded) -> dict[str, str]:
    values: dict[str, str] = {}
    values.update((f"EXIF {k}", v) for k, v in embedded.exif.text.items())
    values.update((f"IPTC {k}", v) for k, v in embedded.iptc.text.items())
    values.update((f"PNG {k}", v) for k, v in embedded.png_text.items())
    values.update(embedded.xmp)
    return values


def _read_sidecar(path: Path, warnings: list[str]) -> dict[str, str]:
    sidecar = xmp.find_sidecar(path)
    if sidecar is None:
        return {}
    try:
        return xmp.parse_packet(sidecar.read_bytes())
    except OSError as error:
        warnings.append(f"The sidecar {sidecar.name} could not be read: {error.strerror or error}.")
    except xmp.XmpError as error:
        warnings.append(f"The sidecar {sidecar.name} was ignored: {error}.")
    return {}


def _missing(path: Path, error: OSError) -> FileMetadata:
    status = ImageStatus.MISSING if isinstance(error, FileNotFoundError) else ImageStatus.UNREADABLE
    reason = error.strerror or str(error)
    return FileMetadata(
        None, None, None, None, None, None, None,
        ImageInfo(status),
        {},
        (f"{path.name} could not be read: {reason}.",),
    )  # fmt: skip


def read_metadata(path: Path) -> FileMetadata:
    """Read one photo's metadata; never raises for a bad, odd or vanished file.

    Every warning is made printable: a file name that is not valid UTF-8 shows
    its odd bytes as U+FFFD, and says so once.
    """
    meta = _read_metadata(path)
    shown = textdecode.printable(path.name)
    if shown == path.name:
        return meta
    note = f"The name of {shown} is not valid UTF-8 text; the bytes that are not are shown as �."
    warnings = (note, *(textdecode.printable(w) for w in meta.warnings))
    return replace(meta, warnings=warnings)


def _read_metadata(path: Path) -> FileMetadata:
    try:
        with path.open("rb") as fh:
            embedded = read_embedded(fh, path)
    except OSError as error:
        return _missing(path, error)
    warnings = list(embedded.warnings)
    values = _flatten(embedded)
    sidecar = _read_sidecar(path, warnings)
    values.update(sidecar)
    if "EXIF UserComment" not in values:
        stronger = [values.get(label) for label in CAPTION_SOURCES[:4]]
        if not any(v and not textdecode.is_boilerplate(v) for v in stronger):
            comment = embedded.user_comment()
            if comment:
                values["EXIF UserComment"] = comment
    resolver = _Resolver(path, values, set(sidecar))
    texts = {name: resolver.text(name, labels) for name, labels in TEXT_FIELDS.items()}
    taken = resolver.taken()
    location = resolver.location(embedded)
    info = ImageInfo(
        embedded.status,
        embedded.width,
        embedded.height,
        resolver.orientation(embedded.exif.orientation),
    )
    return FileMetadata(
        caption=texts["caption"],
        title=texts["title"],
        creator=texts["creator"],
        credit=texts["credit"],
        copyright=texts["copyright"],
        taken=taken,
        location=location,
        info=info,
        sources=dict(resolver.sources),
        warnings=tuple(warnings + resolver.warnings),
    )


def entry_from_file(path: Path, position: int, *, root: Path | None = None) -> Entry:
    """A gallery entry for a photo on disk; its id is the path relative to ``root`` (posix).

    The one Entry builder is ``folder_scan.entry_from_metadata`` (the scan uses
    it for metadata from the catalog too), so both ways give the same entry.
    """
    from gallery_app.core.folder_scan import entry_from_metadata  # it imports this module

    return entry_from_metadata(path, position, read_metadata(path), root=root)


def sort_key(entry: Entry) -> tuple[int, str, str]:
    """Order by the wall-clock time taken, undated entries last, the path as tie-break."""
    tie = entry.image.as_posix() if entry.image is not None else entry.id
    if entry.taken is None:
        return (1, "", tie)
    return (0, entry.taken.value.replace(tzinfo=None).isoformat(), tie)
