# SPDX-License-Identifier: GPL-3.0-or-later
"""Opening a gallery by dropping it on the window, and again from File → Open recent."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QThreadPool, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QTextDocument
from pytestqt.qtbot import QtBot

from gallery_app.core.gallery.manifest import save_manifest
from gallery_app.core.loader import load_gallery
from gallery_app.core.store.links import LinkStore
from gallery_app.qt.loading.gallery import GalleryLoader
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.settings import Settings
from gallery_app.qt.slideshow import SlideshowController
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.window.main_window import MainWindow
from tests.unit.ui.shell_fixtures import make_gallery

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[MainWindow]:
    pool = QThreadPool()
    images = ImageLoader(pool)
    loader = GalleryLoader(pool, lambda path: load_gallery(path, catalog=None), LinkStore())
    win = MainWindow(
        Settings(), FilterState(), loader, images, LinkStore(), SlideshowController(images)
    )
    qtbot.addWidget(win)
    win.show()
    yield win
    pool.clear()
    pool.waitForDone(5000)


def _manifest(folder: Path) -> Path:
    folder.mkdir()
    path = folder / "gallery.json"
    save_manifest(make_gallery(), path)
    return path


def _mime(*urls: QUrl) -> QMimeData:
    mime = QMimeData()
    mime.setUrls(list(urls))
    return mime


def test_a_dropped_manifest_opens(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    manifest = _manifest(tmp_path / "story")
    mime = _mime(QUrl.fromLocalFile(str(manifest)))
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.wait_signal(window.gallery_shown, timeout=10000):
        window.dropEvent(drop)
    assert window.windowTitle() == "Fighting In Iraq — Dateline"
    assert window.count_label.text() == "11 of 11 photos shown"


def test_a_web_address_is_not_taken_as_a_drop(window: MainWindow) -> None:
    mime = _mime(QUrl("https://example.com/gallery.json"))
    enter = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter.ignore()
    window.dragEnterEvent(enter)
    assert not enter.isAccepted()


def test_a_gallery_opened_once_is_offered_again_in_open_recent(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    manifest = _manifest(tmp_path / "story")
    with qtbot.wait_signal(window.gallery_shown, timeout=10000):
        window.open_path(manifest)
    with qtbot.wait_signal(window.gallery_shown, timeout=10000):
        window.open_path(None)  # something else in between
    window.recent_menu.aboutToShow.emit()
    entries = [a for a in window.recent_menu.actions() if a.statusTip() == str(manifest)]
    assert len(entries) == 1 and entries[0].isEnabled()
    # Its title, not "gallery.json"; the bundled gallery has the same title, so
    # the folder's name tells the two apart.
    assert entries[0].text() == "Fighting In Iraq — story"
    with qtbot.wait_signal(window.gallery_shown, timeout=10000) as shown:
        entries[0].trigger()
    assert shown.args[0].source == manifest


def test_open_recent_names_each_gallery_and_tells_its_path_literally(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    """Every manifest is called gallery.json: the menu shows the title (or the
    folder's name), the tooltip the full path — as plain text, markup and all."""
    from gallery_app.ui.window.actions import recent_labels

    odd = tmp_path / "<img src=x> & <b>co"
    manifest = _manifest(odd)
    with qtbot.wait_signal(window.gallery_shown, timeout=10000):
        window.open_path(manifest)
    window.recent_menu.aboutToShow.emit()
    action = next(a for a in window.recent_menu.actions() if a.statusTip() == str(manifest))
    doc = QTextDocument()
    doc.setHtml(action.toolTip())
    assert doc.toPlainText() == str(manifest)
    assert window.recent_menu.toolTipsVisible()

    unknown = [tmp_path / "a" / "trip" / "gallery.json", tmp_path / "b" / "trip" / "gallery.json"]
    labels = recent_labels([*unknown, tmp_path / "R&D"], lambda _p: None)
    assert labels == ["trip — a", "trip — b", "R&&D"]
