# SPDX-License-Identifier: GPL-3.0-or-later
"""The declared rules: one per kind of finding, each with its reason and its tolerance.

The table is the one place a rule is added or its wording changed; ``run``
asks every rule of it about every entry, in this order (the order the Checks
panel lists the kinds in).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from gallery_app.core.checks import dates, inside_file, names, places
from gallery_app.core.checks.findings import Issue, Kind, Severity
from gallery_app.core.checks.witnesses import Witnesses


@dataclass(frozen=True)
class Rule:
    kind: Kind
    severity: Severity
    reason: str
    tolerance: str
    check: Callable[[Witnesses], list[Issue]]


RULES: tuple[Rule, ...] = (
    Rule(
        Kind.WEEKDAY,
        Severity.WARNING,
        "A weekday that does not fit its date means one of the two was mistyped.",
        "none: a date has one weekday",
        dates.weekday_rule,
    ),
    Rule(
        Kind.DATE,
        Severity.WARNING,
        "The caption's date and the camera's moment of capture should be the same day.",
        "the caption's precision; one day either way without UTC offsets on both sides "
        "(same day with them); 26 hours for a time of day (1 hour with offsets)",
        dates.date_rule,
    ),
    Rule(
        Kind.PLACE,
        Severity.WARNING,
        "A GPS position far from the place the caption names puts one of them in doubt.",
        f"city: {places.CITY_RADIUS_KM:.0f} km from its GeoNames point "
        f"({places.BIG_CITY_RADIUS_KM:.0f} km for a million people); US state: a place of "
        f"the state within {places.STATE_RADIUS_KM:.0f} km; country: a place of the country "
        f"within {places.COUNTRY_RADIUS_KM:.0f} km",
        places.place_rule,
    ),
    Rule(
        Kind.CREDIT,
        Severity.WARNING,
        "The agency credited in the caption should be the file's Credit Line.",
        "known spellings of one agency agree (AP, The Associated Press); words of one "
        "credit all in the other agree",
        names.credit_rule,
    ),
    Rule(
        Kind.CREATOR,
        Severity.WARNING,
        "The photographer named in the caption should be the file's creator.",
        "case and accents aside, the words of one name all in the other",
        names.creator_rule,
    ),
    Rule(
        Kind.FILE_PHOTO,
        Severity.WARNING,
        "A file photo is older than the story it illustrates.",
        "taken after the story: a warning; the day before or the same day: a notice; "
        "needs the story's publication date",
        dates.file_photo_rule,
    ),
    Rule(
        Kind.SOURCES,
        Severity.NOTICE,
        "When EXIF, IPTC and XMP in one file disagree, the value shown may be the stale one.",
        "spaces and case aside; a value cut at its standard's length limit agrees",
        inside_file.sources_rule,
    ),
    Rule(
        Kind.METADATA,
        Severity.WARNING,
        "A capture date in the future or before 1826 is a camera clock, not a moment.",
        "one day past today (time zones)",
        dates.metadata_rule,
    ),
)
