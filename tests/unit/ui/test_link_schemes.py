# SPDX-License-Identifier: GPL-3.0-or-later
"""Only http(s) links are opened, only on the user's click, through QDesktopServices.

``QDesktopServices.openUrl`` is replaced by a recorder, so the tests see every
address the app would hand to the desktop.  Loading and showing a gallery whose
article and places carry ``javascript:``, ``file:`` and other addresses must
hand over nothing; a click on "Open original" or "Open map" hands over exactly
one http(s) address.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QThreadPool, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from gallery_app.core.models import Article, Entry, Gallery, Location, Precision, TakenAt
from gallery_app.core.store.links import LinkStore
from gallery_app.qt.loading.gallery import GalleryLoader
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.settings import Settings
from gallery_app.qt.slideshow import SlideshowController
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.article.pane import is_web_url
from gallery_app.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

WEB = ["https://apnews.com/article/iraq-airstrikes", "http://example.com/a?b=c"]
NOT_WEB = [
    "javascript:alert(1)",
    "JavaScript:alert(document.cookie)",
    " javascript:alert(1)",
    "file:///etc/passwd",
    "file://server/share/x.html",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ftp://example.com/x",
    "mailto:editor@example.com",
    "smb://host/share",
    "https:///no-host",
    "//example.com/no-scheme",
    "",
]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []

    def record(url: QUrl) -> bool:
        calls.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", record)
    return calls


def _gallery(url: str) -> Gallery:
    taken = TakenAt(dt.datetime(2015, 3, 30), Precision.DAY, "test")
    entry = Entry(
        id="e1",
        position=1,
        caption=f"See {url} and <a href='{url}'>this</a>",
        taken=taken,
        location=Location(city="Tikrit", country="Iraq", lat=34.6, lon=43.68),
        credit="AP",
    )
    article = Article(headline="Headline", paragraphs=(f"Read more at {url}.",), url=url)
    return Gallery(title="Links", entries=(entry,), article=article, id="links")


@pytest.fixture
def make_window(qtbot: QtBot, opened: list[str]) -> Iterator[object]:
    pool = QThreadPool()

    def build(url: str) -> MainWindow:
        gallery = _gallery(url)
        images = ImageLoader(pool)
        loader = GalleryLoader(pool, lambda _path: gallery, LinkStore())
        win = MainWindow(
            Settings(), FilterState(), loader, images, LinkStore(), SlideshowController(images)
        )
        qtbot.addWidget(win)
        win.show()
        with qtbot.wait_signal(win.gallery_shown):
            win.open_path(None)
        win.commands.article.trigger()
        win.open_entry(gallery.entries[0])
        return win

    yield build
    pool.clear()
    pool.waitForDone(5000)


@pytest.mark.parametrize("url", WEB)
def test_a_web_article_opens_only_on_click(
    url: str, make_window: object, opened: list[str], qtbot: QtBot
) -> None:
    window = make_window(url)  # type: ignore[operator]
    pane = window.parts.article_pane
    assert opened == [], "something opened without a click"
    assert pane.open_button.isVisibleTo(window)
    qtbot.mouseClick(pane.open_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl(url).toString()]


@pytest.mark.parametrize("url", NOT_WEB)
def test_other_schemes_are_never_opened(
    url: str, make_window: object, opened: list[str], qtbot: QtBot
) -> None:
    window = make_window(url)  # type: ignore[operator]
    pane = window.parts.article_pane
    assert not pane.open_button.isVisibleTo(window)
    pane.open_button.click()  # even a click that gets through opens nothing
    assert opened == []
    # the address is still there to read, as plain text, in the paragraph that holds it
    if url.strip():
        shown = [w for w in pane.findChildren(QLabel) if url in w.text()]
        assert shown and all(w.textFormat() == Qt.TextFormat.PlainText for w in shown)


def test_map_link_opens_openstreetmap_over_https_on_click_only(
    make_window: object, opened: list[str], qtbot: QtBot
) -> None:
    window = make_window(WEB[0])  # type: ignore[operator]
    panel = window.parts.caption_panel
    assert opened == []
    qtbot.mouseClick(panel.map_link, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    assert opened[0].startswith("https://www.openstreetmap.org/")


def test_no_label_opens_links_by_itself(make_window: object) -> None:
    window = make_window("javascript:alert(1)")  # type: ignore[operator]
    for label in window.findChildren(QLabel):
        assert not label.openExternalLinks(), label.objectName()
        # Qt's default lets the mouse reach links; a plain-text label has none to reach.
        if label.textInteractionFlags() & Qt.TextInteractionFlag.LinksAccessibleByMouse:
            plain = label.textFormat() == Qt.TextFormat.PlainText
            assert plain or "<a" not in label.text(), (label.objectName(), label.text())


@pytest.mark.parametrize("url", WEB)
def test_is_web_url_accepts_http_and_https(url: str) -> None:
    assert is_web_url(url)


@pytest.mark.parametrize("url", NOT_WEB)
def test_is_web_url_refuses_the_rest(url: str) -> None:
    assert not is_web_url(url)
