# SPDX-License-Identifier: GPL-3.0-or-later
"""The words of the story timeline: card lines, tooltips, the range shown, the description."""

from __future__ import annotations

import datetime as dt

from gallery_app.core.article.events import Event
from gallery_app.core.gallery.badges import badge_reasons
from gallery_app.core.gallery.labels import credit_text, format_date, place_text
from gallery_app.core.gallery.uncertainty import DateSpan
from gallery_app.core.models import Entry, Precision
from gallery_app.core.story.axis import moment, seconds
from gallery_app.core.story.build import Story, StoryItem
from gallery_app.core.story.headline import headline

_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_text(day: dt.date, *, year: bool = True) -> str:
    text = f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def when_text(span: DateSpan | None, entry: Entry) -> str:
    """The card's date line: every reading of a conflict ("Sun 29 or Tue 31 Mar 2015?")."""
    if span is not None and span.conflicting:
        first, last = span.readings[0], span.readings[-1]
        head = f"{_WEEKDAYS[first.weekday()]} {first.day}"
        if (first.year, first.month) != (last.year, last.month):
            head = day_text(first, year=first.year != last.year)
        return f"{head} or {day_text(last, year=first.year != last.year)}?"
    taken = entry.taken
    if taken is not None and taken.precision in (Precision.MINUTE, Precision.SECOND):
        return f"{taken.value:%H:%M} · {day_text(taken.value.date())}"  # the time first: it fits
    return format_date(taken, short=True)


def span_label(span: DateSpan) -> str:
    """The words inside a span band: "may be Sun 29 Mar", "some day in March 2015"."""
    if span.conflicting:
        return f"may be {day_text(span.readings[0], year=False)}"
    first = span.start.date()
    if span.precision.value == "month":
        return f"some day in {first:%B %Y}"
    if span.precision.value == "year":
        return f"some day in {first.year}"
    return ""


def item_tooltip(item: StoryItem) -> str:
    """Plain text: date and why it is uncertain, headline, place, credit, warnings."""
    entry = item.entry
    lines = [f"Photo {entry.position} · {when_text(item.span, entry)}"]
    if item.span.reason:
        lines.append(item.span.reason)
    lines.append(headline(entry))
    place = place_text(entry.location)
    if place:
        lines.append(place)
    credit = credit_text(entry)
    if credit:
        lines.append(credit)
    lines += [f"⚠ {w}" for w in badge_reasons(entry) if w != item.span.reason]
    if entry.file_photo:
        lines.append("A file photo: taken before the story it illustrates.")
    return "\n".join(lines)


def event_tooltip(event: Event) -> str:
    return f"{day_text(event.day)} — from the {event.source}\n{event.sentence}"


def event_label(event: Event) -> str:
    return f"{_MONTHS[event.day.month - 1]} {event.day.day} · {event.text}"


def break_tooltip(t0: float, t1: float) -> str:
    a, b = moment(t0), moment(t1)
    years = (b - a).days / 365.25
    length = f"{years:.0f} years" if years >= 2 else f"{(b - a).days} days"
    return f"No photos from {a:%b %Y} to {b:%b %Y}: {length} left out of the axis here."


def range_text(t0: float, t1: float) -> str:
    """The stretch of time in view, for the page's heading and the accessible description."""
    a, b = moment(t0), moment(t1)
    if (b - a).days > 3 * 365:
        return f"{a.year} – {b.year}"
    if (b - a).days > 60:
        return f"{_MONTHS[a.month - 1]} {a.year} – {_MONTHS[b.month - 1]} {b.year}"
    if a.date() == b.date():
        return f"{day_text(a.date())}, {a:%H:%M}–{b:%H:%M}"
    return f"{day_text(a.date(), year=a.year != b.year)} – {day_text(b.date())}"


def card_credit(entry: Entry) -> str:
    """The credit; with none, the file name (unless the headline already is it)."""
    credit = credit_text(entry)
    if credit or entry.image is None or not entry.caption.strip():
        return credit
    return entry.image.name


def seconds_of_day(day: dt.date) -> float:
    return seconds(dt.datetime.combine(day, dt.time()))


def describe_story(story: Story, t0: float, t1: float) -> str:
    """The view's accessible description: what it holds and the time in view."""
    text = f"{len(story.items)} dated photos; showing {range_text(t0, t1)}"
    if story.undated:
        text += f"; {len(story.undated)} undated in the tray"
    if story.events:
        text += f"; {len(story.events)} dated events from the text"
    return text
