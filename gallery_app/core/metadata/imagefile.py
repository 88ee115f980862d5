# SPDX-License-Identifier: GPL-3.0-or-later
"""Open an image file once and pull out its size and raw metadata blocks.

Only headers are read: ``Image.open`` parses the JPEG markers up to the first
scan (or the TIFF/PNG/HEIF header) and never decodes pixels, so a folder of
24 MP photos reads at thousands of files per second.  Pillow's
decompression-bomb guard stays on; a bomb or a broken header makes the image
UNREADABLE with a sentence, while whatever metadata exifread still finds is
kept.  HEIF/HEIC support (pillow-heif) is optional and loaded on first need.
"""

from __future__ import annotations

import functools
import io
import logging
from dataclasses import replace
from pathlib import Path
from typing import IO, Any

from PIL import Image, UnidentifiedImageError

from gallery_app.core.metadata import containers, exif, iptc, otherkinds, sniff
from gallery_app.core.metadata import heif as heif_geometry
from gallery_app.core.metadata.embedded import Embedded, xmp_from
from gallery_app.core.metadata.native import NATIVE_KINDS, NativeUnavailable, read_native
from gallery_app.core.models import ImageStatus

log = logging.getLogger(__name__)

# Sniffed kind -> the Pillow formats allowed to open it (no guessing by other plugins).
_PILLOW_FORMATS: dict[str, tuple[str, ...]] = {
    # Pillow's JPEG opener turns a multi-picture file into MPO itself; naming "MPO" here
    # only made a broken JPEG fail with KeyError('MPO') instead of its own reason.
    "jpeg": ("JPEG",),
    "png": ("PNG",),
    "tiff": ("TIFF",),
    "webp": ("WEBP",),
    "gif": ("GIF",),
    "bmp": ("BMP",),
    "heif": ("HEIF",),
    "avif": ("AVIF", "HEIF"),
    "jp2": ("JPEG2000",),
}
# Kinds exifread understands well enough to try first.
_EXIFREAD_KINDS = frozenset({"jpeg", "tiff", "heif", "png", "webp"})


@functools.cache
def heif_support() -> bool:
    """Register pillow-heif's opener once; ``False`` when it is not installed."""
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        log.info("pillow-heif is not installed: HEIC/HEIF files cannot be opened")
        return False
    register_heif_opener()
    return True


def _open_pillow(fh: IO[bytes], path: Path, kind: sniff.FileKind, notes: list[str]) -> Any:
    heif_ok = heif_support() if kind.key in ("heif", "avif") else True
    if kind.key == "heif" and not heif_ok:
        notes.append(
            f"{path.name} is a HEIC/HEIF photo, and HEIC support (the pillow-heif package) "
            "is not installed, so it cannot be shown."
        )
        return None
    fh.seek(0)
    try:
        image = Image.open(fh, formats=list(_PILLOW_FORMATS[kind.key]))
        _ = image.size
        return image
    except Image.DecompressionBombError:
        notes.append(
            f"{path.name} is too large to open safely (it claims more pixels than the "
            "decompression-bomb limit allows)."
        )
    except UnidentifiedImageError:  # its message names the file object, not the problem
        notes.append(
            f"{path.name} could not be opened as a {kind.name}: its header is damaged "
            "or of a kind Dateline cannot read."
        )
    except Exception as error:  # Pillow signals broken headers with many types
        notes.append(f"{path.name} could not be opened as a {kind.name}: {error}.")
    return None


def _check_exif(image: Any, path: Path, notes: list[str]) -> None:
    """Say when the EXIF block is damaged: the readers skip the broken parts silently."""
    raw = image.info.get("exif")
    if not isinstance(raw, bytes) or not raw:
        return
    problem = exif.structure_problem(raw)
    if problem:
        notes.append(
            f"The EXIF data in {path.name} is damaged ({problem}); "
            "what could be read from it is shown."
        )


# The marker a complete file of each kind ends with, and how far from the end it may sit.
_END_MARKERS = {"jpeg": b"\xff\xd9", "png": b"IEND"}
_TAIL_WINDOW = 64 * 1024
# Phones append a video (motion photos) or a trailer after the JPEG's end marker.
_TRAILER_HINTS = (b"MotionPhoto", b"MicroVideo", b"Container:Directory")


def _cut_short(fh: IO[bytes], key: str, xmp_packet: object) -> bool:
    """True when a JPEG or PNG lacks its end marker near the end: a truncated download.

    Only the last bytes are read (64 KiB at most, usually 16), so the check
    costs one seek.  Files that declare an appended video are not judged.
    """
    marker = _END_MARKERS.get(key)
    if marker is None:
        return False
    if isinstance(xmp_packet, bytes | str) and any(
        hint
        in (xmp_packet.encode("utf-8", "replace") if isinstance(xmp_packet, str) else xmp_packet)
        for hint in _TRAILER_HINTS
    ):
        return False
    try:
        size = fh.seek(0, 2)
        fh.seek(max(0, size - 16))
        if marker in fh.read():
            return False
        fh.seek(max(0, size - _TAIL_WINDOW))
        return marker not in fh.read()
    except OSError:
        return False


def _from_container(
    fh: IO[bytes],
    key: str,
    image: Any,
    found: tuple[exif.ExifTags, iptc.IptcTags],
    notes: list[str],
) -> tuple[exif.ExifTags, iptc.IptcTags, bytes | None, dict[str, str]]:
    """Fill what Pillow's pass left empty from the container's own blocks (``containers``).

    The last item: a PNG's text chunks (Title, Description...), wherever they sit.
    """
    exif_tags, iptc_tags = found
    if key == "png":
        blocks = containers.read_png(fh)
    elif key == "gif":
        blocks = containers.read_gif(fh)
    elif key == "jpeg" and image is None and not iptc_tags:
        blocks = containers.read_jpeg_app13(fh)
    else:
        return exif_tags, iptc_tags, None, {}
    notes.extend(f"In this file, {note}." for note in blocks.notes)
    if not exif_tags and blocks.exif:
        exif_tags = exif.read_with_exifread(io.BytesIO(blocks.exif))
    if not iptc_tags and blocks.iptc_app13:
        iptc_tags = iptc.read_from_jpeg_segments([blocks.iptc_app13])
    has_xmp = image is not None and image.info.get("xmp")
    return exif_tags, iptc_tags, None if has_xmp else blocks.xmp, blocks.text


def _native_key(path: Path, kind: sniff.FileKind | None) -> str | None:
    """The kind as ``native`` knows it: a TIFF named as a camera RAW is "raw-tiff"."""
    if kind is not None and kind.key == "tiff" and path.suffix.lower() in sniff.RAW_EXTENSIONS:
        return "raw-tiff"
    return kind.key if kind is not None else None


def _read_natively(
    fh: IO[bytes], path: Path, kind: sniff.FileKind, notes: list[str], key: str
) -> Embedded | None:
    """One libexiv2 parse; ``None`` (the reason logged) sends the file to the Python readers."""
    try:
        found = read_native(fh, path, key, Image.MAX_IMAGE_PIXELS)
    except NativeUnavailable as why:
        log.info("%s is read by the Python readers: %s", path.name, why)
        return None
    if found.iptc.problem:
        notes.append(
            f"The IPTC data in {path.name} is damaged ({found.iptc.problem}); "
            "what could be read from it is shown."
        )
    problem = exif.structure_problem(found.exif_raw) if found.exif_raw else None
    if problem:
        notes.append(
            f"The EXIF data in {path.name} is damaged ({problem}); "
            "what could be read from it is shown."
        )
    if _cut_short(fh, kind.key, found.xmp_packet):
        notes.append(_CUT_SHORT.format(name=path.name))
    if found.xmp_problem:
        notes.append(f"The XMP metadata inside {path.name} was ignored: {found.xmp_problem}.")
    width, height = (
        (found.width, found.height) if found.width else otherkinds.size_apart(fh, kind.key)
    )
    return Embedded(
        kind,
        ImageStatus.UNREADABLE if kind.key == "exv" else ImageStatus.OK,  # EXV: no picture
        width,
        height,
        found.exif,
        found.iptc,
        found.xmp,
        warnings=tuple(notes),
    )


_CUT_SHORT = (
    "{name} is cut short: the file ends before its picture data does, "
    "so part of the picture may be missing."
)


def _stored_size(image: Any) -> tuple[int, int]:
    """The stored pixel size: Pillow reports a TIFF turned by its orientation 5-8."""
    tags = getattr(image, "tag_v2", None) if image.format == "TIFF" else None
    if tags is not None:
        width, height = tags.get(256), tags.get(257)
        if (
            isinstance(width, int)
            and isinstance(height, int)
            and {width, height} == set(image.size)
        ):
            return width, height
    width, height = image.size
    return width, height


def _pillow_iptc(image: Any, key: str) -> iptc.IptcTags:
    """IPTC of a JPEG (its APP13 segments) or TIFF that Pillow opened."""
    if image is not None and key == "jpeg":
        segments = (data for marker, data in getattr(image, "applist", ()) if marker == "APP13")
        return iptc.read_from_jpeg_segments(segments)
    if image is not None and key == "tiff":
        return iptc.read_with_pillow(image)
    return iptc.IptcTags()


def _without_pillow(
    fh: IO[bytes], path: Path, kind: sniff.FileKind | None, notes: list[str], *, said: bool
) -> Embedded | None:
    """libexiv2's read, a video's, or the sentence for a file that is no photo; ``None``: Pillow's.

    ``said``: the notes already say what the file really is (its name lied).
    """
    native_key = _native_key(path, kind)
    if native_key in NATIVE_KINDS and kind is not None:  # camera RAWs too (CRW, CR3, NEF...)
        if native := _read_natively(fh, path, kind, notes, native_key):
            return native
        if kind.key == "jxl":  # a bare codestream (no boxes, so no metadata), or damaged
            return otherkinds.jxl_size_only(fh, path, kind, notes)
        if kind.key == "cr3" and (boxed := otherkinds.cr3_boxes(fh, kind, notes)):
            return boxed
    if kind is not None and kind.key == "x3f":
        return otherkinds.read_x3f(fh, path, kind, notes)
    if kind is not None and kind.is_image:
        return None
    if kind is not None and kind.key in otherkinds.VIDEO_KINDS:
        # A video is no failure: its card says "Video" (and its length), not a warning.
        return otherkinds.read_video(fh, path, kind, notes)
    if not said:
        what = kind.name if kind else "a file of unknown type"
        notes.append(f"{path.name} is {what}, not a photo Dateline can show.")
    return Embedded(kind, ImageStatus.UNREADABLE, warnings=tuple(notes))


def read_embedded(fh: IO[bytes], path: Path) -> Embedded:
    """Sniff, open headers and read EXIF, IPTC and XMP from an open binary file."""
    containers.pillow_policy()
    notes: list[str] = []
    kind = sniff.sniff_bytes(fh.read(sniff.HEAD_SIZE))
    mismatch = sniff.mismatch_warning(path, kind)
    if mismatch:
        notes.append(mismatch)
    early = _without_pillow(fh, path, kind, notes, said=bool(mismatch))
    if early is not None or kind is None:
        return early or Embedded(kind, ImageStatus.UNREADABLE, warnings=tuple(notes))

    image = _open_pillow(fh, path, kind, notes) if kind.key in _PILLOW_FORMATS else None
    exif_tags = exif.ExifTags()
    if kind.key in _EXIFREAD_KINDS:
        fh.seek(0)
        exif_tags = exif.read_with_exifread(fh)
    if not exif_tags and image is not None:
        exif_tags = exif.read_with_pillow(image)

    found = (exif_tags, _pillow_iptc(image, kind.key))
    exif_tags, iptc_tags, extra_xmp, text = _from_container(fh, kind.key, image, found, notes)
    if iptc_tags.problem:
        notes.append(
            f"The IPTC data in {path.name} is damaged ({iptc_tags.problem}); "
            "what could be read from it is shown."
        )
    if image is None:
        return Embedded(
            kind, ImageStatus.UNREADABLE, exif=exif_tags, iptc=iptc_tags, warnings=tuple(notes)
        )
    _check_exif(image, path, notes)
    if _cut_short(fh, kind.key, image.info.get("xmp")):
        notes.append(_CUT_SHORT.format(name=path.name))
    width, height = _stored_size(image)
    if image.format == "HEIF":  # pillow-heif turned it: back to the stored size and its turn
        width, height, turn = heif_geometry.stored_geometry(image, exif_tags.orientation)
        exif_tags = replace(exif_tags, orientation=turn)
    return Embedded(
        kind,
        ImageStatus.OK,
        width,
        height,
        exif_tags,
        iptc_tags,
        xmp_from(image, path, notes, extra_xmp),
        text,
        tuple(notes),
        (lambda: exif.pillow_user_comment(image))
        if exif_tags.reader == "exifread" and "UserComment" not in exif_tags.text
        else (lambda: None),
    )
