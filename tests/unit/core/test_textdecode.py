# SPDX-License-Identifier: GPL-3.0-or-later
"""Defensive decoding of metadata text never raises and never shows garbage."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gallery_app.core import textdecode
from gallery_app.core.metadata.dates import BadDate, parse_exif_date, parse_iso_date


def test_user_comment_prefixes() -> None:
    assert textdecode.decode_user_comment(b"ASCII\x00\x00\x00hi\x00\x00") == "hi"
    assert textdecode.decode_user_comment(b"UNICODE\x00" + "Ça va".encode("utf-16-be")) == "Ça va"
    assert (
        textdecode.decode_user_comment(b"JIS\x00\x00\x00\x00\x00" + "東京".encode("shift_jis"))
        == "東京"
    )
    assert textdecode.decode_user_comment(b"\x00" * 8 + b"   ") is None


def test_nul_padding_and_whitespace_are_trimmed() -> None:
    assert textdecode.decode_text(b"  Caption\x00\x00\x00") == "Caption"
    assert textdecode.decode_xp("Grüße".encode("utf-16-le") + b"\x00\x00") == "Grüße"


@given(st.binary(max_size=200))
def test_any_bytes_decode_without_error(data: bytes) -> None:
    for func in (
        textdecode.decode_text,
        textdecode.decode_xp,
        textdecode.decode_user_comment,
        textdecode.decode_legacy,
    ):
        result = func(data)
        assert result is None or (result == result.strip() and result)


def test_dates_of_every_precision_and_impossible_ones() -> None:
    assert parse_iso_date("2015", "x").iso() == "2015"
    assert parse_iso_date("2015-06-01T10:20+02:00", "x").iso() == "2015-06-01T10:20:00+02:00"
    for bad in ("0000:00:00 00:00:00", "2015:13:45 00:00:00", "soon"):
        try:
            parse_exif_date(bad, "x")
        except BadDate as error:
            assert str(error)
        else:
            raise AssertionError(bad)
