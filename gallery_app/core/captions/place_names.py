# SPDX-License-Identifier: GPL-3.0-or-later
"""Place phrases: what a part of a caption names, and where the gazetteer puts it.

Shared by the two place readers: ``places`` (a phrase walked back from its
country or state) and ``place_alone`` (a well-known name with no country).
Coordinates only ever come from the gazetteer, and only for a city.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gallery_app.core.captions import gazetteer
from gallery_app.core.captions import place_rules as rules
from gallery_app.core.models import Location

SOURCE = "caption"
COORD_SOURCE = f"caption; coordinates: {gazetteer.SOURCE}"

# AP style: these US cities stand alone in a dateline (no state after them).
_AP_US_WORDS = """atlanta baltimore boston chicago cincinnati cleveland dallas denver detroit
    honolulu houston indianapolis las_vegas los_angeles miami milwaukee minneapolis new_orleans
    new_york oklahoma_city philadelphia phoenix pittsburgh st_louis salt_lake_city san_antonio
    san_diego san_francisco seattle washington"""
_AP_US = frozenset(w.replace("_", " ") for w in _AP_US_WORDS.split())

PREPOSITIONS = (
    "in|at|on|near|outside|inside|along|across|off|into|over|around|through|throughout|atop"
)
PREP_RE = re.compile(rf"\b(?:{PREPOSITIONS})\s+(?=\S)")
_CONNECTOR_WORDS = (
    "of de del della des di la le el al the and da do dos das du von van der den am an upon sur y"
)
CONNECTORS = frozenset(_CONNECTOR_WORDS.split())
DIRECTIONS_RE = rules.LEADING_DIRECTION.pattern
# Before a city that ends a description, these words make it part of the
# description ("the road between Baghdad and Tikrit"), not the scene.
_DESCRIPTIVE_BEFORE = frozenset(
    ["and", "between", "of", "to", "from", "toward", "towards", "near", "outside", "past", "via"]
)


@dataclass(frozen=True)
class Anchor:
    """The country or US state a dateline phrase ends with."""

    text: str  # as written, e.g. "Iraq" or "Miss."
    country_code: str
    country: str
    state_code: str | None = None
    state: str | None = None
    region: str | None = None  # "southwest China's Guangxi Zhuang Autonomous Region"


def tail(segment: str) -> str | None:
    """What follows the last place preposition of a comma part."""
    last = None
    for match in PREP_RE.finditer(segment):
        last = match
    if last is None:
        return segment if is_proper(segment) else None
    rest = segment[last.end() :].strip(" .;:")
    return rest or None


def is_proper(text: str) -> bool:
    """A proper name: capitalised words, maybe joined by "of", "de", "al-"..."""
    words = text.strip(" .").split()
    if not words or len(words) > 6:
        return False
    if not (words[0][:1].isupper() and words[-1][:1].isupper()):
        return False
    return all(w[:1].isupper() or w in CONNECTORS or w[:1].isdigit() for w in words)


def leading_name(text: str) -> str:
    """The proper name a phrase starts with: "Paris on" -> "Paris"."""
    taken: list[str] = []
    for word in text.split()[:6]:
        if word[:1].isupper() or (taken and (word in CONNECTORS or word[:3] in {"al-", "el-"})):
            taken.append(word)
        else:
            break
    while taken and taken[-1] in CONNECTORS:
        taken.pop()
    return " ".join(taken).strip(" .;:")


def proper_run(text: str) -> str | None:
    """A name and the kind of place it is: "Bab al-Hadeed district blocks" -> "Bab
    al-Hadeed district"."""
    name = leading_name(text)
    if not name:
        return None
    rest = text[len(name) :].split()
    if rest and re.fullmatch(rules.LANDMARK_WORDS, rest[0].lower().strip(" .,")):
        return f"{name} {rest[0].strip(' .,')}"
    return name


def city_in(segment: str, anchor: Anchor) -> str | None:
    """A known city of the anchor's country named in a part without a preposition."""
    runs = re.findall(r"[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,3}", segment)
    for run in reversed(runs):
        words = run.split()
        for k in range(len(words)):
            candidate = " ".join(words[k:])
            if lookup(candidate, anchor) is not None:
                return candidate
    return None


def ending_city(description: str, anchor: Anchor) -> str | None:
    """ "as they leave Tapachula": a known city that ends a description, unless the
    description is a route ("the road between Baghdad and Tikrit")."""
    match = re.search(
        r"(?:^|\s)(\S+)\s+([A-Z][\w'-]*(?:\s+(?:al\s+|el\s+)?[A-Z][\w'-]*){0,3})"
        r"(\s+(?:town|village))?$",
        description,
    )
    if match is None or match.group(1).lower() in _DESCRIPTIVE_BEFORE:
        return None
    if match.group(3):  # "as they flee Ras al Ain town": the caption says it is a town
        return match.group(2)
    return match.group(2) if lookup(match.group(2), anchor) is not None else None


def lookup(city: str, anchor: Anchor) -> gazetteer.GeoPlace | None:
    if anchor.state_code is not None:
        found = gazetteer.lookup_place(city, region=anchor.state_code)
        if found is None and anchor.text == "Georgia":
            return gazetteer.lookup_place(city, country="GE")
        return found
    return gazetteer.lookup_place(city, country=anchor.country_code)


def big_city(name: str) -> gazetteer.GeoPlace | None:
    """A city well known enough to stand alone in a dateline."""
    if gazetteer.fold(name) in _AP_US:
        return gazetteer.lookup_place(name, country="US")
    return gazetteer.capital_or_big_city(name)


def display(city: str) -> str:
    """City as written, but "KABUL" (an article dateline) as "Kabul"."""
    return city.title() if city.isupper() and len(city) > 3 else city


def city_of(phrase: str, anchor: Anchor | None) -> tuple[str | None, str | None]:
    """(city, sublocation) of a place phrase: a name, "eastern Mosul", "the city of
    Aleppo", "Liuzhou City", "Aleppo's Bab al-Hadeed district", or a description."""
    owned = _owned(phrase, anchor)
    if owned is not None:
        return owned
    suffix = rules.CITY_SUFFIX.pattern.match(phrase)
    if is_proper(phrase) or (suffix is not None and is_proper(suffix.group("city"))):
        return _suffixed(phrase, anchor), None
    bare = DIRECTIONS_RE.sub("", phrase)  # "eastern Mosul" is still Mosul
    if bare != phrase and is_proper(bare):
        return bare, None
    named = rules.NAMED_PLACE.pattern.search(phrase)  # "a road leading to the city of X"
    if named is not None and named.group("kind") not in rules.ADMIN_KINDS | {"island"}:
        return named.group("city"), None if named.start() == 0 else phrase
    if anchor is not None and (city := ending_city(phrase, anchor)) is not None:
        return city, None
    return None, phrase


def _suffixed(name: str, anchor: Anchor | None) -> str:
    match = rules.CITY_SUFFIX.pattern.match(name)
    if match is None:
        return name
    if match.group("word"):
        return match.group("city")  # "Los Loros town"
    if anchor is not None and lookup(name, anchor) is None and lookup(match.group("city"), anchor):
        return match.group("city")  # "Liuzhou City"
    return name


def _owned(phrase: str, anchor: Anchor | None) -> tuple[str | None, str | None] | None:
    """ "Aleppo's Bab al-Hadeed district": the city and what of it."""
    match = rules.POSSESSIVE_PLACE.pattern.search(phrase)
    if match is None or anchor is None:
        return None
    owner = match.group("owner")
    if lookup(owner, anchor) is None:
        return None
    return owner, proper_run(match.group("rest"))


def landmark(segment: str, city: str) -> str | None:
    """ "at Tahrir Square in Cairo": the square, as a sublocation of the city."""
    at = segment.rfind(city)
    if at <= 0:
        return None
    match = rules.LANDMARK.pattern.search(segment[max(0, at - 100) : at])
    if match is None:
        return None
    return (match.group("led") or match.group("named")).strip()


def location(
    name: str, city: str | None, sublocation: str | None, region: str | None, anchor: Anchor
) -> Location:
    place = lookup(city, anchor) if city else None
    country, code = anchor.country, anchor.country_code
    if place is not None and place.country_code != code:  # "Tbilisi, Georgia"
        country, code = place.country, place.country_code
    state = anchor.state if code == "US" else None
    return Location(
        name=name,
        sublocation=sublocation,
        city=display(city) if city else None,
        region=region or state or (place.region if place else None),
        country=country,
        country_code=code,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        source=COORD_SOURCE if place else SOURCE,
    )


def big_location(name: str, city: str, place: gazetteer.GeoPlace, sub: str | None) -> Location:
    """A well-known city named alone ("in Paris"), placed by the gazetteer."""
    return Location(
        name=name,
        sublocation=sub,
        city=display(city),
        region=place.region,
        country=place.country,
        country_code=place.country_code,
        lat=place.lat,
        lon=place.lon,
        source=COORD_SOURCE,
    )
