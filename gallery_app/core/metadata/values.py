# SPDX-License-Identifier: GPL-3.0-or-later
"""What a photo file says about itself: the value the metadata readers return.

Kept apart from the readers so that storage (``core.store.catalog``) and the
entry builder (``core.gallery.entries``) can name it without loading them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from gallery_app.core.models import ImageInfo, Location, TakenAt


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
