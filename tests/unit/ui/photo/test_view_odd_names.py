# SPDX-License-Identifier: GPL-3.0-or-later
"""PhotoView shows a photo whose file name holds a newline (legal on Linux).

The entry id of a folder's photo is its relative path; the view's request key
carries it, so the key must not be read by splitting the id.
"""

from __future__ import annotations

from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from gallery_app.core.models import Entry, ImageInfo, ImageStatus
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.photo.view import PhotoView
from tests.unit.photo_files import make_jpeg


def test_newline_in_file_name_is_shown(qtbot: QtBot, tmp_path) -> None:
    pool = QThreadPool()
    view = PhotoView(ImageLoader(pool))
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    qtbot.waitExposed(view)
    name = "bad\nname.jpg"
    entry = Entry(
        id=name,
        position=0,
        image=make_jpeg(tmp_path / name, (640, 480)),
        info=ImageInfo(ImageStatus.OK, 640, 480),
    )
    with qtbot.wait_signal(view.ready, timeout=5_000):
        view.show_entry(entry)
    assert view.has_photo()
    pool.waitForDone()
