# SPDX-License-Identifier: GPL-3.0-or-later
"""Markup in anything that came from a file is shown literally, wherever it is shown.

A gallery whose title, captions, credits, creators, places, article text and
file names all hold ``<b>``, ``<img src=...>`` and ``<a href="javascript:...">``
is opened in the real main window.  Each place a user reads such text is
checked on what the widget holds and how it is told to render it: labels are
``Qt.PlainText``; the grid tooltip (rich text by Qt's guess) holds the text
escaped, so its rendered text equals the original; the slideshow paints with
``QPainter.drawText``, which never parses markup; window titles and status-bar
messages are plain by nature, so their text is compared exactly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from gallery_app.core.models import (
    Article,
    Entry,
    Gallery,
    ImageInfo,
    ImageStatus,
    Location,
    Precision,
    TakenAt,
)
from gallery_app.core.store.links import LinkStore
from gallery_app.qt.loading.gallery import GalleryLoader
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.settings import Settings
from gallery_app.qt.slideshow import SlideshowController
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

BOLD = "<b>x</b> bold?"
IMG = '<img src="file:///etc/passwd"> picture?'
LINK = '<a href="javascript:alert(1)">click me</a>'
TITLE = f"{BOLD} gallery"
CAPTION = f"Soldiers {BOLD} {IMG} {LINK} in Tikrit"
CREDIT = "<i>AP</i> Photo/<u>Khalid</u>"
CREATOR = "<script>alert(2)</script> Khalid"
PLACE = "<font color=red>Tikrit</font>"
FILE_NAME = "<img src=x onerror=alert(1)> & <b>name.jpg"  # no "/" in a file name
MARKERS = ("<b>", "<img", "<a href", "<i>", "<script>", "<font", "<u>")


def _gallery(photo_dir: Path) -> Gallery:
    photo = photo_dir / FILE_NAME
    Image.new("RGB", (64, 48), (90, 120, 160)).save(photo, "JPEG")
    taken = TakenAt(dt.datetime(2015, 3, 30, 10, 0), Precision.MINUTE, "test")
    entries = (
        Entry(
            id=FILE_NAME,
            position=1,
            image=photo,
            info=ImageInfo(ImageStatus.OK, 64, 48),
            caption=CAPTION,
            title=f"Title {BOLD}",
            taken=taken,
            location=Location(city=PLACE, country="Iraq"),
            creator=CREATOR,
            credit=CREDIT,
            copyright=f"© {BOLD}",
            warnings=(f"The date in {FILE_NAME} was odd {IMG}",),
        ),
        Entry(id="two", position=2, caption=f"Card {LINK}", credit=CREDIT, taken=taken),
    )
    article = Article(
        headline=f"Headline {BOLD}",
        standfirst=f"Standfirst {IMG}",
        paragraphs=(f"First {LINK}.", f"Second {BOLD}."),
        url="javascript:alert(3)",
    )
    return Gallery(title=TITLE, entries=entries, article=article, id="markup")


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    gallery = _gallery(tmp_path)
    pool = QThreadPool()
    images = ImageLoader(pool)
    loader = GalleryLoader(pool, lambda _path: gallery, LinkStore())
    win = MainWindow(
        Settings(), FilterState(), loader, images, LinkStore(), SlideshowController(images)
    )
    qtbot.addWidget(win)
    win.show()
    with qtbot.wait_signal(win.gallery_shown):
        win.open_path(None)
    yield win
    if win.parts.slideshow_window.isVisible():
        win.parts.slideshow_window.close()
    pool.clear()
    pool.waitForDone(5000)


def _labels_with_markup(root: object) -> list[QLabel]:
    found = root.findChildren(QLabel)  # type: ignore[attr-defined]
    return [w for w in found if any(m in w.text() for m in MARKERS)]


def _rendered(rich: str) -> str:
    doc = QTextDocument()
    doc.setHtml(rich)
    return doc.toPlainText()


def test_window_title_and_status_bar_are_literal(window: MainWindow) -> None:
    assert window.windowTitle() == f"{TITLE} — Dateline"
    assert window.count_label.textFormat() == Qt.TextFormat.PlainText
    message = window.statusBar().currentMessage()
    assert message == f"Opened {TITLE}"  # QStatusBar draws messages as plain text


def test_grid_tooltip_shows_the_text_escaped(window: MainWindow) -> None:
    model = window.parts.grid.model()
    tips = [
        model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
        for row in range(model.rowCount())
    ]
    first = _rendered(tips[0])
    assert CAPTION in first and CREDIT in first
    assert "<b>x</b>" not in tips[0]  # escaped in the HTML itself
    assert f"Card {LINK}" in _rendered(tips[1])


def test_caption_panel_labels_are_plain_text(window: MainWindow) -> None:
    window.open_entry(window.gallery.entries[0])
    panel = window.parts.caption_panel
    labels = _labels_with_markup(panel)
    texts = " | ".join(w.text() for w in labels)
    for value in (CAPTION, CREDIT, CREATOR, PLACE):
        assert value in texts, value
    assert all(w.textFormat() == Qt.TextFormat.PlainText for w in labels)
    assert not any(w.openExternalLinks() for w in panel.findChildren(QLabel))


def test_every_visible_label_with_markup_is_plain_text(window: MainWindow) -> None:
    window.open_entry(window.gallery.entries[0])
    window.commands.article.trigger()
    labels = [w for w in _labels_with_markup(window) if w.isVisibleTo(window)]
    assert labels
    rich = [(w.objectName(), w.text()) for w in labels if w.textFormat() != Qt.TextFormat.PlainText]
    assert not rich


def test_article_pane_shows_article_text_literally(window: MainWindow) -> None:
    window.commands.article.trigger()
    pane = window.parts.article_pane
    labels = _labels_with_markup(pane)
    texts = [w.text() for w in labels]
    for value in (f"Headline {BOLD}", f"First {LINK}.", f"Second {BOLD}."):
        assert any(value in t for t in texts), value
    assert all(w.textFormat() == Qt.TextFormat.PlainText for w in labels)
    assert not any(w.openExternalLinks() for w in pane.findChildren(QLabel))


def test_slideshow_overlay_texts_are_literal(window: MainWindow, qtbot: QtBot) -> None:
    window.open_entry(window.gallery.entries[0])
    window.start_slideshow()
    show = window.parts.slideshow_window
    qtbot.wait_until(lambda: show.current_entry() is not None)
    assert show.current_entry() is window.gallery.entries[0]
    texts = " ".join(show._overlay_texts(show.current_entry()))
    assert CAPTION in texts and CREDIT in texts
    assert CREDIT in show.accessibleDescription()
    assert not show.grab().isNull()  # painted through QPainter.drawText: never parsed


def test_file_names_are_literal_in_warnings_and_the_status_bar(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    window.open_entry(window.gallery.entries[0])
    panel = window.parts.caption_panel
    named = [w for w in panel.findChildren(QLabel) if FILE_NAME in w.text()]
    assert named and all(w.textFormat() == Qt.TextFormat.PlainText for w in named)
    with qtbot.wait_signal(window.gallery_shown):
        window.open_path(tmp_path / FILE_NAME)
        assert window.statusBar().currentMessage() == f"Opening {FILE_NAME}…"


def test_tooltips_holding_file_text_render_it_literally(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    """Qt guesses whether a tooltip is rich text: an article address or a recent
    gallery's path holding <b> or <img> must still show character for character."""
    from dataclasses import replace

    url = 'https://example.com/<b>bold</b>?<img src="file:///etc/passwd">'
    gallery = window.gallery
    assert gallery is not None and gallery.article is not None
    pane = window.parts.article_pane
    window.commands.article.trigger()
    pane.set_gallery(replace(gallery, article=replace(gallery.article, url=url)))
    assert pane.open_button.isVisibleTo(pane)
    assert _rendered(pane.open_button.toolTip()) == url

    folder = tmp_path / "<b>trip</b> <img src=x>"
    folder.mkdir(parents=True)
    manifest = folder / "gallery.json"
    manifest.write_text("{}", encoding="utf-8")
    window._settings.add_recent_gallery(manifest)
    window.recent_menu.aboutToShow.emit()
    action = next(a for a in window.recent_menu.actions() if a.statusTip() == str(manifest))
    assert _rendered(action.toolTip()) == str(manifest)
