# SPDX-License-Identifier: GPL-3.0-or-later
"""Where a wire photo was taken, read from the caption's dateline phrase.

Wire captions end their first sentence with the place, most specific first:
"... in Tikrit, 80 miles north of Baghdad, Iraq, Friday, April 3, 2015." or
"... in Canton, Miss." or "... in Kabul, Afghanistan on Tuesday."  So the
parser looks, in the first two sentences, for a comma-separated part that is
a country or a US state (the *anchor*), then walks back: an optional distance
("80 miles north of Baghdad"), an optional region, then the phrase after the
last place preposition ("in", "at", "on"...).  That phrase is a city when it
is a proper name ("Tikrit"), or a description when it is not ("the main road
between Baghdad and Tikrit"), in which case no city and no coordinates are
claimed.  Coordinates only ever come from the gazetteer.

Traps avoided: a hometown ("John Smith, of Toledo, Ohio,") and a party tag
("Sen. Dick Durbin, D-Ill.,") are not places; a city alone ("in Paris") is
accepted only when it is a national capital, a city of a million people, or
one of the US cities AP datelines without a state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gallery_app.core.captions import gazetteer
from gallery_app.core.captions import place_rules as rules
from gallery_app.core.captions.dates import FULL_DATE_RE, YEARLESS_DATE_RE
from gallery_app.core.captions.text import sentence_spans
from gallery_app.core.models import Location

SOURCE = "caption"
COORD_SOURCE = f"caption; coordinates: {gazetteer.SOURCE}"

# AP style: these US cities stand alone in a dateline (no state after them).
_AP_US_WORDS = """atlanta baltimore boston chicago cincinnati cleveland dallas denver detroit
    honolulu houston indianapolis las_vegas los_angeles miami milwaukee minneapolis new_orleans
    new_york oklahoma_city philadelphia phoenix pittsburgh st_louis salt_lake_city san_antonio
    san_diego san_francisco seattle washington"""
_AP_US = frozenset(w.replace("_", " ") for w in _AP_US_WORDS.split())

_PREPOSITIONS = (
    "in|at|on|near|outside|inside|along|across|off|into|over|around|through|throughout|atop"
)
_LAST_PREP_RE = re.compile(rf"\b(?:{_PREPOSITIONS})\s+(?=\S)")
_PARENS_RE = re.compile(r"\([^()]{0,300}\)")
_WEEKDAY_RE = re.compile(
    r"\b(?:on\s+|early\s+|late\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b"
)
_CONNECTOR_WORDS = "of de del la le el al the and da do dos das du von van der den am an upon sur y"
_CONNECTORS = frozenset(_CONNECTOR_WORDS.split())
_DIRECTIONS_RE = rules.LEADING_DIRECTION.pattern
_AFTER_HOMETOWN_RE = re.compile(r"^\s*(?:resident|native|man|woman|teen|student)s?\b")


@dataclass(frozen=True)
class _Anchor:
    text: str  # as written, e.g. "Iraq" or "Miss."
    country_code: str
    country: str
    state_code: str | None = None
    state: str | None = None
    region: str | None = None  # "southwest China's Guangxi Zhuang Autonomous Region"


def find_place(text: str) -> Location | None:
    """The dateline place of the first sentences, or ``None``."""
    getty = rules.GETTY_DATELINE.pattern.match(text)
    if getty is not None:
        phrase = "in " + ", ".join(p.strip().title() for p in getty.group("place").split(","))
        location = _from_anchors(phrase) or _standalone(phrase)
        if location is not None:
            return location
    for start, end in sentence_spans(text)[:2]:
        sentence = _scrub(text[start:end])
        location = _from_anchors(sentence) or _standalone(sentence)
        if location is not None:
            return location
    return None


def _scrub(sentence: str) -> str:
    """Dates, weekdays and parentheses become hard stops ("|")."""
    sentence = _PARENS_RE.sub("|", sentence)
    sentence = FULL_DATE_RE.sub("|", sentence)
    sentence = YEARLESS_DATE_RE.sub("|", sentence)
    sentence = re.sub(r"\s[-–—]+\s|:(?!\d)", "|", sentence)  # "KABUL, Afghanistan - A boy"
    return _WEEKDAY_RE.sub("|", sentence)


def _from_anchors(sentence: str) -> Location | None:
    for chunk in sentence.split("|"):
        segments = _segments(chunk)
        for i, segment in enumerate(segments):
            anchor = _anchor(segment)
            if anchor is None:
                continue
            following = segments[i + 1] if i + 1 < len(segments) else ""
            if _AFTER_HOMETOWN_RE.match(following):
                continue
            if i and rules.ELSEWHERE.pattern.search(segments[i - 1]):
                continue  # "a native of Toledo, Ohio", "which started in Wuhan, China"
            location = _walk_back(segments[:i], anchor)
            if location is not None:
                return location
    return None


def _segments(chunk: str) -> list[str]:
    """Comma parts, with "X in southern COUNTRY" split into "X" and the country."""
    out: list[str] = []
    for part in (s.strip() for s in chunk.split(",")):
        split = rules.IN_COUNTRY.pattern.match(part)
        found = _anchor(split.group("anchor")) if split is not None else None
        if split is not None and found is not None and found.state is None:
            place = split.group("place")
            if _tail(place) is not None and not rules.ELSEWHERE.pattern.search(place):
                out.extend([place, split.group("anchor")])
                continue
        out.append(part)
    return out


def _anchor(segment: str) -> _Anchor | None:
    """A country or US state filling the start of a comma part ("Iraq a day after"),
    maybe after a direction ("northern Iraq") or as "China's Guangxi Region"."""
    possessive = rules.POSSESSIVE_REGION.pattern.match(segment.strip(" ."))
    if possessive is not None:
        found = _as_anchor(possessive.group("country"))
        if found is not None and found.state is None:
            return _Anchor(
                segment.strip(" ."), found.country_code, found.country,
                region=possessive.group("region"),
            )  # fmt: skip
    bare = _DIRECTIONS_RE.sub("", segment)
    if bare != segment:
        found = _anchor(bare)
        if found is None or found.state is not None:
            return found
        return _Anchor(segment.strip(" ."), found.country_code, found.country)
    words = segment.split()
    for n in range(min(len(words), 6), 0, -1):
        head = " ".join(words[:n])
        rest = words[n:]
        if rest and not (rest[0][:1].islower() or rest[0] == "|"):
            continue
        for candidate in (head, head.rstrip(".")) if head.endswith(".") else (head,):
            found = _as_anchor(candidate)
            if found is not None:
                return found
    return None


def _as_anchor(text: str) -> _Anchor | None:
    if not text or not text[0].isupper():
        return None
    state = gazetteer.us_state(text)
    code = gazetteer.country_code(text) if len(text) > 2 else None
    if state is not None and (code is None or text.endswith(".") or text == "Georgia"):
        return _Anchor(text, "US", "United States", state.code, state.name)
    if code is not None:
        if text.endswith(".") and "." not in text[:-1]:
            text = text[:-1]  # the sentence's full stop, not an abbreviation ("U.S.")
        return _Anchor(text, code, gazetteer.country_name(code) or text)
    return None


def _walk_back(before: list[str], anchor: _Anchor) -> Location | None:
    parts: list[str] = [anchor.text]
    j = len(before) - 1
    while j >= 0 and _skippable(before, j):
        parts.insert(0, before[j])
        j -= 1
    region = anchor.region
    if region is None and anchor.state is None and j >= 1 and _tail(before[j - 1]):
        if _is_proper(before[j]) or rules.REGION.pattern.match(before[j]):
            region = before[j]
            parts.insert(0, region)
            j -= 1
    if j < 0:
        return _location(", ".join(parts), None, None, region, anchor)
    segment = before[j]
    if re.match(r"^of\s", segment):
        return None  # "John Smith, of Toledo, Ohio": a hometown, not the scene
    tail = _tail(segment)
    if tail is not None:
        city, sublocation = _city_of(tail, anchor)
        if city is not None and sublocation is None:
            sublocation = _landmark(segment, tail)
        return _location(", ".join([tail, *parts]), city, sublocation, region, anchor)
    city = _city_in(segment, anchor)
    if city is not None:
        return _location(", ".join([city, *parts]), city, None, region, anchor)
    return _location(", ".join(parts), None, None, region, anchor)


def _skippable(before: list[str], j: int) -> bool:
    """A distance, or a relative phrase after a named place ("X, south of Y")."""
    if rules.DISTANCE.pattern.match(before[j]):
        return True
    if j >= 1 and rules.RELATIVE.pattern.match(before[j]):
        previous = _tail(before[j - 1])
        return previous is not None and _city_of(previous, None)[0] is not None
    return False


def _city_of(tail: str, anchor: _Anchor | None) -> tuple[str | None, str | None]:
    """(city, sublocation) of a place phrase: a name, "eastern Mosul", "the city of
    Aleppo", "Liuzhou City", or a description (no city)."""
    if _is_proper(tail):
        suffixed = rules.CITY_SUFFIX.pattern.match(tail)
        if suffixed and anchor is not None and _lookup(tail, anchor) is None:
            if _lookup(suffixed.group("city"), anchor) is not None:
                return suffixed.group("city"), None
        return tail, None
    bare = _DIRECTIONS_RE.sub("", tail)  # "eastern Mosul" is still Mosul
    if bare != tail and _is_proper(bare):
        return bare, None
    named = rules.NAMED_PLACE.pattern.search(tail)  # "a road leading to the city of X"
    if named is not None and _is_proper(named.group("city")):
        city = named.group("city")
        return city, None if named.start() == 0 else tail
    return None, tail


def _landmark(segment: str, tail: str) -> str | None:
    """ "at Tahrir Square in Cairo": the square, as a sublocation of the city."""
    at = segment.rfind(tail)
    if at <= 0:
        return None
    match = rules.LANDMARK.pattern.search(segment[max(0, at - 80) : at])
    return match.group("landmark") if match else None


def _tail(segment: str) -> str | None:
    """What follows the last place preposition of a comma part."""
    last = None
    for match in _LAST_PREP_RE.finditer(segment):
        last = match
    if last is None:
        return segment if _is_proper(segment) else None
    tail = segment[last.end() :].strip(" .;:")
    return tail or None


def _is_proper(text: str) -> bool:
    """A proper name: capitalised words, maybe joined by "of", "de", "al-"..."""
    words = text.strip(" .").split()
    if not words or len(words) > 6:
        return False
    if not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    return all(w[:1].isupper() or w in _CONNECTORS or w[:1].isdigit() for w in words)


def _leading_name(text: str) -> str:
    """The proper name a phrase starts with: "Paris on" -> "Paris"."""
    words = text.split()
    taken: list[str] = []
    for word in words[:6]:
        if word[:1].isupper() or (taken and word in _CONNECTORS):
            taken.append(word)
        else:
            break
    while taken and taken[-1] in _CONNECTORS:
        taken.pop()
    return " ".join(taken).strip(" .;:")


def _city_in(segment: str, anchor: _Anchor) -> str | None:
    """A known city of the anchor's country named in a part without a preposition."""
    runs = re.findall(r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}", segment)
    for run in reversed(runs):
        words = run.split()
        for k in range(len(words)):
            candidate = " ".join(words[k:])
            if _lookup(candidate, anchor) is not None:
                return candidate
    return None


def _lookup(city: str, anchor: _Anchor) -> gazetteer.GeoPlace | None:
    if anchor.state_code is not None:
        found = gazetteer.lookup_place(city, region=anchor.state_code)
        if found is None and anchor.text == "Georgia":
            return gazetteer.lookup_place(city, country="GE")
        return found
    return gazetteer.lookup_place(city, country=anchor.country_code)


def _location(
    name: str, city: str | None, sublocation: str | None, region: str | None, anchor: _Anchor
) -> Location:
    place = _lookup(city, anchor) if city else None
    country, code = anchor.country, anchor.country_code
    if place is not None and place.country_code != code:  # "Tbilisi, Georgia"
        country, code = place.country, place.country_code
    state = anchor.state if code == "US" else None
    return Location(
        name=name,
        sublocation=sublocation,
        city=_display(city) if city else None,
        region=region or state or (place.region if place else None),
        country=country,
        country_code=code,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        source=COORD_SOURCE if place else SOURCE,
    )


def _standalone(sentence: str) -> Location | None:
    """ "in Paris", "in Washington", "in Iraq": a well-known name with no anchor."""
    for chunk in sentence.split("|"):
        for segment in chunk.split(","):
            tail = _tail(segment.strip())
            if tail is None or not re.search(rf"\b(?:{_PREPOSITIONS})\s", segment):
                continue
            if rules.ELSEWHERE.pattern.search(segment):
                continue
            bare = _leading_name(_DIRECTIONS_RE.sub("", tail))
            if not bare:
                continue
            tail = tail[: tail.index(bare) + len(bare)]
            code = gazetteer.country_code(bare) if len(bare) > 2 else None
            if code is not None:
                country = gazetteer.country_name(code) or bare
                return Location(name=tail, country=country, country_code=code, source=SOURCE)
            place = _big_city(bare)
            if place is not None:
                return Location(
                    name=tail,
                    city=_display(bare),
                    region=place.region,
                    country=place.country,
                    country_code=place.country_code,
                    lat=place.lat,
                    lon=place.lon,
                    source=COORD_SOURCE,
                )
    return None


def _big_city(name: str) -> gazetteer.GeoPlace | None:
    if gazetteer.fold(name) in _AP_US:
        return gazetteer.lookup_place(name, country="US")
    return gazetteer.capital_or_big_city(name)


def _display(city: str) -> str:
    """City as written, but "KABUL" (an article dateline) as "Kabul"."""
    return city.title() if city.isupper() and len(city) > 3 else city
