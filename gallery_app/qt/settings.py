# SPDX-License-Identifier: GPL-3.0-or-later
"""Typed access to the user's settings, kept in an INI file by QSettings.

Every value has one typed property with a default and a clamp, so a hand-edited
or damaged INI file gives a sane value rather than an exception.  A file that
is damaged as a whole (binary junk, text that is not UTF-8, lines QSettings
cannot parse) is set aside as ``dateline.ini.broken-<timestamp>``, logged, and
a fresh one is started: a broken settings file is never a reason not to start.
The file lives in ``core.paths.config_dir()`` (``DATELINE_HOME`` moves it, as
the tests do), created private (0600).  A folder that refuses to write
(missing, read-only, full) costs only the saving: the values live for the
session, ``sync`` says once through ``notices`` that settings are not being
saved, and a damaged file that cannot be moved aside is left untouched.
Window state (geometry, splitter sizes) is kept apart from preferences under
``[state]`` so a reset of one leaves the other.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from gallery_app.core import paths
from gallery_app.core.store.atomic import create_private_file
from gallery_app.core.store.notices import SETTINGS, StorageNotices, probe_folder

log = logging.getLogger(__name__)

SETTINGS_FILE_NAME = "dateline.ini"
MAX_RECENT = 8

THUMB_MIN, THUMB_MAX, THUMB_DEFAULT = 64, 512, 192
INTERVAL_MIN, INTERVAL_MAX, INTERVAL_DEFAULT = 1, 120, 5
TEMPLATE_FIELDS = ("credit", "copyright", "creator")


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _damage(path: Path) -> str | None:
    """Why the INI file at ``path`` is damaged as a whole, or ``None`` (absent counts as sound)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("settings file %s cannot be read (%s); defaults are used", path, exc)
        return None
    if b"\x00" in data:
        return "it holds binary data"
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return "it is not UTF-8 text"
    return None


def _set_aside(path: Path, why: str) -> Path | None:
    """Rename a damaged settings file out of the way (timestamped) and log it."""
    aside = path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        path.replace(aside)
    except OSError as exc:
        log.warning("settings file %s is damaged (%s) and cannot be moved: %s", path, why, exc)
        return None
    log.warning("settings file %s was damaged (%s); set aside as %s", path, why, aside.name)
    return aside


class Settings:
    """The one settings object, made by the composition root and passed down."""

    def __init__(self, path: Path | None = None, notices: StorageNotices | None = None) -> None:
        self._path = path if path is not None else paths.config_dir() / SETTINGS_FILE_NAME
        self._notices = notices if notices is not None else StorageNotices()
        self.set_aside: Path | None = None  # where a damaged file went, for the UI to say so
        self._unsaved: OSError | None = None  # why this session's settings are not kept
        try:  # QSettings keeps the bits of the file that is there: make it private first
            paths.ensure_private_dir(self._path.parent)
            create_private_file(self._path)
        except OSError as exc:
            self._unsaved = exc
        else:
            self._unsaved = probe_folder(self._path.parent)
        damage = _damage(self._path)
        if damage is None:
            self._qs = QSettings(str(self._path), QSettings.Format.IniFormat)
            if self._qs.status() == QSettings.Status.FormatError:
                damage = "QSettings cannot parse it"
                del self._qs
        if damage is not None:
            self.set_aside = _set_aside(self._path, damage)
            if self.set_aside is None:  # never overwrite a damaged file that could not be moved
                self._unsaved = OSError(errno.EEXIST, "a damaged settings file is in the way")
            self._qs = QSettings(str(self._path), QSettings.Format.IniFormat)
        if self._unsaved is not None:  # said at once: nothing set from now on is kept
            self._qs = self._session_only(self._qs if damage is None else None)
            self._notices.report(SETTINGS, self._unsaved, self._path)

    def _session_only(self, source: QSettings | None) -> QSettings:
        """Settings that live for this session: ``source``'s values, kept where no file can be.

        The path lies below the settings file itself (or its missing folder),
        so QSettings can never write it and the user's file stays as it was.
        """
        held = QSettings(
            str(self._path / "unsaved" / SETTINGS_FILE_NAME), QSettings.Format.IniFormat
        )
        if source is not None:
            for key in source.allKeys():
                held.setValue(key, source.value(key))
        return held

    @property
    def path(self) -> Path:
        return self._path

    def sync(self) -> bool:
        """Write pending changes; False (and a notice, once) when they cannot be kept."""
        self._qs.sync()
        if self._unsaved is None and self._qs.status() != QSettings.Status.AccessError:
            return True
        error = self._unsaved or self._why_not_writable()
        self._notices.report(SETTINGS, error, self._path)
        return False

    def _why_not_writable(self) -> OSError:
        """The OSError behind QSettings' bare AccessError, found by writing beside the file."""
        found = probe_folder(self._path.parent)
        if found is not None:
            return found
        return OSError(errno.EACCES, "the settings file cannot be written")

    # -- low-level typed reads ------------------------------------------------
    def _int(self, key: str, default: int, low: int, high: int) -> int:
        raw: Any = self._qs.value(key, default)
        try:
            return _clamp(int(raw), low, high)
        except (TypeError, ValueError):
            log.warning("setting %s=%r is not a number; using %d", key, raw, default)
            return default

    def _bool(self, key: str, default: bool) -> bool:
        raw: Any = self._qs.value(key, default)
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str):
            return raw.strip().lower() in ("1", "true", "yes", "on")
        return bool(raw)

    def _bytes(self, key: str) -> QByteArray:
        raw: Any = self._qs.value(key)
        return raw if isinstance(raw, QByteArray) else QByteArray()

    def _int_list(self, key: str) -> list[int]:
        raw: Any = self._qs.value(key, [])
        items = [raw] if isinstance(raw, str | int) else list(raw or [])
        try:
            return [max(0, int(x)) for x in items]
        except (TypeError, ValueError):
            return []

    # -- window state -----------------------------------------------------------
    @property
    def geometry(self) -> QByteArray:
        return self._bytes("state/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._qs.setValue("state/geometry", value)

    @property
    def window_state(self) -> QByteArray:
        return self._bytes("state/window_state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._qs.setValue("state/window_state", value)

    def splitter_sizes(self, name: str) -> list[int]:
        return self._int_list(f"state/splitter_{name}")

    def set_splitter_sizes(self, name: str, sizes: list[int]) -> None:
        self._qs.setValue(f"state/splitter_{name}", [int(s) for s in sizes])

    # -- galleries ----------------------------------------------------------------
    @property
    def last_gallery(self) -> Path | None:
        raw: Any = self._qs.value("galleries/last", "")
        return Path(raw) if isinstance(raw, str) and raw else None

    @last_gallery.setter
    def last_gallery(self, value: Path | None) -> None:
        self._qs.setValue("galleries/last", str(value) if value is not None else "")

    @property
    def recent_galleries(self) -> list[Path]:
        raw: Any = self._qs.value("galleries/recent", [])
        items = [raw] if isinstance(raw, str) else list(raw or [])
        return [Path(str(p)) for p in items if p][:MAX_RECENT]

    def add_recent_gallery(self, path: Path, title: str | None = None) -> None:
        """Put ``path`` first in the recent list, without duplicates; remember its title."""
        recent = [p for p in self.recent_galleries if p != path]
        kept = [path, *recent][:MAX_RECENT]
        self._qs.setValue("galleries/recent", [str(p) for p in kept])
        titles = {str(p): t for p, t in self._recent_titles().items() if Path(p) in kept}
        if title:
            titles[str(path)] = title
        # Two parallel lists: QSettings' INI format keeps lists of strings faithfully.
        self._qs.setValue("galleries/recent_title_paths", list(titles))
        self._qs.setValue("galleries/recent_titles", list(titles.values()))

    def _recent_titles(self) -> dict[str, str]:
        paths_raw: Any = self._qs.value("galleries/recent_title_paths", [])
        titles_raw: Any = self._qs.value("galleries/recent_titles", [])
        keys = [paths_raw] if isinstance(paths_raw, str) else list(paths_raw or [])
        values = [titles_raw] if isinstance(titles_raw, str) else list(titles_raw or [])
        return {str(k): str(v) for k, v in zip(keys, values, strict=False) if k and v}

    def recent_title(self, path: Path) -> str | None:
        """The title the gallery at ``path`` had when it was last open, if known."""
        return self._recent_titles().get(str(path))

    # -- preferences ----------------------------------------------------------
    @property
    def thumbnail_size(self) -> int:
        return self._int("view/thumbnail_size", THUMB_DEFAULT, THUMB_MIN, THUMB_MAX)

    @thumbnail_size.setter
    def thumbnail_size(self, px: int) -> None:
        self._qs.setValue("view/thumbnail_size", _clamp(int(px), THUMB_MIN, THUMB_MAX))

    @property
    def info_panel_visible(self) -> bool:
        return self._bool("view/info_panel", True)

    @info_panel_visible.setter
    def info_panel_visible(self, value: bool) -> None:
        self._qs.setValue("view/info_panel", bool(value))

    @property
    def hidden_file_types(self) -> str:
        """The file types the filter hides, as ``"video,other"`` ("" for all files)."""
        raw: Any = self._qs.value("filter/hidden_types", "")
        return raw if isinstance(raw, str) else ",".join(str(v) for v in raw or [])

    @hidden_file_types.setter
    def hidden_file_types(self, value: str) -> None:
        self._qs.setValue("filter/hidden_types", value)

    @property
    def slideshow_interval(self) -> int:
        """Seconds each photo stays on screen, 1–120."""
        return self._int("slideshow/interval", INTERVAL_DEFAULT, INTERVAL_MIN, INTERVAL_MAX)

    @slideshow_interval.setter
    def slideshow_interval(self, seconds: int) -> None:
        self._qs.setValue("slideshow/interval", _clamp(int(seconds), INTERVAL_MIN, INTERVAL_MAX))

    @property
    def slideshow_loop(self) -> bool:
        return self._bool("slideshow/loop", True)

    @slideshow_loop.setter
    def slideshow_loop(self, value: bool) -> None:
        self._qs.setValue("slideshow/loop", bool(value))

    @property
    def slideshow_shuffle(self) -> bool:
        return self._bool("slideshow/shuffle", False)

    @slideshow_shuffle.setter
    def slideshow_shuffle(self, value: bool) -> None:
        self._qs.setValue("slideshow/shuffle", bool(value))

    @property
    def slideshow_crossfade(self) -> bool:
        return self._bool("slideshow/crossfade", True)

    @slideshow_crossfade.setter
    def slideshow_crossfade(self, value: bool) -> None:
        self._qs.setValue("slideshow/crossfade", bool(value))

    @property
    def slideshow_reading_time(self) -> bool:
        """Lengthen the dwell for long captions."""
        return self._bool("slideshow/reading_time", True)

    @slideshow_reading_time.setter
    def slideshow_reading_time(self, value: bool) -> None:
        self._qs.setValue("slideshow/reading_time", bool(value))

    @property
    def slideshow_captions(self) -> bool:
        return self._bool("slideshow/captions", True)

    @slideshow_captions.setter
    def slideshow_captions(self, value: bool) -> None:
        self._qs.setValue("slideshow/captions", bool(value))

    # -- editing ------------------------------------------------------------------
    def edit_template(self) -> dict[str, str]:
        """The saved credit / copyright / creator template of the edit panel."""
        out: dict[str, str] = {}
        for name in TEMPLATE_FIELDS:
            raw: Any = self._qs.value(f"edit-template/{name}", "")
            out[name] = raw if isinstance(raw, str) else ""
        return out

    def set_edit_template(self, values: dict[str, str]) -> None:
        for name in TEMPLATE_FIELDS:
            self._qs.setValue(f"edit-template/{name}", values.get(name, ""))

    @property
    def embed_on_save(self) -> bool:
        """Write corrections into the photo files too (off unless the user turns it on)."""
        return self._bool("editing/embed", False)

    @embed_on_save.setter
    def embed_on_save(self, value: bool) -> None:
        self._qs.setValue("editing/embed", bool(value))

    # -- sort order, per gallery ------------------------------------------------
    def sort_order(self, gallery: str) -> tuple[str, bool]:
        """The order (a ``SortOrder`` value) and direction chosen for ``gallery``.

        ``gallery`` is the gallery's key (``core.store.links.gallery_key``);
        with nothing chosen yet, time order ascending.
        """
        key = _sort_key_name(gallery)
        raw: Any = self._qs.value(f"{key}/order", "date")
        order = raw if isinstance(raw, str) and raw in SORT_ORDERS else "date"
        return order, self._bool(f"{key}/descending", False)

    def set_sort_order(self, gallery: str, order: str, descending: bool) -> None:
        key = _sort_key_name(gallery)
        self._qs.setValue(f"{key}/order", order)
        self._qs.setValue(f"{key}/descending", descending)

    @property
    def map_online_tiles(self) -> bool:
        """OpenStreetMap tiles under the map (off: the map never goes online)."""
        return self._bool("map/online_tiles", False)

    @map_online_tiles.setter
    def map_online_tiles(self, value: bool) -> None:
        self._qs.setValue("map/online_tiles", bool(value))


#: The values ``sort_order`` accepts (``core.gallery.ordering.SortOrder``).
SORT_ORDERS = ("date", "position", "name", "mtime", "size")


def _sort_key_name(gallery: str) -> str:
    """A settings group per gallery: a digest, since a path holds "/" and "\\"."""
    digest = hashlib.sha1(gallery.encode("utf-8", "surrogatepass"), usedforsecurity=False)
    return f"sort/{digest.hexdigest()[:16]}"
