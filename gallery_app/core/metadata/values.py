# SPDX-License-Identifier: GPL-3.0-or-later
"""What a photo file says about itself: the value the metadata readers return.

Kept apart from the readers so that storage (``core.store.catalog``) and the
entry builder (``core.gallery.entries``) can name it without loading them.

The field list is declared once, by the dataclass itself: ``ENTRY_FIELDS`` are
the fields a photo file gives an ``Entry`` (the ones both dataclasses have), and
the catalog stores every field of ``FileMetadata`` by its type.  A new field is
one line here (and in ``Entry`` if entries show it) plus its reader.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields

from gallery_app.core.models import Entry, ImageInfo, ImageStatus, Location, TakenAt


@dataclass(frozen=True)
class FileMetadata:
    """What a photo file says about itself, each field with the source that won."""

    caption: str | None
    title: str | None
    creator: str | None
    credit: str | None
    copyright: str | None
    taken: TakenAt | None
    location: Location | None
    info: ImageInfo
    sources: Mapping[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()

    @classmethod
    def unreadable(cls, reason: str, status: ImageStatus = ImageStatus.UNREADABLE) -> FileMetadata:
        """A file that could not be read: no fields, the status, and one sentence why."""
        return cls(None, None, None, None, None, None, None, ImageInfo(status), {}, (reason,))


#: The fields a photo file gives its gallery entry, in declaration order.
ENTRY_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(FileMetadata) if f.name in {e.name for e in fields(Entry)}
)


def unreadable_sentence(name: str, reason: str) -> str:
    """The one wording for a photo whose file could not be read."""
    return f"{name} could not be read: {reason}."
