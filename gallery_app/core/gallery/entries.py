# SPDX-License-Identifier: GPL-3.0-or-later
"""The one Entry builder: a photo file's metadata -> a gallery ``Entry``.

A folder's scan builds its entries here, from metadata read fresh or taken
from the catalog, so both ways give the same entry.
"""

from __future__ import annotations

from pathlib import Path

from gallery_app.core.metadata.reader import read_metadata
from gallery_app.core.metadata.values import FileMetadata
from gallery_app.core.models import Entry


def entry_from_metadata(
    file: Path, position: int, meta: FileMetadata, *, root: Path | None = None
) -> Entry:
    """The Entry for ``file`` from metadata already read (the catalog's or fresh).

    Takes no new look at the file: the
    id is the path relative to ``root`` (POSIX form), so it is stable across
    machines and scans.
    """
    ident = _relative_id(file, root)
    return Entry(
        id=ident,
        position=position,
        image=file,
        caption=meta.caption or "",
        title=meta.title,
        taken=meta.taken,
        location=meta.location,
        creator=meta.creator,
        credit=meta.credit,
        copyright=meta.copyright,
        warnings=tuple(meta.warnings),
        info=meta.info,
        file=meta,
    )


def _relative_id(file: Path, root: Path | None) -> str:
    """``file`` relative to ``root`` in POSIX form (string work: pathlib is slow at 10,000)."""
    text = file.as_posix()
    if root is None:
        return text
    prefix = root.as_posix().rstrip("/") + "/"
    if text.startswith(prefix):
        return text[len(prefix) :]
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return text


def entry_from_file(path: Path, position: int, *, root: Path | None = None) -> Entry:
    """A gallery entry for a photo on disk; its id is the path relative to ``root`` (posix)."""
    return entry_from_metadata(path, position, read_metadata(path), root=root)
