# SPDX-License-Identifier: GPL-3.0-or-later
"""Turn the bytes that cameras and editors leave in metadata into clean text.

Metadata text comes in whatever encoding the writing program fancied: UTF-8 in
EXIF "ASCII" fields, UTF-16 in Windows' XP tags, an 8-byte charset prefix in
UserComment, Latin-1 or MacRoman in old IPTC blocks.  Every function here
accepts anything, never raises, and returns ``None`` for "nothing worth
showing" so that the precedence tables can fall through to the next source.
"""

from __future__ import annotations

import logging
import re
import unicodedata

log = logging.getLogger(__name__)

# What cameras write into ImageDescription when nobody typed a caption.  Matched
# after upper-casing and collapsing whitespace.
BOILERPLATE_CAPTIONS: frozenset[str] = frozenset(
    {
        "OLYMPUS DIGITAL CAMERA",
        "SONY DSC",
        "DSC",
        "DCIM",
        "DEFAULT",
        "SAMSUNG",
        "SAMSUNG CAMERA PICTURES",
        "SAMSUNG DIGITAL CAMERA",
        "LEICA",
        "LEICA DIGITAL CAMERA",
        "KONICA MINOLTA DIGITAL CAMERA",
        "MINOLTA DIGITAL CAMERA",
        "SANYO DIGITAL CAMERA",
        "GE DIGITAL CAMERA",
        "PENTAX DIGITAL CAMERA",
        "NIKON DIGITAL CAMERA",
        "KODAK DIGITAL STILL CAMERA",
        "EASTMAN KODAK COMPANY",
        "DIGITAL CAMERA",
        "DIGITAL STILL CAMERA",
        "CAMERA",
        "CASIO",
        "EXIF_JPEG_PICTURE",
        "APPLEMARK",
        "DCF 1.0",
        "IMAGE",
        "PICTURE",
        "PHOTO",
        "UNTITLED",
        "NO DESCRIPTION",
        "LEAD TECHNOLOGIES INC. V1.01",
    }
)

# Boilerplate by shape: "XYZ DIGITAL CAMERA", a camera folder ("DCIM\100GOPRO"),
# a bare file name ("DSC_0042.JPG", "IMG_1234").
_BOILERPLATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^[A-Z0-9 ._-]{0,30} DIGITAL (STILL )?CAMERA$"),
    re.compile(r"^DCIM([\\/].*)?$"),
    re.compile(r"^(DSC|DSCF|DSCN|IMG|PICT|P|GOPR|DJI|SAM|CIMG)[_ -]?\d+(\.[A-Z0-9]{2,4})?$"),
)

_USER_COMMENT_PREFIXES: dict[bytes, str] = {
    b"ASCII\x00\x00\x00": "ascii",
    b"UNICODE\x00": "unicode",
    b"JIS\x00\x00\x00\x00\x00": "jis",
    b"\x00\x00\x00\x00\x00\x00\x00\x00": "undefined",
}


# C0 and C1 control characters other than tab and line breaks: never text a person typed
# (a stray "\x04" from a miscounted EXIF tag, an ANSI colour escape).
_CONTROLS = re.compile("[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def clean(text: str | None) -> str | None:
    """Turn NULs into spaces, drop control characters, trim whitespace; ``None`` if empty."""
    if text is None:
        return None
    text = _CONTROLS.sub("", text.replace("\x00", " ")).strip()
    text = text.strip("\ufeff\ufffe").strip()
    return text or None


def printable(text: str) -> str:
    """``text`` with the undecodable bytes of a file name shown as U+FFFD.

    Python keeps the bytes of a file name that is not UTF-8 as lone
    surrogates ("caf\\udce9.jpg"); Qt silently drops them and SQLite and JSON
    writers refuse them, so any sentence meant for a person passes through here.
    """
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte
        return text.encode("utf-8", "replace").decode("utf-8")


def decode_text(raw: str | bytes | bytearray | None) -> str | None:
    """Decode a text value whose encoding nobody stated: UTF-8, UTF-16 with BOM, Latin-1 last."""
    if raw is None:
        return None
    if isinstance(raw, str):
        return clean(raw)
    data = bytes(raw)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return clean(data.decode("utf-16"))
        except UnicodeDecodeError:
            pass
    try:
        return clean(data.decode("utf-8"))
    except UnicodeDecodeError:
        return clean(data.decode("latin-1"))


def decode_xp(raw: str | bytes | bytearray | tuple[int, ...] | list[int] | None) -> str | None:
    """Decode a Windows XP tag (XPComment, XPTitle…): UTF-16 little-endian by definition."""
    if raw is None:
        return None
    if isinstance(raw, str):
        return clean(raw)
    data = bytes(raw)
    if len(data) % 2:
        data = data[:-1]
    try:
        return clean(data.decode("utf-16-le").split("\x00", 1)[0])
    except UnicodeDecodeError:
        return decode_text(data)


def _utf16_guess(data: bytes) -> str:
    """UTF-16 whose byte order is unknown: the order with more zero high bytes wins."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    even_zeros = data[0::2].count(0)
    odd_zeros = data[1::2].count(0)
    codec = "utf-16-be" if even_zeros > odd_zeros else "utf-16-le"
    return data[: len(data) // 2 * 2].decode(codec, errors="replace")


def decode_user_comment(
    raw: str | bytes | bytearray | tuple[int, ...] | list[int] | None,
) -> str | None:
    """Decode EXIF UserComment, whose first 8 bytes name its character set."""
    if raw is None:
        return None
    if isinstance(raw, str):
        return clean(raw)
    data = bytes(raw)
    kind = _USER_COMMENT_PREFIXES.get(data[:8])
    body = data[8:] if kind else data
    if kind == "unicode":
        return clean(_utf16_guess(body))
    if kind == "jis":
        for codec in ("iso2022_jp", "shift_jis", "euc_jp"):
            try:
                return clean(body.decode(codec))
            except UnicodeDecodeError:
                continue
    return decode_text(body.split(b"\x00", 1)[0] if kind else body)


# Accented letters of Western European text; rarer look-alikes (Ž, Ÿ, ƒ) score lower.
_COMMON_ACCENTED = frozenset("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßÀÁÂÄÅÇÉÈÊÑÖØÜ")


def _plausibility(text: str) -> int:
    """Score a decoding: letters that fit their neighbours gain, control characters lose."""
    score = 0
    for i, ch in enumerate(text):
        if ord(ch) < 128:
            continue
        if unicodedata.category(ch).startswith("C"):
            score -= 3
        elif ch.isalpha():
            after = text[i + 1] if i + 1 < len(text) else " "
            before = text[i - 1] if i else " "
            neighbour = after if after.isalpha() else before
            fits = not neighbour.isalpha() or neighbour.islower() == ch.islower()
            score += (1 if fits else -1) + (1 if ch in _COMMON_ACCENTED else 0)
    return score


def decode_legacy(data: bytes) -> str | None:
    """Decode 8-bit text with no charset marker: UTF-8 if valid, else Latin-1 or MacRoman.

    Old Mac software wrote IPTC in MacRoman; the pick is the decoding whose
    accented letters sit naturally among their neighbours (a lower-case "é"
    inside a word, not an upper-case "Ž" or a control character).
    """
    try:
        return clean(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    latin = data.decode("cp1252", errors="replace").replace("\ufffd", "")
    mac = data.decode("mac_roman")
    if _plausibility(mac) > _plausibility(latin):
        log.debug("Reading %r as MacRoman", data[:40])
        return clean(mac)
    return clean(data.decode("latin-1") if _has_c1(latin) else latin)


def _has_c1(text: str) -> bool:
    return any(0x80 <= ord(ch) <= 0x9F for ch in text)


def is_boilerplate(text: str) -> bool:
    """True for captions a camera wrote by itself ("OLYMPUS DIGITAL CAMERA", "DCIM\\100GOPRO")."""
    norm = " ".join(text.upper().split())
    if norm in BOILERPLATE_CAPTIONS:
        return True
    return any(p.match(norm) for p in _BOILERPLATE_PATTERNS)
