# SPDX-License-Identifier: GPL-3.0-or-later
"""Where Dateline keeps its files, through platformdirs.

Set ``DATELINE_HOME`` to put every folder under one directory (the tests do, so
they never touch the real home).  Folders are created on first use, not at
import, private to the user (0700).  A folder that cannot be created (a
read-only or full disk, a file in its place) is still returned: whoever writes
there meets the error and says what is not being kept
(``core.store.notices``); nobody dies because a folder is missing.
"""

from __future__ import annotations

import importlib.resources
import logging
import os
from pathlib import Path

import platformdirs

_log = logging.getLogger(__name__)

APP_DIR_NAME = "dateline"
HOME_OVERRIDE_ENV = "DATELINE_HOME"
BUNDLED_GALLERY_ID = "fighting-in-iraq"
MANIFEST_NAME = "gallery.json"


def bundled_gallery_path() -> Path:
    """The manifest of the gallery that ships with Dateline (read-only, inside the package)."""
    res = importlib.resources.files("gallery_app.resources") / "galleries" / BUNDLED_GALLERY_ID
    return Path(str(res)) / MANIFEST_NAME


def bundled_copy_path() -> Path:
    """The user's own copy of the bundled gallery, made when a correction is first saved.

    The shipped manifest stays read-only; once this copy exists it is what
    "the bundled gallery" opens.  (Only the path: nothing is created here.)
    """
    return data_dir() / "galleries" / BUNDLED_GALLERY_ID / MANIFEST_NAME


def _override() -> Path | None:
    value = os.environ.get(HOME_OVERRIDE_ENV)
    return Path(value) if value else None


def _dir(kind: str) -> Path:
    base = _override()
    if base is not None:
        path = base / kind
    else:
        getter = {
            "config": platformdirs.user_config_path,
            "data": platformdirs.user_data_path,
            "cache": platformdirs.user_cache_path,
            "state": platformdirs.user_state_path,
        }[kind]
        path = getter(APP_DIR_NAME, appauthor=False)
    make_private_dir(path)
    return path


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (and its parents) with the last part 0700; raise the ``OSError`` if not."""
    path.mkdir(mode=0o700, parents=True, exist_ok=True)


def make_private_dir(path: Path) -> bool:
    """``ensure_private_dir``, False instead of an error (the writer will meet it and say so)."""
    try:
        ensure_private_dir(path)
    except OSError as exc:
        _log.info("folder %s cannot be created: %s", path, exc)
        return False
    return True


def config_dir() -> Path:
    """Settings (QSettings writes its INI file here)."""
    return _dir("config")


def data_dir() -> Path:
    """What the user made: links from entries to photo files, edited manifests."""
    return _dir("data")


def cache_dir() -> Path:
    """What can be rebuilt: the catalog database."""
    return _dir("cache")


def state_dir() -> Path:
    """Logs and crash reports."""
    return _dir("state")


def log_file() -> Path:
    return state_dir() / "dateline.log"


def thumbnail_root() -> Path:
    """The freedesktop thumbnail cache shared with file managers and viewers."""
    base = _override()
    if base is not None:
        root = base / "thumbnails"
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        root = (Path(xdg) if xdg else Path.home() / ".cache") / "thumbnails"
    return root
