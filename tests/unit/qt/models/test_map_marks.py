# SPDX-License-Identifier: GPL-3.0-or-later
"""The map's marks follow the shared filter while the map is shown, and catch up when shown."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QThreadPool
from pytestqt.qtbot import QtBot

from gallery_app.core.geo.marks import mark_for
from gallery_app.core.models import Entry, Location
from gallery_app.qt.models.filter_state import FilterState
from gallery_app.qt.models.map_marks import MapMarks


@pytest.fixture
def pool() -> Iterator[QThreadPool]:
    pool = QThreadPool()
    pool.setMaxThreadCount(1)
    yield pool
    pool.waitForDone()


def _entries() -> list[Entry]:
    gps = "EXIF GPS"
    return [
        Entry(
            id="a", position=1, caption="market", location=Location(lat=34.6, lon=43.7, source=gps)
        ),
        Entry(
            id="b", position=2, caption="river", location=Location(lat=33.3, lon=44.4, source=gps)
        ),
    ]


def test_a_hidden_map_does_not_follow_the_filter_until_it_is_shown(
    qtbot: QtBot, pool: QThreadPool
) -> None:
    state = FilterState()
    marks = MapMarks(state, pool)
    entries = _entries()
    marks.set_marks(entries, [m for e in entries if (m := mark_for(e)) is not None])
    assert len(marks.layer.pins) == 2
    marks.set_active(False)
    with qtbot.assert_not_emitted(marks.layer_changed):
        state.set_text("market")  # stepping the filter elsewhere: no work for the map
    assert len(marks.layer.pins) == 2
    with qtbot.wait_signal(marks.layer_changed, timeout=10_000) as changed:
        marks.set_active(True)
    assert [m.entry_id for m in changed.args[0].pins] == ["a"]
    with qtbot.wait_signal(marks.layer_changed, timeout=10_000):
        state.set_text("")  # shown: it follows at once
    assert len(marks.layer.pins) == 2
