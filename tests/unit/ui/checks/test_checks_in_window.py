# SPDX-License-Identifier: GPL-3.0-or-later
"""The Checks panel in the composed app: View → Checks, a finding leads to its photo, and
linking a photo from 2008 to a caption of 2015 shows up at once."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from gallery_app.app import Composition
from gallery_app.core.checks.findings import Kind
from gallery_app.core.store.links import gallery_key
from gallery_app.qt.checks import FindingsBook
from gallery_app.ui.checks.dock import CHECKS_KEY
from gallery_app.ui.checks.panel import ChecksPanel
from tests.imaging import exif_block, make_jpeg

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def app(make_app: Callable[..., Composition], qtbot: QtBot) -> Composition:
    parts = make_app(show=True)
    with qtbot.wait_signal(parts.window.gallery_shown, timeout=20_000):
        parts.window.open_path(None)
    book = parts.window.findChild(FindingsBook)
    qtbot.wait_until(lambda: bool(book.findings()) and book.is_settled(), timeout=60_000)
    return parts


def _view_action(app: Composition):
    view = next(a.menu() for a in app.window.menuBar().actions() if a.text() == "&View")
    return next(a for a in view.actions() if a.text() == "&Checks")


def test_view_checks_shows_the_dock_and_a_finding_opens_its_photo(
    app: Composition, qtbot: QtBot
) -> None:
    window = app.window
    dock = window.findChild(QDockWidget, "checksDock")
    action = _view_action(app)
    assert action.shortcut() == QKeySequence(CHECKS_KEY)
    assert not dock.isVisible()
    action.trigger()
    assert dock.isVisible()
    panel = dock.widget()
    assert isinstance(panel, ChecksPanel)
    assert panel.summary.text() == "1 warning about 1 of 11 photos"
    finding = panel.model.index(0, 0, panel.model.index(0, 0))
    panel.tree.activated.emit(finding)
    assert window.current_entry is not None and window.current_entry.id == "06"
    assert window.parts.caption_panel.entry().id == "06"


def test_linking_a_2008_photo_to_a_2015_caption_adds_a_date_finding(
    app: Composition, qtbot: QtBot, tmp_path
) -> None:
    window = app.window
    book = window.findChild(FindingsBook)
    photo = make_jpeg(tmp_path / "old.jpg", exif=exif_block(date_original="2008:05:30 09:00:00"))
    gallery = window.gallery
    first = gallery.entries[0]
    app.links.set(gallery_key(gallery), first.id, photo)
    with qtbot.wait_signal(book.changed, timeout=60_000):
        window.update_gallery(app.links.apply(gallery))
    assert [f.kind for f in book.for_entry(first.id)] == [Kind.DATE]
    panel = window.findChild(ChecksPanel)
    assert panel.summary.text() == "2 warnings about 2 of 11 photos"
