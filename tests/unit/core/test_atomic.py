# SPDX-License-Identifier: GPL-3.0-or-later
"""Atomic writes: the new content arrives whole, and a replaced file keeps its permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from gallery_app.core.atomic import write_text_atomic


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_replacing_a_file_keeps_its_permissions(tmp_path: Path) -> None:
    shared = tmp_path / "gallery.json"
    shared.write_text("old", encoding="utf-8")
    shared.chmod(0o644)  # a manifest the user shares with others
    write_text_atomic(shared, "new")
    assert shared.read_text(encoding="utf-8") == "new"
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_a_new_file_stays_private(tmp_path: Path) -> None:
    fresh = tmp_path / "thumb.png"  # freedesktop thumbnails must be 0600
    write_text_atomic(fresh, "data")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["thumb.png"]
