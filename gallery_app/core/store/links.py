# SPDX-License-Identifier: GPL-3.0-or-later
"""Links the user made from a gallery entry to a photo file on their disk.

A bundled gallery such as "Fighting In Iraq" ships captions without photos.
When the user picks a file for an entry ("Link a photo file…"), the link is
kept here, in ``links.json`` in the user's data folder, never in the bundled
resources.  On every load :meth:`LinkStore.apply` lays the links over the
gallery, so a link survives a restart.

The file is JSON, written atomically::

    {"version": 1, "links": {"<gallery key>": {"<entry id>": "/abs/path.jpg"}}}

A gallery's key is where it came from — its manifest, article or folder,
resolved — so two articles that are both called ``story.txt`` never share
links; the bundled gallery's key is ``bundled:<id>``, the same on every
install.  Links stored by older versions under the gallery's id are still
read (the newer key wins where both name an entry).

A damaged file is set aside as ``links.json.broken-<timestamp>`` (so the links
in it can still be rescued by hand), logged, and a fresh one is started: the
app always starts.  When the data folder refuses to write (missing, read-only,
full) the links live on in memory for this session, the user is told once
(``notices``), and a damaged file that could not be set aside is never
overwritten.  The file is private (0600): it names the user's photos.
"""

from __future__ import annotations

import errno
import json
import logging
import time
from dataclasses import replace
from pathlib import Path

from gallery_app.core import paths
from gallery_app.core.models import Entry, Gallery, ImageInfo, ImageStatus
from gallery_app.core.store.atomic import write_bytes_atomic
from gallery_app.core.store.notices import LINKS, StorageNotices

log = logging.getLogger(__name__)

LINKS_FILE_NAME = "links.json"
_FORMAT_VERSION = 1


BUNDLED_PREFIX = "bundled:"


def _bundled_folder() -> Path | None:
    try:
        return paths.bundled_gallery_path().parent.resolve()
    except OSError:
        return None


def _resolved(path: Path) -> Path:
    try:
        return path.expanduser().resolve()
    except (OSError, RuntimeError):  # a loop of symlinks, an unreadable parent
        return path.absolute()


def gallery_key(gallery: Gallery) -> str:
    """The key a gallery's links are stored under: where it came from, resolved.

    The bundled gallery gets ``bundled:<id>`` (its folder differs per
    install); a gallery built in memory, with no source, its id or title.
    """
    if gallery.source is not None:
        source = _resolved(gallery.source)
        bundled = _bundled_folder()
        own_copy = _resolved(paths.bundled_copy_path())
        if source == own_copy or (bundled is not None and source.is_relative_to(bundled)):
            return f"{BUNDLED_PREFIX}{gallery.id or source.parent.name}"
        return str(source)
    return gallery.id or gallery.title


def legacy_gallery_key(gallery: Gallery) -> str:
    """The key links were stored under before keys named the source: the id first."""
    if gallery.id:
        return gallery.id
    if gallery.source is not None:
        return str(gallery.source)
    return gallery.title


class LinkStore:
    """Reads and writes the user's entry → photo-file links."""

    def __init__(self, path: Path | None = None, notices: StorageNotices | None = None) -> None:
        self._path = path if path is not None else paths.data_dir() / LINKS_FILE_NAME
        self._notices = notices if notices is not None else StorageNotices()
        self.set_aside: Path | None = None  # where a damaged file went
        self._keep_file = False  # a damaged file that could not be moved: never overwrite it
        self._links: dict[str, dict[str, str]] = self._read()

    @property
    def path(self) -> Path:
        return self._path

    def get(self, gallery_id: str, entry_id: str) -> Path | None:
        value = self._links.get(gallery_id, {}).get(entry_id)
        return Path(value) if value else None

    def links_for(self, gallery_id: str) -> dict[str, Path]:
        return {k: Path(v) for k, v in self._links.get(gallery_id, {}).items()}

    def set(self, gallery_id: str, entry_id: str, photo: Path) -> None:
        """Link ``entry_id`` to ``photo`` (made absolute) and save at once."""
        self._links.setdefault(gallery_id, {})[entry_id] = str(photo.expanduser().resolve())
        self._save()

    def set_many(self, gallery_id: str, photos: dict[str, Path]) -> None:
        """Link several entries at once (relinking a folder) with one write."""
        if not photos:
            return
        entries = self._links.setdefault(gallery_id, {})
        for entry_id, photo in photos.items():
            entries[entry_id] = str(photo.expanduser().resolve())
        self._save()

    def remove(self, gallery_id: str, entry_id: str) -> None:
        entries = self._links.get(gallery_id)
        if entries and entries.pop(entry_id, None) is not None:
            if not entries:
                del self._links[gallery_id]
            self._save()

    def apply(self, gallery: Gallery) -> Gallery:
        """Return ``gallery`` with every linked entry pointing at its linked file."""
        links = self.links_of(gallery)
        if not links:
            return gallery
        entries = tuple(link_entry(e, links[e.id]) if e.id in links else e for e in gallery.entries)
        return replace(gallery, entries=entries)

    def links_of(self, gallery: Gallery) -> dict[str, Path]:
        """The links of ``gallery`` (under its key, or its legacy key), by entry id."""
        key, legacy = gallery_key(gallery), legacy_gallery_key(gallery)
        links = self.links_for(key)
        if legacy != key and legacy in self._links:
            links = {**self.links_for(legacy), **links}
        return links

    def _read(self) -> dict[str, dict[str, str]]:
        try:
            raw = self._path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return {}
        except OSError as exc:
            log.warning("could not read photo links %s: %s", self._path, exc)
            return {}
        except ValueError as exc:  # not UTF-8
            self._set_aside(f"it is not UTF-8 text: {exc}")
            return {}
        try:
            data = json.loads(raw)
            links = data["links"]
            return {
                str(g): {str(e): str(p) for e, p in entries.items() if isinstance(p, str)}
                for g, entries in links.items()
                if isinstance(entries, dict)
            }
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
            self._set_aside(f"{exc.__class__.__name__}: {exc}")
            return {}

    def _set_aside(self, why: str) -> None:
        """Move the damaged file out of the way (timestamped) so the next save starts afresh."""
        aside = self._path.with_name(f"{self._path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            self._path.replace(aside)
        except OSError as exc:
            log.warning(
                "photo links file %s is damaged (%s); cannot move it: %s", self._path, why, exc
            )
            self._keep_file = True
            return
        self.set_aside = aside
        log.warning(
            "photo links file %s was damaged (%s); set aside as %s", self._path, why, aside.name
        )

    def _save(self) -> bool:
        """Write the links; False (and a notice, once) when they stay in memory only."""
        if self._keep_file:
            error = OSError(errno.EEXIST, "a damaged links file is in the way")
            self._notices.report(LINKS, error, self._path)
            return False
        data = {"version": _FORMAT_VERSION, "links": self._links}
        # A file name that is not UTF-8 holds lone surrogates; "backslashreplace" writes
        # them as the JSON escapes (\udce9) that read back as the same name.
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        try:
            paths.ensure_private_dir(self._path.parent)
            write_bytes_atomic(self._path, text.encode("utf-8", "backslashreplace"), mode=0o600)
        except OSError as exc:
            self._notices.report(LINKS, exc, self._path)
            return False
        return True


def link_entry(entry: Entry, photo: Path) -> Entry:
    """``entry`` with ``photo`` as its image; the status says whether the file is there.

    The metadata of a file linked before is dropped (``file=None``): the checks
    read the new file's own.
    """
    status = ImageStatus.OK if photo.is_file() else ImageStatus.MISSING
    return replace(entry, image=photo, info=ImageInfo(status=status), file=None)
