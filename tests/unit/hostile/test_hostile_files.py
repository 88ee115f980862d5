# SPDX-License-Identifier: GPL-3.0-or-later
"""Every kind of hostile file in ``corpus``: read, listed with its neighbours, thumbnailed.

For each kind the user must see what could be read and a sentence saying what
is wrong; the two sound photos in the same folder must load; nothing may raise
or log a traceback; and reading must not balloon memory.
"""

from __future__ import annotations

import logging
import tracemalloc
from pathlib import Path

import pytest

from gallery_app.core.loader import load_gallery
from gallery_app.core.metadata.reader import read_metadata
from gallery_app.core.models import Entry
from gallery_app.core.store import thumbcache
from tests.unit.hostile import corpus

# pytest turns every warning into an error (filterwarnings = error), but Pillow's
# advisory warnings about damaged EXIF are only logged in the app (captureWarnings):
# as errors they would make a readable photo unreadable in the tests alone.
pytestmark = [
    pytest.mark.filterwarnings("ignore::UserWarning:PIL"),
    pytest.mark.filterwarnings("ignore::UserWarning:PIL.TiffImagePlugin"),
    pytest.mark.filterwarnings("ignore::UserWarning:PIL.JpegImagePlugin"),
]

KINDS = sorted(corpus.FILE_KINDS)
PYTHON_PEAK_BYTES = 48 * 1024 * 1024  # generous: the 1 MB caption passes through XML once


def _no_tracebacks(caplog: pytest.LogCaptureFixture) -> None:
    broken = [r for r in caplog.records if r.exc_info or r.levelno >= logging.ERROR]
    assert not broken, [r.getMessage() for r in broken]


def _good(entries: tuple[Entry, ...]) -> dict[str, str]:
    return {e.id: e.caption for e in entries if e.id.startswith("good-")}


@pytest.mark.parametrize("kind", KINDS)
def test_reader_shows_what_it_can_and_says_what_is_wrong(
    kind: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    case = corpus.build(kind, tmp_path)
    tracemalloc.start()
    try:
        meta = read_metadata(case.path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    text = " ".join(meta.warnings).casefold()
    if case.warning is not None:
        assert case.warning.casefold() in text, meta.warnings
        # the sentence names the file the user sees (printably, for names that are not UTF-8)
        shown = case.path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        if kind not in ("sidecar_billion_laughs", "sidecar_binary_junk"):
            assert shown.casefold() in text, meta.warnings
    for name, value in case.fields.items():
        assert getattr(meta, name) == value, (name, getattr(meta, name))
    if case.status is not None:
        assert meta.info.status is case.status
    assert all("Traceback" not in w and "\n" not in w for w in meta.warnings)
    assert peak < PYTHON_PEAK_BYTES, f"{peak / 1e6:.1f} MB"
    _no_tracebacks(caplog)


@pytest.mark.parametrize(
    "kind", ["arabic_name", "symlink_loop", "folder_40_deep", "caption_of_nuls_and_controls"]
)
def test_nothing_is_wrong_with_unusual_but_sound_files(kind: str, tmp_path: Path) -> None:
    case = corpus.build(kind, tmp_path)
    assert read_metadata(case.path).warnings == ()


@pytest.mark.parametrize("kind", KINDS)
def test_the_other_photos_of_the_folder_load(
    kind: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    case = corpus.build(kind, tmp_path)
    gallery = load_gallery(tmp_path / kind)
    assert _good(gallery.entries) == {"good-0.jpg": "Good photo 0", "good-1.jpg": "Good photo 1"}
    ids = [e.id for e in gallery.entries]
    assert len(ids) == len(set(ids)), "a file listed twice"
    hostile = [e for e in gallery.entries if e.image is not None and e.image == case.path]
    if kind not in ("text_as_jpg", "html_as_jpg", "zero_byte"):
        # named as photos, so listed; only their content says otherwise
        assert len(hostile) == 1, ids
    if hostile and case.warning:
        assert case.warning.casefold() in " ".join(hostile[0].warnings).casefold()
    _no_tracebacks(caplog)


@pytest.mark.parametrize("kind", KINDS)
def test_thumbnailing_gives_a_thumbnail_or_a_fail_marker(
    kind: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    case = corpus.build(kind, tmp_path)
    result = thumbcache.ensure_thumbnail(case.path, "normal")
    if result.failed:
        assert thumbcache.has_failed(case.path)
        assert case.thumbnail_ok is not True, "a sound picture was not thumbnailed"
    else:
        assert result.path is not None and result.path.is_file()
        assert case.thumbnail_ok is not False, "a thumbnail of a file that has no picture"
    again = thumbcache.ensure_thumbnail(case.path, "normal")
    assert again.failed == result.failed  # from the cache or the marker, not decoded again
    _no_tracebacks(caplog)


def test_the_bomb_guard_is_still_on() -> None:
    from PIL import Image

    assert Image.MAX_IMAGE_PIXELS is not None
    assert Image.MAX_IMAGE_PIXELS <= 200_000_000
