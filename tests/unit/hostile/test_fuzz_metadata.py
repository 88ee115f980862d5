# SPDX-License-Identifier: GPL-3.0-or-later
"""Property-based: any bytes, any mutation of a real photo's metadata, gives FileMetadata
with sentences for warnings, quickly — never an exception (read_metadata, the loaders'
building block, promises never to raise for a bad file).

Also: the caption parser and article importer, already fuzzed with short text in
tests/unit/core, get long adversarial text here, since their regular expressions
are where time could explode.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gallery_app.core.metadata.reader import read_metadata
from gallery_app.core.metadata.values import FileMetadata
from tests.imaging import (
    exif_block,
    iptc_block,
    make_jpeg,
    make_png,
    make_tiff,
    xmp_packet,
)

pytestmark = [
    pytest.mark.filterwarnings("ignore::UserWarning"),
    pytest.mark.filterwarnings("ignore::RuntimeWarning"),
]

FUZZ = settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
TIME_BOUND = 2.0  # seconds of this thread's CPU per file (a sound file takes about a millisecond);
# CPU, not wall time, so that a busy machine does not fail the guard against runaway parsing

_SEEDS: dict[str, bytes] = {}


def _seed(kind: str) -> bytes:
    """A photo carrying EXIF (with GPS), IPTC and XMP: the material mutations start from."""
    if kind not in _SEEDS:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            exif = exif_block(
                description="Caption",
                artist="Ann",
                date_original="2015:03:30 10:00:00",
                orientation=6,
                gps=(33.3, 44.4),
                user_comment=b"ASCII\x00\x00\x00comment",
            )
            xmp = xmp_packet(description="XMP caption", city="Tikrit", creator=["A", "B"])
            if kind == "jpeg":
                path = make_jpeg(
                    folder / "s.jpg", exif=exif, iptc=iptc_block({"caption": "IPTC"}), xmp=xmp
                )
            elif kind == "png":
                path = make_png(folder / "s.png", exif=exif, xmp=xmp, text={"Title": "T"})
            else:
                path = make_tiff(folder / "s.tif", exif=exif, iptc=iptc_block({"city": "X"}))
            _SEEDS[kind] = path.read_bytes()
    return _SEEDS[kind]


def _check(data: bytes, name: str = "fuzz.jpg") -> FileMetadata:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        start = time.thread_time()
        meta = read_metadata(path)
        elapsed = time.thread_time() - start
    assert elapsed < TIME_BOUND, f"{elapsed:.2f} s"
    assert isinstance(meta, FileMetadata)
    for warning in meta.warnings:
        assert warning and "\n" not in warning and "Traceback" not in warning
        assert len(warning) < 600, warning[:200]
    for text in (meta.caption, meta.title, meta.creator, meta.credit, meta.copyright):
        assert text is None or (text.strip() and "\x00" not in text)
    return meta


@FUZZ
@given(st.binary(max_size=4000), st.sampled_from(["a.jpg", "a.png", "a.tif", "a.heic", "a"]))
def test_any_bytes(data: bytes, name: str) -> None:
    _check(data, name)


@FUZZ
@given(
    st.sampled_from(["jpeg", "png", "tiff"]),
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=10**6), st.binary(min_size=1, max_size=8)),
        min_size=1,
        max_size=12,
    ),
)
def test_mutated_photos(kind: str, patches: list[tuple[int, bytes]]) -> None:
    data = bytearray(_seed(kind))
    for offset, chunk in patches:
        at = offset % len(data)
        data[at : at + len(chunk)] = chunk
    _check(bytes(data), {"jpeg": "m.jpg", "png": "m.png", "tiff": "m.tif"}[kind])


@FUZZ
@given(st.sampled_from(["jpeg", "png", "tiff"]), st.integers(min_value=0, max_value=10**6))
def test_truncated_photos(kind: str, cut: int) -> None:
    data = _seed(kind)
    _check(data[: cut % len(data)], {"jpeg": "t.jpg", "png": "t.png", "tiff": "t.tif"}[kind])


@FUZZ
@given(
    st.sampled_from(["description", "artist", "date_original", "copyright"]),
    st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8", "replace")),
    st.integers(min_value=0, max_value=10) | st.none(),
)
def test_any_exif_values(field: str, value: bytes, orientation: int | None) -> None:
    if field == "date_original":
        block = exif_block(date_original=value.decode("latin-1"), orientation=orientation)
    else:
        block = exif_block(orientation=orientation, **{field: value})
    with tempfile.TemporaryDirectory() as tmp:
        data = make_jpeg(Path(tmp) / "x.jpg", exif=block).read_bytes()
    _check(data)


@FUZZ
@given(
    st.dictionaries(
        st.tuples(st.integers(1, 9), st.integers(0, 255)),
        st.binary(max_size=200),
        max_size=10,
    ),
    st.booleans(),
)
def test_any_iptc_datasets(fields: dict[tuple[int, int], bytes], utf8: bool) -> None:
    block = iptc_block(dict(fields.items()), declare_utf8=utf8)
    with tempfile.TemporaryDirectory() as tmp:
        data = make_jpeg(Path(tmp) / "x.jpg", iptc=block).read_bytes()
    _check(data)


@FUZZ
@given(st.text(max_size=400))
def test_any_xmp_text(text: str) -> None:
    from xml.sax.saxutils import escape

    packet = xmp_packet(description=text, extra=f"<dc:title>{escape(text)}</dc:title>")
    with tempfile.TemporaryDirectory() as tmp:
        data = make_png(Path(tmp) / "x.png", xmp=packet).read_bytes()
    _check(data, "x.png")


# --- long adversarial text for the caption parser and the article importer -----------------

_PIECES = [
    "BAGHDAD (AP) — ",
    "(AP Photo/Khalid Mohammed) ",
    "Monday, March 30, 2015 ",
    "In this Friday, April 3, 2015 photo, ",
    ", Iraq, ",
    "( ",
    ") ",
    "/ ",
    "— ",
    "1of2 ",
    "AP ",
    ". ",
    "  ",
    "\n",
    "ا",
    "é",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=200, max_size=2000))
def test_caption_parser_on_long_adversarial_text(pieces: list[str]) -> None:
    from gallery_app.core.captions.parse import parse_caption

    text = "".join(pieces)
    start = time.thread_time()
    parse_caption(text)
    assert time.thread_time() - start < TIME_BOUND


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([*_PIECES, "Open Image Modal\n", "Support\n"]), max_size=3000))
def test_article_importer_on_long_adversarial_text(pieces: list[str]) -> None:
    from gallery_app.core.article.importer import import_article
    from gallery_app.core.errors import ArticleError

    text = "".join(pieces)
    start = time.thread_time()
    try:
        import_article(text)
    except ArticleError as error:
        assert str(error) and "\n" not in str(error)
    assert time.thread_time() - start < TIME_BOUND
