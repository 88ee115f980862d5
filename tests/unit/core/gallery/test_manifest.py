# SPDX-License-Identifier: GPL-3.0-or-later
"""Gallery manifests: the round trip, and one clear sentence for each kind of broken file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gallery_app.core.errors import ManifestError
from gallery_app.core.gallery.manifest import load_manifest, save_manifest
from gallery_app.core.models import (
    Article,
    ContextLink,
    Entry,
    Gallery,
    Location,
    Precision,
    TakenAt,
)


def _entry(**extra: object) -> dict[str, object]:
    item: dict[str, object] = {"id": "01", "position": 1, "caption": "A caption."}
    item.update(extra)
    return item


def _manifest(**extra: object) -> dict[str, object]:
    data: dict[str, object] = {"version": 1, "title": "T", "entries": [_entry()]}
    data.update(extra)
    return data


def _write(tmp_path: Path, content: bytes | str | object) -> Path:
    path = tmp_path / "gallery.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_text(json.dumps(content), encoding="utf-8")
    return path


def test_round_trip_keeps_every_field(tmp_path: Path) -> None:
    (tmp_path / "img").mkdir()
    photo = tmp_path / "img" / "a.jpg"
    photo.write_bytes(b"x")
    gallery = Gallery(
        title="Fighting In Iraq",
        id="fii",
        article=Article(
            headline="H", standfirst="S", paragraphs=("p0", "p1"), gallery_index=2, url=None
        ),
        entries=(
            Entry(
                id="01",
                position=1,
                image=photo,
                caption="Cap <b>bold</b>",
                taken=TakenAt(dt.datetime(2015, 3, 30), Precision.DAY, "caption"),
                location=Location(
                    name="Tikrit",
                    city="Tikrit",
                    country="Iraq",
                    country_code="IQ",
                    lat=34.6,
                    lon=43.68,
                    source="caption",
                ),
                creator="Khalid Mohammed",
                credit="AP",
                file_photo=True,
                context=ContextLink(2, (1, 0), "shares 'Iraq'"),
                warnings=("w",),
            ),
            Entry(id="02", position=2, caption="Undated"),
        ),
    )
    path = tmp_path / "gallery.json"
    save_manifest(gallery, path)
    loaded = load_manifest(path)
    assert loaded.title == "Fighting In Iraq"
    assert loaded.article == gallery.article
    first, second = loaded.entries
    assert first.image == photo.resolve()
    assert first.taken == gallery.entries[0].taken
    assert first.location == gallery.entries[0].location
    assert first.context == ContextLink(2, (1, 0), "shares 'Iraq'")
    assert (first.creator, first.credit, first.file_photo) == ("Khalid Mohammed", "AP", True)
    assert first.caption == "Cap <b>bold</b>"
    assert second.taken is None and second.image is None
    assert json.loads(path.read_text("utf-8"))["entries"][0]["image"] == "img/a.jpg"


@pytest.mark.parametrize(
    ("text", "precision", "offset", "iso"),
    [
        ("2015", Precision.YEAR, None, "2015"),
        ("2015-03", Precision.MONTH, None, "2015-03"),
        ("2015-03-30", Precision.DAY, None, "2015-03-30"),
        ("2015-03-30T14:05", Precision.MINUTE, None, "2015-03-30T14:05:00"),
        ("2015-03-30T14:05:09+03:00", Precision.SECOND, 180, "2015-03-30T14:05:09+03:00"),
        ("2015-03-30T14:05:09Z", Precision.SECOND, 0, "2015-03-30T14:05:09+00:00"),
    ],
)
def test_dates_keep_their_precision(
    tmp_path: Path, text: str, precision: Precision, offset: int | None, iso: str
) -> None:
    gallery = load_manifest(_write(tmp_path, _manifest(entries=[_entry(dateCreated=text)])))
    taken = gallery.entries[0].taken
    assert taken is not None
    assert (taken.precision, taken.utc_offset) == (precision, offset)
    assert taken.iso() == iso


@pytest.mark.parametrize("image", ["../outside.jpg", "/etc/passwd", "a/../../x.jpg", "C:\\x.jpg"])
def test_paths_leaving_the_folder_are_refused_for_that_entry_only(
    tmp_path: Path, image: str
) -> None:
    data = _manifest(entries=[_entry(image=image), _entry(id="02", position=2, image="ok.jpg")])
    gallery = load_manifest(_write(tmp_path, data))
    bad, good = gallery.entries
    assert bad.image is None
    assert any("leaves the gallery's folder" in w for w in bad.warnings)
    assert good.image == (tmp_path / "ok.jpg").resolve()


BROKEN: list[tuple[str, bytes | str | object, str]] = [
    ("empty file", b"", "empty"),
    ("whitespace only", b"   \n\t", "empty"),
    ("binary garbage", bytes(range(256)) * 4, "binary"),
    ("latin-1 bytes", '{"title": "caf\xe9"}'.encode("latin-1"), "not UTF-8"),
    ("truncated JSON", '{"version": 1, "title": "T", "entries": [', "line 1, column"),
    ("trailing comma", '{\n "version": 1,\n "title": "T",\n}', "line 4, column 1"),
    ("NaN constant", '{"version": 1, "title": "T", "entries": [], "x": NaN}', "invalid JSON"),
    ("top-level array", [], "not array"),
    ("top-level string", '"hello"', "not str"),
    ("no version", {"title": "T", "entries": []}, "“version” is missing"),
    ("future version", _manifest(version=7), "version 7 is not supported"),
    ("version as string", _manifest(version="1"), 'version "1" is not supported'),
    ("missing title", {"version": 1, "entries": []}, "'title' is missing"),
    ("missing entries", {"version": 1, "title": "T"}, "'entries' is missing"),
    ("entries not a list", _manifest(entries={}), "field entries: has the wrong type"),
    (
        "caption not a string",
        _manifest(entries=[_entry(caption=5)]),
        "field entries[0].caption: has the wrong type",
    ),
    ("entry without id", _manifest(entries=[{"caption": "c"}]), "entries[0]: 'id' is missing"),
    ("unknown field", _manifest(entries=[_entry(colour="red")]), "unknown field"),
    (
        "bad date",
        _manifest(entries=[_entry(dateCreated="30/03/2015")]),
        'entries[0].dateCreated: "30/03/2015" is not an ISO 8601 date',
    ),
    (
        "impossible date",
        _manifest(entries=[_entry(dateCreated="2015-13-45")]),
        "entries[0].dateCreated: “2015-13-45” is not a real calendar date",
    ),
    (
        "latitude out of range",
        _manifest(entries=[_entry(contentLocation={"latitude": 213.6})]),
        "entries[0].contentLocation",
    ),
    ("duplicate ids", _manifest(entries=[_entry(), _entry(position=2)]), "“01” is used twice"),
    ("position zero", _manifest(entries=[_entry(position=0)]), "entries[0].position"),
    ("deep nesting", "[" * 100_000 + "]" * 100_000, "nested"),
    (
        "huge caption",
        _manifest(entries=[_entry(caption="x" * 1_000_001)]),
        "entries[0].caption: is too long",
    ),
]


@pytest.mark.parametrize(("label", "content", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_broken_manifests_give_one_clear_sentence(
    tmp_path: Path, label: str, content: bytes | str | object, expected: str
) -> None:
    path = _write(tmp_path, content)
    with pytest.raises(ManifestError) as info:
        load_manifest(path)
    message = str(info.value)
    assert message.startswith("gallery.json"), message
    assert expected in message, message
    assert "\n" not in message and "Traceback" not in message


def test_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match=r"nope\.json: cannot be read"):
        load_manifest(tmp_path / "nope.json")


def test_absurd_size_is_refused_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("gallery_app.core.gallery.manifest.MAX_MANIFEST_BYTES", 100)
    path = _write(tmp_path, _manifest(title="x" * 200))
    with pytest.raises(ManifestError, match="at most"):
        load_manifest(path)


def test_save_is_atomic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "gallery.json"
    save_manifest(Gallery(title="A"), path)
    save_manifest(Gallery(title="B"), path)
    assert load_manifest(path).title == "B"
    assert [p.name for p in tmp_path.iterdir()] == ["gallery.json"]
