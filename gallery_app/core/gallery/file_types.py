# SPDX-License-Identifier: GPL-3.0-or-later
"""What kind of file an entry shows, for the filter's file-type switch.

A folder lists camera RAWs, videos and files Dateline cannot show next to the
photos, each on a card that says what it is.  Someone browsing only wants the
pictures; the filter's switch hides the rest.  The type is worked out from
what the scan already knows — the file name and the image status — so the
filter costs no disk access per row: a video by its extension, then anything
whose picture cannot be shown (an unknown or damaged file, a video named
``.jpg``), then a RAW by its extension; everything else, including a story's
"photo not included" card, is a photo and is never hidden.
"""

from __future__ import annotations

from enum import StrEnum

from gallery_app.core.imaging.kinds import RAW_EXTENSIONS, VIDEO_EXTENSIONS
from gallery_app.core.models import Entry, ImageStatus


class FileType(StrEnum):
    PHOTO = "photo"
    RAW = "raw"
    VIDEO = "video"
    OTHER = "other"  # a file whose picture Dateline cannot show


HIDEABLE: tuple[FileType, ...] = (FileType.RAW, FileType.VIDEO, FileType.OTHER)

# The choices the filter offers, in its order: (label, what it hides, status-bar note).
CHOICES: tuple[tuple[str, frozenset[FileType], str], ...] = (
    ("All files", frozenset(), ""),
    (
        "Photos and RAW",
        frozenset({FileType.VIDEO, FileType.OTHER}),
        "Videos and files that cannot be shown are hidden",
    ),
    (
        "Photos only",
        frozenset({FileType.RAW, FileType.VIDEO, FileType.OTHER}),
        "Only photos are shown: RAW, videos and other files hidden",
    ),
)


def file_type(entry: Entry) -> FileType:
    """The type of ``entry``'s file, from its name and image status (no I/O)."""
    image = entry.image
    if image is None:
        return FileType.PHOTO
    suffix = image.suffix.lower()
    if suffix in VIDEO_EXTENSIONS:
        return FileType.VIDEO
    if entry.image_status is ImageStatus.UNREADABLE:
        return FileType.OTHER
    if suffix in RAW_EXTENSIONS:
        return FileType.RAW
    return FileType.PHOTO


def parse_hidden(text: str) -> frozenset[FileType]:
    """The types named in ``"video,other"`` (a stored setting); unknown names are ignored."""
    names = {part.strip().lower() for part in text.split(",")}
    return frozenset(t for t in HIDEABLE if t.value in names)


def hidden_text(hidden: frozenset[FileType]) -> str:
    """``hidden`` as a stored setting, in a fixed order: ``"video,other"``."""
    return ",".join(t.value for t in HIDEABLE if t in hidden)


def describe_hidden(hidden: frozenset[FileType]) -> str:
    """One sentence for the status bar; "" when nothing is hidden."""
    for _label, types, note in CHOICES:
        if types == hidden:
            return note
    words = {FileType.RAW: "RAW", FileType.VIDEO: "videos", FileType.OTHER: "other files"}
    named = [words[t] for t in HIDEABLE if t in hidden]
    return f"Hidden: {', '.join(named)}" if named else ""
