# SPDX-License-Identifier: GPL-3.0-or-later
"""The freedesktop thumbnail cache, shared with file managers and other viewers.

Layout (https://specifications.freedesktop.org/thumbnail-spec/): under
``paths.thumbnail_root()`` one folder per size (``normal`` 128 px, ``large``
256, ``x-large`` 512, ``xx-large`` 1024), each thumbnail a PNG named after the
MD5 of the file's URI.  A thumbnail is valid only while its ``Thumb::URI`` and
``Thumb::MTime`` text chunks match the file; files that cannot be read get an
empty marker in ``fail/dateline-<version>/`` so they are not retried until they
change.

Data flow: ``lookup()`` (cheap: reads the PNG's leading chunks only) →
``make_thumbnail()`` (the shared decoder of ``core/imaging``: JPEG DCT scaling,
EXIF orientation applied, HEIF/AVIF/JPEG XL/RAW, the bomb guard left on) → ``store()`` (atomic).
``ensure_thumbnail()`` does all three with one ``stat`` of the photo; the PNG
is written with fast zlib settings and atomically, but without ``fsync`` (see
``store``).  ``embedded_preview()`` pulls the small
JPEG a camera stores in EXIF, which can be shown before the real thumbnail is
ready.  Nothing here imports Qt: the CLI and the Qt provider share it.
"""

from __future__ import annotations

import hashlib
import io
import logging
import os
import struct
import urllib.parse
import zlib
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, PngImagePlugin, UnidentifiedImageError

from gallery_app import __version__
from gallery_app.core import paths
from gallery_app.core.imaging import decode
from gallery_app.core.imaging.fitting import TRANSPOSE
from gallery_app.core.store.atomic import write_bytes_atomic
from gallery_app.core.store.notices import THUMBNAILS, StorageNotices
from gallery_app.core.textdecode import printable

log = logging.getLogger(__name__)

SIZES: dict[str, int] = {"normal": 128, "large": 256, "x-large": 512, "xx-large": 1024}
SOFTWARE = f"Dateline {__version__}"
FAIL_FOLDER = f"dateline-{__version__}"
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_EXIF_HEADER = b"Exif\x00\x00"
# What g_filename_to_uri leaves alone besides letters, digits and "_.-~" (which
# quote_from_bytes always keeps): GLib's gconvert.c table for paths.
_GLIB_PATH_SAFE = "!$&'()*+,/:=@"
# Errors that mean "this file cannot be thumbnailed", as opposed to a bug.
# EOFError: pillow-heif's decoder on a truncated HEIC ("Unexpected end of file").
_READ_ERRORS = (
    OSError,
    EOFError,
    UnidentifiedImageError,
    Image.DecompressionBombError,
    ValueError,
    SyntaxError,
    decode.DecodeError,
)


@dataclass(frozen=True)
class ThumbResult:
    """What ``ensure_thumbnail`` did: ``path`` of a valid PNG, or ``failed``.

    ``not_saved``: the photo was read and ``image`` holds its thumbnail, but the
    cache could not store it (a full or read-only disk) — not a failure to read.
    """

    path: Path | None
    image: Image.Image | None = None
    failed: bool = False
    created: bool = False
    not_saved: bool = False


def size_name_for(pixels: int) -> str:
    """The smallest standard size that covers ``pixels`` (the largest if none does)."""
    for name, edge in SIZES.items():
        if edge >= pixels:
            return name
    return "xx-large"


def file_uri(path: Path) -> str:
    """The URI the standard hashes, escaped exactly as GLib's ``g_filename_to_uri``.

    File managers (Nautilus, Thunar, anything on GIO) name their thumbnails
    after that URI, so one differing byte means two caches instead of one.
    GLib leaves ``! $ & ' ( ) * + , : = @ ~`` unescaped where ``Path.as_uri``
    escapes them, and escapes ``;``.  Like ``g_file_new_for_path`` the path is
    made absolute and ``.``, ``..`` and repeated slashes are folded lexically
    (symbolic links are not followed); its bytes, UTF-8 or not, are escaped
    one by one in upper-case hex.
    """
    if os.name != "posix":
        return path.absolute().as_uri()
    raw = os.fsencode(os.path.abspath(path))
    return "file://" + urllib.parse.quote_from_bytes(raw, safe=_GLIB_PATH_SAFE)


def thumbnail_name(path: Path) -> str:
    """MD5 of the file URI plus ``.png``; MD5 is what the standard names, not a security use."""
    return hashlib.md5(file_uri(path).encode("utf-8"), usedforsecurity=False).hexdigest() + ".png"


def thumbnail_path(path: Path, size: str = "large") -> Path:
    if size not in SIZES:
        raise ValueError(f"Unknown thumbnail size {size!r}; use one of {', '.join(SIZES)}.")
    return paths.thumbnail_root() / size / thumbnail_name(path)


def fail_path(path: Path) -> Path:
    return paths.thumbnail_root() / "fail" / FAIL_FOLDER / thumbnail_name(path)


def read_png_text(png: Path) -> dict[str, str]:
    """The tEXt/iTXt/zTXt chunks that come before the image data.

    Parsing the chunk headers ourselves reads a few hundred bytes instead of
    opening the image; the standard puts the Thumb:: keys before IDAT.
    """
    texts: dict[str, str] = {}
    try:
        with png.open("rb") as handle:
            if handle.read(8) != _PNG_SIGNATURE:
                return texts
            while True:
                header = handle.read(8)
                if len(header) < 8:
                    return texts
                length, kind = struct.unpack(">I4s", header)
                if kind in (b"IDAT", b"IEND") or length > 1 << 20:
                    return texts
                body = handle.read(length)
                handle.seek(4, os.SEEK_CUR)  # CRC
                if kind in (b"tEXt", b"zTXt", b"iTXt"):
                    _parse_text_chunk(kind, body, texts)
    except OSError:
        return texts


def _parse_text_chunk(kind: bytes, body: bytes, texts: dict[str, str]) -> None:
    key, sep, rest = body.partition(b"\x00")
    if not sep:
        return
    try:
        if kind == b"tEXt":
            value = rest.decode("latin-1")
        elif kind == b"zTXt":
            value = zlib.decompress(rest[1:]).decode("latin-1")
        else:  # iTXt: flag, method, language\0, translated keyword\0, text
            flag = rest[0]
            _lang, _, rest2 = rest[2:].partition(b"\x00")
            _tkey, _, text = rest2.partition(b"\x00")
            value = (zlib.decompress(text) if flag else text).decode("utf-8")
    except (zlib.error, UnicodeDecodeError, IndexError):
        return
    texts[key.decode("latin-1")] = value


def _stat(path: Path) -> os.stat_result | None:
    try:
        return path.stat()
    except OSError:
        return None


def _mtime(path: Path) -> int | None:
    stat = _stat(path)
    return None if stat is None else int(stat.st_mtime)


def _matches(png: Path, path: Path, mtime: int) -> bool:
    texts = read_png_text(png)
    return texts.get("Thumb::URI") == file_uri(path) and texts.get("Thumb::MTime") == str(mtime)


def lookup(path: Path, size: str = "large", *, mtime: int | None = None) -> Path | None:
    """The cached thumbnail of ``path`` if it is still valid, else None.

    ``mtime``: the file's, when the caller has just read it (saves a ``stat``).
    """
    mtime = _mtime(path) if mtime is None else mtime
    if mtime is None:
        return None
    png = thumbnail_path(path, size)
    return png if png.is_file() and _matches(png, path, mtime) else None


def read_thumbnail(png: Path) -> Image.Image | None:
    """A cached thumbnail's pixels (RGB or RGBA), or None when the PNG cannot be read."""
    try:
        with Image.open(png) as image:
            image.load()
            return image if image.mode in ("RGB", "RGBA") else image.convert("RGBA")
    except _READ_ERRORS as exc:
        log.info("cached thumbnail %s cannot be read: %s", printable(str(png)), exc)
        return None


def has_failed(path: Path, *, mtime: int | None = None) -> bool:
    """True when an earlier attempt on this very version of the file failed."""
    mtime = _mtime(path) if mtime is None else mtime
    if mtime is None:
        return True
    marker = fail_path(path)
    return marker.is_file() and _matches(marker, path, mtime)


def make_thumbnail(path: Path, edge: int) -> Image.Image:
    """Decode ``path`` to fit ``edge`` px, upright, in RGB or RGBA.

    JPEGs are decoded at 1/2, 1/4 or 1/8 scale by the decoder itself (the
    largest reduction that still covers ``edge``), so a 24 MP photo costs a
    fraction of a full decode.  Raises the Pillow/OS error when unreadable.
    """
    return _decode(path, edge)[0]


def _decode(path: Path, edge: int) -> tuple[Image.Image, tuple[int, int]]:
    """The thumbnail and the upright size of the original, through the shared decoder."""
    decoded = decode.decode_fitted(path, (edge, edge))
    return decoded.image, decoded.source_size


def _pnginfo(
    path: Path, mtime: int, st_size: int, width: int | None, height: int | None
) -> PngImagePlugin.PngInfo:
    info = PngImagePlugin.PngInfo()
    info.add_text("Thumb::URI", file_uri(path))
    info.add_text("Thumb::MTime", str(mtime))
    info.add_text("Thumb::Size", str(st_size))
    if width is not None and height is not None:
        info.add_text("Thumb::Image::Width", str(width))
        info.add_text("Thumb::Image::Height", str(height))
    info.add_text("Software", SOFTWARE)
    return info


def store(
    path: Path,
    size: str,
    thumb: Image.Image,
    source_size: tuple[int, int] | None = None,
    *,
    stat: os.stat_result | None = None,
) -> Path:
    """Write ``thumb`` as the standard PNG for ``path``; atomic, private (0600).

    zlib level 1: a 256 px thumbnail encodes in about 60 % of level 3's time
    for 2 % more bytes.  Atomic (a reader sees the old file or the new one)
    but not ``fsync``-ed: this is a cache, as GLib's thumbnailers treat it,
    and the flush cost more than encoding the PNG.  A power cut can at worst
    leave an empty or cut file, which fails the ``Thumb::`` check and is made
    again.  ``stat``: the photo's, when the caller has just read it.
    """
    stat = path.stat() if stat is None else stat
    out = io.BytesIO()
    info = _pnginfo(path, int(stat.st_mtime), stat.st_size, *(source_size or (None, None)))
    thumb.save(out, "PNG", pnginfo=info, compress_level=1)
    target = thumbnail_path(path, size)
    _private_folders(target.parent)
    write_bytes_atomic(target, out.getvalue(), mode=0o600, durable=False)
    return target


def _private_folders(folder: Path) -> None:
    """Create ``folder`` and the cache folders above it 0700, as the standard asks."""
    root = paths.thumbnail_root()
    for part in [*reversed(folder.relative_to(root).parents), folder.relative_to(root)]:
        (root / part).mkdir(mode=0o700, parents=True, exist_ok=True)


def mark_failed(path: Path) -> None:
    """Leave the standard's empty marker so the file is not retried until it changes."""
    try:
        stat = path.stat()
    except OSError:
        return
    out = io.BytesIO()
    Image.new("RGBA", (1, 1)).save(
        out, "PNG", pnginfo=_pnginfo(path, int(stat.st_mtime), stat.st_size, None, None)
    )
    target = fail_path(path)
    try:
        _private_folders(target.parent)
        write_bytes_atomic(target, out.getvalue(), mode=0o600)
    except OSError as exc:
        log.info("could not record thumbnail failure for %s: %s", printable(str(path)), exc)


def ensure_thumbnail(
    path: Path,
    size: str = "large",
    *,
    keep_image: bool = False,
    notices: StorageNotices | None = None,
) -> ThumbResult:
    """A valid thumbnail of ``path`` at ``size``: from the cache, else made and stored.

    With ``keep_image`` the decoded PIL image is returned too, so a caller that
    shows it need not read the PNG back.  Never raises for a bad file: the
    result says ``failed`` and a marker goes into the fail folder.  A cache
    that cannot be written is not a bad file: the result is ``not_saved`` with
    the image (always), and ``notices`` hears of it once.
    """
    stat = _stat(path)
    if stat is None:
        return ThumbResult(None, failed=True)
    mtime = int(stat.st_mtime)
    cached = lookup(path, size, mtime=mtime)
    if cached is not None:
        return ThumbResult(cached)
    if has_failed(path, mtime=mtime):
        return ThumbResult(None, failed=True)
    try:
        thumb, source_size = _decode(path, SIZES[size])
    except _READ_ERRORS as exc:
        log.info("no thumbnail for %s: %s", printable(str(path)), exc)
        mark_failed(path)
        return ThumbResult(None, failed=True)
    try:
        target = store(path, size, thumb, source_size, stat=stat)
    except OSError as exc:
        (notices or StorageNotices()).report(THUMBNAILS, exc, paths.thumbnail_root())
        return ThumbResult(None, thumb, not_saved=True)
    return ThumbResult(target, thumb if keep_image else None, created=True)


def embedded_preview(path: Path) -> bytes | None:
    """The JPEG preview a camera embeds in EXIF (IFD1), or None.

    Only the file's header is read (Pillow stops at the first scan), so this
    runs at about a thousand files a second.  The preview is not rotated: see
    ``embedded_preview_image`` for one that is upright.
    """
    return _preview_and_orientation(path)[0]


def _preview_and_orientation(path: Path) -> tuple[bytes | None, int]:
    try:
        with Image.open(path) as image:
            raw = image.info.get("exif")
            if not isinstance(raw, bytes):
                return None, 1
            exif = image.getexif()
            orientation = exif.get(0x0112, 1)
            ifd1 = exif.get_ifd(-1)  # ExifTags.IFD.IFD1
    except _READ_ERRORS:
        return None, 1
    if not isinstance(orientation, int):
        orientation = 1
    offset, length = ifd1.get(0x0201), ifd1.get(0x0202)
    if not isinstance(offset, int) or not isinstance(length, int) or length <= 0:
        return None, orientation
    start = len(_EXIF_HEADER) + offset if raw.startswith(_EXIF_HEADER) else offset
    data = raw[start : start + length]
    ok = len(data) == length and data.startswith(b"\xff\xd8")
    return (data if ok else None), orientation


def embedded_preview_image(path: Path, min_edge: int = 0) -> Image.Image | None:
    """The embedded preview decoded and turned upright, if its long edge is ≥ ``min_edge``."""
    data, orientation = _preview_and_orientation(path)
    if data is None:
        return None
    try:
        with Image.open(io.BytesIO(data)) as preview:
            if max(preview.size) < min_edge:
                return None
            upright: Image.Image = preview.convert("RGB")
    except _READ_ERRORS:
        return None
    method = TRANSPOSE.get(orientation)
    return upright.transpose(method) if method is not None else upright
