# SPDX-License-Identifier: GPL-3.0-or-later
"""The article dock: plain text, related photos per paragraph, Read in article."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from gallery_app.core.models import Article, ContextLink, Entry, Gallery
from gallery_app.ui.article.pane import ArticlePane, is_web_url
from tests.unit.ui.story_gallery import iraq_gallery

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def pane(qtbot) -> ArticlePane:
    widget = ArticlePane()
    qtbot.addWidget(widget)
    widget.resize(420, 500)
    widget.set_gallery(iraq_gallery())
    widget.show()
    qtbot.wait_exposed(widget)
    return widget


def labels(pane: ArticlePane) -> list[QLabel]:
    return pane.scroll_area.widget().findChildren(QLabel)


def test_headline_standfirst_and_every_paragraph_as_plain_text(pane):
    assert pane.headline is not None
    assert pane.headline.text().startswith("Iraqi FM Wants More Airstrikes")
    paragraphs = pane.paragraph_widgets()
    assert len(paragraphs) == 12
    assert all(lbl.textFormat() == Qt.TextFormat.PlainText for lbl in labels(pane))
    assert pane.open_button.isVisibleTo(pane)


def test_gallery_position_is_marked_after_the_last_paragraph(pane):
    marker = pane.gallery_marker
    assert marker is not None
    assert "Fighting In Iraq" in marker.text() and "11 photos" in marker.text()
    last = pane.paragraph_widgets()[-1]
    assert marker.parentWidget() is last.parentWidget()
    assert marker.y() > last.y()


def test_each_paragraph_lists_and_opens_its_photos(pane, qtbot):
    second = pane.paragraph_widgets()[1]  # photos 1, 3, 4, 8, 9, 10 relate to it
    numbers = [b.text() for b in second.photo_buttons]
    assert numbers == ["1", "3", "4", "8", "9", "10"]
    with qtbot.wait_signal(pane.entry_activated) as blocker:
        second.photo_buttons[2].click()
    assert blocker.args[0].id == "photo-04"


def test_read_in_article_highlights_and_scrolls_to_the_passage(pane, qtbot):
    entry = iraq_gallery().entries[10]  # photo 11 relates to paragraph 11
    bar = pane.scroll_area.verticalScrollBar()
    assert bar.value() == 0
    pane.show_passage(entry)
    assert pane.highlighted_paragraphs() == (10,)
    assert [p.highlighted for p in pane.paragraph_widgets()].count(True) == 1
    assert "related paragraph 11 highlighted" in pane.notice.text()
    qtbot.wait_until(lambda: bar.value() > 0)
    target = pane.paragraph_widgets()[10]
    viewport = pane.scroll_area.viewport()
    top = target.mapTo(viewport, target.rect().topLeft()).y()
    assert 0 <= top < viewport.height()


def test_photo_without_a_linked_passage_points_at_the_gallery(pane):
    entry = Entry(id="x", position=12, caption="Unrelated.", context=ContextLink())
    pane.show_passage(entry)
    assert pane.highlighted_paragraphs() == ()
    assert "no passage is linked" in pane.notice.text()


def test_markup_in_article_text_is_shown_literally(qtbot):
    article = Article(
        headline="<b>Bold</b> headline",
        paragraphs=("<a href='http://evil.example'>click</a> & <i>more</i>",),
        url="javascript:alert(1)",
    )
    pane = ArticlePane()
    qtbot.addWidget(pane)
    pane.set_gallery(Gallery(title="T", entries=(), article=article))
    texts = [lbl.text() for lbl in labels(pane)]
    assert "<b>Bold</b> headline" in texts
    assert "<a href='http://evil.example'>click</a> & <i>more</i>" in texts
    assert not pane.open_button.isVisibleTo(pane)  # javascript: is never opened


def test_no_article_says_so(qtbot):
    pane = ArticlePane()
    qtbot.addWidget(pane)
    pane.set_gallery(Gallery(title="Plain folder"))
    assert "This gallery has no article." in [lbl.text() for lbl in labels(pane)]
    pane.show_passage(Entry(id="a", position=1))
    assert pane.highlighted_paragraphs() == ()


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("https://www.huffpost.com/entry/x", True),
        ("http://example.org/a", True),
        ("file:///etc/passwd", False),
        ("javascript:alert(1)", False),
        ("https://", False),
        (None, False),
    ],
)
def test_only_web_addresses_open(url, ok):
    assert is_web_url(url) is ok


def test_a_narrow_pane_wraps_photo_buttons_instead_of_scrolling_sideways(qtbot):
    widget = ArticlePane()
    qtbot.addWidget(widget)
    widget.resize(260, 500)
    widget.set_gallery(iraq_gallery())
    widget.show()
    qtbot.wait_exposed(widget)
    content = widget.scroll_area.widget()
    viewport = widget.scroll_area.viewport()
    qtbot.wait_until(lambda: content.width() <= viewport.width())
    assert not widget.scroll_area.horizontalScrollBar().isVisible()
    second = widget.paragraph_widgets()[1]
    rows = {button.y() for button in second.photo_buttons}
    assert len(rows) >= 2, "six photo buttons wrap onto a second row"
    for button in second.photo_buttons:
        assert button.mapTo(content, button.rect().topRight()).x() <= viewport.width()


def test_read_in_article_stops_above_the_passage_without_a_cut_line(pane, qtbot):
    entry = Entry(id="x", position=5, caption="A photo.", context=ContextLink(paragraphs=(4,)))
    pane.show_passage(entry)
    bar = pane.scroll_area.verticalScrollBar()
    qtbot.wait_until(lambda: bar.value() > 0)
    target = pane.paragraph_widgets()[4]
    viewport = pane.scroll_area.viewport()
    top = target.mapTo(viewport, target.rect().topLeft()).y()
    assert 0 <= top <= 8, "the passage starts at the top, the gap above it is all that shows"
    assert pane.notice.isVisible() and pane.notice.autoFillBackground()
