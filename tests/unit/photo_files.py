# SPDX-License-Identifier: GPL-3.0-or-later
"""Photo files made on the fly for the scanning and thumbnail tests."""

from __future__ import annotations

import datetime as dt
import io
import struct
from pathlib import Path

from PIL import Image, ImageDraw


def exif_with_preview(preview_jpeg: bytes, orientation: int = 1) -> bytes:
    """Raw EXIF (APP1 payload) holding an orientation and an IFD1 JPEG preview."""
    ifd1_offset = 8 + 18
    data_offset = ifd1_offset + 30
    tiff = b"II*\x00" + struct.pack("<I", 8)
    tiff += struct.pack("<H", 1) + struct.pack("<HHIHH", 0x0112, 3, 1, orientation, 0)
    tiff += struct.pack("<I", ifd1_offset)
    tiff += struct.pack("<H", 2)
    tiff += struct.pack("<HHII", 0x0201, 4, 1, data_offset)
    tiff += struct.pack("<HHII", 0x0202, 4, 1, len(preview_jpeg))
    tiff += struct.pack("<I", 0)
    return b"Exif\x00\x00" + tiff + preview_jpeg


def make_jpeg(
    path: Path, size: tuple[int, int] = (800, 600), *, orientation: int = 1, preview: int = 0
) -> Path:
    image = Image.new("RGB", size, (200, 40, 40))
    image.paste((20, 20, 220), (0, 0, size[0] // 2, size[1]))  # left half blue
    kwargs: dict[str, object] = {}
    if preview:
        small = io.BytesIO()
        image.resize((preview, preview * size[1] // size[0])).save(small, "JPEG")
        kwargs["exif"] = exif_with_preview(small.getvalue(), orientation)
    elif orientation != 1:
        exif = Image.Exif()
        exif[0x0112] = orientation
        kwargs["exif"] = exif.tobytes()
    image.save(path, "JPEG", quality=90, **kwargs)
    return path


def make_tagged_jpeg(
    path: Path,
    *,
    taken: dt.datetime | None = None,
    caption: str | None = None,
    size: tuple[int, int] = (320, 240),
) -> Path:
    """A small JPEG with EXIF DateTimeOriginal and ImageDescription when given."""
    path.parent.mkdir(parents=True, exist_ok=True)
    exif = Image.Exif()
    if caption is not None:
        exif[0x010E] = caption
    if taken is not None:
        exif.get_ifd(0x8769)[0x9003] = taken.strftime("%Y:%m:%d %H:%M:%S")
    Image.new("RGB", size, (90, 120, 150)).save(path, "JPEG", exif=exif.tobytes())
    return path


def photo_like(size: tuple[int, int], mode: str = "RGB") -> Image.Image:
    """Gradients, shapes and fine noise: blocks with real AC energy, as in a photo."""
    width, height = size
    red = Image.linear_gradient("L").resize(size)
    green = Image.radial_gradient("L").resize(size)
    blue = Image.effect_noise(size, 60)
    image = Image.merge("RGB", (red, green, blue))
    draw = ImageDraw.Draw(image)
    for n in range(12):
        x, y = (n * 97) % width, (n * 61) % height
        draw.ellipse((x, y, x + width // 5, y + height // 6), fill=(250 - n * 15, 30, n * 20))
        draw.line((0, y, width, height - y), fill=(255, 255, 255), width=3)
    return image.convert(mode)
