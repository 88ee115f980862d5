# SPDX-License-Identifier: GPL-3.0-or-later
"""The fields a correction can change: name, label, IPTC-IIM limit, get and set.

Every value travels as text (what a user types, what a record keeps): a date is
ISO 8601 cut to its precision with its offset when known, keywords are joined
with "; ", coordinates are decimal degrees.  ``check`` turns typed text into
that normal form or raises ``EditError`` with a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from gallery_app.core.errors import DatelineError
from gallery_app.core.isodate import parse_iso
from gallery_app.core.models import Entry, Location

CORRECTION_SOURCE = "correction"
KEYWORD_JOINER = "; "


class EditError(DatelineError):
    """A value that cannot be set; ``str()`` is a sentence for the user."""


@dataclass(frozen=True)
class Field:
    """One editable field of an entry."""

    name: str
    label: str
    iptc_limit: int | None  # bytes allowed in the IPTC-IIM dataset, None: no IIM limit
    get: Callable[[Entry], str | None]
    put: Callable[[Entry, str | None], Entry]
    check: Callable[[str | None], str | None]


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    cleaned = value.strip()
    return cleaned or None


def _check_date(value: str | None) -> str | None:
    text = _text(value)
    if text is None:
        return None
    try:
        return parse_iso(text, CORRECTION_SOURCE).iso()
    except ValueError as exc:
        raise EditError(str(exc)) from None


def _put_date(entry: Entry, value: str | None) -> Entry:
    if value is None:
        return replace(entry, taken=None)
    return replace(entry, taken=parse_iso(value, CORRECTION_SOURCE))


def _coordinate(limit: float, what: str) -> Callable[[str | None], str | None]:
    def check(value: str | None) -> str | None:
        text = _text(value)
        if text is None:
            return None
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            raise EditError(f"“{text[:40]}” is not a {what} in decimal degrees.") from None
        if not -limit <= number <= limit:
            raise EditError(f"A {what} lies between -{limit:g} and {limit:g}, not {number:g}.")
        return f"{number:.6f}".rstrip("0").rstrip(".")

    return check


def _check_country_code(value: str | None) -> str | None:
    text = _text(value)
    if text is None:
        return None
    if not re.fullmatch(r"[A-Za-z]{2,3}", text):
        raise EditError(f"“{text[:40]}” is not a country code (two or three letters, such as IQ).")
    return text.upper()


def _check_keywords(value: str | None) -> str | None:
    words = [w.strip() for w in re.split(r"[;,\n]", value or "") if w.strip()]
    return KEYWORD_JOINER.join(dict.fromkeys(words)) or None


def _place_get(attr: str) -> Callable[[Entry], str | None]:
    def get(entry: Entry) -> str | None:
        value = getattr(entry.location, attr, None) if entry.location else None
        if isinstance(value, float):
            return f"{value:.6f}".rstrip("0").rstrip(".")
        return value if isinstance(value, str) else None

    return get


def _place_put(attr: str) -> Callable[[Entry, str | None], Entry]:
    def put(entry: Entry, value: str | None) -> Entry:
        loc = entry.location or Location()
        if attr in ("lat", "lon"):
            number = float(value) if value is not None else None
            changed = replace(loc, lat=number) if attr == "lat" else replace(loc, lon=number)
        else:
            parts = {k: getattr(loc, k) for k in _PLACE_TEXT}
            parts[attr] = value
            # the dateline phrase ("Tikrit, 80 miles north of Baghdad") no longer says it
            changed = Location(**parts, name=None, lat=loc.lat, lon=loc.lon, source=loc.source)
        return replace(entry, location=changed)

    return put


_PLACE_TEXT = ("sublocation", "city", "region", "country", "country_code")


def _attr_get(attr: str) -> Callable[[Entry], str | None]:
    def get(entry: Entry) -> str | None:
        value = getattr(entry, attr)
        return value or None

    return get


_TEXT_SETTERS: dict[str, Callable[[Entry, str | None], Entry]] = {
    "caption": lambda e, v: replace(e, caption=v or ""),
    "title": lambda e, v: replace(e, title=v),
    "creator": lambda e, v: replace(e, creator=v),
    "credit": lambda e, v: replace(e, credit=v),
    "copyright": lambda e, v: replace(e, copyright=v),
}


def _attr_put(attr: str) -> Callable[[Entry, str | None], Entry]:
    return _TEXT_SETTERS[attr]


def _keywords_get(entry: Entry) -> str | None:
    return KEYWORD_JOINER.join(entry.keywords) or None


def _keywords_put(entry: Entry, value: str | None) -> Entry:
    words = tuple(w for w in (value or "").split(KEYWORD_JOINER) if w)
    return replace(entry, keywords=words)


def _date_get(entry: Entry) -> str | None:
    return entry.taken.iso() if entry.taken else None


def _simple(name: str, label: str, limit: int | None, attr: str | None = None) -> Field:
    attr = attr or name
    return Field(name, label, limit, _attr_get(attr), _attr_put(attr), _text)


def _place(
    name: str, label: str, limit: int | None, check: Callable[[str | None], str | None]
) -> Field:
    return Field(name, label, limit, _place_get(name), _place_put(name), check)


FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        _simple("caption", "Caption", 2000),
        _simple("headline", "Headline", 256, "title"),
        Field("date", "Date taken", None, _date_get, _put_date, _check_date),
        _place("sublocation", "Sublocation", 32, _text),
        _place("city", "City", 32, _text),
        _place("region", "Province or state", 32, _text),
        _place("country", "Country", 64, _text),
        _place("country_code", "Country code", 3, _check_country_code),
        _place("lat", "Latitude", None, _coordinate(90, "latitude")),
        _place("lon", "Longitude", None, _coordinate(180, "longitude")),
        _simple("creator", "Creator", 32),
        _simple("credit", "Credit line", 32),
        _simple("copyright", "Copyright notice", 128),
        Field("keywords", "Keywords", 64, _keywords_get, _keywords_put, _check_keywords),
    )
}
FIELD_NAMES = tuple(FIELDS)


def field(name: str) -> Field:
    """The field called ``name``, or an EditError that lists the known ones."""
    try:
        return FIELDS[name]
    except KeyError:
        raise EditError(
            f"“{name[:40]}” is not a field that can be corrected; the fields are "
            f"{', '.join(FIELD_NAMES)}."
        ) from None


def iim_excess(name: str, value: str) -> int:
    """How many bytes ``value`` is over the IPTC-IIM limit of field ``name`` (0: fits).

    Keywords are limited one by one (64 bytes each), so the worst one counts.
    """
    limit = FIELDS[name].iptc_limit if name in FIELDS else None
    if limit is None:
        return 0
    parts = value.split(KEYWORD_JOINER) if name == "keywords" else [value]
    return max(0, *(len(p.encode("utf-8")) - limit for p in parts))
