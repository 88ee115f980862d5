# SPDX-License-Identifier: GPL-3.0-or-later
"""The grid's thumbnail provider over every hostile file: a QImage (maybe null) each, no crash."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from gallery_app.qt.loading.thumbnails import ThumbnailProvider
from gallery_app.qt.pools import make_pool
from tests.unit.hostile import corpus

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


def test_every_hostile_file_gives_an_image_or_a_null_image(
    qtbot: QtBot, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    provider = ThumbnailProvider(make_pool(2))
    results: dict[str, list[tuple[QImage, bool]]] = {}
    provider.thumbnail_ready.connect(
        lambda key, image, preview: results.setdefault(key, []).append((image, preview))
    )
    cases = {kind: corpus.build(kind, tmp_path) for kind in corpus.FILE_KINDS}
    for kind, case in cases.items():
        provider.request(kind, case.path, 128)
    qtbot.wait_until(lambda: provider.pending() == 0, timeout=60_000)
    for kind, case in cases.items():
        finals = [image for image, preview in results[kind] if not preview]
        assert len(finals) == 1, kind
        if case.thumbnail_ok is True:
            assert not finals[0].isNull(), kind
            assert max(finals[0].width(), finals[0].height()) <= 128
        elif case.thumbnail_ok is False:
            assert finals[0].isNull(), kind
    assert not [r.getMessage() for r in caplog.records if r.exc_info]
    provider.wait_for_done(10_000)
