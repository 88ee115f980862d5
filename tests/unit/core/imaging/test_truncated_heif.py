# SPDX-License-Identifier: GPL-3.0-or-later
"""A HEIC that did not all arrive is an error with a sentence, never a black picture."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from gallery_app.core.imaging.decode import DecodeError, decode_fitted


def test_a_truncated_heic_is_not_shown_as_a_black_frame(tmp_path: Path) -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    whole = tmp_path / "whole.heic"
    Image.new("RGB", (320, 240), (200, 40, 40)).save(whole, format="HEIF")
    decoded = decode_fitted(whole, (160, 160))
    assert decoded.source_size == (320, 240) and decoded.image.getextrema()[0][1] > 150
    cut = tmp_path / "cut.heic"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(DecodeError, match=r"cut\.heic"):
        decode_fitted(cut, (160, 160))
