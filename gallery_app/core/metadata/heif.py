# SPDX-License-Identifier: GPL-3.0-or-later
"""A HEIF's stored size and orientation, though pillow-heif hands it back turned.

The JSON contract says ``width`` and ``height`` are the stored pixels and
``orientation`` is the EXIF code (1–8) that turns them upright, as for a JPEG;
exiftool reports the same (``ImageWidth``/``ImageHeight`` from the ``ispe``
box).  A HEIF says how to turn its pixels in its ``irot`` (rotation) and
``imir`` (mirror) boxes, which libheif applies while decoding: pillow-heif
reports the size *after* them and resets the EXIF orientation to 1 so that it
is not applied twice.  This module undoes that: it reads the transforms
pillow-heif saw and turns them into the EXIF code and the stored size.

Where the file's EXIF Orientation tag disagrees with its ``irot``/``imir``
(some phones write a rotation without the tag, some edits strip the boxes),
the boxes win, because they are what HEIF viewers apply and what Dateline
shows; exiftool prints the tag, so the two then differ.  A clean-aperture crop
(``clap``) is not undone: the size is the cropped one.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger(__name__)

# (anticlockwise rotation in degrees, then mirrored left-right?) -> EXIF orientation.
_EXIF_CODE: dict[tuple[int, bool], int] = {
    (0, False): 1,
    (0, True): 2,
    (180, False): 3,
    (180, True): 4,
    (270, True): 5,
    (270, False): 6,
    (90, True): 7,
    (90, False): 8,
}
_QUARTER_TURNS = frozenset({90, 270})


def orientation_of(transforms: tuple[tuple[Any, ...], ...]) -> int | None:
    """The EXIF code of pillow-heif's ``transformations`` (``irot``/``imir``, in order).

    ``("irot", a)`` turns the picture ``a`` degrees anticlockwise; ``("imir", 1)``
    mirrors it left-right and ``("imir", 0)`` top-bottom (which is a half turn
    and a left-right mirror).  None when a transform is not understood.
    """
    turn, mirrored = 0, False
    for step in transforms:
        if not step:
            return None
        name = step[0]
        if name == "clap":
            continue
        if name == "irot" and len(step) > 1 and step[1] in (0, 90, 180, 270):
            # After a mirror, turning anticlockwise is turning the mirrored picture clockwise.
            turn = (turn - step[1] if mirrored else turn + step[1]) % 360
        elif name == "imir" and len(step) > 1 and step[1] in (0, 1):
            if step[1] == 0:
                turn = (turn + 180) % 360
            mirrored = not mirrored
        else:
            return None
    return _EXIF_CODE[(turn, mirrored)]


def stored_geometry(image: Any, exif_orientation: int | None) -> tuple[int, int, int | None]:
    """``(width, height, orientation)`` of a HEIF opened through pillow-heif.

    ``image`` is Pillow's image from pillow-heif's opener; ``exif_orientation``
    the file's own EXIF tag (read before pillow-heif reset it), used to tell
    "upright" (1) from "not said" (None) as for a JPEG.  The transforms are
    read from pillow-heif's decoder handle (``transformations``, present in
    pillow-heif 1.x); when that is missing, the EXIF orientation stands in,
    since HEIF writers set both alike.
    """
    width, height = image.size
    transforms = _transforms(image)
    orientation = None if transforms is None else orientation_of(transforms)
    if orientation is None:
        original = image.info.get("original_orientation")
        orientation = original if isinstance(original, int) else exif_orientation
        if orientation is not None and not 1 <= orientation <= 8:
            orientation = None
    elif orientation == 1 and exif_orientation is None and not _says_turn(transforms):
        orientation = None  # not turned and nothing said: null, as for a JPEG without the tag
    elif orientation != exif_orientation and exif_orientation is not None:
        log.debug(
            "HEIF turned as %s, its EXIF tag says %s: the HEIF boxes win",
            orientation,
            exif_orientation,
        )
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    return width, height, orientation


def _says_turn(transforms: tuple[tuple[Any, ...], ...] | None) -> bool:
    """Whether the file has an ``irot`` or ``imir`` box (an ``irot`` of 0 says "upright")."""
    return any(step and step[0] in ("irot", "imir") for step in transforms or ())


def _transforms(image: Any) -> tuple[tuple[Any, ...], ...] | None:
    """pillow-heif's ``transformations`` (an ``irot`` of 0 says "upright"), or None."""
    heif_file = getattr(image, "_heif_file", None)
    try:
        handle = heif_file[image.tell()] if heif_file else None
        transforms = getattr(getattr(handle, "_c_image", None), "transformations", None)
    except (IndexError, TypeError, AttributeError):
        return None
    if not isinstance(transforms, tuple):
        log.debug("pillow-heif does not say how this HEIF is turned")
        return None
    return transforms
