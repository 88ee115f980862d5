# SPDX-License-Identifier: GPL-3.0-or-later
"""A place named without its country: "in Paris", "in Mosul", "in Bucha, outside Kyiv".

Only a name well known enough to stand alone is taken (a national capital, a
city of half a million people, one of AP's stand-alone US cities, a country),
so that a capitalised word such as "Reading" is not taken for a place.  Two
shapes bring a smaller place in: a relative phrase after it that names a
known place ("in Chadoora, on the outskirts of Srinagar": Chadoora, in
India, and never Srinagar itself), and a qualifier or owner that is a country
("the West Bank village of Madama", "Syria's ancient caravan city of Palmyra").
"""

from __future__ import annotations

import re

from gallery_app.core.captions import gazetteer
from gallery_app.core.captions import place_names as names
from gallery_app.core.captions import place_rules as rules
from gallery_app.core.models import Location

_HAS_PREP_RE = re.compile(rf"\b(?:{names.PREPOSITIONS})\s")
_MAX_PHRASES = 8
_CAPITAL_RE = re.compile(r"^(?:the\s+)?([A-Z][\w ]{1,30}?)'s\s+capital(?:\s+city)?$")


def standalone(sentence: str) -> Location | None:
    """The first well-known city of a sentence whose parts name no country, else
    the first country ("the top U.S. diplomat in Ukraine, ... in Washington")."""
    fallback: Location | None = None
    for chunk in sentence.split("|"):
        segments = [s.strip() for s in chunk.split(",")]
        for k, segment in enumerate(segments):
            if rules.ELSEWHERE.pattern.search(segment):
                continue
            following = segments[k + 1] if k + 1 < len(segments) else ""
            found = _in_segment(segment, following)
            if found is None and k and _HAS_PREP_RE.search(segments[k - 1]):
                found = _opening_city(segment)  # "..., at Heathrow Airport, west London on"
            if found is not None and found.city:
                return found
            fallback = fallback or found
    return fallback


def _in_segment(segment: str, following: str) -> Location | None:
    """The phrases after each place preposition, last first."""
    starts = [m.end() for m in names.PREP_RE.finditer(segment)]
    for start in reversed(starts[-_MAX_PHRASES:]):  # bounded: a caption, not a book
        phrase = segment[start : start + 200].strip(" .;:")
        found = _phrase(phrase, segment, following)
        if found is not None:
            return found
    return None


def _phrase(phrase: str, segment: str, following: str) -> Location | None:
    owned = _owned(phrase)
    if owned is not None:
        capital = _CAPITAL_RE.match(phrase)  # "in Cameroon's capital, Yaounde, wait"
        name = names.leading_name(following)
        if capital and owned.country_code and name:
            anchor = names.Anchor(capital.group(1), owned.country_code, owned.country or "")
            return names.location(f"{phrase}, {name}", name, None, None, anchor)
        return owned
    named = rules.NAMED_PLACE.pattern.search(phrase)
    if named is not None:
        found = _named(phrase, named)
        if found is not None:
            return found
    bare = names.leading_name(names.DIRECTIONS_RE.sub("", phrase))
    if not bare:
        return None
    written = phrase[: phrase.index(bare) + len(bare)]
    code = gazetteer.country_code(bare) if len(bare) > 2 else None
    if code is not None:
        country = gazetteer.country_name(code) or bare
        return Location(name=written, country=country, country_code=code, source=names.SOURCE)
    near = _near(bare, written, following)
    if near is not None:
        return near
    place = names.big_city(bare)
    if place is None:
        return None
    return names.big_location(written, bare, place, names.landmark(segment, bare))


def _near(name: str, written: str, following: str) -> Location | None:
    """ "in Bucha, outside Kyiv": Bucha, in the country of the place it is near."""
    if not rules.RELATIVE.pattern.match(following):
        return None
    code = _country_of(re.sub(r"^\S+(?:\s+(?:the\s+)?(?:outskirts\s+)?of)?\s+", "", following))
    if code is None:
        return None
    anchor = names.Anchor(following, code, gazetteer.country_name(code) or code)
    return names.location(f"{written}, {following}", name, None, None, anchor)


def _country_of(reference: str) -> str | None:
    """The country of "Kyiv", "the city of Srinagar" or "Somalia's capital Mogadishu"."""
    owner = rules.POSSESSIVE_PLACE.pattern.match(reference)
    if owner is not None:
        code = gazetteer.country_code(owner.group("owner"))
        if code is not None:
            return code
        reference = owner.group("owner")
    place = names.big_city(names.leading_name(reference))
    return place.country_code if place is not None else None


def _owned(phrase: str) -> Location | None:
    """ "central Baghdad's Firdaus Square", "Syria's ancient caravan city of Palmyra"."""
    match = rules.POSSESSIVE_PLACE.pattern.search(phrase)
    if match is None:
        return None
    owner, rest = match.group("owner"), match.group("rest")
    code = gazetteer.country_code(owner)
    if code is not None:  # "Syria's ancient caravan city of Palmyra", "China's Guizhou"
        anchor = names.Anchor(owner, code, gazetteer.country_name(code) or owner)
        named = rules.NAMED_PLACE.pattern.search(rest)
        if named is None or named.group("kind") in rules.ADMIN_KINDS:
            return names.location(phrase, None, None, None, anchor)
        return names.location(phrase, named.group("city"), None, None, anchor)
    place = names.big_city(owner)
    if place is None:
        return None
    return names.big_location(phrase, owner, place, names.proper_run(rest))


def _named(phrase: str, named: re.Match[str]) -> Location | None:
    """ "the West Bank village of Madama": a qualifier that is a country places it."""
    qualifier = named.group("qual").strip()
    code = gazetteer.country_code(qualifier) if qualifier[:1].isupper() else None
    if code is None:  # "the western U.S. state of Utah"
        qualifier = names.DIRECTIONS_RE.sub("", qualifier)
        code = gazetteer.country_code(qualifier) if qualifier[:1].isupper() else None
    if code is None:  # "the Syrian Kurdish town of Ras al-Ain"
        code = next(filter(None, map(gazetteer.demonym_country, qualifier.split())), None)
    city = named.group("city")
    if code is not None:
        anchor = names.Anchor(qualifier, code, gazetteer.country_name(code) or qualifier)
        if named.group("kind") in rules.ADMIN_KINDS:
            return names.location(phrase, None, None, city, anchor)
        return names.location(phrase, city, None, None, anchor)
    place = names.big_city(city)
    if place is not None and named.group("kind") not in rules.ADMIN_KINDS:
        return names.big_location(phrase, city, place, None)
    if named.group("kind") in {"town", "village", "city"}:  # "the historic town of Jufureh"
        return Location(name=phrase, city=city, source=names.SOURCE)
    return None


def _opening_city(segment: str) -> Location | None:
    bare = names.leading_name(names.DIRECTIONS_RE.sub("", segment))
    place = names.big_city(bare) if bare else None
    if place is None:
        return None
    return names.big_location(segment[: segment.index(bare) + len(bare)], bare, place, None)
