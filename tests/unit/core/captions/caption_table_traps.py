# SPDX-License-Identifier: GPL-3.0-or-later
"""The caption table, third part: more shapes and the traps (anniversaries, hometowns, party
tags, yearless and impossible dates, markup, nothing at all)."""

from __future__ import annotations

from tests.unit.core.captions.caption_table import Row

TRAP_ROWS = [
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
