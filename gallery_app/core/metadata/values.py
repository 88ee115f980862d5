# SPDX-License-Identifier: GPL-3.0-or-later
"""What a photo file says about itself: the value the metadata readers return.

Kept apart from the readers so that storage (``core.store.catalog``) and the
entry builder (``core.gallery.entries``) can name it without loading them.
The class itself lives in ``core.models``, since an ``Entry`` keeps its file's
metadata (``Entry.file``) apart from its caption's claims, for the checks.

The field list is declared once, by the dataclass itself: ``ENTRY_FIELDS`` are
the fields a photo file gives an ``Entry`` (the ones both dataclasses have), and
the catalog stores every field of ``FileMetadata`` by its type.  A new field is
one line in ``FileMetadata`` (and in ``Entry`` if entries show it) plus its reader.
"""

from __future__ import annotations

from dataclasses import fields

from gallery_app.core.models import Entry, FileMetadata, SourceConflict

__all__ = ["ENTRY_FIELDS", "FileMetadata", "SourceConflict", "unreadable_sentence"]

#: The fields a photo file gives its gallery entry, in declaration order.
ENTRY_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(FileMetadata) if f.name in {e.name for e in fields(Entry)}
)


def unreadable_sentence(name: str, reason: str) -> str:
    """The one wording for a photo whose file could not be read."""
    return f"{name} could not be read: {reason}."
