# SPDX-License-Identifier: GPL-3.0-or-later
"""The photo view and slideshow decode what the grid thumbnails: one path for every format."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QSize

from gallery_app.qt.workers import decode_image


def _photo() -> Image.Image:
    image = Image.new("RGB", (400, 300), (30, 30, 220))
    image.paste((220, 30, 30), (200, 0, 400, 300))
    return image


@pytest.mark.parametrize("fmt, name", [("HEIF", "phone.heic"), ("AVIF", "web.avif")])
def test_heif_family_opens_at_full_size(tmp_path: Path, fmt: str, name: str) -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    path = tmp_path / name
    _photo().save(path, fmt)
    image = decode_image(path, QSize(200, 200))
    assert (image.width(), image.height()) == (200, 150)
    assert image.pixelColor(190, 75).red() > 150


def test_tiff_named_dng_opens(tmp_path: Path) -> None:
    path = tmp_path / "camera.dng"
    _photo().save(path, "TIFF")
    image = decode_image(path, None)
    assert (image.width(), image.height()) == (400, 300)


def test_truncated_jpeg_shows_what_arrived(tmp_path: Path) -> None:
    out = io.BytesIO()
    _photo().save(out, "JPEG", quality=90)
    path = tmp_path / "cut.jpg"
    path.write_bytes(out.getvalue()[: len(out.getvalue()) // 2])
    image = decode_image(path, QSize(400, 300))
    assert not image.isNull()
    assert image.pixelColor(10, 10).blue() > 150


def test_video_gives_a_null_image(tmp_path: Path) -> None:
    path = tmp_path / "clip.mp4"
    path.write_bytes(b"\x00\x00\x00\x18ftypisom" + bytes(64))
    assert decode_image(path, QSize(100, 100)).isNull()
