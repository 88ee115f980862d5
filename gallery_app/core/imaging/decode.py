# SPDX-License-Identifier: GPL-3.0-or-later
"""Decode any supported photo to an upright Pillow image that fits a box.

One path for the grid, photo view, slideshow and thumbnailer (see the package
docstring).  A JPEG is read once and handed to ``jpeg.decode_jpeg`` (decoded
at 1/2, 1/4 or 1/8 scale by libjpeg itself, progressive ones without the scans
that scale ignores); a truncated JPEG or PNG shows the part that arrived.
Orientation is applied to the fitted picture, not the full-size one.

RAW files: the camera's embedded full-size JPEG preview is used when it covers
the box, because it is the camera's own rendering and costs a JPEG decode
(tens of milliseconds) where LibRaw's demosaicing costs seconds for a full
frame; LibRaw (``rawpy``, half size) is the fallback when a file has no
usable preview.  ``bench/raw_decode.py`` measures both.
"""

from __future__ import annotations

import functools
import io
import logging
from pathlib import Path
from typing import BinaryIO

from PIL import Image, ImageOps, UnidentifiedImageError

from gallery_app.core.imaging import jpeg, kinds
from gallery_app.core.imaging.fitting import TRANSPOSE, TURNED, Decoded, fit, orientation_of, turn
from gallery_app.core.metadata import containers

log = logging.getLogger(__name__)

__all__ = ["DecodeError", "Decoded", "decode_fitted"]

# LibRaw's flip code -> the EXIF orientation that turns its embedded preview upright.
_LIBRAW_FLIP = {3: 3, 5: 8, 6: 6}


class DecodeError(Exception):
    """The file holds no picture Dateline can show; the message says why, in a sentence."""


@functools.cache
def _register_plugins() -> None:
    """Register the optional Pillow plugins once, on the first decode (not at import)."""
    containers.pillow_policy()  # show the part of a truncated download that arrived
    try:
        from pillow_heif import register_heif_opener  # deferred: heavy, only on first decode

        register_heif_opener()
    except ImportError:
        log.info("pillow-heif is not installed: HEIC/HEIF/AVIF files cannot be shown")
    try:
        import pillow_jxl  # noqa: F401  deferred: registers the JPEG XL plugin on import
    except ImportError:
        log.info("pillow-jxl-plugin is not installed: JPEG XL files cannot be shown")


def warm_up() -> None:
    """Register the optional plugins now (a worker process does it before its first photo)."""
    _register_plugins()


def decode_fitted(path: Path, box: tuple[int, int] | None = None) -> Decoded:
    """``path`` decoded upright, shrunk to fit ``box`` (width, height); never enlarged.

    Raises ``DecodeError`` with a sentence for a file that cannot be shown.
    """
    _register_plugins()
    try:
        handle = path.open("rb")
    except OSError as error:
        raise DecodeError(f"{path.name} cannot be read: {error.strerror or error}.") from error
    with handle:
        try:
            kind = kinds.classify_head(path, handle.read(kinds.HEAD_BYTES))
        except OSError as error:
            raise DecodeError(f"{path.name} cannot be read: {error.strerror or error}.") from error
        if kind.family in ("video", "other"):
            name = _article(kind.name)
            raise DecodeError(f"{path.name} is {name}, not a photo Dateline can show.")
        try:
            return _decode_kind(path, handle, kind, box)
        except DecodeError:
            raise
        except UnidentifiedImageError as error:  # its message names the path, not the problem
            raise DecodeError(f"{path.name} is not a picture Pillow can read.") from error
        except (OSError, EOFError, ValueError, SyntaxError, Image.DecompressionBombError) as error:
            raise DecodeError(f"{path.name} could not be decoded: {error}.") from error
        except RuntimeError as error:  # a codec plugin's own failure (libjxl: "Generic Error")
            log.info("decoder plugin failed on %s: %s", path, error)
            raise DecodeError(f"{path.name} could not be decoded by its codec.") from error


def _decode_kind(
    path: Path, handle: BinaryIO, kind: kinds.Kind, box: tuple[int, int] | None
) -> Decoded:
    """A JPEG from the handle already open (one open, one pass); the rest by path."""
    if kind.family == "photo" and kind.key == "jpeg":
        handle.seek(0)
        return jpeg.decode_jpeg(handle, box)
    if kind.family == "raw":
        return _raw_or_first_page(path, box, kind)
    if kind.key == "heif":
        return _decode_heif(path, box)
    return _decode_pillow(path, box)


def _article(name: str) -> str:
    return name if name.startswith("a ") else ("an " if name[0] in "AEIOU" else "a ") + name


def _decode_pillow(path: Path, box: tuple[int, int] | None) -> Decoded:
    """Any format Pillow opens (PNG, TIFF, WebP, GIF, ...); fitted, then turned upright."""
    with Image.open(path) as image:
        turned = orientation_of(image) in TURNED
        source = (image.height, image.width) if turned else image.size
        target = (box[1], box[0]) if box is not None and turned else box
        if target is not None:
            image.draft("RGB", target)
        image.load()
        # Read again once loaded, as ``ImageOps.exif_transpose`` does: a TIFF's
        # tags can change with the page actually loaded.
        orientation = orientation_of(image)
        return Decoded(turn(fit(image, target), orientation), source)


def _decode_heif(path: Path, box: tuple[int, int] | None) -> Decoded:
    """HEIC/HEIF through pillow-heif, strictly: HEVC data that did not all arrive decodes to
    nothing, and Pillow's truncated-image switch would show that as a black frame (an
    invented picture), so a truncated HEIF is an error here, not a partial image."""
    # deferred: pillow-heif is heavy and registered on the first decode anyway
    from pillow_heif import open_heif

    heif = open_heif(path, convert_hdr_to_8bit=True)
    image = heif.to_pillow()  # rotation boxes applied; raises EOFError when data is missing
    upright = ImageOps.exif_transpose(image)
    size = upright.size  # before fitting: ``thumbnail`` shrinks in place
    fitted = fit(upright, box)
    fitted.load()
    return Decoded(fitted, size)


def _raw_or_first_page(path: Path, box: tuple[int, int] | None, kind: kinds.Kind) -> Decoded:
    """LibRaw first; a TIFF-based file LibRaw refuses still shows Pillow's first page."""
    try:
        return _decode_raw(path, box)
    except DecodeError as error:
        if kind.key != "raw-tiff":
            raise
        log.info("%s; showing its first TIFF page", error)
        return _decode_pillow(path, box)


def _decode_raw(path: Path, box: tuple[int, int] | None) -> Decoded:
    """The embedded preview when it covers ``box``, else LibRaw, else any preview at all."""
    try:
        import rawpy  # deferred: LibRaw is loaded only when a RAW is shown
    except ImportError as error:
        raise DecodeError(f"{path.name} is a camera RAW and rawpy is not installed.") from error
    try:
        with rawpy.imread(str(path)) as raw:
            flip = _LIBRAW_FLIP.get(raw.sizes.flip, 1)
            full = (raw.sizes.width, raw.sizes.height)
            preview = _raw_preview(raw, flip, box)
            if preview is not None and _covers(preview.image.size, box):
                return Decoded(fit(preview.image, box), preview.source_size)
            try:
                rgb = raw.postprocess(half_size=True, use_camera_wb=True, output_bps=8)
            except (rawpy.LibRawError, MemoryError) as error:
                if preview is None or max(preview.image.size) < _SMALLEST_PREVIEW:
                    raise
                log.info("%s: LibRaw failed (%s); showing its small preview", path.name, error)
                return Decoded(fit(preview.image, box), preview.source_size)
    except (rawpy.LibRawError, MemoryError) as error:
        reason = error.args[0] if error.args else error
        if isinstance(reason, bytes):
            reason = reason.decode("ascii", "replace")
        raise DecodeError(
            f"{path.name} is a camera RAW that LibRaw cannot read ({reason})."
        ) from error
    upright = Image.fromarray(rgb)  # LibRaw has turned it: the full size turns with it
    if (upright.width > upright.height) != (full[0] > full[1]):
        full = (full[1], full[0])
    return Decoded(fit(upright, box), full)


_SMALLEST_PREVIEW = 64  # px: LibRaw reports 8 x 8 "previews" that are no picture


def _covers(size: tuple[int, int], box: tuple[int, int] | None) -> bool:
    return box is not None and max(size) >= max(box)


def _raw_preview(raw: object, flip: int, box: tuple[int, int] | None) -> Decoded | None:
    """The embedded JPEG preview, upright, at its own size; None when there is none."""
    import rawpy  # deferred with the caller's

    try:
        thumb = raw.extract_thumb()  # type: ignore[attr-defined]
    except (rawpy.LibRawError, MemoryError):
        return None
    if thumb.format != rawpy.ThumbFormat.JPEG:
        return None
    try:
        with Image.open(io.BytesIO(thumb.data)) as embedded:
            if box is not None:
                embedded.draft("RGB", box)
            method = TRANSPOSE.get(flip)
            upright = embedded.transpose(method) if method is not None else embedded.convert("RGB")
    except (OSError, ValueError):
        return None
    return Decoded(upright, upright.size)
