# SPDX-License-Identifier: GPL-3.0-or-later
"""Atomic writes: the new content arrives whole, permissions are what the user expects,
and what a killed writer left behind is cleaned up by the next write."""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from gallery_app.core.store import atomic, thumbcache
from gallery_app.core.store.atomic import STALE_AFTER, write_bytes_atomic, write_text_atomic
from tests.unit.photo_files import make_jpeg

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


@pytest.fixture
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@posix_only
def test_replacing_a_file_keeps_its_permissions(tmp_path: Path) -> None:
    shared = tmp_path / "gallery.json"
    shared.write_text("old", encoding="utf-8")
    shared.chmod(0o644)  # a manifest the user shares with others
    write_text_atomic(shared, "new", mode=0o600)
    assert shared.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644


@posix_only
def test_a_new_document_is_readable_like_any_file_the_user_saves(
    tmp_path: Path, usual_umask: None
) -> None:
    manifest = tmp_path / "gallery.json"  # a new manifest, a screenshot, an export
    write_text_atomic(manifest, "{}")
    assert stat.S_IMODE(manifest.stat().st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["gallery.json"]


@posix_only
def test_a_new_private_file_stays_private(tmp_path: Path, usual_umask: None) -> None:
    fresh = tmp_path / "secret.bin"
    write_bytes_atomic(fresh, b"data", mode=0o600)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600


@posix_only
def test_thumbnails_are_private(
    tmp_path: Path, usual_umask: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATELINE_HOME", str(tmp_path / "home"))
    photo = make_jpeg(tmp_path / "p.jpg", (320, 240))
    made = thumbcache.ensure_thumbnail(photo, "normal")
    assert made.path is not None
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"not a photo")
    assert thumbcache.ensure_thumbnail(broken, "normal").failed
    marker = thumbcache.fail_path(broken)
    assert stat.S_IMODE(marker.stat().st_mode) == 0o600


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_next_write_removes_what_a_killed_writer_left(tmp_path: Path) -> None:
    target = tmp_path / "gallery.json"
    write_text_atomic(target, "v1")
    # A writer SIGKILLed mid-write long ago, and one writing the same file right now.
    dead = tmp_path / ".gallery.json.0.tmp"
    dead.write_text('{"half', encoding="utf-8")
    _age(dead, STALE_AFTER + 60)
    live = tmp_path / ".gallery.json.1.tmp"
    live.write_text('{"in prog', encoding="utf-8")
    other = tmp_path / ".other.json.0.tmp"  # another file's leftover is not ours to judge
    other.write_text("x", encoding="utf-8")
    _age(other, STALE_AFTER + 60)
    write_text_atomic(target, "v2")
    assert target.read_text(encoding="utf-8") == "v2"
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".gallery.json.1.tmp",
        ".other.json.0.tmp",
        "gallery.json",
    ]


def test_busy_temporary_names_do_not_block_a_write(tmp_path: Path) -> None:
    target = tmp_path / "links.json"
    for slot in range(8):
        (tmp_path / f".links.json.{slot}.tmp").write_text("busy", encoding="utf-8")
    write_text_atomic(target, "done")
    assert target.read_text(encoding="utf-8") == "done"
    assert len(list(tmp_path.glob(".links.json.*.tmp"))) == 8  # fresh ones are left alone


@posix_only
def test_a_planted_symlink_is_never_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep", encoding="utf-8")
    (tmp_path / ".t.json.0.tmp").symlink_to(victim)
    write_text_atomic(tmp_path / "t.json", "data")
    assert victim.read_text(encoding="utf-8") == "keep"
    assert (tmp_path / "t.json").read_text(encoding="utf-8") == "data"


def test_stale_check_costs_no_directory_listing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_listing(*_args: object) -> None:
        raise AssertionError("listed the folder")

    monkeypatch.setattr(os, "scandir", no_listing)
    monkeypatch.setattr(os, "listdir", no_listing)
    write_text_atomic(tmp_path / "t.json", "data")
    assert atomic.remove_stale_temporaries(tmp_path / "t.json") == []


def test_only_cache_writes_skip_the_flush(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Documents are flushed to disk before the rename; thumbnails (a cache) are not."""
    flushed: list[int] = []
    monkeypatch.setattr(os, "fsync", flushed.append)
    write_bytes_atomic(tmp_path / "manifest.json", b"{}")
    assert len(flushed) == 1
    monkeypatch.setenv("DATELINE_HOME", str(tmp_path / "home"))
    made = thumbcache.ensure_thumbnail(make_jpeg(tmp_path / "photo.jpg"), "normal")
    assert made.created and made.path is not None and made.path.stat().st_size > 0
    assert len(flushed) == 1
