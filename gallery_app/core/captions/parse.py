# SPDX-License-Identifier: GPL-3.0-or-later
"""Read a wire-photo caption: when, where, who, which agency, file photo or not.

``parse_caption`` is the one entry point.  The flow: ``text`` cleans the input
(bounded, plain, line breaks kept long enough to set apart a credit printed on
its own line); ``credits`` reads the credit and reports where it sits;
``text.strip_notes`` drops the agency's picture number and its notes to
editors; ``dates`` and ``places`` then read the caption proper.  Any string,
however broken or long, gives a ``ParsedCaption``: input is cut to a bounded
size, every pattern is linear or bounded, and an unexpected error becomes a
warning.  Each reader is a list of declared rules with their reasons
(``credits.CREDIT_RULES``, ``text.STRIP_RULES``, ``dates.NOT_THE_PHOTO_RULES``,
``place_rules.RULES``); the table of real captions in the tests shows them at
work.

Shapes handled
--------------
Dates: AP ("In this Monday, March 30, 2015 file photo", "..., Iraq, Friday,
April 3, 2015."), Reuters/AFP/EPA ("30 March 2015"), ISO, stray commas
("June, 11, 2021"), a clock time after the date (minute precision), month
precision ("in Kabul March, 2015", "this March 2015 file photo", "the second
decade of February 2023"), year precision ("this late 2003 file photo").  The
photo's date is the one of the first sentence; a later sentence counts only as
a fragment ("April 2, 2015."), a "taken on" line, or with a weekday.  A
posting or release date ("released Tuesday, Aug. 25, 2015") and anything in an
"undated" caption are not the photo's.  A wrong weekday keeps the date, marks
it uncertain, says so, and carries both ``readings``.  A weekday alone gives
no date, unless the caller passes the article's date (``reference``): then the
last such weekday on or before it, marked ``inferred``.

Places: see ``places`` and ``place_alone``.  Credits: see ``credits``; the
credit is the explicit "(credit:...)" text kept as written, else the agency's
short name.  File photo: "file photo", "FILE -", "FILE PHOTO:", ", File)",
"/File Photo", "File AP Photo".

Not handled yet
---------------
Numeric dates ("30/03/2015", ambiguous), relative dates other than a bare
weekday ("last Tuesday", "yesterday"), time zones other than GMT/UTC, several
photographers in one credit, places in languages other than English, regions
of non-US countries checked against GeoNames (kept as written), small places
named with neither country nor a well-known neighbour ("at the Sicilian harbor
of Pozzallo"), and cities under half a million people standing alone.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from dataclasses import dataclass

from gallery_app.core.captions.credits import find_credits
from gallery_app.core.captions.dates import find_date
from gallery_app.core.captions.places import find_place
from gallery_app.core.captions.text import clean, clean_lines, split_credit_line, strip_notes
from gallery_app.core.models import DateReading, Location, TakenAt

log = logging.getLogger(__name__)

_FILE_RE = re.compile(
    r"\bfile\s+(?:photo|image|picture)\b|^\s*FILE\s*(?:PHOTO\s*)?[-–—:]|,\s*File\s*\)"
    r"|/\s*File\s+Photo\b|\(\s*File\s*\)",
    re.IGNORECASE,
)
_FILE_HEAD_RE = re.compile(r"^\s*FILE\b")
_SPACE_BEFORE_STOP_RE = re.compile(r"\s+([.,;:])")
_REPEATED_STOP_RE = re.compile(r"([.!?])\.+(?=\s|$)")


@dataclass(frozen=True)
class ParsedCaption:
    """What a caption says about its photo; ``None`` where it says nothing.

    ``text`` is the caption as a reader should see it: without the credit
    line, the agency's picture number and its notes to editors.  ``readings``
    repeats ``taken.readings``: the competing days of a date that contradicts
    itself.
    """

    taken: TakenAt | None
    location: Location | None
    creator: str | None
    credit: str | None
    file_photo: bool
    warnings: tuple[str, ...]
    text: str = ""
    readings: tuple[DateReading, ...] = ()


EMPTY = ParsedCaption(None, None, None, None, False, ())


def parse_caption(text: str, reference: dt.date | None = None) -> ParsedCaption:
    """Read one caption; never raises (see the module docstring for shapes).

    ``reference`` is the date of the article the caption came from, when
    known; it only ever turns a bare weekday into an inferred date.
    """
    if isinstance(text, str):
        return _parse_cached(text, reference)
    return _parse_safely(text, reference)


@functools.lru_cache(maxsize=4096)
def _parse_cached(text: str, reference: dt.date | None) -> ParsedCaption:
    """A burst of photos shares one caption: it is read once (the result is frozen)."""
    return _parse_safely(text, reference)


def _parse_safely(text: object, reference: dt.date | None) -> ParsedCaption:
    try:
        return _parse(text, reference)
    except Exception:  # a caption must never take the gallery down
        log.exception("Could not read a caption")
        return ParsedCaption(
            None, None, None, None, False, ("This caption could not be read; it is shown as is.",)
        )


def _parse(raw: object, reference: dt.date | None) -> ParsedCaption:
    body, credit_line = split_credit_line(clean_lines(raw))
    text = clean(body)
    if not text and not credit_line:
        return EMPTY
    credits = find_credits(text, credit_line)
    scene = strip_notes(_cut(text, credits.spans))
    taken, warnings = find_date(scene, reference)
    location = find_place(scene)
    file_photo = credits.file_photo or bool(_FILE_RE.search(text) or _FILE_HEAD_RE.match(text))
    return ParsedCaption(
        taken=taken,
        location=location,
        creator=credits.creator,
        credit=credits.credit,
        file_photo=file_photo,
        warnings=tuple(warnings),
        text=scene,
        readings=taken.readings if taken else (),
    )


def _cut(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """The text without the credit spans, tidied where they were."""
    keep: list[str] = []
    at = 0
    for start, end in sorted(spans):
        if start > at:
            keep.append(text[at:start])
        at = max(at, end)
    keep.append(text[at:])
    joined = " ".join(part.strip() for part in keep if part.strip())
    joined = _SPACE_BEFORE_STOP_RE.sub(r"\1", joined)
    return _REPEATED_STOP_RE.sub(r"\1", joined).strip(" |")
