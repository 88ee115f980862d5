# SPDX-License-Identifier: GPL-3.0-or-later
"""The one Entry builder: a photo file's metadata -> a gallery ``Entry``.

A folder's scan builds its entries here, from metadata read fresh or taken
from the catalog, so both ways give the same entry.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gallery_app.core.metadata.reader import read_metadata
from gallery_app.core.metadata.values import ENTRY_FIELDS, FileMetadata
from gallery_app.core.models import Entry


def entry_from_metadata(
    file: Path, position: int, meta: FileMetadata, *, root: Path | None = None
) -> Entry:
    """The Entry for ``file`` from metadata already read (the catalog's or fresh).

    Takes no new look at the file: the id is the path relative to ``root``
    (POSIX form), so it is stable across machines and scans.
    """
    ident = _relative_id(file, root)
    values: dict[str, Any] = {name: getattr(meta, name) for name in ENTRY_FIELDS}
    values["caption"] = meta.caption or ""  # an entry's caption is text, never None
    values["warnings"] = tuple(meta.warnings)
    values["field_sources"] = tuple(meta.sources.items())  # a tuple: entries stay hashable
    return Entry(id=ident, position=position, image=file, file=meta, **values)


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
