# SPDX-License-Identifier: GPL-3.0-or-later
"""Where a wire photo was taken, read from the caption's dateline phrase.

Wire captions end their first sentence with the place, most specific first:
"... in Tikrit, 80 miles north of Baghdad, Iraq, Friday, April 3, 2015." or
"... in Canton, Miss." or "... in Kabul, Afghanistan on Tuesday."  So the
parser looks, in the first two sentences, for a comma-separated part that is
a country or a US state (the *anchor*: "Iraq", "northern Iraq", "southwest
China's Guangxi Zhuang Autonomous Region"), then walks back: distances and
relative phrases ("80 miles north of Baghdad", "on the outskirts of Puebla"),
an optional region ("Parwan province"), then the phrase after the last place
preposition ("in", "at", "on"...).  That phrase is a city when it is a proper
name ("Tikrit"), a named place ("the rebel-held city of Donetsk"), a city
owning a sublocation ("Aleppo's Bab al-Hadeed district"), or a description
("the main road between Baghdad and Tikrit"), in which case no city and no
coordinates are claimed.  A landmark, camp or square before "in CITY" becomes
the sublocation.  Coordinates only ever come from the gazetteer.

Traps avoided: a hometown ("John Smith, of Toledo, Ohio,", "a native of X")
and another event's place ("which started in Phoenix, Arizona") are not the
scene; a party tag ("Sen. Dick Durbin, D-Ill.,") is not a place; a country
used as an adjective at the start ("U.S. first lady ...") is not an anchor.
With no anchor, ``place_alone`` takes a well-known name standing alone.  The
declared shapes, with their reasons, are in ``place_rules``.
"""

from __future__ import annotations

import functools
import re

from gallery_app.core.captions import gazetteer
from gallery_app.core.captions import place_names as names
from gallery_app.core.captions import place_rules as rules
from gallery_app.core.captions.dates import FULL_DATE_RE, MONTH_YEAR_RE, YEARLESS_DATE_RE
from gallery_app.core.captions.place_alone import standalone
from gallery_app.core.captions.place_names import Anchor, is_proper, lookup, tail
from gallery_app.core.captions.text import sentence_spans
from gallery_app.core.models import Location

SOURCE = names.SOURCE
COORD_SOURCE = names.COORD_SOURCE

_PARENS_RE = re.compile(r"\([^()]{0,300}\)")
_CLAUSE_BREAK_RE = re.compile(r"\s[-–—]+\s|:(?!\d)|;")
_OF_FROM_RE = re.compile(r"^(?:of|from)\s")
_WEEKDAY_RE = re.compile(
    r"\b(?:on\s+|early\s+|late\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"(?:\s+(?:morning|afternoon|evening|night))?\b"
)
# Getty puts the date between the venue and its city: "at Selhurst Park on March 11,
# 2023 in London"; the date goes so that the venue stays next to its city.
_ON_DATE_IN_RE = re.compile(r"\s+on\s+(?:" + FULL_DATE_RE.pattern + r")\s+(?=in\s)", re.IGNORECASE)
_STATE_OF_RE = re.compile(r"\b(?:state|province|region)\s+of\s+([A-Z][\w' .-]{1,40})$")
_AFTER_HOMETOWN_RE = re.compile(r"^\s*(?:resident|native|man|woman|teen|student)s?\b")


def find_place(text: str) -> Location | None:
    """The dateline place of the first sentences, or ``None``."""
    getty = rules.GETTY_DATELINE.pattern.match(text)
    if getty is not None:
        phrase = "in " + ", ".join(p.strip().title() for p in getty.group("place").split(","))
        location = _from_anchors(phrase) or standalone(phrase)
        if location is not None:
            return location
    for start, end in sentence_spans(text)[:2]:
        sentence = _scrub(text[start:end])
        location = _from_anchors(sentence) or standalone(sentence)
        if location is not None:
            return location
    return None


def _scrub(sentence: str) -> str:
    """Dates, weekdays, dashes and parentheses become hard stops ("|")."""
    sentence = _PARENS_RE.sub("|", sentence)
    sentence = _ON_DATE_IN_RE.sub(" ", sentence)  # Getty: "at X on March 30, 2015 in Y"
    sentence = FULL_DATE_RE.sub("|", sentence)
    sentence = YEARLESS_DATE_RE.sub("|", sentence)
    sentence = MONTH_YEAR_RE.sub("|", sentence)
    sentence = _CLAUSE_BREAK_RE.sub("|", sentence)  # "KABUL, Afghanistan - A boy"
    return _WEEKDAY_RE.sub("|", sentence)


def _from_anchors(sentence: str) -> Location | None:
    """The first anchored place with a city, else the first anchored place."""
    fallback: Location | None = None
    for chunk in sentence.split("|"):
        segments = _segments(chunk)
        for i, segment in enumerate(segments):
            anchor = _anchor(segment)
            if anchor is None or (i == 0 and anchor.text != segment.strip(" .")):
                continue  # "U.S. first lady ...": a country as an adjective
            following = segments[i + 1] if i + 1 < len(segments) else ""
            if _AFTER_HOMETOWN_RE.match(following):
                continue
            if _is_city(anchor) and _anchor(following) is not None:
                continue  # "Kowloon Tong, Hong Kong, China": the territory is the city
            if i and rules.ELSEWHERE.pattern.search(segments[i - 1]):
                continue  # "a native of Toledo, Ohio", "which started in Wuhan, China"
            location = _walk_back(segments[:i], anchor)
            if location is not None and location.city:
                return location
            fallback = fallback or location
    return fallback


def _segments(chunk: str) -> list[str]:
    """Comma parts, with "X in southern COUNTRY" split into "X" and the country."""
    parts = [s.strip() for s in chunk.split(",")]
    out: list[str] = []
    for k, part in enumerate(parts):
        split = rules.IN_COUNTRY.pattern.match(part)
        found = _anchor(split.group("anchor")) if split is not None else None
        if (
            split is not None
            and found is not None
            and found.state is None
            and found.text == split.group("anchor").strip(" .")
            and split.group("place").split()[-1][:1].isupper()  # "leave Basra in Iraq"
            and not rules.ELSEWHERE.pattern.search(split.group("place"))
            and not (k + 1 < len(parts) and _anchor(parts[k + 1]) and _is_city(found))
        ):
            out.extend([split.group("place"), split.group("anchor")])
        else:
            out.append(part)
    return out


def _is_city(anchor: Anchor) -> bool:
    """ "in Sham Shui Po in Hong Kong, China": a territory that is also a city."""
    return names.big_city(anchor.text) is not None


def _anchor(segment: str) -> Anchor | None:
    """A country or US state filling the start of a comma part ("Iraq a day after"),
    maybe after a direction ("northern Iraq") or as "China's Guangxi Region"."""
    possessive = rules.POSSESSIVE_REGION.pattern.match(segment.strip(" ."))
    if possessive is not None:
        found = _as_anchor(possessive.group("country"))
        if found is not None and found.state is None:
            region = possessive.group("region")
            return Anchor(segment.strip(" ."), found.country_code, found.country, region=region)
    direct = _head_anchor(segment)
    if direct is not None:
        return direct
    bare = names.DIRECTIONS_RE.sub("", segment)
    if bare == segment:
        return None
    found = _head_anchor(bare)
    if found is None or found.state is not None:
        return found
    state_of = _STATE_OF_RE.search(segment)  # "the western U.S. state of Utah"
    region = state_of.group(1).strip(" .") if state_of else None
    return Anchor(segment.strip(" ."), found.country_code, found.country, region=region)


def _head_anchor(segment: str) -> Anchor | None:
    words = segment.split()
    for n in range(min(len(words), 6), 0, -1):
        head = " ".join(words[:n])
        rest = words[n:]
        if rest and not (rest[0][:1].islower() or rest[0] == "|" or head.endswith(".")):
            continue  # "Georgia Tech" is not Georgia; "N.M. It's" ends a sentence
        for candidate in (head, head.rstrip(".")) if head.endswith(".") else (head,):
            found = _as_anchor(candidate)
            if found is not None:
                return found
    return None


@functools.lru_cache(maxsize=16384)
def _as_anchor(text: str) -> Anchor | None:
    """``text`` as a country or US state (the answer is frozen: the same words in the next
    caption, "Benchmark photo", "KABUL", are looked up once)."""
    if not text or not text[0].isupper():
        return None
    state = gazetteer.us_state(text)
    code = gazetteer.country_code(text) if len(text) > 2 else None
    if state is not None and (code is None or text.endswith(".") or text == "Georgia"):
        return Anchor(text, "US", "United States", state.code, state.name)
    if code is not None:
        if text.endswith(".") and "." not in text[:-1]:
            text = text[:-1]  # the sentence's full stop, not an abbreviation ("U.S.")
        return Anchor(text, code, gazetteer.country_name(code) or text)
    return None


def _walk_back(before: list[str], anchor: Anchor) -> Location | None:
    parts: list[str] = [anchor.text]
    j = len(before) - 1
    while j >= 0 and _skippable(before, j):
        parts.insert(0, before[j])
        j -= 1
    region = anchor.region
    if region is None and anchor.state is None and j >= 1 and tail(before[j - 1]):
        if _city_between(before[j - 1], before[j], anchor):  # "Parc des Princes, Paris, France"
            sub = tail(before[j - 1])
            name = ", ".join([before[j], *parts])
            return names.location(name, before[j], sub if sub and is_proper(sub) else None,
                                  None, anchor)  # fmt: skip
        as_region = tail(before[j]) or before[j]  # "in Turkana county"
        if is_proper(before[j]) or rules.REGION.pattern.match(as_region):
            region = as_region
            parts.insert(0, region)
            j -= 1
    if j < 0:
        return names.location(", ".join(parts), None, None, region, anchor)
    segment = before[j]
    if _OF_FROM_RE.match(segment):
        return None  # "John Smith, of Toledo, Ohio", "Husseinu, 20, from Dakar, Senegal"
    if rules.RELATIVE.pattern.match(segment):  # "..., south of Mosul, Iraq"
        return names.location(", ".join([segment, *parts]), None, segment, region, anchor)
    phrase = tail(segment)
    if phrase is not None and region is None and rules.REGION.pattern.match(phrase):
        return names.location(", ".join([phrase, *parts]), None, None, phrase, anchor)
    if phrase is not None:
        city, sublocation = names.city_of(phrase, anchor)
        if city is not None and sublocation is None:
            sublocation = names.landmark(segment, city)
        return names.location(", ".join([phrase, *parts]), city, sublocation, region, anchor)
    city = names.city_in(segment, anchor)
    if city is not None:
        return names.location(", ".join([city, *parts]), city, None, region, anchor)
    return names.location(", ".join(parts), None, None, region, anchor)


def _city_between(first: str, second: str, anchor: Anchor) -> bool:
    """ "Parc des Princes, Paris, France": the part before the country is the city."""
    before = tail(first)
    city = lookup(second, anchor) or names.big_city(second)  # "Kowloon Tong, Hong Kong, China"
    return is_proper(second) and city is not None and (before is None or not lookup(before, anchor))


def _skippable(before: list[str], j: int) -> bool:
    """A distance, or a relative phrase after a named place ("X, south of Y")."""
    if rules.DISTANCE.pattern.match(before[j]):
        return True
    if j >= 1 and rules.RELATIVE.pattern.match(before[j]):
        previous = tail(before[j - 1])
        if previous is not None and rules.REGION.pattern.match(previous):
            return True  # "in Turkana county, northwest of Nairobi, Kenya"
        return previous is not None and names.city_of(previous, None)[0] is not None
    return False
