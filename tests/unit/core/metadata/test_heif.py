# SPDX-License-Identifier: GPL-3.0-or-later
"""HEIC/HEIF: width and height are the stored pixels and orientation the EXIF code, as for a JPEG.

pillow-heif hands the picture back already turned (by the file's ``irot`` and
``imir`` boxes) and resets its EXIF orientation; ``gallery-cli list`` must
still say what exiftool says: ``ImageWidth``/``ImageHeight`` of the stored
picture and the orientation that turns it upright.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from gallery_app.core.metadata import heif as heif_geometry
from gallery_app.core.metadata.reader import read_metadata

pillow_heif = pytest.importorskip("pillow_heif")


def _can_encode_heif() -> bool:
    try:
        pillow_heif.register_heif_opener()
        Image.new("RGB", (16, 16)).save(io.BytesIO(), "HEIF")
    except (OSError, KeyError, ValueError, RuntimeError):
        return False
    return True


needs_encoder = pytest.mark.skipif(not _can_encode_heif(), reason="no HEIF encoder")


def make_heic(path: Path, size: tuple[int, int], orientation: int | None) -> Path:
    """A HEIC whose stored picture is ``size``; pillow-heif writes ``irot``/``imir``
    boxes for ``orientation`` (the EXIF tag goes in too, as phones do)."""
    image = Image.new("RGB", size, (200, 40, 40))
    kwargs = {}
    if orientation is not None:
        exif = Image.Exif()
        exif[0x0112] = orientation
        kwargs["exif"] = exif.tobytes()
    image.save(path, "HEIF", quality=60, **kwargs)
    return path


@needs_encoder
@pytest.mark.parametrize("orientation", range(1, 9))
def test_heic_reports_stored_size_and_orientation(tmp_path: Path, orientation: int) -> None:
    photo = make_heic(tmp_path / f"o{orientation}.heic", (64, 32), orientation)
    info = read_metadata(photo).info
    assert (info.width, info.height, info.orientation) == (64, 32, orientation)


@needs_encoder
def test_heic_without_orientation_says_null(tmp_path: Path) -> None:
    info = read_metadata(make_heic(tmp_path / "plain.heic", (64, 32), None)).info
    assert (info.width, info.height, info.orientation) == (64, 32, None)


@pytest.mark.parametrize(
    ("transforms", "code"),
    [
        ((), 1),
        ((("clap", 0, 0, 0, 32, 64, 64),), 1),
        ((("imir", 1),), 2),
        ((("irot", 180),), 3),
        ((("imir", 0),), 4),
        ((("irot", 270), ("imir", 1)), 5),
        ((("irot", 270),), 6),
        ((("irot", 270), ("imir", 0)), 7),
        ((("irot", 90),), 8),
        ((("imir", 1), ("irot", 90)), 5),  # mirror first, then a quarter turn
        ((("irot", 45),), None),
        ((("what", 1),), None),
    ],
)
def test_transforms_map_to_exif_codes(
    transforms: tuple[tuple[object, ...], ...], code: int
) -> None:
    assert heif_geometry.orientation_of(transforms) == code


_PILLOW_OP = {
    "irot": {
        90: Image.Transpose.ROTATE_90,
        180: Image.Transpose.ROTATE_180,
        270: Image.Transpose.ROTATE_270,
    },
    "imir": {0: Image.Transpose.FLIP_TOP_BOTTOM, 1: Image.Transpose.FLIP_LEFT_RIGHT},
}
_EXIF_OP = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}


@pytest.mark.parametrize(
    "first", [("irot", 90), ("irot", 180), ("irot", 270), ("imir", 0), ("imir", 1)]
)
@pytest.mark.parametrize("second", [("irot", 90), ("irot", 270), ("imir", 0), ("imir", 1)])
def test_any_two_transforms_turn_pixels_like_their_exif_code(
    first: tuple[str, int], second: tuple[str, int]
) -> None:
    picture = Image.new("L", (3, 2))
    picture.putdata(range(6))  # every pixel different: any wrong turn shows
    turned = picture
    for name, value in (first, second):
        turned = turned.transpose(_PILLOW_OP[name][value])
    code = heif_geometry.orientation_of((first, second))
    assert code is not None
    expected = picture if code == 1 else picture.transpose(_EXIF_OP[code])
    assert turned.tobytes() == expected.tobytes() and turned.size == expected.size
