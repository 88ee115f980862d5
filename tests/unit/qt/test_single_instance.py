# SPDX-License-Identifier: GPL-3.0-or-later
"""A second launch hands its files to the running Dateline instead of opening a new window."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalSocket

from gallery_app.qt.single_instance import SingleInstance, _user_name, server_name

ROOT = Path(__file__).resolve().parents[3]
FORWARD = (
    "import sys;"
    "from gallery_app.qt.single_instance import SingleInstance;"
    "sys.exit(0 if SingleInstance(sys.argv[1]).try_forward(sys.argv[2:], 5000) else 3)"
)


@pytest.fixture
def key():
    return f"dateline-test-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def server(qtbot, key):
    instance = SingleInstance(key)
    assert instance.listen()
    yield instance
    instance.close()


def test_second_process_hands_its_paths_to_the_first(qtbot, server, key, tmp_path):
    photo = tmp_path / "a photo.jpg"
    with qtbot.wait_signal(server.paths_received, timeout=20000) as blocker:
        child = subprocess.Popen(
            [sys.executable, "-c", FORWARD, key, str(photo), "relative.png"],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    assert blocker.args == [[str(photo), str(tmp_path / "relative.png")]]
    qtbot.wait_until(lambda: child.poll() is not None, timeout=20000)
    assert child.returncode == 0, "the second process did not see the confirmation"


def test_no_running_instance_means_no_forward(key):
    assert SingleInstance(key).try_forward(["/x.jpg"], timeout_ms=100) is False


def test_a_live_instance_is_not_replaced(server, key):
    assert SingleInstance(key).listen() is False


@pytest.mark.skipif(sys.platform == "win32", reason="stale socket files are a Unix matter")
def test_stale_socket_of_a_crashed_instance_is_removed(qtbot, key):
    path = Path(QDir.tempPath()) / server_name(key)
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(str(path))
    crashed.close()  # the file stays, as after a crash
    assert path.exists()
    instance = SingleInstance(key)
    try:
        assert instance.listen()
    finally:
        instance.close()


def test_server_name_tells_users_apart(key):
    assert server_name(key) == f"{key}-{_user_name()}"
    assert "/" not in server_name(key)


def test_garbage_is_dropped_without_a_signal(qtbot, server):
    client = QLocalSocket()
    with qtbot.wait_signal(client.connected, timeout=5000):
        client.connectToServer(server.name)
    with (
        qtbot.assert_not_emitted(server.paths_received),
        qtbot.wait_signal(client.disconnected, timeout=5000),
    ):
        client.write(b'{"paths": [1, 2]}\n')
