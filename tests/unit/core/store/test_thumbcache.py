# SPDX-License-Identifier: GPL-3.0-or-later
"""The freedesktop thumbnail cache: names, validity, failures, previews."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageOps, ImageStat

from gallery_app.core.store import thumbcache
from tests.unit.photo_files import make_jpeg, photo_like


def test_name_is_md5_of_file_uri(tmp_path: Path) -> None:
    photo = tmp_path / "a b.jpg"
    uri = photo.absolute().as_uri()
    assert "a%20b.jpg" in uri
    assert thumbcache.thumbnail_name(photo) == hashlib.md5(uri.encode()).hexdigest() + ".png"
    assert thumbcache.thumbnail_path(photo, "large").parent.name == "large"
    assert thumbcache.size_name_for(100) == "normal"
    assert thumbcache.size_name_for(200) == "large"
    assert thumbcache.size_name_for(5000) == "xx-large"


def test_thumbnail_is_written_with_standard_keys_and_reused(tmp_path: Path) -> None:
    photo = make_jpeg(tmp_path / "photo.jpg", (1600, 1200))
    first = thumbcache.ensure_thumbnail(photo, "large")
    assert first.created and first.path is not None
    assert first.path.parent == thumbcache.paths.thumbnail_root() / "large"
    assert oct(first.path.stat().st_mode & 0o777) == "0o600"
    with Image.open(first.path) as png:
        assert max(png.size) == 256
        texts = png.text  # type: ignore[attr-defined]
    assert texts["Thumb::URI"] == photo.absolute().as_uri()
    assert texts["Thumb::MTime"] == str(int(photo.stat().st_mtime))
    assert texts["Thumb::Size"] == str(photo.stat().st_size)
    assert (texts["Thumb::Image::Width"], texts["Thumb::Image::Height"]) == ("1600", "1200")
    assert texts["Software"].startswith("Dateline")
    again = thumbcache.ensure_thumbnail(photo, "large")
    assert again.path == first.path and not again.created


def test_changed_file_invalidates_thumbnail(tmp_path: Path) -> None:
    photo = make_jpeg(tmp_path / "photo.jpg")
    assert thumbcache.ensure_thumbnail(photo, "normal").created
    stat = photo.stat()
    os.utime(photo, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    assert thumbcache.lookup(photo, "normal") is None
    assert thumbcache.ensure_thumbnail(photo, "normal").created


def test_orientation_is_applied(tmp_path: Path) -> None:
    photo = make_jpeg(tmp_path / "turned.jpg", (800, 400), orientation=6)
    result = thumbcache.ensure_thumbnail(photo, "normal", keep_image=True)
    assert result.image is not None
    assert result.image.size == (64, 128)  # portrait once turned upright
    with Image.open(result.path) as png:  # type: ignore[arg-type]
        assert png.text["Thumb::Image::Width"] == "400"  # type: ignore[attr-defined]


def test_unreadable_file_is_marked_failed_and_not_retried(tmp_path: Path) -> None:
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8 not really a jpeg")
    result = thumbcache.ensure_thumbnail(broken, "large")
    assert result.failed and result.path is None
    marker = thumbcache.fail_path(broken)
    assert marker.is_file() and marker.parent.name == thumbcache.FAIL_FOLDER
    assert thumbcache.has_failed(broken)
    # Once repaired (new mtime), the file is tried again.
    make_jpeg(broken)
    os.utime(broken, (1, 2_000_000_000))
    assert not thumbcache.has_failed(broken)
    assert thumbcache.ensure_thumbnail(broken, "large").created


def test_missing_file_fails_quietly(tmp_path: Path) -> None:
    assert thumbcache.ensure_thumbnail(tmp_path / "gone.jpg").failed


def test_decompression_bomb_guard_stays_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    photo = make_jpeg(tmp_path / "big.jpg", (400, 400))
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100)  # 160,000 px is now a "bomb"
    assert thumbcache.ensure_thumbnail(photo).failed


def test_embedded_preview_is_found_and_turned_upright(tmp_path: Path) -> None:
    photo = make_jpeg(tmp_path / "cam.jpg", (1600, 800), orientation=6, preview=160)
    data = thumbcache.embedded_preview(photo)
    assert data is not None and data.startswith(b"\xff\xd8")
    preview = thumbcache.embedded_preview_image(photo, min_edge=128)
    assert preview is not None and preview.size == (80, 160)
    assert thumbcache.embedded_preview_image(photo, min_edge=256) is None


def test_no_embedded_preview(tmp_path: Path) -> None:
    assert thumbcache.embedded_preview(make_jpeg(tmp_path / "plain.jpg")) is None
    text = tmp_path / "notes.txt"
    text.write_text("hello")
    assert thumbcache.embedded_preview(text) is None


def test_png_text_reader_ignores_garbage(tmp_path: Path) -> None:
    junk = tmp_path / "junk.png"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert thumbcache.read_png_text(junk) == {}
    assert thumbcache.read_png_text(tmp_path / "absent.png") == {}


def test_truncated_heic_decoder_eof_is_marked_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pillow-heif ends a truncated HEIC with EOFError: a failed thumbnail, not a crash."""
    photo = make_jpeg(tmp_path / "cut.heic", (64, 48))

    def truncated(_path: Path, _edge: int) -> None:
        raise EOFError("Decoder plugin generated an error: Unexpected end of file")

    monkeypatch.setattr(thumbcache, "_decode", truncated)
    result = thumbcache.ensure_thumbnail(photo, "large")
    assert result.failed and result.path is None
    assert thumbcache.has_failed(photo)


REAL_HEIC = Path(__file__).resolve().parents[5] / "shared/corpus/images/exiftool/QuickTime.heic"


@pytest.mark.skipif(not REAL_HEIC.is_file(), reason="no shared corpus")
def test_real_truncated_heic_gets_a_fail_marker() -> None:
    result = thumbcache.ensure_thumbnail(REAL_HEIC, "large")
    assert result.failed
    assert thumbcache.has_failed(REAL_HEIC)


@pytest.mark.parametrize("progressive", [False, True], ids=["baseline", "progressive"])
@pytest.mark.parametrize("orientation", [1, 6])
def test_thumbnail_looks_like_a_reference_downscale(
    tmp_path: Path, progressive: bool, orientation: int
) -> None:
    """DCT scaling, the DC-only path for progressive files and turning the small picture
    last change nothing a person would see: the stored PNG against the full-size photo
    turned upright and shrunk with Lanczos differs by about one level in 256."""
    exif = Image.Exif()
    exif[0x0112] = orientation
    photo = tmp_path / "big.jpg"
    photo_like((3000, 2000)).save(
        photo, "JPEG", quality=90, progressive=progressive, exif=exif.tobytes()
    )
    made = thumbcache.ensure_thumbnail(photo, "large")
    assert made.created and made.path is not None
    with Image.open(made.path) as png:
        thumb = png.convert("RGB")
    assert thumb.size == ((256, 171) if orientation == 1 else (171, 256))
    with Image.open(photo) as full:
        reference = ImageOps.exif_transpose(full).resize(thumb.size, Image.Resampling.LANCZOS)
    diff = ImageChops.difference(thumb, reference).convert("L")
    assert ImageStat.Stat(diff).mean[0] < 2.0
    histogram = diff.histogram()
    within_8 = sum(histogram[:9]) / sum(histogram)
    assert within_8 > 0.99  # 99 % of pixels within 8 levels
