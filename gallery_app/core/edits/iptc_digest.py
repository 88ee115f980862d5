# SPDX-License-Identifier: GPL-3.0-or-later
"""Keep a JPEG's IPTC digest true after its IPTC block was rewritten.

Photoshop stores an MD5 of the IPTC-IIM block (image resource 0x0404) as
resource 0x0425; the Metadata Working Group's rule is that a reader trusts the
IPTC values only while the digest matches (otherwise the XMP wins).  exiv2
rewrites the IPTC block but leaves an old digest as it was, which would make
every MWG reader ignore the corrected IPTC values, so after exiv2 has written
the file this module sets the digest to the MD5 of the new block.  Only the
Photoshop APP13 segment is touched; the image data is copied byte for byte.
"""

from __future__ import annotations

import hashlib
import struct

_PHOTOSHOP = b"Photoshop 3.0\x00"
_IPTC, _DIGEST = 0x0404, 0x0425


def _resources(segment: bytes) -> list[tuple[int, bytes, bytes]]:
    """(id, name field, data) of each 8BIM resource after the Photoshop signature."""
    out: list[tuple[int, bytes, bytes]] = []
    pos = len(_PHOTOSHOP)
    while pos + 12 <= len(segment) and segment[pos : pos + 4] == b"8BIM":
        rid = struct.unpack(">H", segment[pos + 4 : pos + 6])[0]
        name_len = segment[pos + 6] + 1
        name_len += name_len % 2
        name = segment[pos + 6 : pos + 6 + name_len]
        start = pos + 6 + name_len
        size = struct.unpack(">I", segment[start : start + 4])[0]
        out.append((rid, name, segment[start + 4 : start + 4 + size]))
        pos = start + 4 + size + size % 2
    return out


def _encode(resources: list[tuple[int, bytes, bytes]]) -> bytes:
    parts = [_PHOTOSHOP]
    for rid, name, data in resources:
        parts.append(b"8BIM" + struct.pack(">H", rid) + name + struct.pack(">I", len(data)))
        parts.append(data + (b"\x00" if len(data) % 2 else b""))
    return b"".join(parts)


def _with_digest(segment: bytes) -> bytes:
    resources = _resources(segment)
    iptc = next((data for rid, _, data in resources if rid == _IPTC), None)
    if iptc is None:
        return segment
    digest = hashlib.md5(iptc, usedforsecurity=False).digest()
    kept = [r for r in resources if r[0] != _DIGEST]
    kept.append((_DIGEST, b"\x00\x00", digest))
    return _encode(kept)


def update_jpeg(data: bytes) -> bytes:
    """``data`` (a JPEG) with its IPTC digest set to the MD5 of its IPTC block."""
    if not data.startswith(b"\xff\xd8"):
        return data
    out = [data[:2]]
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF:
        marker = data[pos + 1]
        if marker == 0xDA:  # start of scan: the image data follows, copied as it is
            break
        length = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        body = data[pos + 4 : pos + 2 + length]
        if marker == 0xED and body.startswith(_PHOTOSHOP):
            body = _with_digest(body)
            if len(body) + 2 > 0xFFFF:
                return data  # no room for the digest: leave the file as exiv2 wrote it
        out.append(bytes((0xFF, marker)) + struct.pack(">H", len(body) + 2) + body)
        pos += 2 + length
    out.append(data[pos:])
    return b"".join(out)


def current_digest(data: bytes) -> tuple[bytes | None, bytes | None]:
    """(stored digest, MD5 of the IPTC block) of a JPEG, for checks and tests."""
    pos = 2
    while pos + 4 <= len(data) and data[pos] == 0xFF and data[pos + 1] != 0xDA:
        length = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        body = data[pos + 4 : pos + 2 + length]
        if data[pos + 1] == 0xED and body.startswith(_PHOTOSHOP):
            found = {rid: d for rid, _, d in _resources(body)}
            iptc = found.get(_IPTC)
            md5 = hashlib.md5(iptc, usedforsecurity=False).digest() if iptc else None
            return found.get(_DIGEST), md5
        pos += 2 + length
    return None, None
