# SPDX-License-Identifier: GPL-3.0-or-later
"""A second launch hands over its flags too: the desktop entry's "Slideshow"
action (``gallery-app --slideshow %F``) works while Dateline runs."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtNetwork import QLocalSocket

from gallery_app.qt.single_instance import Handover, SingleInstance

ROOT = Path(__file__).resolve().parents[3]
FORWARD = (
    "import sys, datetime as dt;"
    "from gallery_app.qt.single_instance import SingleInstance;"
    "ok = SingleInstance(sys.argv[1]).try_forward(sys.argv[2:], 5000, slideshow=True,"
    " date_from=dt.date(2015, 3, 30), date_to=dt.date(2015, 4, 1));"
    "sys.exit(0 if ok else 3)"
)


@pytest.fixture
def key() -> str:
    return f"dateline-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def server(qtbot, key: str):
    instance = SingleInstance(key)
    assert instance.listen()
    yield instance
    instance.close()


def test_the_slideshow_flag_and_dates_travel_with_the_paths(qtbot, server, key, tmp_path) -> None:
    photo = tmp_path / "a.jpg"
    with qtbot.wait_signal(server.handed_over, timeout=20000) as blocker:
        child = subprocess.Popen(
            [sys.executable, "-c", FORWARD, key, str(photo)],
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    handover = blocker.args[0]
    assert isinstance(handover, Handover)
    assert handover.paths == [str(photo)]
    assert handover.slideshow is True
    assert (handover.date_from, handover.date_to) == (dt.date(2015, 3, 30), dt.date(2015, 4, 1))
    qtbot.wait_until(lambda: child.poll() is not None, timeout=20000)
    assert child.returncode == 0


def _connected(qtbot, server) -> QLocalSocket:
    client = QLocalSocket()
    with qtbot.wait_signal(client.connected, timeout=5000):
        client.connectToServer(server.name)
    return client


def test_an_old_plain_paths_message_still_works(qtbot, server) -> None:
    client = _connected(qtbot, server)
    with qtbot.wait_signal(server.handed_over, timeout=5000) as blocker:
        client.write(json.dumps({"paths": ["/x.jpg"]}).encode() + b"\n")
    assert blocker.args[0] == Handover(paths=["/x.jpg"])


@pytest.mark.parametrize(
    "message",
    [{"paths": [], "slideshow": "yes"}, {"paths": [], "from": "not a day"}],
)
def test_bad_flags_are_dropped_without_a_signal(qtbot, server, message: dict) -> None:
    client = _connected(qtbot, server)
    with (
        qtbot.assert_not_emitted(server.handed_over),
        qtbot.wait_signal(client.disconnected, timeout=5000),
    ):
        client.write(json.dumps(message).encode() + b"\n")
