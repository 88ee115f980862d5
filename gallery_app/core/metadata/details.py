# SPDX-License-Identifier: GPL-3.0-or-later
"""Everything about one file, for the file details panel: what gThumb and Geeqie show.

Data flow: ``read_details(path)`` (on a worker thread) -> libexiv2 lists every
EXIF, IPTC and XMP tag with its raw and its interpreted value (camera, lens,
exposure, aperture, ISO, focal length, flash, keywords and rating are picked
from them) -> the flat "source label -> text" map of ``reader`` says, field by
field, which source won and which others differ (``decisions``) -> one frozen
``FileDetails`` value the panel shows as plain text.  Never raises for a bad
file: ``problem`` says what went wrong, the file facts stay.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gallery_app.core.metadata import junk, sniff
from gallery_app.core.metadata.otherkinds import VIDEO_KINDS
from gallery_app.core.metadata.reader import read_metadata, source_values
from gallery_app.core.metadata.sources import TEXT_FIELDS

log = logging.getLogger(__name__)

# (label shown, exiv2 key(s) tried in order); the interpreted value is shown.  A video's
# camera comes from Dateline's own reader ("QuickTime Make": ``reader.source_values``).
SUMMARY_KEYS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Camera make", ("Exif.Image.Make", "QuickTime Make")),
    ("Camera model", ("Exif.Image.Model", "QuickTime Model")),
    ("Lens", ("Exif.Photo.LensModel", "Xmp.aux.Lens", "Exif.Canon.LensModel")),
    ("Exposure", ("Exif.Photo.ExposureTime",)),
    ("Aperture", ("Exif.Photo.FNumber",)),
    ("ISO", ("Exif.Photo.ISOSpeedRatings", "Exif.Photo.PhotographicSensitivity")),
    ("Focal length", ("Exif.Photo.FocalLength",)),
    ("Flash", ("Exif.Photo.Flash",)),
    ("Keywords", ("Xmp.dc.subject", "Iptc.Application2.Keywords")),
    ("Rating", ("Xmp.xmp.Rating", "Exif.Image.Rating")),
)
GROUPS = {"Exif": "EXIF", "Iptc": "IPTC", "Xmp": "XMP"}
# Kinds libexiv2 cannot open and Dateline reads itself: their tags are the reader's values.
OWN_READERS = VIDEO_KINDS | {"x3f"}
_MAX_VALUE = 2_000  # characters of one tag shown; a maker note is not for reading


@dataclass(frozen=True)
class Tag:
    """One tag as read: its group (EXIF/IPTC/XMP), exiv2 key, raw and interpreted value."""

    group: str
    key: str
    raw: str
    shown: str


@dataclass(frozen=True)
class FileDetails:
    path: Path
    size_bytes: int | None
    format: str
    width: int | None
    height: int | None
    summary: tuple[tuple[str, str], ...]
    tags: tuple[Tag, ...]
    decisions: tuple[str, ...]
    problem: str | None = None
    duration: float | None = None  # a video's length in seconds


@functools.cache
def _exiv2() -> Any:
    import exiv2  # deferred: libexiv2 is loaded when the first details are asked for

    exiv2.LogMsg.setLevel(exiv2.LogMsg.Level.mute)  # problems come back as exceptions
    return exiv2


def _text(value: str) -> str:
    text = value.replace("\x00", "").strip()
    return text if len(text) <= _MAX_VALUE else text[:_MAX_VALUE] + "…"


def _tags(path: Path) -> tuple[list[Tag], int | None, int | None]:
    exiv2 = _exiv2()
    image = exiv2.ImageFactory.open(str(path))
    image.readMetadata()
    tags: list[Tag] = []
    exif = image.exifData()
    for data in (exif, image.iptcData(), image.xmpData()):
        for datum in data:
            key = datum.key()
            try:  # the interpreted value ("1/80 s") may need the other EXIF tags
                raw, shown = datum.toString(), datum.print(exif if data is exif else None)
            except (exiv2.Exiv2Error, UnicodeDecodeError, ValueError, TypeError) as error:
                raw, shown = f"(unreadable: {error})", ""
            group = GROUPS.get(key.split(".", 1)[0], key.split(".", 1)[0])
            tags.append(Tag(group, key, _text(raw), _text(shown or raw)))
    width, height = image.pixelWidth() or None, image.pixelHeight() or None
    return tags, width, height


def _summary(tags: list[Tag], values: dict[str, str]) -> tuple[tuple[str, str], ...]:
    by_key: dict[str, list[str]] = {label: [value] for label, value in values.items()}
    for tag in tags:
        by_key.setdefault(tag.key, []).append(tag.shown)
    rows: list[tuple[str, str]] = []
    for label, keys in SUMMARY_KEYS:
        for key in keys:
            found = [v for v in by_key.get(key, ()) if v]
            if found:
                rows.append((label, ", ".join(found)))
                break
    return tuple(rows)


def decisions(values: dict[str, str]) -> tuple[str, ...]:
    """One line per text field: which source won, and which others differ or are junk."""
    lines: list[str] = []
    for field, labels in TEXT_FIELDS.items():
        present = [(label, values[label].strip()) for label in labels if values.get(label)]
        if not present:
            continue
        winner: tuple[str, str] | None = None
        notes: list[str] = []
        for label, value in present:
            reason = junk.junk_reason(value) if field == "caption" else None
            if reason:
                notes.append(f"{label} {value[:40]!r} skipped: {reason}")
            elif winner is None:
                winner = (label, value)
            elif " ".join(value.split()) != " ".join(winner[1].split()):
                notes.append(f"{label} differs")
        head = f"{field}: {winner[0]}" if winner else f"{field}: none used"
        lines.append("; ".join([head, *notes]))
    return tuple(lines)


def _reason(error: Exception) -> str:
    """libexiv2's own words without its error code and the file's path."""
    message = next((a for a in reversed(error.args) if isinstance(a, str)), str(error))
    reason = message.rsplit(": ", 1)[-1].strip().rstrip(".") or "libexiv2 gave no reason"
    return reason[0].lower() + reason[1:]


def _own_tags(values: dict[str, str]) -> list[Tag]:
    """The values Dateline's own readers found (videos, X3F), listed where libexiv2 lists none.

    Labels are "QuickTime CreationDate", "EXIF DateTimeOriginal"...: the first word is the group.
    """
    tags = []
    for label, value in values.items():
        group, _, name = label.partition(" ")
        tags.append(Tag(group, f"{group}.{name}", _text(value), _text(value)))
    return tags


def read_details(path: Path) -> FileDetails:
    """Everything the panel shows about ``path``; never raises for a bad file.

    The pixel size is the reader's (the one cards and the catalog show, exiftool's for
    RAWs); libexiv2's stands only where the reader has none.
    """
    try:
        size: int | None = path.stat().st_size
        with path.open("rb") as fh:
            kind = sniff.sniff_bytes(fh.read(sniff.HEAD_SIZE))
    except OSError as error:
        return FileDetails(path, None, "", None, None, (), (), (), f"{error.strerror or error}.")
    fmt = kind.name if kind else f"{path.suffix[1:].upper() or 'unknown'} file"
    problem = None
    tags: list[Tag] = []
    width = height = None
    try:
        tags, width, height = _tags(path)
    except Exception as error:  # libexiv2 signals a bad file with several types
        log.info("no tags for %s: %s", path, error)
        problem = f"The tags of {path.name} could not be listed: {_reason(error)}."
    info = read_metadata(path).info
    width, height = info.width or width, info.height or height
    values = source_values(path)
    if not tags and kind is not None and kind.key in OWN_READERS:  # Dateline read it itself
        tags, problem = _own_tags(values), None
    return FileDetails(
        path,
        size,
        fmt,
        width,
        height,
        _summary(tags, values),
        tuple(tags),
        decisions(values),
        problem,
        info.duration,
    )
