# SPDX-License-Identifier: GPL-3.0-or-later
"""Dated events from captions and the article; relative phrases resolved or left out."""

from __future__ import annotations

import datetime as dt

from gallery_app.core.article.events import DatedText, find_events
from gallery_app.core.loader import load_gallery
from gallery_app.core.story.build import build_story

PHOTO_4 = (
    "In this Thursday, April 2, 2015 file photo, Iraqi security forces deploy in Tikrit, 80 "
    "miles north of Baghdad, Iraq, a day after Iraqi security forces backed by Shiite "
    "militiamen took control of the city from Islamic State militants. (AP Photo/Khalid "
    "Mohammed, File)"
)


def test_a_day_after_resolves_against_the_photo_date() -> None:
    (event,) = find_events([DatedText(PHOTO_4, dt.date(2015, 4, 2), "caption of photo 4")])
    assert event.day == dt.date(2015, 4, 1)
    assert event.text.startswith("Iraqi security forces backed by Shiite militiamen took control")
    assert event.source == "caption of photo 4"
    assert "a day after" in event.sentence


def test_relative_phrases_without_a_certain_date_are_left_out() -> None:
    own = dt.date(2015, 4, 2)  # an uncertain photo date: nothing to hang "a day after" on
    assert find_events([DatedText(PHOTO_4, None, "caption", own)]) == []
    text = "The minister said on Tuesday that the talks would go on."
    assert find_events([DatedText(text, None, "article, paragraph 2")]) == []


def test_weekdays_and_the_day_before_within_a_dated_story() -> None:
    friday = dt.date(2015, 4, 3)
    texts = [
        DatedText("Troops entered the city on Tuesday after a long siege.", friday, "a"),
        DatedText("Crowds gathered, the day before the vote was held.", friday, "b"),
    ]
    days = {e.source: e.day for e in find_events(texts)}
    assert days == {"a": dt.date(2015, 3, 31), "b": dt.date(2015, 4, 4)}


def test_a_full_date_dates_its_sentence_but_the_photo_date_is_no_event() -> None:
    text = "In this Monday, March 30, 2015 photo, a convoy. The offensive began March 2, 2015."
    events = find_events([DatedText(text, dt.date(2015, 3, 30), "c", dt.date(2015, 3, 30))])
    assert [(e.day, e.text) for e in events] == [
        (dt.date(2015, 3, 2), "The offensive began March 2, 2015.")
    ]


def test_the_bundled_story_marks_april_1_the_day_without_photos() -> None:
    gallery = load_gallery(None)
    story = build_story(gallery.entries, gallery.article)
    assert [e.day for e in story.events] == [dt.date(2015, 4, 1)]
    assert [i.entry.position for i in story.items] == [1, 2, 3, 5, 8, 6, 4, 7, 9, 10, 11]
    assert story.undated == ()
