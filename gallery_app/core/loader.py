# SPDX-License-Identifier: GPL-3.0-or-later
"""Open whatever the user points at: nothing (the bundled gallery), a gallery
manifest, a folder of photos or an article text.

This is the one entry point the GUI's loading worker and ``gallery-cli list``
share.  Recognition goes by content where it matters: a ``.txt`` that holds JSON
is still a manifest, a folder with a ``gallery.json`` is that gallery.
"""

from __future__ import annotations

import importlib.resources
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from gallery_app.core.errors import DatelineError
from gallery_app.core.models import Entry, Gallery, ImageInfo, ImageStatus

BUNDLED_GALLERY_ID = "fighting-in-iraq"
MANIFEST_NAME = "gallery.json"
ARTICLE_SUFFIXES = {".txt", ".text", ".md"}


def bundled_gallery_path() -> Path:
    """The manifest of the gallery that ships with Dateline."""
    res = importlib.resources.files("gallery_app.resources") / "galleries" / BUNDLED_GALLERY_ID
    return Path(str(res)) / MANIFEST_NAME


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
) -> Gallery:
    """Load the gallery at ``path`` (``None``: the bundled one).

    Raises :class:`DatelineError` with one readable sentence.  With
    ``read_files`` the entries' image files are probed (status, size,
    orientation) and their embedded metadata fills what the manifest leaves
    empty — the manifest always wins.
    """
    if path is None:
        path = bundled_gallery_path()
    kind = classify(path)
    if kind == "manifest":
        from gallery_app.core.manifest import load_manifest

        gallery = load_manifest(path / MANIFEST_NAME if path.is_dir() else path)
        return with_file_metadata(gallery) if read_files else gallery
    if kind == "article":
        from gallery_app.core.article import read_article_file

        gallery = read_article_file(path)
        return replace(gallery, id=gallery.id or path.stem, source=path)
    folder = path if kind == "folder" else path.parent
    return load_folder(folder, on_progress=on_progress)


def load_folder(folder: Path, *, on_progress: Callable[[int, int], None] | None = None) -> Gallery:
    """Every photo under ``folder``, in the order taken (undated last)."""
    from gallery_app.core.metadata import entry_from_file, iter_image_files, sort_key

    try:
        files = list(iter_image_files(folder))
    except OSError as exc:
        raise DatelineError(f"{folder.name}: cannot be listed ({exc.strerror or exc}).") from None
    entries: list[Entry] = []
    for index, file in enumerate(files, start=1):
        entries.append(entry_from_file(file, index, root=folder))
        if on_progress is not None:
            on_progress(index, len(files))
    entries.sort(key=sort_key)
    entries = [replace(e, position=i) for i, e in enumerate(entries, start=1)]
    return Gallery(
        title=folder.resolve().name or str(folder),
        entries=tuple(entries),
        id=str(folder.resolve()),
        source=folder,
    )


def with_file_metadata(gallery: Gallery) -> Gallery:
    """Probe each entry's image; fill empty fields from the file's metadata."""
    return replace(gallery, entries=tuple(merge_file_metadata(e) for e in gallery.entries))


def merge_file_metadata(entry: Entry) -> Entry:
    """The manifest overrides the file: only fields the entry lacks are taken."""
    if entry.image is None:
        return replace(entry, info=ImageInfo(ImageStatus.NONE))
    if not entry.image.is_file():
        return replace(
            entry,
            info=ImageInfo(ImageStatus.MISSING),
            warnings=(*entry.warnings, f"The photo file “{entry.image.name}” is missing."),
        )
    from gallery_app.core.metadata import read_metadata

    meta = read_metadata(entry.image)
    return replace(
        entry,
        info=meta.info,
        caption=entry.caption or meta.caption or "",
        title=entry.title or meta.title,
        taken=entry.taken or meta.taken,
        location=entry.location or meta.location,
        creator=entry.creator or meta.creator,
        credit=entry.credit or meta.credit,
        copyright=entry.copyright or meta.copyright,
        warnings=(*entry.warnings, *meta.warnings),
    )
