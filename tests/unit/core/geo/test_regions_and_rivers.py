# SPDX-License-Identifier: GPL-3.0-or-later
"""Provinces and rivers ship with Dateline; a caption's province is found and drawn as itself."""

from __future__ import annotations

import gzip
import logging
from pathlib import Path

import pytest

from gallery_app.core.geo.layer import build_layer
from gallery_app.core.geo.marks import MarkKind, build_marks, mark_for
from gallery_app.core.geo.regions import Line, RegionSet, fold_region_name, load_regions
from gallery_app.core.geo.rivers import Rivers, load_rivers
from gallery_app.core.models import Entry, Location

TIKRIT = (43.67861, 34.61581)
BAGHDAD = (44.40088, 33.34058)


def _inside(lon: float, lat: float, rings: tuple[Line, ...]) -> bool:
    hit = False
    for ring in rings:
        for (ax, ay), (bx, by) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (ay > lat) != (by > lat) and lon < ax + (lat - ay) * (bx - ax) / (by - ay):
                hit = not hit
    return hit


def _entry(ident: str, loc: Location) -> Entry:
    return Entry(id=ident, position=int(ident), location=loc)


def test_every_country_has_its_first_level_regions() -> None:
    regions = load_regions()
    assert len(regions.countries) > 200
    assert sum(len(c.regions) for c in regions.countries) > 4000
    iraq = regions.country("IQ")
    assert iraq is not None and iraq is regions.country("irq")
    assert len(iraq.regions) == 18  # Iraq's eighteen governorates
    assert "Natural Earth" in regions.source


@pytest.mark.parametrize(
    ("caption_name", "found"),
    [
        ("Salahuddin province", "Sala ad-Din"),
        ("Salah ad Din", "Sala ad-Din"),
        ("the Anbar Governorate", "Al-Anbar"),
        ("Baghdad", "Baghdad"),
        ("Diyala province", "Diyala"),
    ],
)
def test_a_caption_province_finds_its_region(caption_name: str, found: str) -> None:
    region = load_regions().find("IQ", caption_name)
    assert region is not None and region.name == found


def test_of_two_regions_with_one_name_the_one_known_only_by_it_wins() -> None:
    regions = load_regions()
    parwan, panjshir = regions.find("AF", "Parwan province"), regions.find("AF", "Panjshir")
    assert parwan is not None and parwan.names == ("Parwan",)
    assert panjshir is not None and panjshir is not parwan and "Panjshir" in panjshir.names


def test_a_name_that_is_no_region_finds_none() -> None:
    regions = load_regions()
    assert regions.find("IQ", "Atlantis province") is None
    assert regions.find("IQ", "") is None
    assert regions.find(None, "Salahuddin") is None
    assert regions.find("XX", "Salahuddin") is None
    assert regions.find("CA", "Ont") is None  # too short to guess


def test_names_fold_without_kind_words_articles_or_accents() -> None:
    assert fold_region_name("the Al-Anbar Governorate") == "anbar"
    assert fold_region_name("Al-Qādisiyyah") == "qadisiyyah"
    assert fold_region_name("Karbala' province") == "karbala"


def test_the_province_outline_holds_its_town_and_its_label() -> None:
    sala = load_regions().find("IQ", "Salahuddin")
    assert sala is not None
    rings = sala.rings()
    assert rings and all(len(r) >= 4 for r in rings)
    assert _inside(*TIKRIT, rings)
    assert not _inside(*BAGHDAD, rings)
    assert _inside(*sala.label, rings)
    w, s, e, n = sala.box
    assert w <= TIKRIT[0] <= e and s <= TIKRIT[1] <= n


def test_borders_between_regions_come_in_two_levels_of_detail() -> None:
    iraq = load_regions().country("IQ")
    assert iraq is not None
    coarse, fine = iraq.borders(0), iraq.borders(1)
    assert coarse and len(coarse) == len(fine)
    assert sum(map(len, coarse)) < sum(map(len, fine))
    assert iraq.borders(1) is fine  # decoded once
    w, s, e, n = iraq.box
    assert all(w <= lon <= e and s <= lat <= n for line in fine for lon, lat in line)


def test_a_caption_naming_only_a_province_is_that_province() -> None:
    loc = Location(
        region="Salahuddin province", country="Iraq", country_code="IQ", source="caption"
    )
    mark = mark_for(_entry("1", loc))
    assert mark is not None and mark.kind is MarkKind.REGION and mark.point is None
    assert mark.province is not None and mark.province.name == "Sala ad-Din"
    assert mark.region_key == "IQ/Sala ad-Din"


def test_a_province_and_its_country_are_two_shapes() -> None:
    entries = [
        _entry("1", Location(region="Salahuddin", country_code="IQ", source="caption")),
        _entry("2", Location(region="Salah ad Din", country_code="IQ", source="IPTC")),
        _entry("3", Location(country="Iraq", source="caption")),
        _entry("4", Location(region="Nowhere", country_code="IQ", source="caption")),
    ]
    groups = {g.first.region_key: len(g.marks) for g in build_layer(build_marks(entries)).regions}
    assert groups == {"IQ/Sala ad-Din": 2, "IQ": 2}


def test_rivers_show_from_a_continent_zoom_and_run_through_iraq() -> None:
    rivers = load_rivers()
    assert rivers.lines(1.0) == ()
    coarse, fine = rivers.lines(3.5), rivers.lines(6.0)
    assert len(coarse) > 500 and len(fine) == len(coarse)
    near_tikrit = [
        line
        for line in fine
        if any(abs(lon - TIKRIT[0]) < 0.3 and abs(lat - TIKRIT[1]) < 0.3 for lon, lat in line)
    ]
    assert near_tikrit  # the Tigris
    assert "Natural Earth" in rivers.source


def test_damaged_files_give_empty_layers_and_a_sentence(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bad = tmp_path / "regions.json.gz"
    bad.write_bytes(gzip.compress(b'{"scale": 1000, "countries": [{"iso3": 1}]}'))
    caplog.set_level(logging.WARNING)
    assert load_regions(bad) == RegionSet()
    assert "regions could not be read" in caplog.text
    torn = tmp_path / "rivers.json.gz"
    torn.write_bytes(gzip.compress(b"{not json")[:20])
    assert load_rivers(torn) == Rivers()
    assert "rivers could not be read" in caplog.text
