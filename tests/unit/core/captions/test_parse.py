# SPDX-License-Identifier: GPL-3.0-or-later
"""Wire-photo captions as a reader sees them: when, where, who, which agency.

The table holds the eleven captions of the bundled "Fighting In Iraq" gallery
verbatim, then other agencies' shapes and the traps (anniversary dates,
hometowns, party tags, yearless and impossible dates, markup, nothing at all).
A field left out of a row is not checked by that row.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gallery_app.core.captions.parse import ParsedCaption, parse_caption
from gallery_app.core.models import Precision

_UNSET: Any = object()


@dataclass(frozen=True)
class Row:
    caption: str
    date: str | None = _UNSET  # TakenAt.iso(), or None for "no date"
    uncertain: bool = _UNSET
    city: str | None = _UNSET
    region: str | None = _UNSET
    cc: str | None = _UNSET
    place: None = _UNSET  # None: no location at all
    creator: str | None = _UNSET
    credit: str | None = _UNSET
    file_photo: bool = _UNSET
    warn: str | None = _UNSET  # a fragment one warning must contain
    extra: dict[str, Any] = field(default_factory=dict)


ROWS = [
    Row(
        (
            "In this Monday, March 30, 2015 file photo Iraqi security forces launch a "
            "rocket against Islamic State extremist positions during clashes in Tikrit, 80 "
            "miles north of Baghdad, Iraq. (AP Photo/Khalid Mohammed, File) "
            "(credit:ASSOCIATED PRESS)"
        ),
        date="2015-03-30",
        uncertain=False,
        city="Tikrit",
        cc="IQ",
        creator="Khalid Mohammed",
        credit="ASSOCIATED PRESS",
        file_photo=True,
    ),
    Row(
        (
            "This Monday, March 30, 2015 file photo shows an injured Iraqi officer waiting "
            "for treatment on the front line during clashes with Islamic State extremists "
            "in Tikrit, 80 miles north of Baghdad, Iraq. (AP Photo/Khalid Mohammed, File) "
            "(credit:ASSOCIATED PRESS)"
        ),
        date="2015-03-30",
        uncertain=False,
        city="Tikrit",
        cc="IQ",
        creator="Khalid Mohammed",
        credit="ASSOCIATED PRESS",
        file_photo=True,
    ),
    Row(
        (
            "This Monday, March 30, 2015 file photo shows a member of the Iraqi security "
            "forces running to plant the national flag as they surround Tikrit during "
            "clashes to regain the city from Islamic State militants, 80 miles north of "
            "Baghdad, Iraq. (AP Photo/Khalid Mohammed, File) (credit:ASSOCIATED PRESS)"
        ),
        date="2015-03-30",
        uncertain=False,
        city="Tikrit",
        cc="IQ",
        creator="Khalid Mohammed",
        credit="ASSOCIATED PRESS",
        file_photo=True,
    ),
    Row(
        (
            "In this Thursday, April 2, 2015 file photo, Iraqi security forces deploy in "
            "Tikrit, 80 miles north of Baghdad, Iraq, a day after Iraqi security forces "
            "backed by Shiite militiamen took control of the city from Islamic State "
            "militants. (AP Photo/Khalid Mohammed, File) (credit:ASSOCIATED PRESS)"
        ),
        date="2015-04-02",
        uncertain=False,
        city="Tikrit",
        cc="IQ",
        creator="Khalid Mohammed",
        credit="ASSOCIATED PRESS",
        file_photo=True,
    ),
    Row(
        (
            "In this Monday, March 30, 2015 file photo, Iraqi security forces attack "
            "Islamic State extremists as they take up positions next to the bodies of "
            "Islamic State fighters in Tikrit, 80 miles north of Baghdad, Iraq. (AP "
            "Photo/Khalid Mohammed, File) (credit:ASSOCIATED PRESS)"
        ),
        date="2015-03-30",
        uncertain=False,
        city="Tikrit",
        cc="IQ",
        creator="Khalid Mohammed",
        credit="ASSOCIATED PRESS",
        file_photo=True,
    ),
    Row(
        (
            "In this Sunday, March 31, 2015 file photo, Iraqi security forces launch "
            "rockets against Islamic State extremist positions in Tikrit, 80 miles north of"
            " Baghdad, Iraq. (AP Photo/Khalid Mohammed, File) (credit:ASSOCIATED PRESS)"
        ),
        date="2015-03-31",
        uncertain=True,
        city="Tikrit",
        cc="IQ",
        creator="Khalid Mohammed",
        credit="ASSOCIATED PRESS",
        file_photo=True,
    ),
    Row(
        (
            "In this Friday, April 3, 2015 file photo, an Iraqi soldier plays his guitar "
            "atop his armored vehicle on the main road between Baghdad and Tikrit, 80 miles"
            " north of Baghdad, Iraq. (AP Photo/Khalid Mohammed, File) (credit:ASSOCIATED "
            "PRESS)"
        ),
        date="2015-04-03",
        uncertain=False,
        city=None,
        cc="IQ",
        creator="Khalid Mohammed",
        credit="ASSOCIATED PRESS",
        file_photo=True,
    ),
    Row(
        (
            "In this Monday, March 30, 2015 file photo, an Iraqi officer shouts orders as "
            "they attack Islamic State extremists Tikrit, 80 miles north of Baghdad, Iraq. "
            "(AP Photo/Khalid Mohammed, File) (credit:ASSOCIATED PRESS)"
        ),
        date="2015-03-30",
        uncertain=False,
        city="Tikrit",
        cc="IQ",
        creator="Khalid Mohammed",
        credit="ASSOCIATED PRESS",
        file_photo=True,
    ),
    Row(
        (
            "Iraqi security forces chant slogans against the Islamic State group after "
            "opening the main gate of their base that was closed for months in Tikrit, 80 "
            "miles north of Baghdad, Iraq, Friday, April 3, 2015. (AP Photo/Khalid "
            "Mohammed) (credit:ASSOCIATED PRESS)"
        ),
        date="2015-04-03",
        uncertain=False,
        city="Tikrit",
        cc="IQ",
        creator="Khalid Mohammed",
        credit="ASSOCIATED PRESS",
        file_photo=False,
    ),
    Row(
        (
            "Iraqi security forces celebrate as they drive on the main road between Baghdad"
            " and Tikrit, 80 miles north of Baghdad, Iraq, Friday, April 3, 2015. (AP "
            "Photo/Khalid Mohammed) (credit:ASSOCIATED PRESS)"
        ),
        date="2015-04-03",
        uncertain=False,
        city=None,
        cc="IQ",
        creator="Khalid Mohammed",
        credit="ASSOCIATED PRESS",
        file_photo=False,
    ),
    Row(
        (
            "Shiite militiamen celebrate at one of Saddam Hussein's palaces in Tikrit, 80 "
            "miles north of Baghdad, Iraq, Friday, April 3, 2015. (AP Photo/Khalid "
            "Mohammed) (credit:ASSOCIATED PRESS)"
        ),
        date="2015-04-03",
        uncertain=False,
        city="Tikrit",
        cc="IQ",
        creator="Khalid Mohammed",
        credit="ASSOCIATED PRESS",
        file_photo=False,
    ),
    Row(
        (
            "FILE - This Oct. 2, 2012, file photo shows the exterior of Apple headquarters "
            "in Cupertino, Calif. (AP Photo/Paul Sakuma, File)"
        ),
        date="2012-10-02",
        city="Cupertino",
        region="California",
        cc="US",
        creator="Paul Sakuma",
        credit="AP",
        file_photo=True,
    ),
    Row(
        (
            "President Barack Obama speaks at the White House in Washington, Tuesday, April"
            " 15, 2025. (AP Photo/Evan Vucci)"
        ),
        date="2025-04-15",
        city="Washington",
        cc="US",
        creator="Evan Vucci",
        credit="AP",
        file_photo=False,
    ),
    Row(
        (
            "Demonstrators gather on April 1, 2015 outside the courthouse in Canton, Miss. "
            "(AP Photo/Rogelio V. Solis)"
        ),
        date="2015-04-01",
        city="Canton",
        region="Mississippi",
        cc="US",
        creator="Rogelio V. Solis",
        credit="AP",
    ),
    Row(
        (
            "Sen. Dick Durbin, D-Ill., speaks during a hearing on Capitol Hill in "
            "Washington, Wednesday, Jan. 10, 2018. (AP Photo/J. Scott Applewhite)"
        ),
        date="2018-01-10",
        city="Washington",
        region="District of Columbia",
        cc="US",
        creator="J. Scott Applewhite",
    ),
    Row(
        (
            "John Smith, of Toledo, Ohio, cheers at a rally in Columbus, Ohio, Saturday, "
            "Sept. 8, 2012. (AP Photo/Jay LaPrete)"
        ),
        date="2012-09-08",
        city="Columbus",
        region="Ohio",
        cc="US",
        creator="Jay LaPrete",
    ),
    Row(
        "Toledo, Ohio, resident Jane Doe waves in Detroit on Aug. 3, 2014.",
        date="2014-08-03",
        city="Detroit",
        region="Michigan",
        cc="US",
        creator=None,
        credit=None,
    ),
    Row(
        ("In this Feb. 3, 2016 photo, a man walks past a mural in Havana, Cuba. (AP Photo, File)"),
        date="2016-02-03",
        city="Havana",
        cc="CU",
        creator=None,
        credit="AP",
        file_photo=True,
    ),
    Row(
        (
            "Survivors mark the anniversary of the March 11, 2011 tsunami in Ishinomaki, "
            "Japan, Friday, March 11, 2016. (AP Photo/Eugene Hoshiko)"
        ),
        date="2016-03-11",
        city="Ishinomaki",
        cc="JP",
        creator="Eugene Hoshiko",
    ),
    Row(
        "Fans cheer in Atlanta, Ga., on Dec. 5, 2015. (AP Photo/John Bazemore)",
        date="2015-12-05",
        city="Atlanta",
        region="Georgia",
        cc="US",
    ),
    Row(
        "Fans cheer in Atlanta, Georgia, on Dec. 5, 2015.",
        date="2015-12-05",
        city="Atlanta",
        cc="US",
    ),
    Row(
        "People walk in Tbilisi, Georgia, Nov. 2, 2019.",
        date="2019-11-02",
        city="Tbilisi",
        cc="GE",
    ),
    Row(
        "Shoppers walk past stores in Canton, MS, on Aug. 1, 2019.",
        date="2019-08-01",
        city="Canton",
        region="Mississippi",
        cc="US",
    ),
    Row(
        (
            "A firefighter works near Paradise, Calif., Thursday, Nov. 8, 2018, at 4:30 "
            "p.m. (AP Photo/Noah Berger)"
        ),
        date="2018-11-08T16:30:00",
        city="Paradise",
        cc="US",
        creator="Noah Berger",
    ),
    Row(
        (
            "Workers clean up in Brooklyn, N.Y., Monday, Oct. 29, 2012. The storm hit on "
            "Sunday, Oct. 28, 2012. (AP Photo/Seth Wenig)"
        ),
        date="2012-10-29",
        city="Brooklyn",
        region="New York",
        cc="US",
        creator="Seth Wenig",
    ),
    Row(
        (
            "Police stand guard Tuesday, April 15 outside the stadium in Boston. (AP "
            "Photo/Charles Krupa)"
        ),
        date=None,
        city="Boston",
        cc="US",
        creator="Charles Krupa",
        warn="without a year",
    ),
    Row(
        "A man waits in line on Feb. 30, 2015 in Denver. (AP Photo/David Zalubowski)",
        date=None,
        city="Denver",
        cc="US",
        warn="does not exist",
    ),
    Row(
        "Protesters march in Paris, France, May 1, 2019. REUTERS/Benoit Tessier",
        date="2019-05-01",
        city="Paris",
        cc="FR",
        creator="Benoit Tessier",
        credit="Reuters",
        file_photo=False,
    ),
    Row(
        "A soldier keeps watch in Kabul, Afghanistan on Tuesday. REUTERS/Omar Sobhani",
        date=None,
        city="Kabul",
        cc="AF",
        creator="Omar Sobhani",
        credit="Reuters",
    ),
    Row(
        (
            "A general view of the city in Kabul, Afghanistan, 30 March 2015. REUTERS/Omar "
            "Sobhani/File Photo"
        ),
        date="2015-03-30",
        city="Kabul",
        cc="AF",
        creator="Omar Sobhani",
        credit="Reuters",
        file_photo=True,
    ),
    Row(
        (
            "Traders work on the floor of the New York Stock Exchange in New York, U.S., "
            "March 30, 2015. REUTERS/Lucas Jackson TPX IMAGES OF THE DAY"
        ),
        date="2015-03-30",
        city="New York",
        cc="US",
        creator="Lucas Jackson",
        credit="Reuters",
    ),
    Row(
        (
            "FILE PHOTO: A man walks past a logo in London, Britain, June 4, 2018. "
            "REUTERS/Toby Melville/File Photo"
        ),
        date="2018-06-04",
        city="London",
        cc="GB",
        creator="Toby Melville",
        file_photo=True,
    ),
    Row(
        (
            "A ferry leaves port in Helsinki, Finland, 30 March 2015. Lehtikuva/Heikki "
            "Saukkomaa via REUTERS"
        ),
        date="2015-03-30",
        city="Helsinki",
        cc="FI",
        creator="Heikki Saukkomaa",
        credit="Lehtikuva via Reuters",
    ),
    Row(
        "Children play in a park in eastern Mosul, Iraq, Jan. 20, 2017. (credit:REUTERS)",
        date="2017-01-20",
        city="Mosul",
        cc="IQ",
        credit="REUTERS",
    ),
    Row(
        (
            "Protesters clash with police in Paris on May 1, 2019. (Photo by Zakaria "
            "ABDELKAFI / AFP)"
        ),
        date="2019-05-01",
        city="Paris",
        cc="FR",
        creator="Zakaria Abdelkafi",
        credit="AFP",
    ),
    Row(
        "A woman walks on a street in Moscow on 30 March 2015. AFP PHOTO / KIRILL KUDRYAVTSEV",
        date="2015-03-30",
        city="Moscow",
        cc="RU",
        creator="Kirill Kudryavtsev",
        credit="AFP",
    ),
    Row(
        (
            "A rescuer searches the rubble in Kathmandu, Nepal, Monday 27 April 2015. AFP "
            "PHOTO / PRAKASH MATHEMA"
        ),
        date="2015-04-27",
        city="Kathmandu",
        cc="NP",
        creator="Prakash Mathema",
        credit="AFP",
    ),
    Row(
        (
            "Migrants arrive on the Greek island of Lesbos, Greece, on September 30, 2015. "
            "(Photo by Aris Messinis/AFP via Getty Images)"
        ),
        date="2015-09-30",
        city=None,
        cc="GR",
        creator="Aris Messinis",
        credit="AFP via Getty Images",
    ),
    Row(
        "Fans watch the match in Madrid, Spain. (Photo by David Ramos/Getty Images)",
        date=None,
        city="Madrid",
        cc="ES",
        creator="David Ramos",
        credit="Getty Images",
    ),
    Row(
        (
            "Demonstrators shout slogans in Caracas, Venezuela, 12 February 2019. "
            "EPA-EFE/MIGUEL GUTIERREZ"
        ),
        date="2019-02-12",
        city="Caracas",
        cc="VE",
        creator="Miguel Gutierrez",
        credit="EPA-EFE",
    ),
    Row(
        ("People visit a flower show in Beijing, capital of China, April 3, 2015. (Xinhua/Li Xin)"),
        date="2015-04-03",
        city="Beijing",
        cc="CN",
        creator="Li Xin",
        credit="Xinhua",
    ),
    Row(
        "A man waves in Sydney, New South Wales, Australia, Jan. 26, 2020.",
        date="2020-01-26",
        city="Sydney",
        region="New South Wales",
        cc="AU",
    ),
    Row(
        "Iraqi forces advance in northern Iraq, Oct. 17, 2016.",
        date="2016-10-17",
        city=None,
        cc="IQ",
    ),
    Row(
        (
            "Palestinians pray in Gaza City, Gaza Strip, Friday, July 18, 2014. (AP "
            "Photo/Khalil Hamra)"
        ),
        date="2014-07-18",
        city="Gaza City",
        cc="PS",
        creator="Khalil Hamra",
    ),
    Row(
        "Officials met on 2015-03-30 in Berlin.",
        date="2015-03-30",
        city="Berlin",
        cc="DE",
    ),
    Row(
        (
            "In this March 2015 file photo, a boat sails off Istanbul, Turkey. (AP "
            "Photo/Emrah Gurel, File)"
        ),
        date="2015-03",
        city="Istanbul",
        cc="TR",
        creator="Emrah Gurel",
        file_photo=True,
    ),
    Row(
        (
            "KABUL, Afghanistan (AP) - A boy flies a kite, Friday, Oct. 9, 2015. (AP "
            "Photo/Massoud Hossaini)"
        ),
        date="2015-10-09",
        city="Kabul",
        cc="AF",
        creator="Massoud Hossaini",
        credit="AP",
    ),
    Row(
        (
            "Smoke rises over the city of Aleppo, Syria, Sunday, Sept. 27, 2015. (Aleppo "
            "Media Center via AP)"
        ),
        date="2015-09-27",
        city="Aleppo",
        cc="SY",
        creator=None,
        credit="Aleppo Media Center via AP",
    ),
    Row(
        (
            "A vendor sells flags in Lagos, Nigeria, Tuesday, Oct. 1, 2019. The country "
            "gained independence on Oct. 1, 1960. (AP Photo/Sunday Alamba)"
        ),
        date="2019-10-01",
        city="Lagos",
        cc="NG",
        creator="Sunday Alamba",
    ),
    Row(
        "<b>Protesters</b> march in Paris, France, May 1, 2019. &amp; more",
        date="2019-05-01",
        city="Paris",
        cc="FR",
    ),
    Row(
        "",
        date=None,
        place=None,
        creator=None,
        credit=None,
        file_photo=False,
    ),
    Row(
        "Just some text with no information at all.",
        date=None,
        place=None,
        creator=None,
        credit=None,
        file_photo=False,
    ),
    Row(
        "The team celebrates its 2015 title.",
        date=None,
        place=None,
    ),
    Row("Jane Doe, of Toledo, Ohio, waits for a bus.", place=None, date=None),
    Row("Sen. Dick Durbin, D-Ill., speaks to reporters.", place=None, creator=None),
    Row(
        "Rep. Jane Roe, R-Texas, speaks in Austin, Texas, on Jan. 5, 2019.",
        date="2019-01-05",
        city="Austin",
        region="Texas",
        cc="US",
    ),
]


def _id(row: Row) -> str:
    return row.caption[:40] or "empty"


@pytest.mark.parametrize("row", ROWS, ids=_id)
def test_caption_table(row: Row) -> None:
    parsed = parse_caption(row.caption)
    if row.date is not _UNSET:
        assert (parsed.taken.iso() if parsed.taken else None) == row.date
    if row.date and parsed.taken is not None:
        assert parsed.taken.source == "caption"
    if row.uncertain is not _UNSET:
        assert parsed.taken is not None and parsed.taken.uncertain is row.uncertain
    if row.place is None:
        assert parsed.location is None
    location = parsed.location
    if row.city is not _UNSET:
        assert location is not None and location.city == row.city
        # Coordinates only with a city, and then always from the gazetteer.
        assert (location.lat is not None) == (row.city is not None)
        if location.lat is not None:
            assert "GeoNames" in (location.source or "")
    if row.region is not _UNSET:
        assert location is not None and location.region == row.region
    if row.cc is not _UNSET:
        assert location is not None and location.country_code == row.cc
    if row.creator is not _UNSET:
        assert parsed.creator == row.creator
    if row.credit is not _UNSET:
        assert parsed.credit == row.credit
    if row.file_photo is not _UNSET:
        assert parsed.file_photo is row.file_photo
    if row.warn is not _UNSET:
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
