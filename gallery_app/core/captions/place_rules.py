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
    r"(?:miles?|kilometers?|kilometres?|km|mi|nautical miles?)\s+(?:\w+\s+)?"
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
    rf"^(?:the\s+)?(?:{DIRECTION})\s+(?=[A-Z])",
    '"in Dohuk, northern Iraq": a direction before the country or a city does not change it',
)
CITY_SUFFIX = _rule(
    "city-suffix",
    r"^(?P<city>.+?)\s+(?:City|city|Town|town)$",
    '"Liuzhou City": GeoNames names the city without the word',
)
NAMED_PLACE = _rule(
    "named-place",
    r"\bthe\s+(?:city|town|village|capital|port\s+city|border\s+town|holy\s+city)\s+of\s+"
    r"(?P<city>[A-Z][\w'’-]*(?:\s+(?:al|el|de|of)?\s*[A-Z][\w'’-]*){0,3})",
    '"on a road leading to the city of X", "near the city of X": X is the city',
)
IN_COUNTRY = _rule(
    "in-country",
    rf"^(?P<place>.*\S)\s+in\s+(?P<anchor>(?:the\s+)?(?:(?:{DIRECTION})\s+)?[A-Z][\w.' -]+)$",
    '"near the city of X in southern COUNTRY" has no comma before the country',
    re.IGNORECASE,
)
ELSEWHERE = _rule(
    "elsewhere",
    r"\b(?:(?:native|natives|resident|residents|hometown)\s+of|born\s+(?:\w+\s+){0,2}?in|"
    r"raised\s+in|grew\s+up\s+in|(?:started|began|originated|founded)\s+(?:\w+\s+){0,3}?in|"
    r"(?:hails|moved|fled|emigrated)\s+from)\s+[^,|]*$",
    '"a native of X" and "which started in CITY, STATE" name another story\'s place',
)
LANDMARK = _rule(
    "landmark",
    r"(?:^|\b(?:at|in|on|inside|outside|near|atop|from)\s+)(?:the\s+)?"
    r"(?P<landmark>[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?|de\s+|al-?)?[A-Z0-9][\w'’.-]*){0,6}"
    r"(?:\s+(?:refugee\s+|displacement\s+|migrant\s+)?(?:camp|square|market|stadium|"
    r"airport|hospital|mosque|church|palace|base|bridge|university|park|border\s+crossing|"
    r"crossing|prison|district|neighborhood|neighbourhood))?)\s+(?:in|near|outside|of)\s+$",
    '"at Tahrir Square in Cairo", "in the Zaatari refugee camp near Mafraq": the square or '
    "the camp is a sublocation of the city",
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
    ELSEWHERE,
    LANDMARK,
    GETTY_DATELINE,
)
