# SPDX-License-Identifier: GPL-3.0-or-later
"""The declared shapes the place reader knows, each with its reason.

``places`` walks a caption's dateline phrase back from its country or state;
these patterns decide what it may skip, what is a region, what is a landmark
inside a city, and which places belong to another story (a hometown, where
something else began).  They live apart so that the list can be read, and
extended, on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DIRECTION = (
    r"(?:north|south|east|west|central|northeast|northwest|southeast|southwest)"
    r"(?:ern)?|(?:north|south)-?(?:east|west)(?:ern)?|upper|lower|far"
)


@dataclass(frozen=True)
class PlaceRule:
    name: str
    pattern: re.Pattern[str]
    reason: str


def _rule(name: str, pattern: str, reason: str, flags: int = 0) -> PlaceRule:
    return PlaceRule(name, re.compile(pattern, flags), reason)


DISTANCE = _rule(
    "distance",
    r"^(?:about|some|nearly|roughly|around|more than|less than)?\s*[\d,.]+\s*"
    r"(?:miles?|kilometers?|kilometres?|kms?|mi|nautical miles?)\s+(?:\w+\s+)?"
    rf"(?:{DIRECTION})\s+of\s+(?:the\s+)?[A-Z]",
    '"80 miles north of Baghdad" places the scene; it is not the scene',
)
RELATIVE = _rule(
    "relative",
    r"^(?:on\s+the\s+outskirts\s+of|(?:just\s+)?(?:outside|near|off)|close\s+to|"
    rf"not\s+far\s+from|(?:{DIRECTION})\s+of)\s+(?:the\s+)?[A-Z]",
    '"in Sesena, south of Madrid, Spain" and "in X, on the outskirts of Y": the place is '
    "X; Y only says where X is",
)
REGION = _rule(
    "region",
    r"^(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4}\s+(?:province|governorate|region|"
    r"state|district|county|prefecture|oblast|department|municipality|territory|Province|"
    r"Governorate|Region|State|District|County|Prefecture|Oblast)$",
    '"Bagram, Parwan province, Afghanistan": a province or governorate between city and '
    "country is the region",
)
POSSESSIVE_REGION = _rule(
    "possessive-region",
    rf"^(?:(?:{DIRECTION})\s+)?(?P<country>[A-Z][\w ]{{1,30}}?)'s\s+"
    r"(?P<region>[A-Z][\w'’ -]{1,60}?)$",
    'Xinhua writes the chain "X County of Y, southwest China\'s Z Region": Z is the region',
)
LEADING_DIRECTION = _rule(
    "leading-direction",
    rf"^(?:the\s+)?(?:{DIRECTION})\s+(?=[A-Za-z])",
    '"in Dohuk, northern Iraq", "in Southern Iraq": a direction before the country or a city '
    'does not change it (tried only after the whole name, so "South Sudan" stays whole)',
    re.IGNORECASE,
)
CITY_SUFFIX = _rule(
    "city-suffix",
    r"^(?P<city>.+?)\s+(?:(?P<word>town|village)|City|Town)$",
    '"Los Loros town": the word is not the name; "Liuzhou City": GeoNames names the city '
    'without it (but "Gaza City" keeps it, so the capitalised word goes only when the '
    "gazetteer says so)",
)
ADMIN_KINDS = frozenset(
    ("province", "region", "state", "governorate", "district", "county", "prefecture")
)
NAMED_PLACE = _rule(
    "named-place",
    r"\b(?:the\s+)?(?P<qual>(?:[\w'’.-]+\s+){0,3}?)(?P<kind>city\s+cent(?:re|er)|city|town|village|"
    r"capital|community|municipality|suburb|settlement|neighbou?rhood|port|streets|heart|"
    r"centre|center|outskirts|province|region|state|governorate|district|island)\s+of\s+"
    r"(?P<city>[A-Z][\w'’-]*(?:\s+(?:(?:al|el|de|del|la|of)\s+)?(?:(?:al|el)-)?[A-Z][\w'’-]*){0,3})",
    '"on a road leading to the city of X", "the rebel-held city of X", "the West Bank village '
    'of X" (the qualifier may name the country), "the Afghanistan province of X" (a region)',
)
IN_COUNTRY = _rule(
    "in-country",
    rf"^(?P<place>.{{0,300}}\S)\s+in\s+(?:the\s+)?(?P<anchor>(?:(?:{DIRECTION})\s+)?"
    r"[A-Z][\w.' -]+)$",
    '"near the city of X in southern COUNTRY", "leave Basra in southern Iraq": no comma '
    "before the country",
)
POSSESSIVE_PLACE = _rule(
    "possessive-place",
    rf"(?:^|\s)(?:the\s+)?(?:(?:{DIRECTION})\s+)?(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)"
    r"{0,3}?)(?:'s|(?<=s)')\s+(?P<rest>\S.*)$",
    '"Aleppo\'s Bab al-Hadeed district", "central Baghdad\'s Firdaus Square", "New Orleans\' '
    'French Quarter": the city owns the sublocation; "Syria\'s ancient caravan city of '
    'Palmyra": the country owns the city',
)
LANDMARK_WORDS = (
    r"camp|square|market|stadium|airport|hospital|mosque|church|cathedral|temple|palace|base|"
    r"bridge|university|park|crossing|prison|district|neighborhood|neighbourhood|beach|center|"
    r"centre|house|museum|hall|arena|street|avenue|quarter|zoo|gardens?|station|gate|port|"
    r"harbou?r|conservancy|plaza|monument|memorial|theat(?:er|re)|club|compound"
)
ELSEWHERE = _rule(
    "elsewhere",
    r"\b(?:(?:native|natives|resident|residents|hometown)\s+of|born\s+(?:\w+\s+){0,2}?in|"
    r"raised\s+in|grew\s+up\s+in|(?:started|began|originated|founded)\s+(?:\w+\s+){0,3}?in|"
    r"(?:hails|moved|fled|emigrated)\s+from)\s+[^,|]*$",
    '"a native of X" and "which started in CITY, STATE" name another story\'s place',
)
_PROPER_RUN = r"[A-Z][\w'’.-]*(?:\s+(?:(?:of|de|des|du|la|al|the|and)\s+)*[A-Z0-9][\w'’.-]*){0,6}"
LANDMARK = _rule(
    "landmark",
    rf"(?:\b(?:at|in|on|inside|outside|near|atop|of|from)\s+(?:the\s+)?(?P<led>{_PROPER_RUN}"
    rf"(?:\s+(?:refugee\s+)?(?:{LANDMARK_WORDS}))?)|(?<![\w'’.-])(?P<named>{_PROPER_RUN}\s+"
    rf"(?:refugee\s+)?(?i:{LANDMARK_WORDS})))\s+(?:in|near|outside)\s+$",
    '"at Tahrir Square in Cairo", "in the Zaatari refugee camp near Mafraq", "the burning '
    'Notre Dame Cathedral in Paris": the square, the camp or the building is a sublocation '
    "of the city (a run of names without such a word counts only after at/in/of)",
)
GETTY_DATELINE = _rule(
    "getty-dateline",
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Z.'’ -]{1,40}){0,2})\s*[-–—]\s*"
    r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Z]*\.?\s+\d{1,2}(?:,?\s*\d{4})?\s*:",
    'Getty opens with "CITY, COUNTRY - MARCH 30:" in capitals',
)

RULES: tuple[PlaceRule, ...] = (
    DISTANCE,
    RELATIVE,
    REGION,
    POSSESSIVE_REGION,
    LEADING_DIRECTION,
    CITY_SUFFIX,
    NAMED_PLACE,
    IN_COUNTRY,
    POSSESSIVE_PLACE,
    ELSEWHERE,
    LANDMARK,
    GETTY_DATELINE,
)
