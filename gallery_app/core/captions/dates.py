# SPDX-License-Identifier: GPL-3.0-or-later
"""The photo's date as a wire caption states it.

Wire captions name the day the picture was made, in a few fixed shapes:
AP writes "Monday, March 30, 2015" (weekday first, months abbreviated "Sept."),
Reuters and AFP sometimes "30 March 2015".  A caption may carry other dates
too (an anniversary, a later announcement, the day a handout was released), so
the choice is:

1. nothing at all when the caption calls the photo "undated";
2. dates after "released", "posted", "made available"... are the public's,
   not the photo's (``NOT_THE_PHOTO_RULES``), and are never candidates;
3. a date framed as the file photo's own ("In this ... file photo", "This
   Oct. 2, 2012, file photo");
4. otherwise the first sentence with a date, where the first date that carries
   a weekday wins (AP states the weekday only for the photo's day), else the
   first not introduced as history ("of the", "since"); a later sentence is
   only read when it is a date fragment, a "taken on" line, or has a weekday;
5. with no full date: a month and year, a file photo's year, or nothing.

A date without a year gives no date at all: guessing the year would put the
photo in the wrong place on the timeline.  A weekday that contradicts the date
leaves the date as written, marks it uncertain, says so in a warning and keeps
both readings (the stated day, and the nearest day with that weekday) so the
timeline can draw the span.  A weekday alone, with the article's date given,
becomes a date marked ``inferred``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from gallery_app.core.captions.text import sentence_spans
from gallery_app.core.models import DateReading, Precision, TakenAt

SOURCE = "caption"

_MONTHS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTH = (
    r"(?P<{g}>Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|"
    r"June?\.?|July?\.?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|"
    r"Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_WEEKDAY = (
    r"(?:(?P<{w}>Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day|\.)?(?:\s*,)*\s+)?"
)
_DAY = r"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<{y}>1[89]\d\d|2[01]\d\d)(?!\d)"

# "Monday, March 30, 2015" / "Oct. 2, 2012" / "March 30 2015"
_MDY = (
    _WEEKDAY.format(w="w1")
    + _MONTH.format(g="m1")
    + r",?\s+"
    + _DAY.format(g="d1")
    + r"(?!\d)(?:\s*,\s*,?\s*|\s+)"
    + _YEAR.format(y="y1")
)
# "Monday 30 March 2015" / "30 March, 2015"
_DMY = (
    _WEEKDAY.format(w="w2")
    + _DAY.format(g="d2")
    + r"\s+(?:of\s+)?"
    + _MONTH.format(g="m2")
    + r",?\s+"
    + _YEAR.format(y="y2")
)
# "2015-03-30"
_ISO = r"(?P<iso>(?:1[89]|2[01])\d\d-[01]\d-[0-3]\d)(?![\d-])"
FULL_DATE_RE = re.compile(rf"\b(?:{_MDY}|{_DMY}|{_ISO})", re.IGNORECASE)

# "March 30" with no year: noticed only to say why no date was taken.
YEARLESS_DATE_RE = re.compile(
    r"\b" + _MONTH.format(g="m") + r"\s+" + _DAY.format(g="d") + r"(?![\d,]*\s*\d{4})\b",
    re.IGNORECASE,  # Getty: "DECEMBER 06:"
)
# "In this March 2015 file photo", "in Kabul in March 2015", "in Tikrit March,
# 2015": the month is known, the day is not.  History ("since March 2011")
# is not the photo's month.
MONTH_YEAR_RE = re.compile(
    r"\b(?P<m>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.),?\s+" + _YEAR.format(y="year"),
)
# "in this late 2003 file photo": only the year is known.
_YEAR_FILE_RE = re.compile(
    r"\bthis\s+(?:(?:late|early|mid-?|summer|winter|spring|autumn|fall)\s*)?"
    + _YEAR.format(y="year")
    + r",?\s+file\s+(?:photo|image|picture)",
    re.IGNORECASE,
)
# "the second decade of February 2023" narrows the month; it is not history.
_MONTH_PART_BEFORE = re.compile(
    r"\b(?:decade|week|half|end|start|beginning|middle)\s+of\s*$", re.IGNORECASE
)
_MONTH_HISTORY_BEFORE = re.compile(
    r"\b(?:since|until|till|before|after|from|between|of|by|through|last|next|to|and|"
    r"early|late|mid|in\s+early|in\s+late)\s*-?\s*$",
    re.IGNORECASE,
)
_TIME_RE = re.compile(
    r"\b(?P<h>[01]?\d|2[0-3])(?::(?P<min>[0-5]\d))?\s*"
    r"(?P<ampm>a\.m\.|p\.m\.|am\b|pm\b)?(?:\s*(?P<tz>GMT|UTC))?",
    re.IGNORECASE,
)
_FILE_FRAME_BEFORE = re.compile(r"\b(?:in\s+)?this\s+$", re.IGNORECASE)
_FILE_FRAME_AFTER = re.compile(r"^,?\s+(?:\w+\s+){0,2}?file\s+(?:photo|image|picture)", re.I)
_HISTORY_BEFORE = re.compile(
    r"\b(?:of\s+the|since|anniversary\s+of|born(?:\s+on)?|until|before|died(?:\s+on)?)\s+$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateRule:
    """Which dates of a caption may be the photo's, and why."""

    name: str
    pattern: re.Pattern[str]
    reason: str


# A date these rules match is not the day the picture was made.
NOT_THE_PHOTO_RULES: tuple[DateRule, ...] = (
    DateRule(
        "release",
        re.compile(
            r"\b(?:released|posted|provided|distributed|made\s+available|obtained|issued|"
            r"published|shared|uploaded|handed\s+out|received)\s+(?:\w+\s+){0,4}?(?:on\s+)?$",
            re.IGNORECASE,
        ),
        "a posting or release date says when the public saw the photo, not when it was made",
    ),
    DateRule("history", _HISTORY_BEFORE, "an anniversary, a birth or a deadline is history"),
)
# A caption that says this gives no date at all, whatever dates it names.
_UNDATED_RE = re.compile(r"\bundated\b", re.IGNORECASE)
# A later sentence may carry the photo's date only in these shapes.
_TAKEN_SENTENCE_RE = re.compile(
    r"^(?:(?:the\s+)?(?:picture|photo|photograph|image)\s+(?:was\s+)?(?:taken|made|shot)|"
    r"taken\s+on)\b",
    re.IGNORECASE,
)
_FRAGMENT_WORDS = 5  # "March 30, 2015." or "Tikrit, Iraq, March 30, 2015."
_WEEKDAY_ALONE_RE = re.compile(
    r"\b(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!\s*,?\s*"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|[0-3]?\d\b))(?!')"
)


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    day: dt.date
    weekday: str | None


def find_date(text: str, reference: dt.date | None = None) -> tuple[TakenAt | None, list[str]]:
    """The photo's date and any warnings about it (see the module docstring).

    ``reference`` is the article's own date, if known: only a caption that
    names nothing but a weekday uses it, and the date it gives is marked
    ``inferred``.
    """
    warnings: list[str] = []
    if _UNDATED_RE.search(text):
        return None, warnings  # "This undated image posted on ...": the date is the post's
    candidates: list[_Candidate] = []
    for match in FULL_DATE_RE.finditer(text):
        candidate = _candidate(match, warnings)
        if candidate is not None and not _not_the_photos(text, candidate):
            candidates.append(candidate)
        if len(candidates) >= 50:
            break
    chosen = _choose(text, candidates)
    if chosen is None:
        return _without_full_date(text, reference, warnings), warnings
    taken = TakenAt(
        value=dt.datetime.combine(chosen.day, dt.time()),
        precision=Precision.DAY,
        source=SOURCE,
        uncertain=False,
    )
    actual = _WEEKDAYS[chosen.day.weekday()]
    if chosen.weekday is not None and chosen.weekday != actual:
        warnings.append(
            f"The caption says {chosen.weekday}, but {_spoken(chosen.day)} was a {actual}."
        )
        taken = replace(taken, uncertain=True, readings=_readings(chosen.day, chosen.weekday))
    return _with_time(text, chosen, taken), warnings


def _not_the_photos(text: str, candidate: _Candidate) -> bool:
    before = text[max(0, candidate.start - 60) : candidate.start]
    return any(rule.pattern.search(before) for rule in NOT_THE_PHOTO_RULES[:1])


def _without_full_date(text: str, reference: dt.date | None, warnings: list[str]) -> TakenAt | None:
    month_only = _month_year(text)
    if month_only is not None:
        return month_only
    year_only = _YEAR_FILE_RE.search(text)
    if year_only is not None:
        value = dt.datetime(int(year_only.group("year")), 1, 1)
        return TakenAt(value=value, precision=Precision.YEAR, source=SOURCE)
    loose = YEARLESS_DATE_RE.search(text)
    if loose is not None:
        warnings.append(
            f"The caption gives “{loose.group(0)}” without a year, so no date was taken from it."
        )
        return None
    if reference is not None:
        return _from_weekday(_first_sentence(text), reference, warnings)
    return None


def _readings(day: dt.date, weekday: str) -> tuple[DateReading, ...]:
    """The day as written and the nearest day that is the weekday it names."""
    shift = (_WEEKDAYS.index(weekday) - day.weekday()) % 7
    implied = day + dt.timedelta(days=shift if shift <= 3 else shift - 7)
    return (
        DateReading(day, "the date as written"),
        DateReading(implied, f"the weekday, {weekday}"),
    )


def _from_weekday(sentence: str, reference: dt.date, warnings: list[str]) -> TakenAt | None:
    """ "on Tuesday" in a story dated Thursday: the Tuesday before, inferred."""
    match = _WEEKDAY_ALONE_RE.search(sentence)
    if match is None:
        return None
    weekday = match.group("w")
    back = (reference.weekday() - _WEEKDAYS.index(weekday)) % 7
    day = reference - dt.timedelta(days=back)
    warnings.append(
        f"The caption names only a weekday ({weekday}); {_spoken(day)} is inferred from the "
        f"article's date, {_spoken(reference)}."
    )
    return TakenAt(
        value=dt.datetime.combine(day, dt.time()),
        precision=Precision.DAY,
        source=SOURCE,
        inferred=True,
    )


def _first_sentence(text: str) -> str:
    spans = sentence_spans(text)
    return text[spans[0][0] : spans[0][1]] if spans else text


def _candidate(match: re.Match[str], warnings: list[str]) -> _Candidate | None:
    try:
        if match.group("iso"):
            day = dt.date.fromisoformat(match.group("iso"))
        else:
            month_text = match.group("m1") or match.group("m2")
            day_text = match.group("d1") or match.group("d2")
            month = _MONTHS[month_text.lower()[:3]]
            year = match.group("y1") or match.group("y2")
            day = dt.date(int(year), month, int(day_text))
    except (ValueError, KeyError):
        warnings.append(f"The caption's date “{match.group(0)}” does not exist on the calendar.")
        return None
    weekday = _weekday_name(match.group("w1") or match.group("w2"))
    return _Candidate(match.start(), match.end(), day, weekday)


def _weekday_name(text: str | None) -> str | None:
    if not text:
        return None
    prefix = text[:2].lower()
    for name in _WEEKDAYS:
        if name[:2].lower() == prefix:
            return name
    return None


def _choose(text: str, candidates: list[_Candidate]) -> _Candidate | None:
    """The photo's own date among the candidates (see the module docstring)."""
    if not candidates:
        return None
    for c in candidates:
        before = text[max(0, c.start - 12) : c.start]
        after = text[c.end : c.end + 40]
        if _FILE_FRAME_BEFORE.search(before) and _FILE_FRAME_AFTER.search(after):
            return c
    for index, (start, end) in enumerate(sentence_spans(text)):
        same = [c for c in candidates if start <= c.start < end]
        if same and (index == 0 or _dates_the_photo(text[start:end], same)):
            return _best_of_sentence(text, same)
    return None


def _dates_the_photo(sentence: str, dates: list[_Candidate]) -> bool:
    """A later sentence dates the photo only as a fragment, a "taken on" line or
    with the weekday that AP gives only for the photo's own day."""
    if _TAKEN_SENTENCE_RE.search(sentence.strip()) or any(d.weekday for d in dates):
        return True
    rest = FULL_DATE_RE.sub(" ", sentence)
    return len(re.findall(r"[A-Za-z]{2,}", rest)) <= _FRAGMENT_WORDS


def _best_of_sentence(text: str, same: list[_Candidate]) -> _Candidate:
    with_weekday = [c for c in same if c.weekday is not None]
    if with_weekday:
        return with_weekday[0]
    for c in same:
        if not _HISTORY_BEFORE.search(text[max(0, c.start - 20) : c.start]):
            return c
    return same[0]


def _with_time(text: str, chosen: _Candidate, taken: TakenAt) -> TakenAt:
    """Minute precision when a clock time sits right next to the date."""
    window = text[chosen.end : chosen.end + 30]
    match = re.match(r"^,?\s+(?:at\s+)?", window)
    if match is None:
        return taken
    time_match = _TIME_RE.match(window, match.end())
    if time_match is None or not (time_match.group("min") or time_match.group("ampm")):
        return taken
    hour = int(time_match.group("h"))
    ampm = (time_match.group("ampm") or "").lower().replace(".", "")
    if ampm and not 1 <= hour <= 12:
        return taken
    if ampm == "pm" and hour != 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    minute = int(time_match.group("min") or 0)
    offset = 0 if time_match.group("tz") else None
    return replace(
        taken,
        value=taken.value.replace(hour=hour, minute=minute),
        precision=Precision.MINUTE,
        utc_offset=offset,
    )


def _month_year(text: str) -> TakenAt | None:
    """A month and year in the first sentence, not introduced as history."""
    first = _first_sentence(text)
    for match in MONTH_YEAR_RE.finditer(first):
        before = first[max(0, match.start() - 24) : match.start()]
        if _MONTH_HISTORY_BEFORE.search(before) and not _MONTH_PART_BEFORE.search(before):
            continue
        month = _MONTHS[match.group("m")[:3].lower()]
        value = dt.datetime(int(match.group("year")), month, 1)
        return TakenAt(value=value, precision=Precision.MONTH, source=SOURCE)
    return None


def _spoken(day: dt.date) -> str:
    return f"{day.strftime('%B')} {day.day}, {day.year}"
