# SPDX-License-Identifier: GPL-3.0-or-later
"""The whole app on folders it cannot write: it starts, shows photos and says what it does not keep.

Before: a read-only cache made ``gallery-app`` exit 1 ("Something went wrong:
[Errno 30] Read-only file system") and ``gallery-cli list`` print a traceback;
a full cache showed every photo as "could not be read"; a link saved to a
read-only data folder raised into the crash dialog.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from pytestqt.qtbot import QtBot

from gallery_app.app import Composition
from gallery_app.cli.main import main as cli_main
from gallery_app.core.store.notices import StorageNotices
from gallery_app.ui.window.storage_notice import StorageNoticeLabel
from tests.unit.hostile_disk import cases, hostile_folder

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")
ROOT = Path(__file__).resolve().parents[3]
FOLDERS = ("cache", "config", "data", "state")


def _photos(folder: Path, count: int = 3) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        Image.new("RGB", (320, 240), (40 * i, 90, 160)).save(folder / f"p{i}.jpg", quality=80)
    return folder


@pytest.mark.parametrize(("kind", "way"), cases())
def test_the_window_starts_shows_thumbnails_and_says_what_is_not_saved(
    make_app: Callable[..., Composition],
    qtbot: QtBot,
    dateline_home: Path,
    tmp_path: Path,
    kind: str,
    way: str,
) -> None:
    photos = _photos(tmp_path / "photos")
    with contextlib.ExitStack() as stack:
        for name in (*FOLDERS, "thumbnails"):
            stack.enter_context(hostile_folder(dateline_home / name, kind, way))
        parts = make_app(show=True)
        window = parts.window
        model = window.parts.model
        window.open_path(photos)
        qtbot.wait_until(lambda: model.rowCount() == 3, timeout=20000)
        model.request_thumbnails(range(model.rowCount()), 128)
        qtbot.wait_until(lambda: model.pending_count() == 0, timeout=20000)
        states = {model.thumbnail_state(e).value for e in model.entries()}
        assert states == {"ready"}, states  # from memory: none "could not be read"
        notice = window.statusBar().findChild(StorageNoticeLabel)
        assert notice is not None
        qtbot.wait_until(notice.isVisible)
        text = notice.full_text()
        assert "Thumbnails are not being saved" in text and "Settings are not being saved" in text
        assert text.count("Thumbnails") == 1  # said once
        assert notice.toolTip() and notice.accessibleName()
        assert "are not being saved" in notice.text()  # the short form, one sentence per reason


def test_gallery_app_starts_with_every_folder_missing(dateline_home: Path, tmp_path: Path) -> None:
    photos = _photos(tmp_path / "photos", 2)
    for name in (*FOLDERS, "thumbnails"):
        (dateline_home / name).write_text("in the way\n")
    out = tmp_path / "shot.png"
    done = subprocess.run(
        [sys.executable, "-m", "gallery_app", "--screenshot", str(out), str(photos)],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert out.is_file()
    assert "Traceback" not in done.stderr and "Something went wrong" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if "not being saved" in line]
    for what in ("Thumbnails", "Settings", "Log messages", "Catalog records"):
        assert sum(line.startswith(f"Dateline: {what}") for line in lines) == 1, done.stderr


@pytest.mark.parametrize(("kind", "way"), cases())
def test_gallery_cli_lists_a_folder_and_says_once(
    dateline_home: Path,
    tmp_path: Path,
    kind: str,
    way: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    photos = _photos(tmp_path / "photos", 2)
    with hostile_folder(dateline_home / "cache", kind, way):
        assert cli_main(["list", str(photos)]) == 0
    captured = capsys.readouterr()
    assert "p0.jpg" in captured.out
    assert captured.err.count("are not being saved") == 1, captured.err
    assert "Traceback" not in captured.err
    assert StorageNotices  # the sentence comes from core.store.notices
