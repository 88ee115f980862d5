# SPDX-License-Identifier: GPL-3.0-or-later
"""Read a wire-photo caption: when, where, who, which agency, file photo or not.

``parse_caption`` is the one entry point; it cleans the text
(``caption_text``) and asks three small readers for the date
(``caption_dates``), the place (``caption_places``, coordinates from
``gazetteer``) and the credits (``caption_credits``).  Any string, however
broken or long, gives a ``ParsedCaption``: input is cut to a bounded size
and every pattern is linear, and an unexpected error becomes a warning.

Shapes handled
--------------
Dates: "In this Monday, March 30, 2015 file photo"; "FILE - This Oct. 2,
2012, file photo shows"; "on April 1, 2015"; "Tuesday, April 15, 2025";
"..., Iraq, Friday, April 3, 2015." (AP: date after the place); AP month
abbreviations (Jan. Feb. Aug. Sept. Oct. Nov. Dec.); "30 March 2015" and
"Monday 30 March 2015" (Reuters/AFP); "2015-03-30"; "this March 2015 file
photo" (month precision); a clock time right after the date ("..., 2015, at
3:45 p.m." -> minute precision).  A weekday that disagrees keeps the date,
marks it uncertain and warns ("The caption says Sunday, but March 31, 2015
was a Tuesday.").  A date without a year gives no date and a warning.  Among
several dates the photo's own wins (see ``caption_dates``).

Places: "in Tikrit, 80 miles north of Baghdad, Iraq"; "on the main road
between Baghdad and Tikrit, ..., Iraq" (a description: sublocation, no city,
no coordinates); "Canton, Miss." / "Canton, MS" / "Atlanta, Georgia";
"Sydney, New South Wales, Australia" (region); "in Kabul, Afghanistan on
Tuesday"; "in Paris" / "in Washington" alone (capitals, million-people
cities, AP's stand-alone US cities); "in northern Iraq" (country only).
Hometowns ("of Toledo, Ohio") and party tags ("D-Ill.") are not places.
``Location.name`` is the whole phrase from the city or description to the
country as written; ``sublocation`` holds a description such as "the main
road between Baghdad and Tikrit".

Credits: see ``caption_credits``; ``credit`` is the explicit
"(credit:...)" text kept as written ("ASSOCIATED PRESS"), else the agency's
short name ("AP", "Reuters", "AFP", "Getty Images", "EPA-EFE", "Xinhua").
File photo: "file photo", "FILE -", "FILE PHOTO:", ", File)", "/File Photo".

Not handled yet
---------------
Numeric dates ("30/03/2015", ambiguous), relative dates ("last Tuesday",
"on Tuesday" with the year only in the article), time zones other than
GMT/UTC, several photographers in one credit, datelines in all capitals
without a country ("TIKRIT, Iraq (AP) -" works; "TIKRIT (AP) -" does not),
regions of non-US countries checked against GeoNames (kept as written),
places in languages other than English, and sublocations inside a city
("at the White House in Washington" gives Washington, not the White House).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from gallery_app.core.captions.credits import find_credits
from gallery_app.core.captions.dates import find_date
from gallery_app.core.captions.places import find_place
from gallery_app.core.captions.text import clean
from gallery_app.core.models import Location, TakenAt

log = logging.getLogger(__name__)

_FILE_RE = re.compile(
    r"\bfile\s+(?:photo|image|picture)\b|^\s*FILE\s*(?:PHOTO\s*)?[-–—:]|,\s*File\s*\)"
    r"|/\s*File\s+Photo\b|\(\s*File\s*\)",
    re.IGNORECASE,
)
_FILE_HEAD_RE = re.compile(r"^\s*FILE\b")


@dataclass(frozen=True)
class ParsedCaption:
    """What a caption says about its photo; ``None`` where it says nothing."""

    taken: TakenAt | None
    location: Location | None
    creator: str | None
    credit: str | None
    file_photo: bool
    warnings: tuple[str, ...]


EMPTY = ParsedCaption(None, None, None, None, False, ())


def parse_caption(text: str) -> ParsedCaption:
    """Read one caption; never raises (see the module docstring for shapes)."""
    try:
        return _parse(clean(text))
    except Exception:  # a caption must never take the gallery down
        log.exception("Could not read a caption")
        return ParsedCaption(
            None, None, None, None, False, ("This caption could not be read; it is shown as is.",)
        )


def _parse(text: str) -> ParsedCaption:
    if not text:
        return EMPTY
    taken, warnings = find_date(text)
    credits = find_credits(text)
    location = find_place(text)
    file_photo = credits.file_photo or bool(_FILE_RE.search(text) or _FILE_HEAD_RE.match(text))
    return ParsedCaption(
        taken=taken,
        location=location,
        creator=credits.creator,
        credit=credits.credit,
        file_photo=file_photo,
        warnings=tuple(warnings),
    )
