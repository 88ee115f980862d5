# SPDX-License-Identifier: GPL-3.0-or-later
"""Settings in a config folder that is missing, read-only or full: used, not saved, said once."""

from __future__ import annotations

from pathlib import Path

import pytest

from gallery_app.core.store import notices as notices_mod
from gallery_app.core.store.notices import StorageNotices
from gallery_app.qt.settings import Settings
from tests.unit.hostile_disk import cases, hostile_folder


@pytest.mark.parametrize(("kind", "way"), cases())
def test_settings_work_for_the_session_and_say_they_are_not_saved(
    dateline_home: Path, kind: str, way: str
) -> None:
    config = dateline_home / "config"
    first = Settings()
    first.slideshow_interval = 9
    first.sync()
    before = (config / "dateline.ini").read_bytes()
    del first
    with hostile_folder(config, kind, way):
        notices = StorageNotices()
        settings = Settings(notices=notices)
        if kind != "missing":
            assert settings.slideshow_interval == 9  # what was saved is still read
        settings.slideshow_interval = 42
        assert settings.slideshow_interval == 42  # and this session's change is used
        assert settings.sync() is False
        assert settings.sync() is False
        sentences = [n.sentence() for n in notices.notices()]
        assert len(sentences) == 1, sentences
        assert sentences[0].startswith(f"{notices_mod.SETTINGS} are not being saved: ")
        assert "dateline.ini" in sentences[0]
        if kind != "missing":
            assert (config / "dateline.ini").read_bytes() == before
            assert not list(config.glob("*.broken-*"))


def test_a_new_settings_file_is_private(dateline_home: Path) -> None:
    settings = Settings()
    settings.slideshow_interval = 7
    assert settings.sync()
    assert settings.path.stat().st_mode & 0o777 == 0o600
    assert settings.path.parent.stat().st_mode & 0o777 == 0o700
