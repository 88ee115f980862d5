# SPDX-License-Identifier: GPL-3.0-or-later
"""A RIGHT-TO-LEFT OVERRIDE in one field never reorders another, wherever the field is shown.

Each field from a file reaches the screen wrapped in FIRST STRONG ISOLATE …
POP DIRECTIONAL ISOLATE, its overrides dropped: the caption panel, the grid's
cells and tooltips, the slideshow's band, the placeholder card and the article.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from pytestqt.qtbot import QtBot

from gallery_app.core.inert import FSI, PDI
from gallery_app.core.models import Article, Entry, Gallery, Location, Precision, TakenAt
from gallery_app.core.store.links import LinkStore
from gallery_app.qt.loading.gallery import GalleryLoader
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.settings import Settings
from gallery_app.qt.slideshow import SlideshowController
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.grid import delegate as delegate_mod
from gallery_app.ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

RLO = "\u202e"
PLACE = f"Tikrit{RLO}, Iraq"
CAPTION = f"Soldiers advance{RLO} near the city"
CREDIT = f"AP{RLO} Photo"


def _gallery() -> Gallery:
    taken = TakenAt(dt.datetime(2015, 3, 30, 10, 0), Precision.MINUTE, "test")
    entry = Entry(
        id="01",
        position=1,
        caption=CAPTION,
        taken=taken,
        location=Location(name=PLACE),
        creator=f"Khalid{RLO} Mohammed",
        credit=CREDIT,
        warnings=(f"odd{RLO} warning",),
    )
    article = Article(headline=f"Headline{RLO} here", paragraphs=(f"First{RLO} paragraph.",))
    return Gallery(title=f"Gallery{RLO} title", entries=(entry,), article=article, id="bidi")


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    gallery = _gallery()
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


def _isolated(value: str) -> str:
    return f"{FSI}{value.replace(RLO, '')}{PDI}"


def test_caption_panel_isolates_each_field(window: MainWindow) -> None:
    window.open_entry(window.gallery.entries[0])
    panel = window.parts.caption_panel
    assert panel.place.text() == _isolated(PLACE)
    assert panel.caption.text() == _isolated(CAPTION)
    assert _isolated("Credit: " + CREDIT) in panel.credit.text() or _isolated(CREDIT) in (
        panel.credit.text()
    )
    assert _isolated(f"⚠ odd{RLO} warning") == panel.warnings.text()
    assert RLO not in panel.creator.text()


def test_grid_cell_and_tooltip_isolate_the_caption(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    drawn: list[str] = []
    real = delegate_mod.draw_lines

    def spy(painter, lines, *args, **kwargs):  # type: ignore[no-untyped-def]
        drawn.extend(lines)
        return real(painter, lines, *args, **kwargs)

    monkeypatch.setattr(delegate_mod, "draw_lines", spy)
    grid = window.parts.grid
    grid.itemDelegate().paint_afresh()  # cells painted before the spy are copies now
    grid.viewport().grab()
    text = "".join(drawn)
    assert RLO not in text and text.count(FSI) >= 1
    model = grid.model()
    tip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert RLO not in tip and _isolated(PLACE) in tip


def test_slideshow_band_isolates_each_field(window: MainWindow, qtbot: QtBot) -> None:
    window.open_entry(window.gallery.entries[0])
    window.start_slideshow()
    show = window.parts.slideshow_window
    qtbot.wait_until(lambda: show.current_entry() is not None)
    head, caption, credit = show._overlay_texts(show.current_entry())
    assert head.endswith(_isolated(PLACE))
    assert caption in ("", _isolated(CAPTION))
    assert credit == f"⚠ {_isolated(f'odd{RLO} warning')} · {_isolated(CREDIT)}"
    assert RLO not in show.accessibleDescription()


def test_article_pane_isolates_headline_and_paragraphs(window: MainWindow) -> None:
    window.commands.article.trigger()
    pane = window.parts.article_pane
    assert pane.headline is not None
    assert pane.headline.text() == _isolated(f"Headline{RLO} here")
    texts = [w.text() for w in pane.paragraph_widgets()[0].findChildren(type(pane.headline))]
    assert _isolated(f"First{RLO} paragraph.") in texts


def test_window_title_and_status_bar_isolate_the_title(window: MainWindow) -> None:
    assert window.windowTitle() == f"{_isolated(f'Gallery{RLO} title')} — Dateline"
    assert RLO not in window.statusBar().currentMessage()
    assert _isolated(f"Gallery{RLO} title") in window.statusBar().currentMessage()


def test_a_file_name_in_the_status_bar_keeps_its_extension(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    spoof = tmp_path / f"invoice{RLO}gpj.exe"
    spoof.write_text("{}")
    window.open_path(spoof)
    assert window.statusBar().currentMessage() == "Opening invoicegpj.exe…"
    qtbot.wait_until(lambda: "Opening" not in window.statusBar().currentMessage())
