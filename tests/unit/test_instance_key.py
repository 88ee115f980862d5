# SPDX-License-Identifier: GPL-3.0-or-later
"""One instance per session: the handover key names the display and the data folder.

Before, the key named the user only, so a launch on another display or with
another HOME was handed to a window on a screen nobody was looking at, and
exited 0.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gallery_app.app import instance_key
from gallery_app.qt.single_instance import SingleInstance


def _key(monkeypatch: pytest.MonkeyPatch, home: Path, display: str, wayland: str = "") -> str:
    monkeypatch.setenv("DATELINE_HOME", str(home))
    monkeypatch.setenv("DISPLAY", display)
    monkeypatch.setenv("WAYLAND_DISPLAY", wayland)
    monkeypatch.setenv("XDG_RUNTIME_DIR", "/run/user/1000")
    return instance_key()


def test_the_same_session_shares_one_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert _key(monkeypatch, tmp_path, ":0") == _key(monkeypatch, tmp_path, ":0")


def test_another_display_or_wayland_socket_is_another_instance(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    keys = {
        _key(monkeypatch, tmp_path, ":0"),
        _key(monkeypatch, tmp_path, ":1"),
        _key(monkeypatch, tmp_path, ":0", "wayland-0"),
        _key(monkeypatch, tmp_path, ":0", "wayland-1"),
    }
    assert len(keys) == 4


def test_another_data_folder_is_another_instance(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert _key(monkeypatch, tmp_path / "a", ":0") != _key(monkeypatch, tmp_path / "b", ":0")
    monkeypatch.delenv("DATELINE_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home-one"))
    one = instance_key()
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "home-two"))
    assert instance_key() != one


def test_a_launch_on_another_display_is_not_handed_over(
    qtbot: object, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    running = SingleInstance(_key(monkeypatch, tmp_path, ":0"))
    assert running.listen()
    try:
        other = SingleInstance(_key(monkeypatch, tmp_path, ":1"))
        assert not other.try_forward([], 500)  # it starts its own window instead
        assert other.listen()  # and becomes the instance of its own display
        other.close()
    finally:
        running.close()
