# SPDX-License-Identifier: GPL-3.0-or-later
"""A damaged settings file, links file or catalog is set aside, logged and rebuilt.

"Set aside" means renamed to ``<name>.broken-<timestamp>`` beside the original,
so nothing the user made is destroyed, and the app starts on a fresh file.
"""

from __future__ import annotations

import json
import logging
import os
import random
import sqlite3
from pathlib import Path

import pytest

from gallery_app.core import paths
from gallery_app.core.store.catalog import DB_NAME, Catalog
from gallery_app.core.store.links import LINKS_FILE_NAME, LinkStore
from gallery_app.qt.settings import SETTINGS_FILE_NAME, Settings

JUNK = random.Random(23).randbytes(3000)


def _aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(path.name + ".broken-*"))


# --- settings ------------------------------------------------------------------------------

DAMAGED_INI = {
    "binary junk": JUNK,
    "not UTF-8": b"[view]\nthumbnail_size=200\ntitle=caf\xe9\n",
    "unparsable": b"\xef\xbb\xbf garbage [[[\n=\nkey\n[view\nthumbnail_size=abc\n",
}


@pytest.mark.parametrize("damage", sorted(DAMAGED_INI))
def test_damaged_settings_are_set_aside_and_rebuilt(
    damage: str, caplog: pytest.LogCaptureFixture
) -> None:
    ini = paths.config_dir() / SETTINGS_FILE_NAME
    ini.write_bytes(DAMAGED_INI[damage])
    with caplog.at_level(logging.WARNING):
        settings = Settings()
    assert settings.set_aside is not None and settings.set_aside.read_bytes() == DAMAGED_INI[damage]
    assert _aside(ini) == [settings.set_aside]
    assert "set aside" in caplog.text
    assert settings.thumbnail_size == 192  # defaults, not junk
    settings.thumbnail_size = 256
    settings.sync()
    assert Settings().thumbnail_size == 256
    assert Settings().set_aside is None  # the rebuilt file is sound


def test_sound_settings_with_odd_values_are_kept() -> None:
    ini = paths.config_dir() / SETTINGS_FILE_NAME
    ini.write_text("[view]\nthumbnail_size=banana\n[slideshow]\ninterval=-4\n", encoding="utf-8")
    settings = Settings()
    assert settings.set_aside is None
    assert (settings.thumbnail_size, settings.slideshow_interval) == (192, 1)
    assert ini.exists()


# --- links -----------------------------------------------------------------------------------

DAMAGED_LINKS = {
    "binary junk": JUNK,
    "not UTF-8": b'{"version": 1, "links": {"g": {"e": "/caf\xe9.jpg"}}}',
    "not JSON": b'{"version": 1, "links": {"g": ',
    "wrong shape": json.dumps({"version": 1, "links": ["a", "b"]}).encode(),
    "nested too deep": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("damage", sorted(DAMAGED_LINKS))
def test_damaged_links_are_set_aside_and_rebuilt(
    damage: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store_path = paths.data_dir() / LINKS_FILE_NAME
    store_path.write_bytes(DAMAGED_LINKS[damage])
    with caplog.at_level(logging.WARNING):
        store = LinkStore()
    assert store.set_aside is not None
    assert store.set_aside.read_bytes() == DAMAGED_LINKS[damage]  # kept for rescue by hand
    assert "set aside" in caplog.text
    assert store.links_for("g") == {}
    photo = tmp_path / "p.jpg"
    photo.write_bytes(b"")
    store.set("g", "e", photo)
    assert LinkStore().links_for("g") == {"e": photo.resolve()}


# --- catalog ---------------------------------------------------------------------------------


def _truncated_database(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [(os.urandom(500),) for _ in range(200)])
    conn.commit()
    conn.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


@pytest.mark.parametrize("damage", ["junk", "truncated", "foreign schema"])
def test_a_corrupt_catalog_is_set_aside_and_rebuilt(
    damage: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    from gallery_app.core.metadata.reader import read_metadata
    from tests.imaging import exif_block, make_jpeg

    db = paths.cache_dir() / DB_NAME
    if damage == "junk":
        db.write_bytes(JUNK)
    elif damage == "truncated":
        _truncated_database(db)
    else:
        conn = sqlite3.connect(db)
        conn.execute("CREATE TABLE files (what)")
        conn.execute("PRAGMA user_version = 99")
        conn.commit()
        conn.close()
    with caplog.at_level(logging.WARNING):
        catalog = Catalog()
    try:
        assert catalog.enabled
        assert _aside(db), "the damaged database was not kept aside"
        photo = make_jpeg(tmp_path / "a.jpg", exif=exif_block(description="Cached"))
        st = photo.stat()
        catalog.put(photo, st.st_size, st.st_mtime_ns, read_metadata(photo))
        cached = catalog.get(photo, st.st_size, st.st_mtime_ns)
        assert cached is not None and cached.caption == "Cached"
    finally:
        catalog.close()
    assert "set aside" in caplog.text


def test_the_app_starts_with_every_state_file_damaged(qtbot: object) -> None:
    from gallery_app.app import compose

    (paths.config_dir() / SETTINGS_FILE_NAME).write_bytes(JUNK)
    (paths.data_dir() / LINKS_FILE_NAME).write_bytes(JUNK)
    (paths.cache_dir() / DB_NAME).write_bytes(JUNK)
    parts = compose()
    try:
        assert parts.settings.set_aside is not None
        assert parts.links.set_aside is not None
        assert parts.window.windowTitle()
    finally:
        parts.window.close()
        parts.pools.wait_for_done(3000)
