# SPDX-License-Identifier: GPL-3.0-or-later
"""CaptionPanel: whole caption as plain text, date precision, warnings, map, credit."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt, QUrl

from gallery_app.core.models import Location
from gallery_app.ui.photo.caption_panel import CaptionPanel
from tests.unit.photo_samples import LONG_CAPTION, MARKUP_CAPTION, wire_gallery

# The offscreen platform warns whenever a top-level window's size constraints
# change (any widget with a layout); that says nothing about the panel.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


def make_panel(qtbot, opened: list[QUrl]) -> CaptionPanel:
    panel = CaptionPanel(open_url=opened.append)
    qtbot.addWidget(panel)
    panel.resize(300, 420)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def test_shows_position_caption_date_place_and_credit(qtbot) -> None:
    panel = make_panel(qtbot, [])
    entry = wire_gallery().entries[5]
    panel.show_entry(entry, 3, 11)
    assert panel.position.text() == "4 of 11"
    assert panel.caption.text() == LONG_CAPTION  # whole, not an excerpt
    assert panel.date.text() == "Tuesday 31 March 2015"
    assert panel.date_detail.text() == "known to the day · from the caption · uncertain"
    assert "March 31, 2015 was a Tuesday" in panel.warnings.text()
    assert panel.warnings.isVisible()
    assert panel.place.text() == "Tikrit, Iraq"
    assert panel.coordinates.text() == "34.6071° N, 43.6782° E"
    assert panel.credit.text() == "Credit: AP Photo/Khalid Mohammed"


def test_long_caption_wraps_and_is_never_clipped(qtbot) -> None:
    panel = make_panel(qtbot, [])
    panel.show_entry(wire_gallery().entries[5], 5, 11)
    label = panel.caption
    qtbot.wait_until(lambda: label.height() >= label.heightForWidth(label.width()))
    assert label.width() <= panel.width()
    # the credit stays on screen even when the caption needs scrolling
    panel.resize(300, 200)
    qtbot.wait_until(lambda: panel.credit.geometry().bottom() <= panel.height())
    assert panel.credit.isVisible()
    assert panel.credit.visibleRegion().boundingRect().height() == panel.credit.height()


def test_markup_in_a_caption_is_shown_literally(qtbot) -> None:
    panel = make_panel(qtbot, [])
    entry = replace(wire_gallery().entries[0], caption=MARKUP_CAPTION, credit="<i>AP</i>")
    panel.show_entry(entry, 0, 1)
    for label in (panel.caption, panel.credit, panel.position, panel.date):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert panel.caption.text() == MARKUP_CAPTION
    assert panel.credit.text() == "Credit: <i>AP</i>"
    assert panel.caption.openExternalLinks() is False


def test_open_map_only_on_click(qtbot) -> None:
    opened: list[QUrl] = []
    panel = make_panel(qtbot, opened)
    panel.show_entry(wire_gallery().entries[0], 0, 11)
    assert opened == []
    assert panel.map_link.isVisible()
    qtbot.mouseClick(panel.map_link, Qt.MouseButton.LeftButton)
    assert [u.toString() for u in opened] == [
        "https://www.openstreetmap.org/?mlat=34.60710&mlon=43.67820#map=12/34.60710/43.67820"
    ]
    no_coordinates = replace(wire_gallery().entries[0], location=Location(name="Tikrit"))
    panel.show_entry(no_coordinates, 0, 11)
    assert not panel.map_link.isVisible()


def test_article_and_link_file_signals(qtbot) -> None:
    panel = make_panel(qtbot, [])
    entry = wire_gallery().entries[2]
    panel.show_entry(entry, 2, 11)
    assert panel.link_file.text() == "Link a photo file…"
    with qtbot.wait_signal(panel.read_in_article) as read:
        panel.article_link.click()
    assert read.args[0] is entry
    with qtbot.wait_signal(panel.link_file_requested) as linked:
        panel.link_file.setFocus()
        qtbot.keyClick(panel.link_file, Qt.Key.Key_Space)
    assert linked.args[0] is entry
    for widget in (panel, panel.map_link, panel.article_link, panel.link_file, panel.caption):
        assert widget.accessibleName()


def test_nothing_selected(qtbot) -> None:
    panel = make_panel(qtbot, [])
    panel.show_entry(None, 0, 0)
    assert panel.position.text() == "No photos shown"
    assert not panel.caption.isVisible()
    assert not panel.link_file.isVisible()


def test_a_photo_without_a_caption_is_named(qtbot) -> None:
    from pathlib import Path

    panel = make_panel(qtbot, [])
    entry = replace(
        wire_gallery().entries[0],
        caption="",
        title=None,
        image=Path("/usr/share/wallpapers/Kite/contents/images/1920x1080.jpg"),
    )
    panel.show_entry(entry, 0, 11)
    assert panel.caption.text() == "No caption (Kite · 1920x1080.jpg)."
    panel.show_entry(replace(entry, image=None), 0, 11)
    assert panel.caption.text() == "No caption."
