# SPDX-License-Identifier: GPL-3.0-or-later
"""A big folder seen before is on screen before its scan has checked it, then corrected."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PIL import Image
from pytestqt.qtbot import QtBot

from gallery_app.app import Composition

FILES = 520  # a snapshot is kept for folders of 500 photos or more


def _folder(root: Path) -> Path:
    base = dt.datetime(2021, 6, 1, 8, 0)
    for n in range(FILES):
        exif = Image.Exif()
        exif[0x010E] = f"Shot {n}"
        exif.get_ifd(0x8769)[0x9003] = (base + dt.timedelta(minutes=n)).strftime(
            "%Y:%m:%d %H:%M:%S"
        )
        folder = root / f"roll-{n // 200}"
        folder.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (8, 6), (n % 256, 40, 90)).save(folder / f"s{n:04d}.jpg", exif=exif)
    return root


def test_a_folder_opens_from_its_snapshot_and_the_scan_corrects_it(
    make_app: Callable[..., Composition], tmp_path: Path, qtbot: QtBot
) -> None:
    folder = _folder(tmp_path / "shoot")
    first = make_app(show=True)
    with qtbot.wait_signal(first.loader.scan_finished, timeout=180_000):
        first.window.open_path(folder)
    first.shut_down()
    (folder / "roll-0" / "s0001.jpg").unlink()  # gone since the snapshot was taken

    again = make_app(show=True)
    model = again.window.parts.model
    rows_when_finished: list[int] = []
    again.loader.scan_finished.connect(lambda _s: rows_when_finished.append(model.rowCount()))
    with qtbot.wait_signal(again.loader.updated, timeout=180_000):
        again.window.open_path(folder)
    assert again.loader.scanning  # shown from the snapshot, not yet checked
    assert model.rowCount() == FILES
    qtbot.wait_until(lambda: bool(rows_when_finished), timeout=180_000)
    assert model.rowCount() == FILES - 1  # the scan took the vanished photo out
    captions = [e.caption for e in model.entries()]
    assert captions[:3] == ["Shot 0", "Shot 2", "Shot 3"]
