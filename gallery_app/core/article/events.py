# SPDX-License-Identifier: GPL-3.0-or-later
"""Dated events that captions and the article state, for markers on the timeline.

A caption such as "In this Thursday, April 2, 2015 file photo, Iraqi security
forces deploy in Tikrit, a day after Iraqi security forces … took control of
the city" dates two things: the photo (April 2) and an event (April 1).  The
rules, in the order tried on each sentence:

* a full date ("April 1, 2015") that is not the photo's own date dates the
  sentence it stands in;
* "a day / two days / the day after …" and "… before …" date the clause that
  follows, counted from the date the text hangs on (the photo's date for a
  caption, the story's date for the article);
* "on Tuesday" dates its sentence to the latest Tuesday on or before that
  date (news style: the weekday of the past week).

A relative phrase with no certain date to hang on (an undated article, a
caption whose own date contradicts itself) is left out rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from gallery_app.core.captions.dates import FULL_DATE_RE, find_date
from gallery_app.core.captions.text import sentence_spans

_COUNTS = {"a": 1, "one": 1, "the": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_RELATIVE = re.compile(
    r"\b(?P<count>a|one|two|three|four|five|the)\s+days?\s+(?P<dir>after|before)\s+"
    r"(?P<clause>[^.;()]{8,200})",
    re.IGNORECASE,
)
_ON_WEEKDAY = re.compile(
    r"\bon\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!,?\s+\w+\s+\d)"
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PAREN = re.compile(r"\([^()]*\)")
MAX_LABEL = 90


@dataclass(frozen=True)
class Event:
    """Something the text says happened on ``day``.

    ``text`` is the short label drawn on the axis, ``sentence`` the whole
    sentence it came from, ``source`` where that sentence stands.
    """

    day: dt.date
    text: str
    sentence: str
    source: str


@dataclass(frozen=True)
class DatedText:
    """A caption or paragraph, the certain date it hangs on (or None) and its name.

    ``own`` is the text's own date (a caption's photo date, even an uncertain
    one): spelled out, it dates the photo, not an event.
    """

    text: str
    anchor: dt.date | None
    source: str
    own: dt.date | None = None


def _label(text: str) -> str:
    text = " ".join(text.split()).strip(" ,;:—-")
    if len(text) <= MAX_LABEL:
        return text
    cut = text[:MAX_LABEL].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _sentence_events(sentence: str, item: DatedText) -> list[Event]:
    events: list[Event] = []
    anchor, source = item.anchor, item.source
    plain = " ".join(sentence.split())
    for match in FULL_DATE_RE.finditer(sentence):
        taken, _ = find_date(match.group(0))
        if taken is not None and taken.value.date() not in (anchor, item.own):
            events.append(Event(taken.value.date(), _label(plain), plain, source))
    if anchor is None:
        return events
    for match in _RELATIVE.finditer(sentence):
        count = _COUNTS[match.group("count").lower()]
        sign = -1 if match.group("dir").lower() == "after" else 1
        day = anchor + dt.timedelta(days=sign * count)
        events.append(Event(day, _upper_first(_label(match.group("clause"))), plain, source))
    for match in _ON_WEEKDAY.finditer(sentence):
        wanted = _WEEKDAYS.index(match.group("wd").lower())
        day = anchor - dt.timedelta(days=(anchor.weekday() - wanted) % 7)
        if day != anchor:
            events.append(Event(day, _label(plain), plain, source))
    return events


def find_events(texts: Iterable[DatedText]) -> list[Event]:
    """Every dated event in ``texts``, by day; one event per day and wording."""
    found: dict[tuple[dt.date, str], Event] = {}
    for item in texts:
        text = _PAREN.sub(" ", item.text)
        for start, end in sentence_spans(text):
            for event in _sentence_events(text[start:end], item):
                key = (event.day, event.text.casefold())
                known = found.get(key)
                if known is None:
                    found[key] = event
                elif item.source not in known.source:
                    found[key] = Event(
                        known.day, known.text, known.sentence, f"{known.source}; {item.source}"
                    )
    return sorted(found.values(), key=lambda e: (e.day, e.text))


def article_texts(paragraphs: Sequence[str], anchor: dt.date | None) -> list[DatedText]:
    """The article's paragraphs as :class:`DatedText` (``anchor``: the story's date)."""
    return [DatedText(p, anchor, f"article, paragraph {i + 1}") for i, p in enumerate(paragraphs)]
