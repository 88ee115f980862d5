# SPDX-License-Identifier: GPL-3.0-or-later
"""The last steps every decoder shares: shrink to the box, RGB or RGBA, upright.

Done on the small picture, after the decoder's own scaling, so turning a
portrait photo upright costs a 256 px transpose, not a full-size one.
"""

from __future__ import annotations

from dataclasses import dataclass

from PIL import Image

# EXIF orientation -> the transpose that turns the stored picture upright.
TRANSPOSE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}
TURNED = frozenset({5, 6, 7, 8})  # orientations that swap width and height


@dataclass(frozen=True)
class Decoded:
    """The fitted upright picture and the upright pixel size of the original."""

    image: Image.Image
    source_size: tuple[int, int]


def fit(image: Image.Image, box: tuple[int, int] | None) -> Image.Image:
    """``image`` shrunk to fit ``box`` (never enlarged), in RGB or RGBA.

    ``thumbnail`` reduces by whole factors first (``reducing_gap``) and then
    resamples bicubically, so a picture the decoder could not scale (PNG,
    TIFF, WebP) costs a box reduction plus a small resample.
    """
    if box is not None and (image.width > box[0] or image.height > box[1]):
        image.thumbnail(box, Image.Resampling.BICUBIC, reducing_gap=2.0)
    if image.mode not in ("RGB", "RGBA"):
        has_alpha = image.mode in ("LA", "PA", "RGBa", "La") or "transparency" in image.info
        image = image.convert("RGBA" if has_alpha else "RGB")
    return image


def turn(image: Image.Image, orientation: int) -> Image.Image:
    """``image`` turned upright for an EXIF ``orientation`` (1 or unknown: as it is)."""
    method = TRANSPOSE.get(orientation)
    if method is None:
        return image
    upright = image.transpose(method)
    for key in ("exif", "xmp", "XML:com.adobe.xmp"):  # no later step may turn it again
        upright.info.pop(key, None)
    return upright


def orientation_of(image: Image.Image) -> int:
    """The EXIF orientation Pillow reads (EXIF, else the XMP ``tiff:Orientation``); 1 if none."""
    value = image.getexif().get(0x0112, 1)
    return value if isinstance(value, int) and value in range(1, 9) else 1
