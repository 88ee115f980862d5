# SPDX-License-Identifier: GPL-3.0-or-later
"""Short human texts about an entry: its date, caption excerpt, place, credit.

The grid, the placeholder card, the caption panel, tooltips and the slideshow
all describe an entry in words; doing it here once keeps "Mon 30 Mar 2015" from
turning into three slightly different spellings.  Month and weekday names are
English and fixed (not ``strftime``), so the text does not depend on the C
locale the process happens to run under.

Every piece of text that came from a file leaves here isolated
(``core.inert.isolate``): a direction control in one field can never reorder
the words around it.
"""

from __future__ import annotations

import re

from gallery_app.core.inert import isolate
from gallery_app.core.models import Entry, FileMetadata, Location, Precision, TakenAt

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS: tuple[str, ...] = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

_PRECISION_WORDS = {
    Precision.YEAR: "known to the year",
    Precision.MONTH: "known to the month",
    Precision.DAY: "known to the day",
    Precision.MINUTE: "known to the minute",
    Precision.SECOND: "known to the second",
}

UNDATED = "Undated"


def _offset_text(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def format_date(taken: TakenAt | None, *, short: bool = False) -> str:
    """The date as far as it is known: "Monday 30 March 2015", "March 2015", "2015".

    ``short`` gives "Mon 30 Mar 2015" (", 14:05" with a known time) for cramped
    places such as grid cells.  A time is added only when the source knew one.
    """
    if taken is None:
        return UNDATED
    v = taken.value
    month = MONTHS[v.month - 1]
    if short:
        month = month[:3]
    if taken.precision is Precision.YEAR:
        return f"{v.year}"
    if taken.precision is Precision.MONTH:
        return f"{month} {v.year}"
    weekday = WEEKDAYS[v.weekday()]
    if short:
        weekday = weekday[:3]
    text = f"{weekday} {v.day} {month} {v.year}"
    if short:  # a grid cell has room for the minute, not for seconds and offsets
        if taken.precision in (Precision.MINUTE, Precision.SECOND):
            text += f", {v.hour:02d}:{v.minute:02d}"
        return text
    if taken.precision is Precision.MINUTE:
        text += f", {v.hour:02d}:{v.minute:02d}"
    elif taken.precision is Precision.SECOND:
        text += f", {v.hour:02d}:{v.minute:02d}:{v.second:02d}"
    if taken.precision in (Precision.MINUTE, Precision.SECOND) and taken.utc_offset is not None:
        text += f" ({_offset_text(taken.utc_offset)})"
    return text


def describe_precision(taken: TakenAt | None) -> str:
    """ "known to the day · from the caption" — how sure the date is and why."""
    if taken is None:
        return "No date was found for this photo."
    parts = [_PRECISION_WORDS[taken.precision]]
    if taken.source:
        parts.append(f"from the {taken.source}")
    if taken.uncertain:
        parts.append("uncertain")
    return " · ".join(parts)


def excerpt(text: str, max_chars: int = 90) -> str:
    """The first words of ``text`` on one line, cut at a word boundary with "…"."""
    flat = " ".join(text.split())
    if len(flat) <= max_chars:
        return isolate(flat)
    cut = flat[: max_chars + 1]
    space = cut.rfind(" ")
    cut = cut[:space] if space > max_chars // 2 else cut[:max_chars]
    return isolate(cut.rstrip(" ,;:-–—")) + "…"


def place_text(location: Location | None) -> str:
    """ "Tikrit, Iraq" or "" when nothing is known."""
    if location is None:
        return ""
    if location.name:
        return isolate(location.name)
    parts = (location.sublocation, location.city, location.region, location.country)
    return ", ".join(isolate(p) for p in parts if p)


def coordinates_text(location: Location | None) -> str:
    """ "34.6071° N, 43.6782° E" or "" when the place has no coordinates."""
    if location is None or location.lat is None or location.lon is None:
        return ""
    lat, lon = location.lat, location.lon
    ns = "N" if lat >= 0 else "S"
    ew = "E" if lon >= 0 else "W"
    return f"{abs(lat):.4f}° {ns}, {abs(lon):.4f}° {ew}"


def credit_text(entry: Entry) -> str:
    """One credit line: the credit, else the creator, else the copyright notice."""
    for value in (entry.credit, entry.creator, entry.copyright):
        if value and value.strip():
            return isolate(" ".join(value.split()))
    return ""


def caption_with_credit(entry: Entry) -> str:
    """The caption as it would be quoted: with its credit in brackets, unless it names it already.

    What "Copy caption with credit" puts on the clipboard, as plain text.
    """
    caption = " ".join((entry.caption or entry.title or "").split())
    credit = credit_text(entry)
    if not credit or credit.casefold() in caption.casefold():
        return caption or credit
    return f"{caption} ({credit})" if caption else credit


# File names that say nothing about the picture: a wallpaper package names every
# picture by its size ("BytheWater/contents/images/1920x1080.jpg") and ships a
# "screenshot.jpg" beside it; the folder is then the picture's name.
_SAYS_NOTHING = re.compile(
    r"^(?:\d{2,5}\s*[x×]\s*\d{2,5}|screenshot|preview|thumbnail|wallpaper|background|default)$",
    re.IGNORECASE,
)
_PACKAGING_FOLDERS = frozenset({"contents", "images", "image", "img", "preview", "previews"})


def file_name(entry: Entry) -> str:
    """The photo's file name, or "" for an entry with no file.

    A name that says nothing ("1920x1080.jpg", "screenshot.jpg") is led by
    the nearest folder that does: "BytheWater · 1920x1080.jpg".
    """
    image = entry.image
    if image is None:
        return ""
    if _SAYS_NOTHING.match(image.stem):
        for folder in list(image.parents)[:3]:
            if folder.name and folder.name.lower() not in _PACKAGING_FOLDERS:
                return f"{folder.name} · {image.name}"
    return image.name


def heading_text(entry: Entry) -> str:
    """What a card is called: its title, else its caption, else its file name.

    A folder of wallpapers or phone photos has no captions; the file name is
    then the one thing that tells two cards apart.
    """
    return entry.title or entry.caption or file_name(entry) or "No caption"


def short_label(entry: Entry, max_chars: int = 60) -> str:
    """Date and first words, the text a screen reader announces for a grid cell."""
    words = excerpt(heading_text(entry), max_chars) or "No caption"
    return f"{format_date(entry.taken, short=True)} — {words}"


_SOURCE_WORDS = {
    "caption": "caption",
    "title": "title",
    "creator": "photographer",
    "credit": "credit",
    "copyright": "copyright",
    "taken": "date",
    "location": "place",
}
_PLACE_PARTS = ("sublocation", "city", "region", "country", "country_code")


def file_sources_lines(meta: FileMetadata | None) -> list[str]:
    """Where each field of a file came from, and which other sources in it disagree.

    "caption: XMP dc:description; IPTC Caption-Abstract differs" — one line per
    field the file gave, so a reader sees at once which standard was believed.
    """
    if meta is None:
        return []
    lines = []
    for name, word in _SOURCE_WORDS.items():
        label = meta.sources.get(name)
        if not label:
            continue
        names = _PLACE_PARTS if name == "location" else (name,)
        others = dict.fromkeys(c.other for c in meta.conflicts if c.name in names)
        lines.append(f"{word}: {label}" + "".join(f"; {o} differs" for o in others))
    return lines


def duration_text(seconds: float | None) -> str:
    """A video's length as a player shows it: "0:42", "12:05", "1:02:03"; "" when unknown."""
    if seconds is None or not seconds > 0:
        return ""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def video_text(entry: Entry) -> str:
    """What a video's card says instead of a picture: "Video · 0:42", or "Video"."""
    length = duration_text(entry.info.duration if entry.info is not None else None)
    return f"Video · {length}" if length else "Video"
