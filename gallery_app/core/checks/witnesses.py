# SPDX-License-Identifier: GPL-3.0-or-later
"""The three witnesses of one entry: its caption, its file and the gallery's own values.

The caption is read afresh (``parse_caption``), so what it claims is never
mixed with what a manifest or a file filled in.  The file's metadata is the
one the entry carries (``Entry.file``: a folder's scan, a manifest's image);
a photo the user linked is read here, once.  The gallery's values count as a
witness only where they are neither the file's (a folder's entry shows the
file's values) nor the caption parser's (a manifest made by the article
importer says ``dateSource: caption``): otherwise the checks would compare a
witness with itself.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from gallery_app.core.captions.parse import ParsedCaption, parse_caption
from gallery_app.core.metadata.values import FileMetadata
from gallery_app.core.models import Entry, ImageStatus, Location, TakenAt

log = logging.getLogger(__name__)

ReadFile = Callable[[Path], FileMetadata]
CAPTION_SOURCE = "caption text"


@dataclass(frozen=True)
class GalleryClaims:
    """The entry's own values that came from neither its caption nor its file."""

    taken: TakenAt | None = None
    location: Location | None = None
    creator: str | None = None
    credit: str | None = None


@dataclass(frozen=True)
class Witnesses:
    """Everything the rules may hold against each other for one entry."""

    entry: Entry
    caption: ParsedCaption
    file: FileMetadata | None
    gallery: GalleryClaims
    today: dt.date
    published: dt.date | None = None  # the article's date, when a gallery knows it


def _from_caption(source: str | None) -> bool:
    return bool(source) and str(source).casefold().startswith("caption")


def gallery_claims(entry: Entry, file: FileMetadata | None) -> GalleryClaims:
    """The entry's values that are the gallery's own (see the module docstring)."""
    taken = entry.taken
    if taken is not None and ((file and taken == file.taken) or _from_caption(taken.source)):
        taken = None
    location = entry.location
    if location is not None and (
        (file and location == file.location) or _from_caption(location.source)
    ):
        location = None
    # A manifest's credit and creator carry no source: they count when the caption is silent.
    creator = None if file and entry.creator == file.creator else entry.creator
    credit = None if file and entry.credit == file.credit else entry.credit
    return GalleryClaims(taken, location, creator, credit)


def file_metadata(entry: Entry, read: ReadFile | None) -> FileMetadata | None:
    """The entry's file metadata: carried, or read from a linked file that is there."""
    if entry.file is not None:
        return entry.file
    if read is None or entry.image is None or entry.image_status is not ImageStatus.OK:
        return None
    try:
        return read(entry.image)
    except OSError as exc:  # the readers never raise for a bad file, but a vanished one
        log.info("cannot read %s for the checks: %s", entry.image, exc)
        return None


def gather(
    entry: Entry,
    *,
    read: ReadFile | None = None,
    today: dt.date | None = None,
    published: dt.date | None = None,
) -> Witnesses:
    file = file_metadata(entry, read)
    return Witnesses(
        entry=entry,
        caption=parse_caption(entry.caption),
        file=file,
        gallery=gallery_claims(entry, file),
        today=today or dt.date.today(),
        published=published,
    )
