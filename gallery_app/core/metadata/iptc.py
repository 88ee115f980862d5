# SPDX-License-Identifier: GPL-3.0-or-later
"""Read IPTC-IIM datasets (captions, by-lines, places) and decode their text.

Pillow finds the IIM block (``IptcImagePlugin.getiptcinfo``) in TIFFs and
other formats.  In JPEGs Pillow keeps only the *last* Photoshop IPTC resource,
but when a file carries two blocks (an editor appended one without removing the
old), the first is the one other tools show; so for JPEG the APP13 segments are
walked here in file order and the first IPTC resource wins.  Text follows the
coded character set of dataset 1:90 (UTF-8 or Latin-1); without it, UTF-8 if
valid, else Latin-1 or MacRoman, whichever reads more naturally.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

from PIL import IptcImagePlugin

from gallery_app.core import textdecode

log = logging.getLogger(__name__)

# (record, dataset) -> the IPTC name used in ``sources``.
DATASETS: dict[tuple[int, int], str] = {
    (2, 5): "Object Name",
    (2, 25): "Keywords",
    (2, 55): "Date Created",
    (2, 60): "Time Created",
    (2, 62): "Digital Creation Date",
    (2, 63): "Digital Creation Time",
    (2, 80): "By-line",
    (2, 90): "City",
    (2, 92): "Sub-location",
    (2, 95): "Province-State",
    (2, 100): "Country Code",
    (2, 101): "Country",
    (2, 105): "Headline",
    (2, 110): "Credit",
    (2, 116): "Copyright Notice",
    (2, 120): "Caption-Abstract",
}
CHARSET = (1, 90)
_UTF8_MARKERS = (b"\x1b%G", b"\x1b%/G", b"\x1b%/I")
_LATIN1_MARKERS = (b"\x1b.A", b"\x1b-A")
_REPEATABLE_JOINER = "; "


@dataclass(frozen=True)
class IptcTags:
    """Decoded IPTC text by dataset name, and the charset that was honoured."""

    text: Mapping[str, str] = field(default_factory=dict)
    charset: str | None = None
    problem: str | None = None  # why the block is damaged, in a few words
    # MWG: the digest Photoshop stored (0x0425) and the MD5 of the IIM block as it is now,
    # both in hex; ``resolve`` compares them to know whether a tool that ignores XMP
    # changed the IPTC last.
    stored_digest: str | None = None
    block_digest: str | None = None

    def __bool__(self) -> bool:
        return bool(self.text)


def _split_iim(data: bytes) -> tuple[dict[tuple[int, int], list[bytes]], str | None]:
    """The datasets before the first broken one, and what broke (``None``: nothing)."""
    out: dict[tuple[int, int], list[bytes]] = {}
    pos, end = 0, len(data)
    problem: str | None = None
    while pos + 5 <= end:
        if data[pos] != 0x1C:
            if data[pos:].strip(b"\x00"):  # zero padding after the last dataset is normal
                problem = "it holds bytes that are not IPTC datasets"
            break
        record, dataset = data[pos + 1], data[pos + 2]
        size = int.from_bytes(data[pos + 3 : pos + 5], "big")
        pos += 5
        if size & 0x8000:  # extended dataset: the next n bytes hold the length
            n = size & 0x7FFF
            if n > 4:
                problem = "a dataset has an impossible length"
                break
            size = int.from_bytes(data[pos : pos + n], "big")
            pos += n
        if pos + size > end:
            problem = "a dataset runs past the end of the block"
            break
        out.setdefault((record, dataset), []).append(data[pos : pos + size])
        pos += size
    return out, problem


class _Resources(NamedTuple):
    """The first IPTC resource of the APP13 segments and the IPTC digest stored beside it."""

    iim: bytes | None
    overrun: bool  # the IPTC resource claims more bytes than the segments hold
    stored_digest: bytes | None  # Photoshop resource 0x0425: MD5 of the IIM when last saved


def _first_resource(app13_segments: Iterable[bytes]) -> _Resources:
    """Walk the Photoshop resources: the first IPTC block (0x0404) and digest (0x0425)."""
    header = b"Photoshop 3.0\x00"
    stream = b"".join(s[len(header) :] for s in app13_segments if s.startswith(header))
    pos = 0
    iim: bytes | None = None
    overrun = False
    digest: bytes | None = None
    while stream[pos : pos + 4] == b"8BIM" and pos + 12 <= len(stream):
        code = int.from_bytes(stream[pos + 4 : pos + 6], "big")
        name_len = stream[pos + 6]
        pos += 7 + name_len + (1 - name_len % 2)  # Pascal name padded to even
        size = int.from_bytes(stream[pos : pos + 4], "big")
        pos += 4
        if code == 0x0404 and iim is None:
            iim, overrun = stream[pos : pos + size], pos + size > len(stream)
        elif code == 0x0425 and digest is None and size == 16:
            digest = stream[pos : pos + size]
        pos += size + (size & 1)
    return _Resources(iim, overrun, digest)


def _charset(raw: Mapping[tuple[int, int], list[bytes]]) -> str | None:
    values = raw.get(CHARSET)
    if not values:
        return None
    marker = values[0].strip()
    if marker in _UTF8_MARKERS:
        return "utf-8"
    if marker in _LATIN1_MARKERS:
        return "latin-1"
    return None


def _decode(data: bytes, charset: str | None) -> str | None:
    if charset == "utf-8":
        try:
            return textdecode.clean(data.decode("utf-8"))
        except UnicodeDecodeError:
            return textdecode.decode_legacy(data)
    if charset == "latin-1":
        return textdecode.clean(data.decode("latin-1"))
    return textdecode.decode_legacy(data)


def decode(raw: Mapping[tuple[int, int], list[bytes]], problem: str | None = None) -> IptcTags:
    """Decode the datasets Dateline uses; repeated ones (two by-lines) are joined."""
    charset = _charset(raw)
    text: dict[str, str] = {}
    for key, name in DATASETS.items():
        parts = [t for t in (_decode(v, charset) for v in raw.get(key, ())) if t]
        if parts:
            text[name] = _REPEATABLE_JOINER.join(dict.fromkeys(parts))
    return IptcTags(text, charset, problem)


def read_from_jpeg_segments(app13_segments: Iterable[bytes]) -> IptcTags:
    """IPTC of a JPEG from its APP13 segments, the first block winning.

    A damaged block gives the datasets before the damage and says what broke
    in ``problem``, so the reader can tell the user why a field is missing.
    """
    data, overrun, stored = _first_resource(app13_segments)
    if not data:
        return IptcTags()
    raw, problem = _split_iim(data)
    if overrun:
        problem = "it claims more bytes than the file holds"
    return replace(
        decode(raw, problem),
        stored_digest=stored.hex() if stored else None,
        block_digest=hashlib.md5(data, usedforsecurity=False).hexdigest(),
    )


def read_with_pillow(image: Any) -> IptcTags:
    """IPTC of any other image Pillow opened (TIFF tag 33723 and the like)."""
    try:
        info = IptcImagePlugin.getiptcinfo(image)
    except Exception as error:  # Pillow raises several kinds on broken IIM
        log.debug("getiptcinfo failed: %s", error)
        return IptcTags()
    if not info:
        return IptcTags()
    raw = {k: (v if isinstance(v, list) else [v]) for k, v in info.items()}
    return decode(raw)
