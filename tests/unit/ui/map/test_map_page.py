# SPDX-License-Identifier: GPL-3.0-or-later
"""The map as a page of a window: fed by the model, M shows it, clicks reach the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QWidget
from pytestqt.qtbot import QtBot

from gallery_app.core.gallery.manifest import load_manifest
from gallery_app.core.models import Entry
from gallery_app.core.paths import bundled_gallery_path
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.models.photos import PhotoModel
from gallery_app.qt.settings import Settings
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.map.page import MapPage


@pytest.fixture
def page(qtbot: QtBot, tmp_path: Path) -> tuple[MapPage, list[tuple[str, str]]]:
    window = QMainWindow()
    qtbot.addWidget(window)
    stack = QStackedWidget(window)
    stack.addWidget(QWidget())
    window.setCentralWidget(stack)
    pool = QThreadPool(window)
    model = PhotoModel(ImageLoader(pool, window), window)
    calls: list[tuple[str, str]] = []
    made = MapPage(
        window,
        stack,
        FilterState(window),
        model,
        Settings(tmp_path / "s.ini"),
        pool,
        select=lambda e: calls.append(("select", e.id)),
        open_entry=lambda e: calls.append(("open", e.id)),
    )
    model.set_gallery(load_manifest(bundled_gallery_path()))
    assert made.marks.layer.count == 0  # an unseen map reads nothing
    with qtbot.wait_signal(made.marks.layer_changed, timeout=60_000):
        made.show()
    return made, calls


def test_the_model_feeds_the_map(page: tuple[MapPage, list[tuple[str, str]]]) -> None:
    made, _calls = page
    assert made.marks.layer.count == 11


def test_m_shows_the_map_and_its_clicks_reach_the_window(
    page: tuple[MapPage, list[tuple[str, str]]],
) -> None:
    made, calls = page
    made._stack.setCurrentIndex(0)
    made.show_action.trigger()
    assert made.is_shown()
    made.view.entry_selected.emit("07")
    made.view.entry_activated.emit("01")
    made.view.entry_selected.emit("no such photo")
    assert calls == [("select", "07"), ("open", "01")]
    made.set_current(Entry(id="04", position=4))
    assert made.view.selected == "04"


def test_online_tiles_ask_first_and_stay_off_when_refused(
    page: tuple[MapPage, list[tuple[str, str]]], monkeypatch: pytest.MonkeyPatch
) -> None:
    made, _calls = page
    asked: list[str] = []

    def refuse(_parent: object, _title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", refuse)
    made.tiles_action.setChecked(True)
    assert asked and "IP address" in asked[0]
    assert not made.tiles_action.isChecked() and not made.tiles.enabled
