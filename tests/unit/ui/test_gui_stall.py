# SPDX-License-Identifier: GPL-3.0-or-later
"""The window keeps painting while a folder of hundreds of photos is scanned cold.

A 5 ms heartbeat on the GUI thread records the longest gap between beats from
the moment the folder is opened until the scan has finished and every row is
in.  The bound here is generous (the test machines are shared and slow);
``bench/gui_stall.py`` reports the real figures at 10,000 photos.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QElapsedTimer, QTimer
from pytestqt.qtbot import QtBot

from gallery_app.app import Composition

FILES = 600  # enough that the reader processes take the folder (MIN_FILES is 192)
STALL_BOUND_MS = 1000


def _folder(root: Path) -> Path:
    base = dt.datetime(2020, 1, 1, 8, 0)
    for n in range(FILES):
        exif = Image.Exif()
        exif[0x010E] = f"Photo {n}"
        exif.get_ifd(0x8769)[0x9003] = (base + dt.timedelta(minutes=7 * n)).strftime(
            "%Y:%m:%d %H:%M:%S"
        )
        folder = root / f"day-{n // 100}"
        folder.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (16, 12), (n % 256, 80, 160)).save(folder / f"p{n:04d}.jpg", exif=exif)
    return root


def test_scanning_a_big_folder_never_freezes_the_window(
    make_app: Callable[..., Composition], tmp_path: Path, qtbot: QtBot
) -> None:
    folder = _folder(tmp_path / "shoot")
    parts = make_app(show=True)
    clock = QElapsedTimer()
    beat = {"last": 0, "worst": 0}

    def heartbeat() -> None:
        now = clock.elapsed()
        beat["worst"] = max(beat["worst"], now - beat["last"])
        beat["last"] = now

    heart = QTimer()
    heart.setInterval(5)
    heart.timeout.connect(heartbeat)
    with qtbot.wait_signal(parts.loader.scan_finished, timeout=180_000):
        clock.start()
        heart.start()
        parts.window.open_path(folder)
    heart.stop()
    model = parts.window.parts.model
    assert model.rowCount() == FILES
    captions = [e.caption for e in model.entries()]
    assert captions[:3] == ["Photo 0", "Photo 1", "Photo 2"]  # in date order
    assert beat["worst"] < STALL_BOUND_MS, f"the window froze for {beat['worst']} ms"
