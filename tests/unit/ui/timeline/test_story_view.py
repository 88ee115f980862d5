# SPDX-License-Identifier: GPL-3.0-or-later
"""The story timeline driven as a user would: keys walk, zoom and scroll; a drag filters."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from PySide6.QtCore import QPoint, Qt, QThreadPool

from gallery_app.core.loader import load_gallery
from gallery_app.core.models import Entry, Precision, TakenAt
from gallery_app.core.story.axis import DAY
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.ui.timeline.story_page import StoryPage
from gallery_app.ui.timeline.story_view import StoryView


@pytest.fixture
def state() -> FilterState:
    return FilterState()


@pytest.fixture
def page(qtbot, state) -> StoryPage:
    widget = StoryPage(state)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    gallery = load_gallery(None)
    widget.set_entries(gallery.entries, gallery.article)
    widget.show()
    qtbot.wait_exposed(widget)
    widget.view.setFocus()
    return widget


def _positions(view: StoryView) -> list[int]:
    return [view.story().items[p.index].entry.position for p in view.frame().cards]


def test_every_photo_is_a_card_and_no_two_cards_overlap(page) -> None:
    view = page.view
    assert view.frame().shows_cards
    assert sorted(_positions(view)) == list(range(1, 12))
    rects = [view.card_rect(e.id) for e in view.story().walk]
    for a, b in itertools.combinations(rects, 2):
        assert a is not None and b is not None and not a.intersects(b)


def test_arrows_walk_in_time_order_and_the_card_follows(qtbot, page) -> None:
    view = page.view
    seen = []
    view.current_changed.connect(lambda e: seen.append(e.position))
    for _ in range(11):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert seen == [1, 2, 3, 5, 8, 6, 4, 7, 9, 10, 11]
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert seen[-1] == 1 and page.card.title.text() == "Photo 1 of 11"
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert page.card.title.text() == "Photo 11 of 11"


def test_photo_6_spans_its_readings_with_the_reason_on_its_card(qtbot, page) -> None:
    view = page.view
    six = next(e for e in view.story().walk if e.position == 6)
    page.set_current(six)
    assert page.card.when.text() == "Sun 29 or Tue 31 Mar?"
    assert "Sunday" in page.card.uncertainty.text() and page.card.uncertainty.isVisible()
    item = next(i for i in view.story().items if i.entry.position == 6)
    assert item.span.readings == (dt.date(2015, 3, 29), dt.date(2015, 3, 31))


def test_keyboard_zooms_to_one_day_scrolls_and_fits_all(qtbot, page) -> None:
    view = page.view
    qtbot.keyClick(view, Qt.Key.Key_Right)  # photo 1, Monday 30 March
    qtbot.keyClick(view, Qt.Key.Key_D)
    t0, t1 = view.visible_span()
    assert t1 - t0 == pytest.approx(DAY + 204 / view._pps, rel=0.05)  # the day and a card
    assert page.heading.text().startswith("Mon 30 Mar")
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.visible_span()[0] > t0
    before = view.pixels_per_day()
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.pixels_per_day() < before
    qtbot.keyClick(view, Qt.Key.Key_0)
    start, end = view.visible_span()
    assert all(start <= item.t0 and item.t1 <= end for item in view.story().items)


def test_enter_opens_the_current_photo(qtbot, page) -> None:
    view = page.view
    qtbot.keyClick(view, Qt.Key.Key_Right)
    with qtbot.wait_signal(page.open_requested) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args[0].position == 1


def test_a_drag_across_the_axis_sets_the_shared_date_filter(qtbot, page, state) -> None:
    view = page.view
    y = int(view.axis_y() - 4)

    def x_of(day: int) -> int:
        from gallery_app.core.story.axis import seconds

        t = seconds(dt.datetime(2015, 4, day, 12))
        return int(view._scale.x_of(t) - view._left + view.plot_rect().left())

    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(x_of(1), y))
    qtbot.mouseMove(view, QPoint(x_of(2), y))
    qtbot.mouseMove(view, QPoint(x_of(3), y))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(x_of(3), y))
    assert (state.value.date_from, state.value.date_to) == (
        dt.date(2015, 4, 1),
        dt.date(2015, 4, 3),
    )
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert not state.value.has_date_range


def test_undated_photos_sit_in_the_tray_and_are_walked_last(qtbot, state) -> None:
    view = StoryView(state)
    qtbot.addWidget(view)
    view.resize(900, 500)
    day = TakenAt(dt.datetime(2015, 3, 30), Precision.DAY, "caption")
    view.set_entries([Entry("u", 1, caption="No date."), Entry("d", 2, taken=day)])
    assert [e.id for e in view.story().undated] == ["u"]
    assert view.tray_rect().width() > 0
    assert [view.story().items[p.index].entry.id for p in view.frame().cards] == ["d"]
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.current_entry() is not None and view.current_entry().id == "u"


def test_a_big_folder_is_laid_out_off_the_gui_thread(qtbot, state) -> None:
    pool = QThreadPool()
    view = StoryView(state, pool)
    qtbot.addWidget(view)
    view.resize(1000, 500)
    start = dt.datetime(2000, 1, 1)
    entries = [
        Entry(f"e{n}", n, taken=TakenAt(start + dt.timedelta(hours=n), Precision.SECOND, "exif"))
        for n in range(20_000)  # above BACKGROUND_FROM; bench/ pans 100,000
    ]
    with qtbot.wait_signal(view.story_ready, timeout=120_000):
        view.set_entries(entries)
        assert view.is_pending()
    assert len(view.story().items) == 20_000
    frame = view.frame()
    assert not frame.shows_cards and sum(c.count for c in frame.columns) == 20_000
    qtbot.keyClick(view, Qt.Key.Key_End)
    qtbot.keyClick(view, Qt.Key.Key_H)  # one hour around the last photo: a card again
    assert view.frame().shows_cards
    pool.waitForDone(5000)
