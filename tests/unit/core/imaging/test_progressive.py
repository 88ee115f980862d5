# SPDX-License-Identifier: GPL-3.0-or-later
"""A progressive JPEG's 1/8-scale picture from its DC scans alone is the whole file's, exactly."""

from __future__ import annotations

import io

import pytest
from PIL import Image, ImageChops, features

from gallery_app.core.imaging import progressive
from tests.unit.photo_files import photo_like


def jpeg(image: Image.Image, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=90, **options)
    return out.getvalue()


def at_eighth(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        image.draft(image.mode, (image.width // 8, image.height // 8))
        image.load()
        return image.copy()


TURBO = bool(features.check_feature("libjpeg_turbo"))


@pytest.mark.parametrize(
    "mode, subsampling",
    [("RGB", 0), ("RGB", 1), ("RGB", 2), ("L", -1)],
    ids=["4:4:4", "4:2:2", "4:2:0", "gray"],
)
@pytest.mark.parametrize("turbo", [True, False], ids=["turbo-rule", "ijg-rule"])
def test_dc_stream_decodes_to_the_same_pixels(mode: str, subsampling: int, turbo: bool) -> None:
    if turbo and not TURBO:
        pytest.skip("Pillow's JPEG codec here is not libjpeg-turbo")
    options = {"subsampling": subsampling} if subsampling >= 0 else {}
    data = jpeg(photo_like((1203, 797), mode), progressive=True, **options)
    carved = progressive.dc_stream(data, turbo=turbo)
    assert carved is not None
    assert len(carved) < len(data) // 2  # the AC scans were most of the file
    expected, got = at_eighth(data), at_eighth(carved)
    assert got.size == expected.size == (151, 100)
    assert ImageChops.difference(got, expected).getbbox() is None


def test_restart_markers_and_metadata_are_kept() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    data = jpeg(photo_like((800, 600)), progressive=True, exif=exif, restart_marker_rows=2)
    carved = progressive.dc_stream(data)
    assert carved is not None
    with Image.open(io.BytesIO(carved)) as image:
        assert image.getexif()[0x0112] == 6
    assert ImageChops.difference(at_eighth(carved), at_eighth(data)).getbbox() is None


def test_what_it_does_not_rewrite() -> None:
    baseline = jpeg(photo_like((640, 480)))
    assert progressive.dc_stream(baseline) is None  # nothing to leave out
    assert progressive.dc_stream(b"not a jpeg") is None
    assert progressive.dc_stream(b"\xff\xd8\xff\xc2\x00") is None  # cut inside a header


def test_a_cut_file_still_gives_its_dc_picture() -> None:
    data = jpeg(photo_like((960, 720)), progressive=True)
    carved = progressive.dc_stream(data[: len(data) // 2])  # the DC scans come first
    assert carved is not None
    assert at_eighth(carved).size == (120, 90)


def test_end_of_band_runs_cover_any_number_of_blocks() -> None:
    for blocks in (1, 2, 3, 16_383, 32_767, 32_768, 100_001):
        assert _decode_runs(progressive._eob_runs(blocks)) == blocks


def _decode_runs(data: bytes) -> int:
    """Sum the EOBn runs of a stream coded with the 4-bit table (the reverse of ``_eob_runs``)."""
    raw = data.replace(b"\xff\x00", b"\xff")
    bits = "".join(f"{byte:08b}" for byte in raw)
    total, pos = 0, 0
    while pos + 4 <= len(bits) and bits[pos : pos + 4] != "1111":
        size = int(bits[pos : pos + 4], 2)
        extra = int(bits[pos + 4 : pos + 4 + size], 2) if size else 0
        total += (1 << size) + extra
        pos += 4 + size
    return total
