# SPDX-License-Identifier: GPL-3.0-or-later
"""Every test runs with Dateline's folders redirected into its own tmp_path."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def dateline_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """DATELINE_HOME and XDG dirs point into a fresh folder: no test touches the real home."""
    home = tmp_path_factory.mktemp("dateline-home")
    monkeypatch.setenv("DATELINE_HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "xdg-cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "xdg-state"))
    yield home
