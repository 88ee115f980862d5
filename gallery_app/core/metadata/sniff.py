# SPDX-License-Identifier: GPL-3.0-or-later
"""Tell what a file is from its first bytes, not from its name.

Real folders hold ``.jpg`` files that are PNGs, DNGs, HEICs or even MP4 videos.
The reader trusts the content and tells the user when the name lies.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gallery_app.core.metadata import asf, matroska
from gallery_app.core.metadata.mpegts import packet_size

HEAD_SIZE = 400  # three packets of an MPEG transport stream: its only signature


@dataclass(frozen=True)
class FileKind:
    """A file type as recognised by content: a short key, a human name, image or not."""

    key: str
    name: str
    is_image: bool


JPEG = FileKind("jpeg", "JPEG image", True)
PNG = FileKind("png", "PNG image", True)
TIFF = FileKind("tiff", "TIFF-based image (TIFF, DNG or camera raw)", True)
HEIF = FileKind("heif", "HEIF/HEIC image", True)
AVIF = FileKind("avif", "AVIF image", True)
WEBP = FileKind("webp", "WebP image", True)
GIF = FileKind("gif", "GIF image", True)
BMP = FileKind("bmp", "BMP image", True)
JP2 = FileKind("jp2", "JPEG 2000 image", True)
JXL = FileKind("jxl", "JPEG XL image", True)
CRW = FileKind("crw", "Canon CRW raw file", False)
CR3 = FileKind("cr3", "Canon CR3 raw file", False)
RAF = FileKind("raf", "Fujifilm RAF raw file", False)
MRW = FileKind("mrw", "Minolta MRW raw file", False)
EXV = FileKind("exv", "Exiv2 metadata file (no picture)", False)
PSD = FileKind("psd", "Photoshop document", False)
MP4 = FileKind("mp4", "MP4/QuickTime video", False)
AVI = FileKind("avi", "AVI video", False)
ASF = FileKind("asf", "ASF/WMV video", False)
MKV = FileKind("mkv", "Matroska/WebM video", False)
MPEGTS = FileKind("mpegts", "MPEG transport stream video", False)
X3F = FileKind("x3f", "Sigma X3F raw file", False)
EPS = FileKind("eps", "PostScript/EPS document", False)
PDF = FileKind("pdf", "PDF document", False)
XMP = FileKind("xmp", "XMP sidecar", False)

# The video kinds whose headers Dateline reads (``otherkinds`` has a reader for each).
VIDEO_KEYS = frozenset({MP4.key, AVI.key, ASF.key, MKV.key, MPEGTS.key})

# Extensions and the kinds their content may have.
EXTENSION_KINDS: dict[str, frozenset[str]] = {
    ".jpg": frozenset({"jpeg"}),
    ".jpeg": frozenset({"jpeg"}),
    ".jpe": frozenset({"jpeg"}),
    ".png": frozenset({"png"}),
    ".tif": frozenset({"tiff"}),
    ".tiff": frozenset({"tiff"}),
    ".dng": frozenset({"tiff"}),
    ".heic": frozenset({"heif"}),
    ".heif": frozenset({"heif"}),
    ".hif": frozenset({"heif"}),
    ".avif": frozenset({"avif", "heif"}),
    ".webp": frozenset({"webp"}),
    ".gif": frozenset({"gif"}),
    ".bmp": frozenset({"bmp"}),
    ".jp2": frozenset({"jp2"}),
    ".jxl": frozenset({"jxl"}),
}

IMAGE_EXTENSIONS: frozenset[str] = frozenset(EXTENSION_KINDS)
# Camera RAW files: most are TIFF inside, whose first picture is a small preview.
RAW_EXTENSIONS: frozenset[str] = frozenset(
    {
        ".dng", ".cr2", ".cr3", ".crw", ".nef", ".nrw", ".arw", ".srf", ".sr2", ".orf",
        ".rw2", ".raf", ".pef", ".srw", ".x3f", ".3fr", ".iiq", ".mrw", ".kdc", ".dcr",
        ".erf", ".mef", ".mos", ".raw", ".rwl",
    }
)  # fmt: skip

_HEIF_BRANDS = frozenset({b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1"})
_AVIF_BRANDS = frozenset({b"avif", b"avis"})


def sniff_bytes(head: bytes) -> FileKind | None:
    """The kind of a file whose first bytes are ``head``, or ``None`` if unknown."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
        return TIFF
    if head.startswith(b"IIRO") or head.startswith(b"IIU\x00"):
        return TIFF  # Olympus ORF, Panasonic RW2
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in _AVIF_BRANDS:
            return AVIF
        if brand in _HEIF_BRANDS:
            return HEIF
        if brand == b"crx ":
            return CR3
        return MP4
    if head[4:8] in (b"moov", b"mdat", b"wide", b"free"):
        return MP4
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[:4] == b"RIFF" and head[8:12] == b"AVI ":
        return AVI
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if head[:2] == b"BM" and len(head) >= 14:
        return BMP
    if head.startswith(b"\x00\x00\x00\x0cjP  \r\n\x87\n") or head.startswith(b"\xff\x4f\xff\x51"):
        return JP2
    if head.startswith(b"\xff\x0a") or head.startswith(b"\x00\x00\x00\x0cJXL \r\n\x87\n"):
        return JXL
    if head[6:14] == b"HEAPCCDR":
        return CRW
    if head.startswith(b"FUJIFILMCCD-RAW"):
        return RAF
    if head.startswith(b"FOVb"):
        return X3F
    if head.startswith(asf.HEADER):
        return ASF
    if head.startswith(matroska.EBML_MAGIC):
        return MKV
    if packet_size(head) is not None:
        return MPEGTS
    if head.startswith(b"\x00MRM"):
        return MRW
    if head.startswith(b"\xff\x01Exiv2"):
        return EXV
    if head.startswith(b"8BPS"):
        return PSD
    if head.startswith(b"%!PS") or head.startswith(b"\xc5\xd0\xd3\xc6"):
        return EPS
    if head.startswith(b"%PDF"):
        return PDF
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith((b"<?xpacket", b"<x:xmpmeta", b"<?xml")) and b"xmp" in head.lower():
        return XMP
    return None


def mismatch_warning(path: Path, kind: FileKind | None) -> str | None:
    """A sentence when the file's extension promises something its content is not."""
    expected = EXTENSION_KINDS.get(path.suffix.lower())
    if expected is None or (kind is not None and kind.key in expected):
        return None
    if kind is None:
        return f"{path.name} is not a recognisable image although its name says so."
    return f"{path.name} is really a {kind.name}, not what its extension says."
