# SPDX-License-Identifier: GPL-3.0-or-later
"""Open whatever the user points at: nothing (the bundled gallery), a gallery
manifest, a folder of photos or an article text.

This is the one entry point the GUI's loading worker and ``gallery-cli list``
share.  Recognition goes by content where it matters: a ``.txt`` that holds JSON
is still a manifest, a folder with a ``gallery.json`` is that gallery.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from gallery_app.core.errors import DatelineError
from gallery_app.core.models import Entry, Gallery, ImageInfo, ImageStatus
from gallery_app.core.paths import MANIFEST_NAME, bundled_gallery_path

if TYPE_CHECKING:  # imported lazily: the metadata readers are not needed at start-up
    from gallery_app.core.store.catalog import Catalog

ARTICLE_SUFFIXES = {".txt", ".text", ".md"}


def classify(path: Path) -> str:
    """'manifest', 'folder', 'article' or 'image' — or raise DatelineError."""
    if path.is_dir():
        return "manifest" if (path / MANIFEST_NAME).is_file() else "folder"
    if not path.exists():
        raise DatelineError(f"{path.name or path}: no such file or folder.")
    if not path.is_file():
        raise DatelineError(f"{path.name}: not a regular file or folder.")
    suffix = path.suffix.lower()
    if suffix == ".json":
        return "manifest"
    if suffix in ARTICLE_SUFFIXES:
        try:
            with path.open("rb") as handle:
                head = handle.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
        except OSError as exc:
            raise DatelineError(f"{path.name}: cannot be read ({exc.strerror or exc}).") from None
        return "manifest" if head.startswith(b"{") else "article"
    return "image"


def load_gallery(
    path: Path | None = None,
    *,
    read_files: bool = True,
    on_progress: Callable[[int, int], None] | None = None,
    catalog: Catalog | None = None,
) -> Gallery:
    """Load the gallery at ``path`` (``None``: the bundled one).

    Raises :class:`DatelineError` with one readable sentence.  With
    ``read_files`` the entries' image files are probed (status, size,
    orientation) and their embedded metadata fills what the manifest leaves
    empty — the manifest always wins.  A folder is read through ``catalog``
    (default: the user's, in the cache folder; ``None``: read every file).
    """
    # deferred with the manifest reader: jsonschema and the exiv2 binding load on first use
    from gallery_app.core.edits.apply import apply_recorded
    from gallery_app.core.edits.manifest_store import readable_manifest

    path = readable_manifest(bundled_gallery_path() if path is None else path)
    kind = classify(path)
    if kind == "manifest":
        gallery = apply_recorded(_load_json(path / MANIFEST_NAME if path.is_dir() else path))
        return with_file_metadata(gallery) if read_files else gallery
    if kind == "article":
        from gallery_app.core.article.importer import read_article_file  # deferred: start-up

        gallery = read_article_file(path)
        return replace(gallery, id=gallery.id or path.stem, source=path)
    return load_folder(folder_of(path, kind), on_progress=on_progress, catalog=catalog)


def _load_json(path: Path) -> Gallery:
    """A gallery manifest, or a TimelineJS / IIIF export read back."""
    # deferred: jsonschema and the export readers are slow to import
    from gallery_app.core.exports.reading import read_foreign
    from gallery_app.core.gallery.manifest import load_manifest

    try:
        return load_manifest(path)
    except DatelineError:
        foreign = read_foreign(path)
        if foreign is None:
            raise
        return foreign


def folder_of(path: Path, kind: str | None = None) -> Path:
    """The folder a photo folder or a single photo stands for (a photo opens its folder)."""
    kind = kind or classify(path)
    return path if kind == "folder" else path.parent


def load_folder(
    folder: Path,
    *,
    on_progress: Callable[[int, int], None] | None = None,
    catalog: Catalog | None = None,
) -> Gallery:
    """Every photo under ``folder``, in the order taken (undated last).

    One path for the CLI and the app: ``folder_scan.scan_folder``, so a folder
    seen before comes from the catalog instead of being read again.
    """
    # deferred: the metadata readers are not needed to show the bundled gallery
    from gallery_app.core.folders.scan import scan_folder

    gallery = scan_folder(folder, catalog, on_progress=on_progress)
    return replace(gallery, title=folder.resolve().name or str(folder))


def with_file_metadata(gallery: Gallery) -> Gallery:
    """Probe each entry's image; fill empty fields from the file's metadata."""
    return replace(gallery, entries=tuple(merge_file_metadata(e) for e in gallery.entries))


def merge_file_metadata(entry: Entry) -> Entry:
    """The manifest overrides the file: only fields the entry lacks are taken.

    The file's own metadata stays on the entry (``Entry.file``) for the checks.
    """
    if entry.image is None:
        return replace(entry, info=ImageInfo(ImageStatus.NONE))
    if not entry.image.is_file():
        return replace(
            entry,
            info=ImageInfo(ImageStatus.MISSING),
            warnings=(*entry.warnings, f"The photo file “{entry.image.name}” is missing."),
        )
    # deferred: the metadata readers are not needed to show the bundled gallery
    from gallery_app.core.metadata.reader import read_metadata
    from gallery_app.core.metadata.values import ENTRY_FIELDS

    meta = read_metadata(entry.image)
    kept = {name: getattr(entry, name) or getattr(meta, name) for name in ENTRY_FIELDS}
    kept.update(
        caption=entry.caption or meta.caption or "",
        info=meta.info,
        warnings=(*entry.warnings, *meta.warnings),
        file=meta,
    )
    return replace(entry, **kept)
