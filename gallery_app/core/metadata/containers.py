# SPDX-License-Identifier: GPL-3.0-or-later
"""EXIF, IPTC and XMP blocks that Pillow's openers leave behind, read from the container.

- PNG: ``eXIf`` chunks; ``iTXt`` "XML:com.adobe.xmp"; ImageMagick's and
  exiftool's ``zTXt``/``tEXt`` "Raw profile type exif / APP1 / iptc / 8bim /
  xmp" (a hex dump after a name and a length line).  Every text chunk is read
  with a bound on its decompressed size, so one oversized chunk costs that
  chunk (with a sentence), not the file.
- GIF: the XMP application extension ("XMP DataXMP").
- JPEG with no image data (a metadata-only file Pillow cannot open): the APP13
  segments that carry IPTC.

Data flow: ``imagefile.read_embedded`` -> ``read_blocks(fh, kind)`` -> raw
``Blocks`` -> the same EXIF/IPTC/XMP decoders as every other file, filling
only what Pillow's pass left empty.
"""

from __future__ import annotations

import binascii
import functools
import os
import struct
import zlib
from dataclasses import dataclass, field
from typing import IO

from PIL import ImageFile

MAX_TEXT_BYTES = 16 * 1024 * 1024  # decompressed bytes of one text chunk
_MAX_CHUNKS = 10_000
_XMP_KEY = b"XML:com.adobe.xmp"
_PROFILE = b"Raw profile type "
_PHOTOSHOP = b"Photoshop 3.0\x00"
# PNG text chunks that carry the same meaning as the EXIF/IPTC fields (keywords are
# matched without case: "comment" is written too).
PNG_TEXT_KEYS = {k.lower(): k for k in ("Title", "Description", "Author", "Copyright", "Comment")}


@functools.cache
def pillow_policy() -> None:
    """Show what arrived of a truncated file, and skip (not refuse on) an oversized chunk.

    Pillow's own switch; set once, on first use, for every reader and decoder.
    """
    ImageFile.LOAD_TRUNCATED_IMAGES = True


@dataclass
class Blocks:
    """Raw blocks found in the container; ``notes`` are sentences for the user."""

    exif: bytes | None = None  # TIFF stream ("II*\\0"…)
    iptc_app13: bytes | None = None  # "Photoshop 3.0\\0" + 8BIM resources
    xmp: bytes | None = None
    notes: tuple[str, ...] = ()
    text: dict[str, str] = field(default_factory=dict)  # PNG "Title", "Description"...


def _inflate(data: bytes, name: str, notes: list[str]) -> bytes | None:
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, MAX_TEXT_BYTES)
    except zlib.error:
        notes.append(f"the compressed {name} chunk is damaged and was skipped")
        return None
    if inflater.unconsumed_tail:
        notes.append(
            f"the {name} chunk holds more than {MAX_TEXT_BYTES // 2**20} MB of text; it was skipped"
        )
        return None
    return out


def _text_chunk(kind: bytes, body: bytes, notes: list[str]) -> tuple[bytes, bytes] | None:
    key, sep, rest = body.partition(b"\x00")
    if not sep:
        return None
    if kind == b"tEXt":
        return key, rest
    if kind == b"zTXt":
        text = _inflate(rest[1:], key.decode("latin-1"), notes)
        return (key, text) if text is not None else None
    if len(rest) < 2:  # iTXt: flag, method, language\0, translated keyword\0, text
        return None
    _lang, _, rest2 = rest[2:].partition(b"\x00")
    _tkey, _, text_bytes = rest2.partition(b"\x00")
    if rest[0]:
        text = _inflate(text_bytes, key.decode("latin-1"), notes)
        return (key, text) if text is not None else None
    return key, text_bytes


def raw_profile(text: bytes) -> bytes | None:
    """The bytes of an ImageMagick "Raw profile type" text: name, length, then hex."""
    lines = text.strip().split(b"\n", 2)
    if len(lines) < 3:
        return None
    try:
        length = int(lines[1].strip())
        data = binascii.unhexlify(b"".join(lines[2].split()))
    except (ValueError, binascii.Error):
        return None
    return data[:length] if length <= len(data) else data


def _as_app13(data: bytes) -> bytes | None:
    """IPTC as one APP13 payload, whether it came as 8BIM resources or bare IIM."""
    if data.startswith(_PHOTOSHOP):
        return data
    if data.startswith(b"8BIM"):
        return _PHOTOSHOP + data
    if data.startswith(b"\x1c"):
        pad = b"\x00" if len(data) % 2 else b""
        return _PHOTOSHOP + b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(data)) + data + pad
    return None


def _exif_stream(data: bytes) -> bytes | None:
    data = data[6:] if data.startswith(b"Exif\x00\x00") else data
    return data if data[:4] in (b"II*\x00", b"MM\x00*") else None


def _use_text(key: bytes, text: bytes, blocks: Blocks, utf8: bool = False) -> None:
    if key == _XMP_KEY and blocks.xmp is None:
        blocks.xmp = text
        return
    name = PNG_TEXT_KEYS.get(key.decode("latin-1").lower())
    if name is not None:
        value = text.decode("utf-8", "replace") if utf8 else text.decode("latin-1")
        if value.strip() and name not in blocks.text:
            blocks.text[name] = value.strip()
        return
    if not key.startswith(_PROFILE):
        return
    profile = key[len(_PROFILE) :].lower()
    data = raw_profile(text)
    if not data:
        return
    if profile in (b"exif", b"app1") and blocks.exif is None:
        blocks.exif = _exif_stream(data)
    elif profile in (b"iptc", b"8bim") and blocks.iptc_app13 is None:
        blocks.iptc_app13 = _as_app13(data)
    elif profile == b"xmp" and blocks.xmp is None:
        blocks.xmp = data


def read_png(fh: IO[bytes]) -> Blocks:
    """Every metadata chunk of a PNG, text bounded; the image data is skipped by seeking."""
    blocks, notes = Blocks(), list[str]()
    fh.seek(8)
    for _ in range(_MAX_CHUNKS):
        header = fh.read(8)
        if len(header) < 8:
            break
        length, kind = struct.unpack(">I4s", header)
        if kind == b"IEND":
            break
        if kind in (b"tEXt", b"zTXt", b"iTXt", b"eXIf") and length <= 4 * MAX_TEXT_BYTES:
            body = fh.read(length)
            fh.seek(4, os.SEEK_CUR)
            if kind == b"eXIf":
                blocks.exif = blocks.exif or _exif_stream(body)
                continue
            found = _text_chunk(kind, body, notes)
            if found is not None:
                _use_text(found[0], found[1], blocks, utf8=kind == b"iTXt")
        else:
            fh.seek(length + 4, os.SEEK_CUR)
    blocks.notes = tuple(notes)
    return blocks


def read_gif(fh: IO[bytes]) -> Blocks:
    """The XMP application extension of a GIF (its packet ends at "<?xpacket end")."""
    fh.seek(0)
    data = fh.read(MAX_TEXT_BYTES)
    start = data.find(b"XMP DataXMP")
    if start < 0:
        return Blocks()
    packet = data[start + 11 :]
    end = packet.find(b"<?xpacket end")
    if end >= 0:
        close = packet.find(b"?>", end)
        packet = packet[: close + 2] if close >= 0 else packet[:end]
    return Blocks(xmp=packet)


def read_jpeg_app13(fh: IO[bytes]) -> Blocks:
    """APP13 (IPTC) of a JPEG by walking its markers, for files Pillow refuses."""
    fh.seek(2)
    found: list[bytes] = []
    for _ in range(_MAX_CHUNKS):
        marker = fh.read(4)
        if len(marker) < 4 or marker[0] != 0xFF or marker[1] in (0xD9, 0xDA):
            break
        length = struct.unpack(">H", marker[2:])[0]
        body = fh.read(max(0, length - 2))
        if marker[1] == 0xED and body.startswith(_PHOTOSHOP):
            found.append(body)
    return Blocks(iptc_app13=b"".join(found[:1]) or None)
