# SPDX-License-Identifier: GPL-3.0-or-later
"""The shared decoder opens what cameras and phones write, and says why when it cannot."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from gallery_app.core.imaging import decode, kinds


def _photo(size: tuple[int, int] = (640, 480)) -> Image.Image:
    image = Image.new("RGB", size, (200, 40, 40))
    image.paste((20, 20, 220), (0, 0, size[0] // 2, size[1]))
    return image


def _heif_writer() -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()


@pytest.mark.parametrize("fmt, suffix", [("HEIF", ".heic"), ("AVIF", ".avif")])
def test_heic_and_avif_decode_at_display_size(tmp_path: Path, fmt: str, suffix: str) -> None:
    _heif_writer()
    path = tmp_path / f"phone{suffix}"
    _photo().save(path, fmt, quality=80)
    decoded = decode.decode_fitted(path, (320, 320))
    assert decoded.image.size == (320, 240)
    assert decoded.source_size == (640, 480)
    left, right = decoded.image.getpixel((10, 100)), decoded.image.getpixel((300, 100))
    assert left[2] > 150 and right[0] > 150  # blue half, red half: the picture, not a blank


def test_jpeg_xl_decodes(tmp_path: Path) -> None:
    pytest.importorskip("pillow_jxl")
    path = tmp_path / "photo.jxl"
    _photo().save(path, "JXL")
    assert decode.decode_fitted(path, (100, 100)).image.size == (100, 75)


def _dng_like(path: Path, preview: Image.Image) -> None:
    """A TIFF with a DNG name: what Pillow sees of a camera raw's first page."""
    preview.save(path, "TIFF")


def test_dng_like_tiff_is_a_raw_and_still_shows(tmp_path: Path) -> None:
    path = tmp_path / "camera.dng"
    _dng_like(path, _photo((300, 200)))
    assert kinds.classify(path).family == "raw"
    decoded = decode.decode_fitted(path, (150, 150))  # LibRaw refuses it; Pillow shows the page
    assert decoded.image.size == (150, 100)


def test_orientation_is_applied(tmp_path: Path) -> None:
    path = tmp_path / "turned.jpg"
    exif = Image.Exif()
    exif[0x0112] = 6
    _photo().save(path, "JPEG", exif=exif.tobytes())
    decoded = decode.decode_fitted(path, None)
    assert decoded.image.size == (480, 640)
    assert decoded.source_size == (480, 640)


def test_truncated_jpeg_shows_the_part_that_arrived(tmp_path: Path) -> None:
    out = io.BytesIO()
    _photo().save(out, "JPEG", quality=90)
    path = tmp_path / "cut.jpg"
    path.write_bytes(out.getvalue()[: len(out.getvalue()) * 2 // 3])
    decoded = decode.decode_fitted(path, None)
    assert decoded.image.size == (640, 480)
    assert decoded.image.getpixel((10, 10))[2] > 150  # the top arrived


def test_video_is_named_not_decoded(tmp_path: Path) -> None:
    path = tmp_path / "clip.mov"
    path.write_bytes(b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  " + bytes(64))
    assert kinds.classify(path).family == "video"
    assert kinds.is_listed(path)
    with pytest.raises(decode.DecodeError, match=r"clip\.mov is an? .*video"):
        decode.decode_fitted(path, (100, 100))


def test_garbage_says_why(tmp_path: Path) -> None:
    path = tmp_path / "broken.heic"
    path.write_bytes(b"\x00\x00\x00\x18ftypheic" + bytes(40))
    with pytest.raises(decode.DecodeError, match=r"broken\.heic"):
        decode.decode_fitted(path, (100, 100))
