# SPDX-License-Identifier: GPL-3.0-or-later
"""List the photos in a folder tree, each real file once, in path order.

The walk follows symbolic links but remembers every directory and file by
device and inode, so a link loop or a second link to the same photo is seen
once.  Hidden folders and files (".thumbnails", "._IMG_0001.JPG" from macOS)
are skipped.  A file is a photo when its content says so, or when its name
says so (a mislabeled one is listed so the reader can tell the user what it
really is); camera RAWs and videos are listed too, and their card says what
they are rather than leaving them out without a word; ``.xmp`` sidecars
belong to their photo and are not listed.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from pathlib import Path

from gallery_app.core.errors import DatelineError
from gallery_app.core.imaging import kinds
from gallery_app.core.metadata import sniff
from gallery_app.core.metadata.xmp import sidecar_paths

log = logging.getLogger(__name__)

_NEVER_PHOTOS = frozenset({".xmp", ".json", ".txt", ".md", ".html", ".pp3", ".xml"})


def _is_photo(entry: os.DirEntry[str]) -> bool:
    suffix = os.path.splitext(entry.name)[1].lower()
    if suffix in _NEVER_PHOTOS:
        return False
    if suffix in sniff.IMAGE_EXTENSIONS or kinds.is_listed(Path(entry.name)):
        return True  # RAWs and videos too: their card says what they are
    try:
        with open(entry.path, "rb") as fh:
            kind = sniff.sniff_bytes(fh.read(sniff.HEAD_SIZE))
    except OSError:
        return False
    return kind is not None and kind.is_image


def _walk(
    folder: str,
    seen_dirs: set[tuple[int, int]],
    seen_files: set[tuple[int, int]],
    out: list[tuple[str, os.stat_result]],
) -> None:
    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError as error:
        log.info("Cannot list %s: %s", folder, error)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            st = entry.stat()  # follows links
            is_dir = entry.is_dir()
        except OSError:
            continue  # a dangling link
        key = (st.st_dev, st.st_ino)
        if is_dir:
            if key not in seen_dirs:
                seen_dirs.add(key)
                _walk(entry.path, seen_dirs, seen_files, out)
        elif entry.is_file() and key not in seen_files and _is_photo(entry):
            seen_files.add(key)
            out.append((entry.path, st))


def _order(path: str, root: str) -> tuple[str, str]:
    # The walk joins names onto ``root`` as given, so cutting the prefix is
    # relpath's answer without its two abspath calls (a third of a 10,000-file listing).
    prefix = root if root.endswith(os.sep) else root + os.sep
    rel = path[len(prefix) :] if path.startswith(prefix) else os.path.relpath(path, root)
    rel = rel.replace(os.sep, "/")
    return (rel.casefold(), rel)


def iter_image_files(folder: Path) -> Iterator[Path]:
    """Every photo under ``folder`` (recursively), each real file once, sorted by path."""
    for path, _stat in photo_stats(folder):
        yield Path(path)


def photo_stats(folder: Path) -> list[tuple[str, os.stat_result]]:
    """``iter_image_files`` as path strings, each with the ``stat`` the walk took of it
    (a listing of 10,000 photos need not build 10,000 ``Path`` objects nor stat twice)."""
    root = os.fspath(folder)
    try:
        st = os.stat(root)
    except OSError as error:
        log.info("Cannot open folder %s: %s", folder, error)
        return []
    found: list[tuple[str, os.stat_result]] = []
    _walk(root, {(st.st_dev, st.st_ino)}, set(), found)
    found.sort(key=lambda item: _order(item[0], root))
    return found


def check_listable(path: Path, *, accept_file: bool = False) -> None:
    """Raise a DatelineError with a sentence unless ``path`` is a folder that can be listed."""
    what = "file or folder" if accept_file else "folder"
    if not path.exists():
        raise DatelineError(f"{path}: no such {what}.")
    if not path.is_dir():
        raise DatelineError(f"{path}: not a {'photo file or a ' if accept_file else ''}folder.")
    try:
        with os.scandir(path):
            pass
    except OSError as exc:
        raise DatelineError(f"{path}: cannot be listed ({exc.strerror or exc}).") from None


class SidecarStamps:
    """The size and mtime of a photo's ``.xmp`` sidecars, one listing per folder.

    The catalog reuses a photo's metadata while the photo's size and mtime
    match *and* so does its sidecar's: a sidecar written, edited, replaced by
    an older copy or deleted (by Dateline's edit panel, darktable, digiKam, a
    restore from backup) makes the row stale.  The stamp names each sidecar
    with its size and mtime (``"photo.xmp:2107:1700000000123456789"``), ""
    when there is none.  Each folder is listed once, not probed with four
    ``stat`` calls per photo.
    """

    def __init__(self) -> None:
        self._folders: dict[str, dict[str, tuple[int, int]]] = {}

    def _sidecars(self, folder: str) -> dict[str, tuple[int, int]]:
        found = self._folders.get(folder)
        if found is None:
            found = {}
            try:
                with os.scandir(folder) as listing:
                    for item in listing:
                        if item.name[-4:].lower() == ".xmp":
                            try:
                                st = item.stat()
                            except OSError:
                                continue
                            found[item.name] = (st.st_size, st.st_mtime_ns)
            except OSError:
                pass
            self._folders[folder] = found
        return found

    def stamp_of(self, photo: Path | str) -> str:
        """Name, size and mtime of each sidecar of ``photo`` (any case), "" when none."""
        sidecars = self._sidecars(os.path.dirname(photo))
        if not sidecars:  # most folders: no Path made
            return ""
        photo = Path(photo)
        parts = []
        for candidate in sidecar_paths(photo):
            found = sidecars.get(candidate.name)
            if found is not None and candidate.name != photo.name:
                parts.append(f"{candidate.name}:{found[0]}:{found[1]}")
        return "|".join(parts)
