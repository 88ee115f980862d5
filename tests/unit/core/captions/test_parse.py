# SPDX-License-Identifier: GPL-3.0-or-later
"""Wire-photo captions as a reader sees them: when, where, who, which agency.

The table holds the eleven captions of the bundled "Fighting In Iraq" gallery
verbatim, then other agencies' shapes and the traps (anniversary dates,
hometowns, party tags, yearless and impossible dates, markup, nothing at all).
A field left out of a row is not checked by that row.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gallery_app.core.captions.parse import ParsedCaption, parse_caption
from gallery_app.core.models import Precision
from tests.unit.core.captions.caption_table import BUNDLED_ROWS, UNSET, Row
from tests.unit.core.captions.caption_table_traps import TRAP_ROWS
from tests.unit.core.captions.caption_table_world import WORLD_ROWS

ROWS = BUNDLED_ROWS + WORLD_ROWS + TRAP_ROWS


def _id(row: Row) -> str:
    return row.caption[:40] or "empty"


@pytest.mark.parametrize("row", ROWS, ids=_id)
def test_caption_table(row: Row) -> None:
    parsed = parse_caption(row.caption)
    if row.date is not UNSET:
        assert (parsed.taken.iso() if parsed.taken else None) == row.date
    if row.date and parsed.taken is not None:
        assert parsed.taken.source == "caption"
    if row.uncertain is not UNSET:
        assert parsed.taken is not None and parsed.taken.uncertain is row.uncertain
    if row.place is None:
        assert parsed.location is None
    location = parsed.location
    if row.city is not UNSET:
        assert location is not None and location.city == row.city
        # Coordinates only with a city, and then always from the gazetteer.
        assert (location.lat is not None) == (row.city is not None)
        if location.lat is not None:
            assert "GeoNames" in (location.source or "")
    if row.region is not UNSET:
        assert location is not None and location.region == row.region
    if row.cc is not UNSET:
        assert location is not None and location.country_code == row.cc
    if row.creator is not UNSET:
        assert parsed.creator == row.creator
    if row.credit is not UNSET:
        assert parsed.credit == row.credit
    if row.file_photo is not UNSET:
        assert parsed.file_photo is row.file_photo
    if row.warn is not UNSET:
        assert any(row.warn in w for w in parsed.warnings), parsed.warnings


def test_table_is_broad() -> None:
    assert len({r.caption for r in ROWS}) >= 50


def test_the_bundled_gallerys_wrong_weekday_keeps_the_date_and_says_so() -> None:
    parsed = parse_caption(ROWS[5].caption)
    assert parsed.taken is not None
    assert parsed.taken.iso() == "2015-03-31"
    assert parsed.taken.precision is Precision.DAY
    assert parsed.taken.uncertain
    assert parsed.warnings == ("The caption says Sunday, but March 31, 2015 was a Tuesday.",)


def test_a_matching_weekday_gives_no_warning() -> None:
    parsed = parse_caption(ROWS[0].caption)
    assert parsed.warnings == ()
    assert parsed.taken is not None and not parsed.taken.uncertain


def test_the_road_is_a_description_not_a_city() -> None:
    location = parse_caption(ROWS[6].caption).location
    assert location is not None
    assert location.sublocation == "the main road between Baghdad and Tikrit"
    assert (
        location.name == "the main road between Baghdad and Tikrit, 80 miles north of Baghdad, Iraq"
    )
    assert location.country == "Iraq"
    assert location.lat is None and location.lon is None


def test_tikrit_keeps_the_dateline_phrase_and_gets_gazetteer_coordinates() -> None:
    location = parse_caption(ROWS[0].caption).location
    assert location is not None
    assert location.name == "Tikrit, 80 miles north of Baghdad, Iraq"
    assert location.label() == "Tikrit, 80 miles north of Baghdad, Iraq"
    assert location.lat == pytest.approx(34.6, abs=0.1)
    assert location.lon == pytest.approx(43.7, abs=0.1)


def test_a_clock_time_next_to_the_date_gives_minute_precision() -> None:
    taken = parse_caption("Fans cheer in Boston, Monday, May 4, 2015, at 9:15 a.m.").taken
    assert taken is not None
    assert taken.precision is Precision.MINUTE
    assert (taken.value.hour, taken.value.minute) == (9, 15)


@pytest.mark.parametrize(
    "junk",
    [
        "\x00\x01\x02" * 1000,
        "(" * 50_000,
        "(AP Photo/" * 20_000,
        "in " * 100_000,
        "Jan. 1, " * 50_000,
        "<" * 100_000 + ">",
        "A" * 1_000_000,
        "in Tikrit, " * 100_000 + "Iraq.",
        "\ud800 lone surrogate, in Paris, France, May 1, 2019.",
        "<script>alert(1)</script><p>Protesters march in Paris, France</p>",
    ],
    ids=lambda s: repr(s[:12]),
)
def test_junk_never_raises_and_stays_quick(junk: str) -> None:
    start = time.perf_counter()
    parsed = parse_caption(junk)
    assert isinstance(parsed, ParsedCaption)
    assert time.perf_counter() - start < 2.0


def test_non_text_input_gives_an_empty_result() -> None:
    for value in (None, 42, b"\xff\xfe binary"):
        assert isinstance(parse_caption(value), ParsedCaption)  # type: ignore[arg-type]


def test_a_megabyte_caption_still_finds_its_credit() -> None:
    text = (
        "In this Monday, March 30, 2015 file photo, "
        + "x " * 500_000
        + "(AP Photo/Khalid Mohammed)"
    )
    parsed = parse_caption(text)
    assert parsed.creator == "Khalid Mohammed"
    assert parsed.taken is not None and parsed.taken.iso() == "2015-03-30"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_gives_a_parsed_caption(text: str) -> None:
    parsed = parse_caption(text)
    assert isinstance(parsed, ParsedCaption)
    assert all(isinstance(w, str) and w for w in parsed.warnings)


def test_a_caption_shared_by_a_burst_of_photos_is_read_once() -> None:
    from gallery_app.core.captions.parse import parse_caption as parse

    text = "BAGHDAD, Iraq (AP) — Smoke rises over the city, Sunday, March 29, 2015."
    first = parse(text)
    assert parse(text) is first  # the same frozen reading, not a second parse
    assert parse(text + " ") is not first
    assert parse("Tab\there, a\x07bell and <b>tags</b>").text == "Tab here, a bell and tags"
