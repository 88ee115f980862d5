# SPDX-License-Identifier: GPL-3.0-or-later
"""Where Dateline keeps its files, through platformdirs.

Set ``DATELINE_HOME`` to put every folder under one directory (the tests do, so
they never touch the real home).  Folders are created on first use, not at
import.
"""

from __future__ import annotations

import importlib.resources
import os
from pathlib import Path

import platformdirs

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
    path.mkdir(parents=True, exist_ok=True)
    return path


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
