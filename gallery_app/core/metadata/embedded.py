# SPDX-License-Identifier: GPL-3.0-or-later
"""What one pass over a file found (``Embedded``), whichever reader made it.

``imagefile`` (Pillow and the Python readers), ``native`` through it
(libexiv2) and ``otherkinds`` (JPEG XL sizes, CR3 boxes, videos) all return
this one value; ``reader`` flattens it into the "source label -> text" map.
``xmp_from`` is the one place an embedded XMP packet is parsed into that map.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gallery_app.core.metadata import exif, iptc, sniff, xmp
from gallery_app.core.models import ImageStatus


@dataclass(frozen=True)
class Embedded:
    """What one pass over a file found: pixel size, status and the metadata blocks."""

    kind: sniff.FileKind | None
    status: ImageStatus
    width: int | None = None
    height: int | None = None
    exif: exif.ExifTags = field(default_factory=exif.ExifTags)
    iptc: iptc.IptcTags = field(default_factory=iptc.IptcTags)
    xmp: dict[str, str] = field(default_factory=dict)
    png_text: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    # exifread skips UserComment; this reads it through Pillow on demand (it costs
    # a full EXIF parse, and is needed only when no stronger caption exists).
    user_comment: Callable[[], str | None] = field(default=lambda: None, repr=False, compare=False)
    # Labelled values of a container that has neither EXIF nor IPTC ("QuickTime
    # CreationDate", "RIFF DateTimeOriginal": see ``video``), as the reader's flat map holds them.
    container: dict[str, str] = field(default_factory=dict)
    duration: float | None = None  # a video's, in seconds


def xmp_from(
    image: Any, path: Path, notes: list[str], fallback: bytes | None = None
) -> dict[str, str]:
    """The XMP of ``image`` (Pillow's) or else ``fallback``, parsed; a bad packet is a note."""
    packet = (image.info.get("xmp") if image is not None else None) or fallback
    if not packet:
        return {}
    try:
        return xmp.parse_packet(packet)
    except xmp.XmpError as error:
        notes.append(f"The XMP metadata inside {path.name} was ignored: {error}.")
        return {}
