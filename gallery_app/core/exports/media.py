# SPDX-License-Identifier: GPL-3.0-or-later
"""Photos beside an export: a copy (or a web-size version) and a thumbnail per entry.

Names are made from the entry's position and a cleaned stem, so two photos
called ``IMG_0001.JPG`` in different folders never overwrite each other and a
name from a file cannot climb out of the media folder.  Missing photos get no
media: an export never invents one.  Pillow keeps its decompression-bomb guard.
"""

from __future__ import annotations

import logging
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from gallery_app.core.models import Entry, ImageStatus

log = logging.getLogger(__name__)

THUMB_EDGE = 320
WEB_EDGE = 1600


@dataclass(frozen=True)
class MediaRef:
    """Where an entry's photo and thumbnail are, relative to the export (or as URLs)."""

    url: str
    thumbnail: str | None
    width: int | None
    height: int | None


def _safe_stem(entry: Entry) -> str:
    stem = entry.image.stem if entry.image is not None else entry.id
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip(".-")[:60]
    return f"{entry.position:04d}-{cleaned or 'photo'}"


def has_photo(entry: Entry) -> bool:
    return entry.image is not None and entry.image_status is ImageStatus.OK


def _thumbnail(source: Path, target: Path, edge: int) -> tuple[int, int]:
    """Write an upright JPEG no larger than ``edge``; the original's upright size."""
    with Image.open(source) as image:
        upright = ImageOps.exif_transpose(image)
        size = upright.size
        upright.thumbnail((edge, edge))
        upright.convert("RGB").save(target, "JPEG", quality=85)
    return size


def place_media(
    entry: Entry, folder: Path, *, prefix: str, base_url: str | None, web_size: bool = False
) -> MediaRef | None:
    """Copy ``entry``'s photo into ``folder`` (``prefix`` names it in URLs); None if it has none.

    ``web_size`` re-encodes the photo to fit ``WEB_EDGE`` instead of copying it.
    A photo that cannot be read is left out with a log line, never a crash.
    """
    if not has_photo(entry) or entry.image is None:
        return None
    stem = _safe_stem(entry)
    suffix = ".jpg" if web_size else entry.image.suffix.lower()
    folder.mkdir(parents=True, exist_ok=True)
    photo, thumb = folder / f"{stem}{suffix}", folder / f"{stem}-thumb.jpg"
    try:
        if web_size:
            width, height = _thumbnail(entry.image, photo, WEB_EDGE)
        else:
            shutil.copyfile(entry.image, photo)
            width, height = _thumbnail(entry.image, thumb, THUMB_EDGE)
        if web_size:
            _thumbnail(entry.image, thumb, THUMB_EDGE)
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        log.warning("export: %s left out: %s", entry.image, error)
        return None
    root = base_url.rstrip("/") + "/" if base_url else ""
    return MediaRef(
        url=f"{root}{prefix}{photo.name}",
        thumbnail=f"{root}{prefix}{thumb.name}",
        width=width,
        height=height,
    )
