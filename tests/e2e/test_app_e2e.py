# SPDX-License-Identifier: GPL-3.0-or-later
"""Start gallery-app as a user would, in an X server (Xvfb), and drive it with keys
and a mouse click through xdotool.  What is on screen is read back from the
JSON the app writes when ``DATELINE_E2E_STATE`` is set.

Skipped with a reason when Xvfb or xdotool is missing (``apt-get install -y
xvfb xdotool``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from gallery_app.core.gallery.manifest import save_manifest
from tests.unit.ui.shell_fixtures import make_gallery

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        pytest.skip("Xvfb and xdotool are needed: apt-get install -y xvfb xdotool")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()  # blocks until the server is ready
    if not number:
        server.kill()
        pytest.skip("Xvfb did not start")
    yield f":{number}"
    server.terminate()
    server.wait(10)


class App:
    """The running app, its state file and an xdotool driver."""

    def __init__(self, qtbot, display: str, tmp_path: Path, gallery: Path) -> None:
        self.qtbot = qtbot
        self.state_file = tmp_path / "state.json"
        self.env = dict(os.environ)
        self.env.update(
            DISPLAY=display,
            QT_QPA_PLATFORM="xcb",
            DATELINE_HOME=str(tmp_path / "home"),
            DATELINE_E2E_STATE=str(self.state_file),
            PYTHONPATH=str(ROOT),
        )
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gallery_app", str(gallery)],
            env=self.env,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.stderr = ""

    def state(self) -> dict:
        try:
            return json.loads(self.state_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}

    def wait_for(self, **expected: object) -> dict:
        def shown() -> bool:
            now = self.state()
            return all(now.get(k) == v for k, v in expected.items())

        try:
            self.qtbot.wait_until(shown, timeout=10_000)
        except Exception:
            raise AssertionError(f"expected {expected}, app shows {self.state()}") from None
        return self.state()

    def xdotool(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.env, check=True, timeout=10)

    def key(self, name: str) -> None:
        self.xdotool("key", "--clearmodifiers", name)

    def click(self, x: int, y: int) -> None:
        self.xdotool("mousemove", "--sync", str(x), str(y), "click", "1")

    def focus(self, title: str) -> None:
        ids = subprocess.run(
            ["xdotool", "search", "--name", title],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=10,
        ).stdout.split()
        assert ids, f"no window named {title!r}"
        self.xdotool("windowfocus", "--sync", ids[-1])

    def quit(self) -> int:
        """Press Ctrl+Q; return the exit code and keep what went to stderr."""
        if self.proc.poll() is None:
            self.key("ctrl+q")
        try:
            _, self.stderr = self.proc.communicate(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            _, self.stderr = self.proc.communicate()
        return self.proc.returncode

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.communicate()


@pytest.fixture
def app(qtbot, display: str, tmp_path: Path) -> Iterator[App]:
    folder = tmp_path / "gallery"
    folder.mkdir()
    save_manifest(make_gallery(), folder / "gallery.json")
    running = App(qtbot, display, tmp_path, folder)
    yield running
    running.stop()


def test_keys_slideshow_and_timeline_click(app: App) -> None:
    state = app.wait_for(title="Fighting In Iraq — Dateline", count="11 of 11 photos shown")
    assert state["page"] == "grid" and state["grid_current"] == "e1"
    app.focus("Fighting In Iraq — Dateline")

    app.key("Right")
    app.wait_for(grid_current="e2")
    app.key("End")
    app.wait_for(grid_current="e11")
    app.key("Return")
    app.wait_for(page="photo", current="e11")
    app.key("Home")
    app.wait_for(current="e1")
    app.key("Right")
    app.wait_for(current="e2")

    app.key("F5")
    app.wait_for(slideshow=True, slideshow_entry="e2")
    app.key("space")
    app.wait_for(paused=True)
    app.key("Right")
    app.wait_for(slideshow_entry="e3")
    app.key("Escape")
    app.wait_for(slideshow=False, page="photo", current="e3")

    app.key("Escape")  # back to the grid, where the timeline is
    state = app.wait_for(page="grid")
    bars = state["bars"]
    assert len(bars) == 5  # March 30 – April 3
    x, y, w, h = bars[0]  # Monday, March 30: five photos
    app.click(x + w // 2, y + h - 3)
    app.wait_for(count="5 of 11 photos shown")

    assert app.quit() == 0


def test_ctrl_q_quits_with_code_0(app: App) -> None:
    app.wait_for(title="Fighting In Iraq — Dateline")
    app.focus("Fighting In Iraq — Dateline")
    assert app.quit() == 0
    assert "Traceback" not in app.stderr


def test_a_second_launch_hands_its_photo_to_the_running_window(app: App, tmp_path: Path) -> None:
    """ "Open with Dateline" on the second of three photos: the running window opens
    that folder at that photo, on the photo page — not at the folder's first photo."""
    from PIL import Image

    app.wait_for(title="Fighting In Iraq — Dateline")
    holiday = tmp_path / "Holiday 2019"
    holiday.mkdir()
    for i, (name, colour) in enumerate((("beach", "teal"), ("dunes", "tan"), ("pier", "gray"))):
        image = Image.new("RGB", (64, 48), colour)
        exif = Image.Exif()
        exif.get_ifd(0x8769)[0x9003] = f"2019:08:0{i + 1} 10:00:00"  # taken in this order
        image.save(holiday / f"{name}.jpg", exif=exif.tobytes())

    second = subprocess.run(
        [sys.executable, "-m", "gallery_app", str(holiday / "dunes.jpg")],
        env=app.env,
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert second.returncode == 0, second.stderr
    state = app.wait_for(
        title="Holiday 2019 — Dateline", count="3 of 3 photos shown", current="dunes.jpg"
    )
    assert state["page"] == "photo"
    assert state["grid_current"] == "dunes.jpg"
    assert app.proc.poll() is None  # the first window is still the one running
    assert app.quit() == 0
