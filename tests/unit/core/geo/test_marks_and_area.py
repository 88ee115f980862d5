# SPDX-License-Identifier: GPL-3.0-or-later
"""Where a mark comes from decides its shape; a stretch is a segment, a country an area."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from gallery_app.core.gallery.manifest import load_manifest
from gallery_app.core.gallery.query import EntryFilter, filter_entries
from gallery_app.core.geo.area import GeoArea, entry_in_area
from gallery_app.core.geo.basemap import Basemap, detail_for, load_basemap
from gallery_app.core.geo.layer import build_layer
from gallery_app.core.geo.marks import (
    MarkKind,
    build_marks,
    is_template_text,
    mark_for,
    stretch_ends,
)
from gallery_app.core.models import Entry, Location
from gallery_app.core.paths import bundled_gallery_path

GPS = Location(city="Tikrit", lat=34.61581, lon=43.67861, source="EXIF GPS")


def _entry(ident: str, loc: Location | None, caption: str = "") -> Entry:
    return Entry(
        id=ident, position=int(ident) if ident.isdigit() else 1, location=loc, caption=caption
    )


def test_file_gps_is_a_pin_and_a_caption_place_a_ring() -> None:
    gps = mark_for(_entry("1", GPS))
    ring = mark_for(
        _entry(
            "2",
            Location(city="Tikrit", lat=34.6, lon=43.7, source="caption; coordinates: GeoNames"),
        )
    )
    assert gps is not None and gps.kind is MarkKind.GPS
    assert ring is not None and ring.kind is MarkKind.GAZETTEER


def test_between_two_places_is_a_stretch_of_two_gazetteer_points() -> None:
    ends = stretch_ends("the main road between Baghdad and Tikrit", "IQ")
    assert ends is not None
    assert [e.name for e in ends] == ["Baghdad", "Tikrit"]
    assert ends[0].lat == pytest.approx(33.34, abs=0.05)


def test_a_between_with_an_unknown_place_is_not_a_stretch() -> None:
    assert stretch_ends("the road between Baghdad and Xqzzyville", "IQ") is None
    assert stretch_ends("the main road north of Baghdad", "IQ") is None


def test_a_country_only_place_is_a_region_never_a_pin() -> None:
    mark = mark_for(
        _entry(
            "3", Location(name="northern Iraq", country="Iraq", country_code="IQ", source="caption")
        )
    )
    assert mark is not None
    assert mark.kind is MarkKind.REGION and mark.point is None and mark.region_code == "IQ"


def test_a_province_keeps_its_name_on_the_region() -> None:
    loc = Location(region="Salahuddin", country="Iraq", country_code="IQ", source="IPTC")
    mark = mark_for(_entry("4", loc))
    assert mark is not None and mark.kind is MarkKind.REGION and mark.region_name == "Salahuddin"


def test_no_place_no_mark() -> None:
    assert mark_for(_entry("5", None)) is None
    assert mark_for(_entry("6", Location(sublocation="a field"))) is None


def test_gps_far_from_the_caption_place_is_a_disagreement_with_its_distance() -> None:
    caption = (
        "Iraqi forces in Tikrit, 80 miles north of Baghdad, Iraq, Friday, April 3, 2015. (AP Photo)"
    )
    paris = Location(lat=48.8566, lon=2.3522, source="EXIF GPS")
    (far,) = build_marks([_entry("7", paris, caption)])
    assert far.disagreement is not None
    assert far.disagreement.caption_place.name == "Tikrit"
    assert 3650 < far.disagreement.km < 3800  # Paris to Tikrit
    (near,) = build_marks([_entry("8", GPS, caption)])
    assert near.disagreement is None


def test_bundled_gallery_is_nine_at_tikrit_and_two_on_the_road() -> None:
    gallery = load_manifest(bundled_gallery_path())
    layer = build_layer(build_marks(gallery.entries))
    assert len(layer.pins) == 9 and {m.kind for m in layer.pins} == {MarkKind.GAZETTEER}
    (road,) = layer.stretches
    assert len(road.marks) == 2 and road.first.label == "the main road between Baghdad and Tikrit"
    assert len(layer.index.level(6)) == 1 and layer.index.level(6).cluster(0).count == 9


def test_area_filter_takes_points_and_stretch_ends() -> None:
    gallery = load_manifest(bundled_gallery_path())
    around_baghdad = GeoArea.spanning(44.0, 33.0, 44.8, 33.6)
    shown = filter_entries(gallery.entries, EntryFilter(area=around_baghdad))
    assert [e.id for e in shown] == ["07", "10"]  # the road ends in Baghdad
    around_tikrit = GeoArea.spanning(43.4, 34.4, 43.9, 34.8)
    assert len(filter_entries(gallery.entries, EntryFilter(area=around_tikrit))) == 11
    both = EntryFilter(
        date_from=dt.date(2015, 4, 3), date_to=dt.date(2015, 4, 3), area=around_baghdad
    )
    assert [e.id for e in filter_entries(gallery.entries, both)] == ["07", "10"]
    assert not EntryFilter(area=around_baghdad).is_empty


def test_a_region_is_never_inside_an_area() -> None:
    region = _entry("9", Location(country="Iraq", country_code="IQ", source="caption"))
    assert not entry_in_area(region, GeoArea(-180, -85, 180, 85))


def test_area_describes_itself() -> None:
    assert GeoArea(42.0, 33.1, 45.1, 35.2).describe() == "33.10° N – 35.20° N, 42.00° E – 45.10° E"
    assert "W" in GeoArea(-74.1, 40.6, -73.8, 40.9).describe()


def test_bundled_basemap_has_iraq_at_three_levels_of_detail() -> None:
    basemap = load_basemap()
    iraq = basemap.country("IQ")
    assert iraq is not None and iraq is basemap.country("IRQ") and iraq.name == "Iraq"
    sizes = [sum(len(r) for r in level) for level in iraq.levels]
    assert sizes[0] <= sizes[1] <= sizes[2] and sizes[0] >= 4
    lon, lat = iraq.levels[-1][0][0]
    assert 38 < lon < 49 and 29 < lat < 38
    assert any(c.name == "Baghdad" for c in basemap.cities)
    assert basemap.lakes
    assert (detail_for(1), detail_for(4), detail_for(8)) == (0, 1, 2)


def test_damaged_basemap_gives_an_empty_one(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    bad = tmp_path / "basemap.json.gz"
    bad.write_bytes(b"not gzip at all")
    assert load_basemap(bad) == Basemap()
    assert "could not be read" in caplog.text


def test_a_city_named_in_the_file_is_placed_by_the_gazetteer() -> None:
    loc = Location(city="Tikrit", country="Iraq", country_code="IQ", source="IPTC")
    mark = mark_for(_entry("10", loc))
    assert mark is not None and mark.kind is MarkKind.GAZETTEER and mark.point is not None
    assert mark.point.name == "Tikrit" and mark.point.lat == pytest.approx(34.6, abs=0.1)


def test_regions_of_one_country_make_one_shape() -> None:
    entries = [
        _entry("11", Location(region="Ont", country_code="CA", source="IPTC")),
        _entry("12", Location(region="BC", country_code="CA", source="IPTC")),
        _entry("13", Location(country="Canada", source="IPTC")),
    ]
    (canada,) = build_layer(build_marks(entries)).regions
    assert len(canada.marks) == 3 and canada.first.label == "Canada"


def test_a_templates_placeholder_place_is_no_place() -> None:
    template = Location(city="kingston", region="State", country="Country", country_code="COD")
    iptc_reference = Location(
        region="Province/State (Core) (ref2014)",
        country="Country (Core) (ref2014)",
        country_code="R14",
    )
    for loc in (template, iptc_reference):
        assert mark_for(Entry(id="t", position=1, location=loc)) is None
    real = Location(region="California", country="United States", country_code="US")
    mark = mark_for(Entry(id="c", position=1, location=real))
    assert mark is not None and mark.kind is MarkKind.REGION and mark.region_name == "California"
    assert is_template_text("Country") and not is_template_text("Statesboro")
