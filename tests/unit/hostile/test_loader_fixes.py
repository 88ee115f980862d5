# SPDX-License-Identifier: GPL-3.0-or-later
"""One focused test per fix the hostile corpus led to in the loaders."""

from __future__ import annotations

from pathlib import Path

import pytest

from gallery_app.core import textdecode
from gallery_app.core.metadata import exif, xmp
from gallery_app.core.metadata.reader import read_metadata
from tests.unit.hostile import corpus


def test_control_characters_are_not_text() -> None:
    assert textdecode.clean("\x04") is None
    assert textdecode.clean("Dee\x00\x00\x1b[31m") == "Dee  [31m"
    assert textdecode.clean("line one\nline two\tend") == "line one\nline two\tend"


def test_entity_declarations_in_xmp_give_a_plain_sentence() -> None:
    bomb = corpus._lol_doctype() + '<meta xmlns:dc="http://purl.org/dc/elements/1.1/"/>'
    with pytest.raises(xmp.XmpError) as caught:
        xmp.parse_packet(bomb.encode())
    assert "entities" in str(caught.value)
    assert "Forbidden(" not in str(caught.value)


def test_unidentified_image_names_no_file_object(tmp_path: Path) -> None:
    case = corpus.heic_garbage(tmp_path)
    warnings = " ".join(read_metadata(case.path).warnings)
    assert "phone.heic" in warnings
    assert "BufferedReader" not in warnings


@pytest.mark.filterwarnings("ignore:Tag data larger than file:UserWarning")
@pytest.mark.parametrize(
    ("build", "why", "kept"),
    [
        (corpus.exif_offset_past_end, "ImageDescription points past its end", ("creator", "Ann")),
        (corpus.exif_huge_count, "ImageDescription points past its end", ("creator", "Bea")),
        (corpus.exif_ifd_loop, "point back to one another", ("creator", "Cy")),
        (corpus.exif_bad_header, "does not start with a TIFF header", ("caption", corpus.READABLE)),
    ],
)
def test_damaged_exif_is_named_and_the_sound_tags_kept(
    tmp_path: Path, build: corpus.Builder, why: str, kept: tuple[str, str]
) -> None:
    case = build(tmp_path)
    meta = read_metadata(case.path)
    assert any(why in w and case.path.name in w for w in meta.warnings), meta.warnings
    assert getattr(meta, kept[0]) == kept[1]


def test_sound_exif_has_no_structure_problem(tmp_path: Path) -> None:
    from tests.imaging import exif_block

    block = exif_block(description="d", date_original="2015:03:30 10:00:00", gps=(33.3, 44.4))
    assert exif.structure_problem(block) is None
    assert exif.structure_problem(b"Exif\x00\x00" + block) is None


@pytest.mark.parametrize(
    ("build", "why", "kept"),
    [
        (corpus.iptc_random_bytes, "not IPTC datasets", "Hello"),
        (corpus.iptc_resource_overrun, "claims more bytes", corpus.READABLE),
    ],
)
def test_damaged_iptc_is_named_and_the_sound_datasets_kept(
    tmp_path: Path, build: corpus.Builder, why: str, kept: str
) -> None:
    case = build(tmp_path)
    meta = read_metadata(case.path)
    assert any("IPTC data" in w and why in w for w in meta.warnings), meta.warnings
    assert meta.caption == kept


def test_zero_padding_after_iptc_is_not_damage(tmp_path: Path) -> None:
    from tests.imaging import iptc_block, make_jpeg

    path = make_jpeg(tmp_path / "p.jpg", iptc=iptc_block({"caption": "Padded"}) + b"\x00" * 7)
    meta = read_metadata(path)
    assert meta.caption == "Padded"
    assert meta.warnings == ()


@pytest.mark.parametrize("build", [corpus.truncated_scan, corpus.truncated_png])
def test_a_file_cut_short_says_so_and_keeps_its_metadata(
    tmp_path: Path, build: corpus.Builder
) -> None:
    case = build(tmp_path)
    meta = read_metadata(case.path)
    assert any("cut short" in w for w in meta.warnings), meta.warnings
    for name, value in case.fields.items():
        assert getattr(meta, name) == value


def test_a_motion_photo_with_video_after_the_jpeg_is_not_cut_short(tmp_path: Path) -> None:
    from tests.imaging import make_jpeg, xmp_packet

    path = make_jpeg(
        tmp_path / "PXL_0001.MP.jpg",
        xmp=xmp_packet(extra="<GCamera:MotionPhoto>1</GCamera:MotionPhoto>"),
    )
    path.write_bytes(path.read_bytes() + b"\x00\x00\x00\x18ftypmp42" + bytes(70_000))
    assert not any("cut short" in w for w in read_metadata(path).warnings)


def test_a_broken_jpeg_gives_a_sentence_not_a_plugin_name(tmp_path: Path) -> None:
    path = tmp_path / "no-markers.jpg"
    path.write_bytes(b"\xff\xd8\xff" + bytes(50))  # a JPEG start, then nothing a decoder knows
    meta = read_metadata(path)
    assert meta.info.status.value == "unreadable"
    assert any("header is damaged" in w for w in meta.warnings), meta.warnings
    assert all("MPO" not in w for w in meta.warnings), meta.warnings


def test_a_real_multi_picture_file_still_opens(tmp_path: Path) -> None:
    from PIL import Image

    path = tmp_path / "two.mpo"
    first, second = Image.new("RGB", (16, 12), "red"), Image.new("RGB", (16, 12), "blue")
    first.save(path, "MPO", save_all=True, append_images=[second])
    renamed = path.rename(tmp_path / "two.jpg")
    meta = read_metadata(renamed)
    assert (meta.info.status.value, meta.info.width, meta.warnings) == ("ok", 16, ())


def test_a_1mb_caption_is_cut_for_display_with_a_warning(tmp_path: Path) -> None:
    from gallery_app.core.metadata.reader import MAX_TEXT_CHARS

    case = corpus.caption_1mb(tmp_path)
    meta = read_metadata(case.path)
    assert meta.caption is not None
    assert len(meta.caption) <= MAX_TEXT_CHARS + 1
    assert meta.caption.startswith("A long caption. A long caption.")
    assert any("1,048,575 characters long" in w for w in meta.warnings), meta.warnings


def test_a_name_that_is_not_utf8_is_read_and_warned_printably(tmp_path: Path) -> None:
    case = corpus.non_utf8_name(tmp_path)
    meta = read_metadata(case.path)
    assert meta.caption == corpus.READABLE
    assert "not valid UTF-8" in meta.warnings[0]
    assert "caf\ufffd \ufffd.jpg" in meta.warnings[0]
    for warning in meta.warnings:
        warning.encode("utf-8")  # no lone surrogates left for Qt, SQLite or JSON to choke on


def test_printable_leaves_good_text_alone() -> None:
    assert textdecode.printable("صورة ١.jpg") == "صورة ١.jpg"
    assert textdecode.printable("caf\udce9") == "caf\ufffd"
    assert textdecode.printable("odd \ud800 half") == "odd ? half"


@pytest.mark.filterwarnings("ignore:Tag data larger than file:UserWarning")
def test_a_tag_claiming_2_gib_costs_no_2_gib(tmp_path: Path) -> None:
    import tracemalloc

    case = corpus.exif_huge_count(tmp_path)
    tracemalloc.start()
    try:
        with case.path.open("rb") as fh:
            tags = exif.read_with_exifread(fh)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert tags.text.get("Artist") == "Bea"
    assert peak < 8 * 1024 * 1024, f"{peak / 1e6:.0f} MB"


def test_a_junk_date_is_quoted_short_and_on_one_line(tmp_path: Path) -> None:
    from tests.imaging import exif_block, make_jpeg

    junk = "2015:\n03:30 " + "9" * 5000
    path = make_jpeg(tmp_path / "d.jpg", exif=exif_block(date_original=junk))
    (warning,) = read_metadata(path).warnings
    assert "\n" not in warning and len(warning) < 300
    assert "“2015: 03:30 999" in warning
