# SPDX-License-Identifier: GPL-3.0-or-later
"""The caption table's row and its first part: the bundled gallery's eleven captions, verbatim.

A field left out of a row is not checked by that row (it stays ``UNSET``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

UNSET: Any = object()


@dataclass(frozen=True)
class Row:
    caption: str
    date: str | None = UNSET  # TakenAt.iso(), or None for "no date"
    uncertain: bool = UNSET
    city: str | None = UNSET
    region: str | None = UNSET
    cc: str | None = UNSET
    place: None = UNSET  # None: no location at all
    creator: str | None = UNSET
    credit: str | None = UNSET
    file_photo: bool = UNSET
    warn: str | None = UNSET  # a fragment one warning must contain
    extra: dict[str, Any] = field(default_factory=dict)


BUNDLED_ROWS = [
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
]
