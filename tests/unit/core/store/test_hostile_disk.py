# SPDX-License-Identifier: GPL-3.0-or-later
"""Degrade, never die: the cache, data and state folders missing, read-only or full.

Each store keeps working in memory, says once what it is not keeping and why,
and never renames or deletes the user's files on the way.  Every case runs on
a real 200 KB tmpfs where mounting is allowed and on a patched ``os`` layer
everywhere (``tests/unit/hostile_disk.py``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from pathlib import Path

import pytest
from PIL import Image

from gallery_app import logs as logs_mod
from gallery_app.core.metadata.values import FileMetadata
from gallery_app.core.models import Entry, Gallery, ImageInfo, ImageStatus, Precision, TakenAt
from gallery_app.core.store import notices as notices_mod
from gallery_app.core.store import thumbcache
from gallery_app.core.store.catalog import Catalog
from gallery_app.core.store.links import LinkStore
from gallery_app.core.store.notices import StorageNotices
from tests.unit.hostile_disk import cases, hostile_folder

REASONS = {
    "missing": "the folder is missing",
    "readonly": "read-only",
    "full": "full",
}


def _meta(caption: str) -> FileMetadata:
    return FileMetadata(
        caption=caption,
        title=None,
        creator=None,
        credit=None,
        copyright=None,
        taken=TakenAt(dt.datetime(2015, 3, 31), Precision.DAY, "test"),
        location=None,
        info=ImageInfo(ImageStatus.OK, 40, 30, 1),
        sources={},
        warnings=(),
    )


def _listing(folder: Path) -> dict[str, bytes]:
    """The user's files in ``folder`` (SQLite's own -wal/-shm and probes left out)."""
    if not folder.is_dir():
        return {}
    return {
        p.name: p.read_bytes()
        for p in folder.iterdir()
        if p.is_file() and p.name[0] != "." and not p.name.endswith(("-wal", "-shm"))
    }


def _one_sentence(notices: StorageNotices, what: str, kind: str) -> str:
    sentences = [n.sentence() for n in notices.notices() if n.what == what]
    assert len(sentences) == 1, notices.sentences()
    assert "are not being saved" in sentences[0]
    assert REASONS[kind] in sentences[0]
    return sentences[0]


@pytest.mark.parametrize(("kind", "way"), cases())
def test_catalog_keeps_rows_in_memory_and_never_moves_the_file(
    dateline_home: Path, tmp_path: Path, kind: str, way: str
) -> None:
    cache = dateline_home / "cache"
    photo = tmp_path / "a.jpg"
    photo.write_bytes(b"x")
    before = Catalog()
    before.put(photo, 1, 1, _meta("kept from before"))
    before.close()
    with hostile_folder(cache, kind, way):
        saved = {} if kind == "missing" else _listing(cache)
        notices = StorageNotices()
        catalog = Catalog(notices=notices)
        new = tmp_path / "b.jpg"
        catalog.put(new, 2, 2, _meta("read this session"))
        got = catalog.get(new, 2, 2)
        assert got is not None and got.caption == "read this session"
        assert catalog.enabled
        sentence = _one_sentence(notices, notices_mod.CATALOG, kind)
        assert "catalog.sqlite" in sentence
        catalog.put(tmp_path / "c.jpg", 3, 3, _meta("again"))
        assert len(notices.notices()) == 1  # said once
        catalog.close()
        if kind != "missing":
            assert _listing(cache) == saved  # nothing renamed, deleted or set aside


@pytest.mark.parametrize(("kind", "way"), cases())
def test_a_thumbnail_that_cannot_be_stored_is_still_shown(
    dateline_home: Path, tmp_path: Path, kind: str, way: str
) -> None:
    photo = tmp_path / "photo.jpg"
    Image.new("RGB", (640, 480), (200, 60, 30)).save(photo, quality=80)
    with hostile_folder(dateline_home / "thumbnails", kind, way):
        notices = StorageNotices()
        result = thumbcache.ensure_thumbnail(photo, "normal", keep_image=True, notices=notices)
        assert not result.failed  # storing failed, not reading
        assert result.not_saved and result.image is not None
        assert max(result.image.size) == 128
        _one_sentence(notices, notices_mod.THUMBNAILS, kind)
        assert not thumbcache.has_failed(photo)  # no "could not be read" marker either


@pytest.mark.parametrize(("kind", "way"), cases())
def test_links_live_in_memory_and_the_old_file_is_untouched(
    dateline_home: Path, tmp_path: Path, kind: str, way: str
) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"x")
    LinkStore().set("g", "01", photo)
    data = dateline_home / "data"
    with hostile_folder(data, kind, way):
        saved = _listing(data)
        notices = StorageNotices()
        links = LinkStore(notices=notices)
        links.set("g", "02", photo)  # no OSError reaches the window
        links.set("g", "03", photo)
        assert links.get("g", "02") == photo.resolve()
        assert links.get("g", "03") == photo.resolve()
        gallery = Gallery(id="g", title="g", entries=(Entry(id="02", position=1, caption="c"),))
        assert links.apply(gallery).entries[0].image == photo.resolve()
        sentence = _one_sentence(notices, notices_mod.LINKS, kind)
        assert "links.json" in sentence
        if kind != "missing":
            assert _listing(data) == saved


@pytest.mark.parametrize(("kind", "way"), cases())
def test_a_log_that_cannot_be_written_is_said_once_without_a_traceback(
    dateline_home: Path, kind: str, way: str, capsys: pytest.CaptureFixture[str]
) -> None:
    state = dateline_home / "state"
    state.mkdir(parents=True, exist_ok=True)
    logger = logging.getLogger("test.hostile.log")
    logger.propagate = False
    with hostile_folder(state, kind, way):
        notices = StorageNotices()
        handler: logs_mod.PrivateLogHandler | None = None
        try:
            handler = logs_mod.PrivateLogHandler(notices)
        except OSError as exc:  # what setup_logging meets: it reports and goes on
            notices.report(notices_mod.LOG, exc, state / "dateline.log")
        if handler is not None:
            logger.addHandler(handler)
            with contextlib.suppress(ValueError):
                logger.warning("a line %s", "x" * 8000)
            logger.removeHandler(handler)
            handler.close()
        _one_sentence(notices, notices_mod.LOG, kind)
    assert "Logging error" not in capsys.readouterr().err


def test_the_log_writes_a_name_that_is_not_utf8_and_is_private(dateline_home: Path) -> None:
    notices = StorageNotices()
    handler = logs_mod.PrivateLogHandler(notices)
    logger = logging.getLogger("test.hostile.name")
    logger.propagate = False
    logger.addHandler(handler)
    try:
        logger.warning("cannot read %s", "caf\udce9.jpg")
    finally:
        logger.removeHandler(handler)
        handler.close()
    text = Path(handler.baseFilename).read_text(encoding="utf-8")
    assert "caf\\udce9.jpg" in text  # the odd byte escaped, the line kept
    assert Path(handler.baseFilename).stat().st_mode & 0o777 == 0o600
    assert not notices.notices()


def test_catalog_links_and_their_folders_are_private(dateline_home: Path, tmp_path: Path) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"x")
    catalog = Catalog()
    catalog.put(photo, 1, 1, _meta("private"))
    catalog.close()
    links = LinkStore()
    links.set("g", "01", photo)
    for file in (catalog.path, links.path):
        assert file.stat().st_mode & 0o777 == 0o600, file
        assert file.parent.stat().st_mode & 0o777 == 0o700, file.parent


@pytest.mark.parametrize(("kind", "way"), [c for c in cases() if c.values[0] == "readonly"])
def test_a_damaged_catalog_on_a_read_only_disk_is_left_where_it_is(
    dateline_home: Path, tmp_path: Path, kind: str, way: str
) -> None:
    cache = dateline_home / "cache"
    cache.mkdir(parents=True)
    damaged = b"this is not a database" * 100
    (cache / "catalog.sqlite").write_bytes(damaged)
    with hostile_folder(cache, kind, way):
        notices = StorageNotices()
        catalog = Catalog(notices=notices)
        catalog.put(tmp_path / "a.jpg", 1, 1, _meta("kept in memory"))
        assert catalog.get(tmp_path / "a.jpg", 1, 1) is not None
        catalog.close()
        assert (cache / "catalog.sqlite").read_bytes() == damaged  # not renamed, not deleted
        assert sorted(p.name for p in cache.iterdir() if not p.name.startswith(".")) == [
            "catalog.sqlite"
        ]
        assert len(notices.notices()) == 1


def test_the_status_bar_summary_says_what_and_why_in_one_sentence_per_reason() -> None:
    notices = StorageNotices()
    full = OSError(28, "No space left on device")
    notices.report(notices_mod.THUMBNAILS, full, Path("/c/thumbnails"))
    notices.report(notices_mod.CATALOG, full, Path("/c/dateline/catalog.sqlite"))
    notices.report(notices_mod.SETTINGS, OSError(30, "Read-only file system"), Path("/e/x.ini"))
    assert notices_mod.summary(notices.notices()) == (
        "Thumbnails and catalog records are not being saved: the disk is full. "
        "Settings are not being saved: the disk is read-only."
    )
