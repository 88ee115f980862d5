# SPDX-License-Identifier: GPL-3.0-or-later
"""Without a window manager the slideshow still covers the screen.

Runs a real X server (Xvfb) with no window manager in a child process:
``showFullScreen()`` alone left the window at Qt's default size there.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[4]
CHILD = """
import sys
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication
from gallery_app.qt.slideshow import SlideshowController
from gallery_app.qt.workers import ImageLoader
from gallery_app.ui.slideshow.window import SlideshowWindow
app = QApplication(sys.argv)
window = SlideshowWindow(SlideshowController(ImageLoader(QThreadPool())))
window.present()
size, screen = window.size(), window.screen().geometry()
print(size.width(), size.height(), screen.width(), screen.height())
"""


@pytest.fixture
def bare_display() -> Iterator[str]:
    if not shutil.which("Xvfb"):
        pytest.skip("Xvfb is needed: apt-get install -y xvfb")
    read_fd, write_fd = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    with os.fdopen(read_fd) as pipe:
        number = pipe.readline().strip()
    if not number:
        server.kill()
        pytest.skip("Xvfb did not start")
    yield f":{number}"
    server.terminate()
    server.wait(10)


def test_the_slideshow_takes_the_screen_size_without_a_window_manager(
    bare_display: str, tmp_path: Path
) -> None:
    env = {**os.environ, "DISPLAY": bare_display, "QT_QPA_PLATFORM": "xcb"}
    env.pop("WAYLAND_DISPLAY", None)
    done = subprocess.run(
        [sys.executable, "-c", CHILD],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    width, height, screen_w, screen_h = map(int, done.stdout.split()[-4:])
    assert (screen_w, screen_h) == (1280, 900)
    assert (width, height) == (screen_w, screen_h)
