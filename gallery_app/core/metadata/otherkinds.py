# SPDX-License-Identifier: GPL-3.0-or-later
"""Files Pillow does not open for metadata: JPEG XL, JPEG 2000, RAF and X3F sizes, CR3, videos.

Data flow: ``imagefile.read_embedded`` sends here what libexiv2 (``native``)
could not settle: the pixel size of a JPEG XL (``jxl``) or JPEG 2000 whose
header gave libexiv2 none, a Fujifilm RAF's or Sigma X3F's own header
(``rawsize``), a CR3 libexiv2 refused (``cr3``: its EXIF boxes read
directly), and videos (``quicktime``, ``riff``, ``asf``, ``matroska``,
``mpegts``), which stay video cards but carry their size, duration, date,
place and camera.  Each returns an ``Embedded``.
"""

from __future__ import annotations

import io
import logging
import struct
from collections.abc import Callable
from pathlib import Path
from typing import IO

from PIL import Image

from gallery_app.core.metadata import jxl, rawsize, sniff
from gallery_app.core.metadata.asf import read_asf
from gallery_app.core.metadata.cr3 import read_cr3
from gallery_app.core.metadata.embedded import Embedded, xmp_from
from gallery_app.core.metadata.matroska import read_matroska
from gallery_app.core.metadata.mpegts import read_mpegts
from gallery_app.core.metadata.native import NativeUnavailable, read_native
from gallery_app.core.metadata.quicktime import read_quicktime
from gallery_app.core.metadata.riff import read_riff
from gallery_app.core.metadata.video import VideoTags
from gallery_app.core.models import ImageStatus

log = logging.getLogger(__name__)

_VIDEO_READERS: dict[str, Callable[[IO[bytes]], VideoTags]] = {
    "mp4": read_quicktime,
    "avi": read_riff,
    "asf": read_asf,
    "mkv": read_matroska,
    "mpegts": read_mpegts,
}
VIDEO_KINDS = sniff.VIDEO_KEYS


def size_apart(fh: IO[bytes], key: str) -> tuple[int | None, int | None]:
    """The pixel size of a file whose header gave libexiv2 none (JPEG XL, JPEG 2000, CR3, RAF)."""
    found: tuple[int, int] | None = None
    if key == "jxl":
        found = jxl.read_size(fh)
    elif key == "raf":
        found = rawsize.raf_size(fh)
    elif key == "cr3":
        boxed = read_cr3(fh)
        found = (boxed.width, boxed.height) if boxed and boxed.width else None
    elif key == "jp2":
        fh.seek(0)
        try:
            with Image.open(fh, formats=["JPEG2000"]) as image:
                found = image.size
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
            log.info("no JPEG 2000 size: %s", error)
    return found if found else (None, None)


def jxl_size_only(fh: IO[bytes], path: Path, kind: sniff.FileKind, notes: list[str]) -> Embedded:
    width, height = size_apart(fh, "jxl")
    if width is None:
        notes.append(f"{path.name} could not be opened as a {kind.name}: its header is damaged.")
        return Embedded(kind, ImageStatus.UNREADABLE, warnings=tuple(notes))
    return Embedded(kind, ImageStatus.OK, width, height, warnings=tuple(notes))


def read_video(fh: IO[bytes], path: Path, kind: sniff.FileKind, notes: list[str]) -> Embedded:
    """A video: still not a photo Dateline shows, but with its date, place and camera."""
    try:
        found = _VIDEO_READERS[kind.key](fh)
    except (OSError, ValueError, struct.error) as error:  # a damaged container: what was found
        log.info("%s: video header unreadable: %s", path.name, error)
        found = VideoTags(notes=["its header is damaged"])
    notes.extend(f"In {path.name}, {note}." for note in found.notes)
    return Embedded(
        kind,
        ImageStatus.UNREADABLE,
        found.width or None,
        found.height or None,
        xmp=xmp_from(None, path, notes, found.xmp),
        warnings=tuple(notes),
        container=found.values,
        duration=found.duration or None,
    )


def read_x3f(fh: IO[bytes], path: Path, kind: sniff.FileKind, notes: list[str]) -> Embedded:
    """A Sigma X3F: its size from its own header, its metadata from its embedded JPEG's EXIF.

    libexiv2 and Pillow read neither; the JPEG's header is read by libexiv2 from memory.
    """
    try:
        found = rawsize.read_x3f(fh)
    except (OSError, struct.error) as error:
        log.info("%s: X3F header unreadable: %s", path.name, error)
        found = None
    if found is None:
        notes.append(f"{path.name} could not be opened as a {kind.name}: its header is damaged.")
        return Embedded(kind, ImageStatus.UNREADABLE, warnings=tuple(notes))
    if found.jpeg is not None:
        try:
            inner = read_native(io.BytesIO(found.jpeg.data), path, "jpeg", None)
        except NativeUnavailable as why:
            log.info("%s: the X3F's embedded JPEG gave no metadata: %s", path.name, why)
        else:
            return Embedded(
                kind,
                ImageStatus.OK,
                found.width,
                found.height,
                inner.exif,
                inner.iptc,
                inner.xmp,
                warnings=tuple(notes),
            )
    return Embedded(kind, ImageStatus.OK, found.width, found.height, warnings=tuple(notes))


def cr3_boxes(fh: IO[bytes], kind: sniff.FileKind, notes: list[str]) -> Embedded | None:
    """A CR3 libexiv2 refused, read from its CMT boxes; ``None`` when it has none."""
    try:
        found = read_cr3(fh)
    except OSError as error:
        log.info("CR3 boxes unreadable: %s", error)
        return None
    if found is None:
        return None
    width, height = found.width or None, found.height or None
    return Embedded(kind, ImageStatus.OK, width, height, found.exif, warnings=tuple(notes))
