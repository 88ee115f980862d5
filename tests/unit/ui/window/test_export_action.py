# SPDX-License-Identifier: GPL-3.0-or-later
"""File → Export… writes what the filter shows, off the GUI thread, and says so."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMainWindow
from pytestqt.qtbot import QtBot

from gallery_app.core.models import Entry, Gallery
from gallery_app.qt.exporter import Exporter
from gallery_app.ui.window import dialogs
from gallery_app.ui.window.export_action import ExportAction
from tests.unit.core.exports.gallery_fixture import make_gallery


class _Host(QMainWindow):
    def __init__(self, gallery: Gallery) -> None:
        super().__init__()
        self._gallery = gallery

    @property
    def gallery(self) -> Gallery | None:
        return self._gallery

    def visible_entries(self) -> list[Entry]:
        return list(self._gallery.entries[:3])  # what the filter shows


def _action(qtbot: QtBot, tmp_path: Path) -> tuple[_Host, ExportAction, Exporter]:
    host = _Host(make_gallery(tmp_path / "g"))
    qtbot.addWidget(host)
    pool = QThreadPool()
    exporter = Exporter(pool, host)
    action = ExportAction(host, host, exporter)
    return host, action, exporter


def test_export_writes_the_filtered_photos_and_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    host, action, exporter = _action(qtbot, tmp_path)
    out = tmp_path / "out" / "story.json"
    action.choose_target = lambda parent, gallery: ("timelinejs", out)
    with qtbot.wait_signal(exporter.finished, timeout=20000):
        action.trigger()
    events = json.loads(out.read_text("utf-8"))["events"]
    assert [e["unique_id"] for e in events] == ["photo-01", "photo-02", "photo-03"]
    assert "Exported 3 photos to story.json" in host.statusBar().currentMessage()


def test_a_failed_export_is_a_sentence_not_a_crash(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    host, action, exporter = _action(qtbot, tmp_path)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    action.choose_target = lambda parent, gallery: ("csv", blocker / "photos.csv")
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append(text))
    with qtbot.wait_signal(exporter.failed, timeout=20000):
        action.trigger()
    assert shown and "cannot be written" in shown[0]
    assert "cannot be written" in host.statusBar().currentMessage()


def test_the_window_offers_export_in_the_file_menu_with_ctrl_e(
    make_app: Callable[..., Any],
) -> None:
    app = make_app()
    window = app.window
    found = [
        action
        for top in window.menuBar().actions()
        if top.menu() is not None and window.commands.open_file in top.menu().actions()
        for action in top.menu().actions()
        if isinstance(action, ExportAction)
    ]
    assert len(found) == 1
    assert found[0].shortcut().toString() == "Ctrl+E"
