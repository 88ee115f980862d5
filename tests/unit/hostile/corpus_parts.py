# SPDX-License-Identifier: GPL-3.0-or-later
"""The hostile corpus's case record and the byte-level helpers its builders share."""

from __future__ import annotations

import io
import random
import struct
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image

from gallery_app.core.models import ImageStatus
from tests.imaging import (
    exif_block,
    jpeg_segment,
    make_jpeg,
)

READABLE = "Readable caption from the sound part of the file"


@dataclass(frozen=True)
class HostileCase:
    """One hostile file and what a reader must make of it."""

    kind: str
    path: Path
    warning: str | None  # fragment of a warning (case-insensitive); None: no warning expected
    fields: Mapping[str, object] = field(default_factory=dict)
    status: ImageStatus | None = None
    thumbnail_ok: bool | None = None  # True: a thumbnail must be made; None: either way


Builder = Callable[[Path], HostileCase]


def make_good_photos(folder: Path, count: int = 2) -> list[Path]:
    """Sound photos beside the hostile one: they must load whatever their neighbour does."""
    folder.mkdir(parents=True, exist_ok=True)
    return [
        make_jpeg(
            folder / f"good-{i}.jpg",
            exif=exif_block(description=f"Good photo {i}", date_original=f"2015:03:3{i} 10:00:00"),
        )
        for i in range(count)
    ]


def _noise_jpeg(size: tuple[int, int] = (160, 120), **kw: object) -> bytes:
    """A JPEG with real entropy-coded data (noise compresses badly), with optional blocks."""
    rng = random.Random(7)
    image = Image.frombytes(
        "RGB", size, bytes(rng.getrandbits(8) for _ in range(size[0] * size[1] * 3))
    )
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    data = buffer.getvalue()
    segments = b""
    exif = kw.get("exif")
    if isinstance(exif, bytes):
        segments += jpeg_segment(0xE1, b"Exif\x00\x00" + exif)
    return data[:2] + segments + data[2:]


def _tiff_ifd(entries: list[tuple[int, int, int, bytes]], next_ifd: int, start: int) -> bytes:
    """A little-endian IFD at ``start``: entries are (tag, type, count, 4-byte value)."""
    out = struct.pack("<H", len(entries))
    for tag, kind, count, value in entries:
        out += struct.pack("<HHI", tag, kind, count) + value.ljust(4, b"\x00")[:4]
    return out + struct.pack("<I", next_ifd)


def _exif_raw(
    entries: list[tuple[int, int, int, bytes]], next_ifd: int = 0, tail: bytes = b""
) -> bytes:
    return b"II*\x00" + struct.pack("<I", 8) + _tiff_ifd(entries, next_ifd, 8) + tail


_ASCII, _SHORT, _LONG = 2, 3, 4


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def _png_claiming(width: int, height: int, text: str = "") -> bytes:
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunks = _png_chunk(b"IHDR", ihdr)
    if text:
        chunks += _png_chunk(b"tEXt", b"Description\x00" + text.encode("latin-1"))
    chunks += _png_chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + _png_chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + chunks


def _readable_exif(**kw: object) -> bytes:
    return exif_block(description=READABLE, **kw)  # type: ignore[arg-type]


def _lol_doctype(depth: int = 9) -> str:
    decl = ['<!ENTITY lol0 "lol">']
    decl += [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, depth + 1)]
    return "<!DOCTYPE meta [" + "".join(decl) + "]>"
