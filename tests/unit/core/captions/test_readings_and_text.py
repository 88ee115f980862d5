# SPDX-License-Identifier: GPL-3.0-or-later
"""What the caption result adds for its readers: both readings of a wrong weekday,
a weekday placed by the article's date, the caption without its credit, and
rules that each say why they exist."""

from __future__ import annotations

import datetime as dt

import pytest

from gallery_app.core.captions import credits, dates, place_rules, text
from gallery_app.core.captions.parse import ParsedCaption, parse_caption
from gallery_app.core.models import DateReading, Precision, TakenAt

PHOTO_6 = (
    "In this Sunday, March 31, 2015 file photo, Iraqi security forces launch rockets against "
    "Islamic State extremist positions in Tikrit, 80 miles north of Baghdad, Iraq. (AP "
    "Photo/Khalid Mohammed, File) (credit:ASSOCIATED PRESS)"
)


def test_a_wrong_weekday_carries_both_readings_for_the_timeline_and_resolve() -> None:
    parsed = parse_caption(PHOTO_6)
    assert parsed.taken is not None
    assert parsed.taken.iso() == "2015-03-31"
    assert parsed.taken.uncertain
    assert parsed.readings == (
        DateReading(dt.date(2015, 3, 31), "the date as written"),
        DateReading(dt.date(2015, 3, 29), "the weekday, Sunday"),
    )
    assert parsed.taken.readings == parsed.readings
    assert parsed.warnings == ("The caption says Sunday, but March 31, 2015 was a Tuesday.",)


@pytest.mark.parametrize(
    ("written", "implied"),
    [
        ("Friday, April 1, 2015", dt.date(2015, 4, 3)),  # a Wednesday: Friday is 2 days on
        ("Monday, April 4, 2015", dt.date(2015, 4, 6)),  # a Saturday: the next Monday
        ("Thursday, April 4, 2015", dt.date(2015, 4, 2)),  # a Saturday: Thursday 2 days back
    ],
)
def test_the_weekday_reading_is_the_nearest_such_day(written: str, implied: dt.date) -> None:
    parsed = parse_caption(f"Soldiers deploy in Tikrit, Iraq, {written}.")
    assert [r.day for r in parsed.readings][1] == implied


def test_a_right_weekday_has_no_readings() -> None:
    parsed = parse_caption("Soldiers deploy in Tikrit, Iraq, Friday, April 3, 2015.")
    assert parsed.readings == ()
    assert parsed.taken is not None and parsed.taken.readings == ()


def test_a_weekday_alone_gives_no_date_without_the_articles_date() -> None:
    caption = "A soldier keeps watch in Kabul, Afghanistan on Tuesday. REUTERS/Omar Sobhani"
    assert parse_caption(caption).taken is None
    assert parse_caption(caption, None) == parse_caption(caption)


def test_a_weekday_and_the_articles_date_give_an_inferred_candidate() -> None:
    caption = "A soldier keeps watch in Kabul, Afghanistan on Tuesday. REUTERS/Omar Sobhani"
    parsed = parse_caption(caption, reference=dt.date(2015, 4, 2))
    assert parsed.taken is not None
    assert parsed.taken.day == dt.date(2015, 3, 31)
    assert parsed.taken.precision is Precision.DAY
    assert parsed.taken.inferred and not parsed.taken.uncertain
    assert any("inferred from the article's date" in w for w in parsed.warnings)


def test_a_written_date_is_never_replaced_by_the_articles_date() -> None:
    caption = "Soldiers deploy in Tikrit, Iraq, Friday, April 3, 2015."
    parsed = parse_caption(caption, reference=dt.date(2015, 4, 10))
    assert parsed.taken is not None and parsed.taken.iso() == "2015-04-03"
    assert not parsed.taken.inferred


def test_the_caption_text_leaves_out_credit_numbers_and_notes() -> None:
    assert parse_caption(PHOTO_6).text.endswith("80 miles north of Baghdad, Iraq.")
    trailer = (
        "epa07471234 A shaman plays the drum in Kathmandu, Nepal, 28 March 2019. "
        "EPA-EFE/NARENDRA SHRESTHA ATTENTION EDITORS - THIS IMAGE HAS BEEN SUPPLIED BY A THIRD "
        "PARTY. EDITORIAL USE ONLY"
    )
    assert (
        parse_caption(trailer).text == "A shaman plays the drum in Kathmandu, Nepal, 28 March 2019."
    )


def test_a_credit_on_its_own_line_is_read_and_left_out() -> None:
    caption = (
        "Shiite militiamen celebrate in Tikrit, Iraq, Friday, April 3, 2015.\n\n"
        "    Khalid Mohammed, Associated Press\n"
    )
    parsed = parse_caption(caption)
    assert (parsed.creator, parsed.credit) == ("Khalid Mohammed", "AP")
    assert parsed.text == "Shiite militiamen celebrate in Tikrit, Iraq, Friday, April 3, 2015."


def test_older_callers_still_build_results_and_dates_positionally() -> None:
    result = ParsedCaption(None, None, None, None, False, ())
    assert result.text == "" and result.readings == ()
    taken = TakenAt(dt.datetime(2015, 3, 30), Precision.DAY, "caption", None, False)
    assert taken.readings == () and not taken.inferred


@pytest.mark.parametrize(
    "rule",
    [
        *credits.CREDIT_RULES,
        *text.STRIP_RULES,
        *place_rules.RULES,
        *dates.NOT_THE_PHOTO_RULES,
    ],
    ids=lambda r: r.name,
)
def test_every_declared_rule_says_why(rule: object) -> None:
    assert getattr(rule, "name", "")
    assert len(getattr(rule, "reason", "")) > 20
