# SPDX-License-Identifier: GPL-3.0-or-later
"""What a file is, for the decoder and for the card that names it.

The content decides (``metadata.sniff``), the name adds what the content
cannot say: a TIFF-based file named ``.nef`` or ``.dng`` is a camera RAW whose
picture is best taken from LibRaw or its embedded preview, not from Pillow's
TIFF reader (which sees only the small first page).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gallery_app.core.metadata import sniff

RAW_EXTENSIONS: frozenset[str] = sniff.RAW_EXTENSIONS
VIDEO_EXTENSIONS: frozenset[str] = frozenset(
    {".mp4", ".mov", ".m4v", ".avi", ".mkv", ".mts", ".m2ts", ".3gp", ".wmv", ".asf", ".webm"}
    | {".mpg"}
)
VIDEO_KEYS = sniff.VIDEO_KEYS
_RAF_MAGIC = b"FUJIFILMCCD-RAW"
HEAD_BYTES = max(sniff.HEAD_SIZE, len(_RAF_MAGIC))  # what ``classify_head`` needs to see


@dataclass(frozen=True)
class Kind:
    """``family`` is "photo", "raw", "video" or "other"; ``name`` says it to a person."""

    family: str
    name: str
    key: str


def classify_head(path: Path, head: bytes) -> Kind:
    """The kind of ``path`` whose first bytes are ``head``."""
    suffix = path.suffix.lower()
    found = sniff.sniff_bytes(head)
    if head.startswith(_RAF_MAGIC):
        return Kind("raw", "Fujifilm RAF raw photo", "raw")
    if suffix in RAW_EXTENSIONS and (
        found is None or found.key in ("tiff", "crw", "cr3", "raf", "mrw", "x3f", "mp4")
    ):
        key = "raw-tiff" if found is not None and found.key == "tiff" else "raw"
        return Kind("raw", f"{suffix[1:].upper()} camera raw photo", key)
    if found is not None and found.is_image:
        return Kind("photo", found.name, found.key)
    if (found is not None and found.key in VIDEO_KEYS) or suffix in VIDEO_EXTENSIONS:
        return Kind("video", found.name if found else f"{suffix[1:].upper()} video", "video")
    return Kind("other", found.name if found else "a file of unknown type", "other")


def classify(path: Path) -> Kind:
    """Read the first bytes of ``path`` and classify it; OSError propagates."""
    with path.open("rb") as fh:
        return classify_head(path, fh.read(HEAD_BYTES))


def name_by_extension(path: Path) -> str | None:
    """ "MOV video" for a file whose name says it is a video; None otherwise (no I/O)."""
    suffix = path.suffix.lower()
    return f"{suffix[1:].upper()} video" if suffix in VIDEO_EXTENSIONS else None


def is_listed(path: Path) -> bool:
    """True for files a folder shows: photos, RAWs and videos (a card says what they are)."""
    suffix = path.suffix.lower()
    return suffix in RAW_EXTENSIONS or suffix in VIDEO_EXTENSIONS
